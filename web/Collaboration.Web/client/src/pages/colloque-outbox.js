// The organiser's view of a colloque's emails (Pages/Colloque/_Outbox.cshtml): one row per email, newest first,
// with the server's answer when it failed and a resend button; read from the colloque's outbox ledger.
import { api, ApiError } from '../api.js';
import { addMessages, onLangChange, t } from '../i18n.js';
import notifications from '../../../Messages/notifications.json' with { type: 'json' };
import { el } from '../colloque-common.js';
import { formatDateTime } from '../zoned-time.js';

addMessages(notifications);

const id = new URLSearchParams(location.search).get('id');
const section = document.querySelector('[data-colloque-outbox]');
const body = section?.querySelector('tbody');
const status = section?.querySelector('[data-outbox-status]');
let messages = [];

if (section && id) {
  section.hidden = false;
  section.querySelector('[data-action="refresh-outbox"]').addEventListener('click', load);
  onLangChange(render);
  load();
}

async function load() {
  try {
    messages = await api.get(`/api/colloques/${encodeURIComponent(id)}/outbox`);
    render();
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : t('error.network');
  }
}

function render() {
  body.replaceChildren(...(messages.length === 0
    ? [el('tr', {}, el('td', { text: t('notifications.outbox.empty'), colspan: '6' }))]
    : messages.slice().reverse().map(row)));
}

/** Code, recipient, subject, state (with the server's answer when it failed), when, and a resend for a failed one. */
function row(m) {
  const state = el('td', { text: t(`notifications.outbox.status.${m.status}`), 'data-status': m.status });
  if (m.status === 'Failed' && m.lastError) state.append(el('br'), el('small', { text: m.lastError }));
  const action = el('td');
  if (m.canResend) {
    const button = el('button', { type: 'button', class: 'button button--quiet', 'data-action': 'resend', text: t('notifications.outbox.resend') });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api.post(`/api/colloques/${encodeURIComponent(id)}/outbox/${encodeURIComponent(m.code)}/${m.id}/resend`);
        status.textContent = t('notifications.outbox.resent');
        await load();
      } catch (error) {
        button.disabled = false;
        status.textContent = error instanceof ApiError ? error.message : t('error.network');
      }
    });
    action.append(button);
  }
  const to = m.to ? `${m.toName} <${m.to}>` : '—';
  return el('tr', { 'data-mail-id': `${m.code}/${m.id}` },
    el('td', { text: m.code }), el('td', { text: to }), el('td', { text: m.subject ?? '' }), state,
    el('td', { text: formatDateTime(m.sentAt ?? m.createdAt) }), action);
}
