// The organiser's colloque page: create a colloque, import the list (preview, then slices with a progress
// bar), desks and their pairing codes, and one attendee's badge, data export and erasure.
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { getLang, t } from '../i18n.js';
import { categoryLabel, el, fillCategories, formatTime } from '../colloque-common.js';

const SLICE = 250;
const id = new URLSearchParams(location.search).get('id');

start();

async function start() {
  await requireUser();
  if (id) {
    await showColloque();
  } else {
    await showList();
  }
}

function message(error) {
  return error instanceof ApiError ? error.message : t('error.network');
}

async function showList() {
  const list = document.querySelector('[data-testid=colloque-list]');
  const colloques = await api.get('/api/colloques');
  list.replaceChildren(...colloques.map((c) => el('li', {}, el('a', { href: `/colloque.html?id=${c.id}`, text: `${c.title} — ${c.date} — ${c.venue}` }))));
  const form = document.querySelector('[data-testid=create-colloque]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.post('/api/colloques', Object.fromEntries(new FormData(form)));
      location.assign(`/colloque.html?id=${created.id}`);
    } catch (error) {
      form.querySelector('[data-create-error]').textContent = message(error);
    }
  });
}

async function showColloque() {
  document.querySelector('[data-list-section]').hidden = true;
  document.querySelector('[data-colloque-section]').hidden = false;
  const colloque = await api.get(`/api/colloques/${id}`);
  document.querySelector('[data-colloque-title]').textContent = `${colloque.title} — ${colloque.date} — ${colloque.venue}`;
  document.querySelector('[data-dashboard-link]').href = `/colloque-dashboard.html?id=${id}`;
  document.querySelector('[data-csv-link]').href = `/api/colloques/${id}/attendance.csv`;
  renderDesks(colloque.desks, {});
  setupImport();
  setupDesks(colloque.desks);
  setupPeople();
}

// ---- import ---------------------------------------------------------------------------------------

async function postFile(path, file) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF': '1', 'Content-Type': 'text/csv' }, body: file });
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response.json();
}

function setupImport() {
  const input = document.querySelector('[data-testid=import-file]');
  const preview = document.querySelector('[data-testid=import-preview]');
  const apply = document.querySelector('[data-testid=import-apply]');
  const progress = document.querySelector('[data-testid=import-progress]');
  const result = document.querySelector('[data-import-result]');
  let file = null;
  let total = 0;
  input.addEventListener('change', async () => {
    file = input.files?.[0] ?? null;
    apply.hidden = true;
    result.textContent = '';
    preview.replaceChildren();
    if (!file) {
      return;
    }
    try {
      const p = await postFile(`/api/colloques/${id}/registrations/import?mode=preview`, file);
      total = p.total;
      preview.append(el('p', { text: t('colloque.admin.preview', { total: p.total, valid: p.valid, errors: p.errors.length, encoding: p.encoding, delimiter: p.delimiter }) }));
      preview.append(el('ul', { class: 'import-errors', 'data-testid': 'import-errors' }, ...p.errors.map((e) =>
        el('li', { 'data-line': e.line, text: t('colloque.admin.line', { line: e.line, message: e.messages.map((m) => m[getLang()]).join(' ') }) }))));
      apply.hidden = p.valid === 0;
    } catch (error) {
      preview.append(el('p', { class: 'form-error', text: message(error) }));
    }
  });
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    progress.hidden = false;
    progress.max = Math.max(1, total);
    progress.value = 0;
    const sum = { created: 0, updated: 0, errors: 0 };
    try {
      for (let from = 0; from < total; from += SLICE) {
        const r = await postFile(`/api/colloques/${id}/registrations/import?mode=apply&from=${from}&count=${SLICE}`, file);
        sum.created += r.created;
        sum.updated += r.updated;
        sum.errors += r.errors.length;
        progress.value = r.processed;
      }
      result.textContent = t('colloque.admin.importDone', sum);
    } catch (error) {
      result.textContent = message(error);
    } finally {
      apply.disabled = false;
    }
  });
}

// ---- desks ----------------------------------------------------------------------------------------

