// The organisers' page for the partner organisations (/portail/organismes): each form saves through
// /api/partners (edits with the version they were shown: a stale save is refused, says so, and the page
// shows the current version); "hide from the portal" saves the same organisation with isPublic flipped.
// Refusals are shown beside the fields the problem details name. After a save the page is fetched again.
import { api, ApiError } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { showProblem } from '../colloque/programme.js';
import { reloadOnLanguageChange } from '../portal.js';
import messages from '../../../Messages/partners.json' with { type: 'json' };

addMessages(messages);
reloadOnLanguageChange();

const list = (value) => String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function read(form) {
  const data = new FormData(form);
  return {
    name: data.get('name'),
    mrc: data.get('mrc'),
    sector: data.get('sector'),
    services: data.getAll('services'),
    address: data.get('address'),
    website: data.get('website'),
    contactName: data.get('contactName'),
    contactEmail: data.get('contactEmail'),
    contactPhone: data.get('contactPhone'),
    languages: list(data.get('languages')),
    descriptionFr: data.get('descriptionFr'),
    descriptionEn: data.get('descriptionEn'),
    aliases: list(data.get('aliases')),
    isPublic: form.elements.isPublic.checked,
  };
}

async function save(form, body) {
  const status = form.querySelector('[data-status]');
  showProblem(form, status, null);
  try {
    if (form.dataset.kind === 'create') await api.post('/api/partners', body);
    else await api.put(`/api/partners/${form.dataset.id}`, { ...body, expectedVersion: Number(form.dataset.version) });
    status.textContent = t('partners.admin.saved');
    globalThis.location.reload();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'stale') {
      status.textContent = t('partners.admin.stale');
      setTimeout(() => globalThis.location.reload(), 2500);
    } else if (error instanceof ApiError && error.problem?.errors) {
      showProblem(form, status, error.problem);
    } else {
      status.textContent = error.message;
    }
  }
}

for (const form of document.querySelectorAll('form.partner-form')) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form, read(form));
  });
  form.querySelector('[data-action="toggle-public"]')?.addEventListener('click', () => {
    form.elements.isPublic.checked = !form.elements.isPublic.checked;
    save(form, read(form));
  });
}

// Likely duplicates: "keep this one" merges the other into it (the duplicate's version as shown: a change meanwhile is refused).
const mergeStatus = document.querySelector('[data-merge-status]');
for (const button of document.querySelectorAll('button[data-action="merge"]')) {
  button.addEventListener('click', async () => {
    const { survivor, duplicate, version, kept, merged } = button.dataset;
    if (!globalThis.confirm(t('partners.admin.confirmMerge', { kept, merged }))) return;
    button.disabled = true;
    try {
      await api.post(`/api/partners/${duplicate}/merge`, { survivorId: survivor, expectedVersion: Number(version) });
      mergeStatus.textContent = t('partners.admin.mergedDone');
      globalThis.location.reload();
    } catch (error) {
      button.disabled = false;
      mergeStatus.textContent = error instanceof ApiError ? error.localizedMessage() : error.message;
      if (error instanceof ApiError && error.code === 'stale') setTimeout(() => globalThis.location.reload(), 2500);
    }
  });
}
