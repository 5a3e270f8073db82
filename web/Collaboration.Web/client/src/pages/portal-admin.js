// The organiser's page for the portal's texts: each form saves through /api/portal with the version it
// was shown (a stale save is refused and says so), then the page is fetched again.
import { api } from '../api.js';
import { addMessages, t } from '../i18n.js';
import { reloadOnLanguageChange } from '../portal.js';
import partnerMessages from '../../../Messages/partners.json' with { type: 'json' };

addMessages(partnerMessages); // the link to the partner organisations' page

reloadOnLanguageChange();

function fields(form) {
  const data = Object.fromEntries(new FormData(form));
  return { titleFr: data.titleFr, titleEn: data.titleEn, bodyFr: data.bodyFr ?? '', bodyEn: data.bodyEn ?? '', publishedOn: data.publishedOn || null };
}

for (const form of document.querySelectorAll('form.portal-text')) {
  const status = form.querySelector('[data-status]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = fields(form);
    try {
      if (form.dataset.kind === 'about') await api.put('/api/portal/about', { ...body, expectedVersion: Number(form.dataset.version) });
      else if (form.dataset.kind === 'news-new') await api.post('/api/portal/news', body);
      else await api.put(`/api/portal/news/${form.dataset.id}`, { ...body, expectedVersion: Number(form.dataset.version) });
      status.textContent = t('portal.admin.saved');
      globalThis.location.reload();
    } catch (error) {
      status.textContent = error.message;
    }
  });
  form.querySelector('[data-action="delete"]')?.addEventListener('click', async () => {
    try {
      await api.delete(`/api/portal/news/${form.dataset.id}`);
      globalThis.location.reload();
    } catch (error) {
      status.textContent = error.message;
    }
  });
}