function renderDesks(desks, codes) {
  document.querySelector('[data-testid=desk-list]').replaceChildren(...desks.map((d) => {
    const again = el('button', { type: 'button', class: 'button', text: t('colloque.admin.newCode') });
    again.addEventListener('click', async () => {
      const issued = await api.post(`/api/colloques/${id}/desks/${d.deskId}/pairing-code`);
      codes[d.deskId] = issued;
      renderDesks(desks, codes);
    });
    const code = codes[d.deskId];
    return el('li', { 'data-desk-id': d.deskId },
      el('strong', { text: d.name }),
      code ? el('span', { class: 'pairing-code', 'data-testid': 'pairing-code', text: t('colloque.admin.pairingCode', { code: code.pairingCode, time: formatTime(code.expiresAt) }) }) : null,
      again);
  }));
}

function setupDesks(initial) {
  const desks = [...initial];
  const codes = {};
  const form = document.querySelector('[data-testid=create-desk]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.post(`/api/colloques/${id}/desks`, Object.fromEntries(new FormData(form)));
      desks.push({ deskId: created.deskId, name: created.name });
      codes[created.deskId] = created;
      renderDesks(desks, codes);
      form.reset();
    } catch (error) {
      alert(message(error));
    }
  });
}

// ---- one person -----------------------------------------------------------------------------------

function setupPeople() {
  fillCategories(document.getElementById('a-cat'));
  const form = document.querySelector('[data-testid=add-attendee]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const r = await api.post(`/api/colloques/${id}/registrations`, Object.fromEntries(new FormData(form)));
      document.querySelector('[data-add-result]').textContent = t('colloque.admin.added', { code: r.code });
      form.reset();
    } catch (error) {
      document.querySelector('[data-add-result]').textContent = message(error);
    }
  });
  const search = document.getElementById('people-search');
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => findPeople(search.value), 200);
  });
}

async function findPeople(query) {
  const list = document.querySelector('[data-testid=people-results]');
  if (!query.trim()) {
    list.replaceChildren();
    return;
  }
  const results = await api.get(`/api/colloques/${id}/search?q=${encodeURIComponent(query)}`);
  list.replaceChildren(...results.map((a) => {
    const erase = el('button', { type: 'button', class: 'button button--danger', text: t('colloque.admin.erase') });
    erase.addEventListener('click', async () => {
      if (!confirm(t('colloque.admin.eraseConfirm', { name: a.name }))) {
        return;
      }
      await api.delete(`/api/colloques/${id}/registrations/${a.code}`);
      erase.replaceWith(el('span', { text: t('colloque.admin.erased') }));
    });
    let undo = null;
    if (a.checkedInAt) {
      undo = el('button', { type: 'button', class: 'button', text: t('colloque.admin.undo') });
      undo.addEventListener('click', async () => {
        try {
          await api.delete(`/api/colloques/${id}/checkins/${a.code}`);
          undo.replaceWith(el('span', { text: t('colloque.admin.undone') }));
        } catch (error) {
          undo.replaceWith(el('span', { class: 'form-error', text: message(error) }));
        }
      });
    }
    let cancelled = a.cancelled;
    const cancel = el('button', { type: 'button', class: 'button', text: t(cancelled ? 'colloque.admin.reinstate' : 'colloque.admin.cancel') });
    cancel.addEventListener('click', async () => {
      try {
        await api.post(`/api/colloques/${id}/registrations/${a.code}/cancel`, { cancelled: !cancelled });
        cancelled = !cancelled;
        cancel.textContent = t(cancelled ? 'colloque.admin.reinstate' : 'colloque.admin.cancel');
      } catch (error) {
        cancel.replaceWith(el('span', { class: 'form-error', text: message(error) }));
      }
    });
    return el('li', { class: `result-item cat-${a.category}`, 'data-code': a.code },
      el('span', { class: 'result-item__name', text: `${a.name} (${a.code})` }),
      el('span', { class: 'result-item__meta', text: `${a.organisation} · ${categoryLabel(a.category)}${a.checkedInAt ? ` · ✓ ${formatTime(a.checkedInAt)}` : ''}` }),
      el('a', { class: 'button', href: `/colloque-badge.html?colloque=${id}&code=${a.code}`, text: t('colloque.admin.badge') }),
      el('a', { class: 'button', href: `/api/colloques/${id}/registrations/${a.code}`, download: `inscription-${a.code}.json`, text: t('colloque.admin.export') }),
      undo,
      cancel,
      erase);
  }));
}
