// A badge to print: name large, organisation, category colour, QR of the registration code.
import { api, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { categoryLabel } from '../colloque-common.js';

const params = new URLSearchParams(location.search);
const colloque = params.get('colloque') ?? '';
const code = params.get('code') ?? '';
const card = document.querySelector('[data-testid=badge]');

try {
  const badge = await api.get(`/api/colloques/${colloque}/registrations/${encodeURIComponent(code)}/badge`);
  card.classList.add(`cat-${badge.category}`);
  card.querySelector('[data-name]').textContent = badge.name;
  card.querySelector('[data-organisation]').textContent = badge.organisation;
  card.querySelector('[data-category]').textContent = categoryLabel(badge.category);
  card.querySelector('[data-code]').textContent = badge.code;
  const qr = card.querySelector('[data-qr]');
  qr.src = badge.qrUrl;
  qr.alt = t('colloque.badge.qr', { code: badge.code });
  document.querySelector('[data-print]').addEventListener('click', async () => {
    window.print();
    await api.post(`/api/colloques/${colloque}/registrations/${encodeURIComponent(code)}/badge-printed`).catch(() => {});
  });
} catch (error) {
  card.textContent = error instanceof ApiError ? error.message : String(error);
}
