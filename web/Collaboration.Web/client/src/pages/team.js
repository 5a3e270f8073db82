// The team page: invite, deactivate or reactivate a colleague, reset their second factor, and enrol one's own.
// The list is the server's; after each change the page is fetched again.
import '../accounts/messages.js';
import { ApiError, api } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { formatDateTime } from '../zoned-time.js';

const status = document.querySelector('[data-team-status]');
let shown = null;
const show = (message) => {
  shown = message;
  status.textContent = message ? message() : '';
};
const failed = (error) => show(() => (error instanceof ApiError ? error.localizedMessage() : t('error.network')));

function renderTimes() {
  for (const time of document.querySelectorAll('time[data-when]')) time.textContent = formatDateTime(time.dateTime);
}
renderTimes();
onLangChange(() => {
  renderTimes();
  show(shown);
});

const actions = {
  deactivate: (email) => api.post(`/api/organisers/${encodeURIComponent(email)}/deactivate`),
  reactivate: (email) => api.post(`/api/organisers/${encodeURIComponent(email)}/reactivate`),
  'reset-factor': (email) => api.post(`/api/organisers/${encodeURIComponent(email)}/second-factor/reset`),
  reinvite: (email, button) => api.post('/api/organisers/invitations', { email, displayName: button.dataset.name }),
};
const confirmations = { deactivate: 'accounts.team.confirmDeactivate', 'reset-factor': 'accounts.team.confirmResetFactor' };

document.querySelector('[data-testid="team-list"]').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-action]');
  if (!button) return;
  const { action } = button.dataset;
  const email = button.closest('tr').dataset.email;
  if (confirmations[action] && !globalThis.confirm(t(confirmations[action], { email }))) return;
  button.disabled = true;
  try {
    await actions[action](email, button);
    location.reload();
  } catch (error) {
    button.disabled = false;
    failed(error);
  }
});

document.querySelector('[data-invite-form]').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const data = Object.fromEntries(new FormData(form));
  try {
    await api.post('/api/organisers/invitations', { email: data.email.trim(), displayName: data.displayName.trim(), language: data.language || null });
    form.reset();
    show(() => t('accounts.team.invited', { email: data.email.trim() }));
    setTimeout(() => location.reload(), 1500);
  } catch (error) {
    failed(error);
  }
});

const factor = document.querySelector('[data-factor]');
const enrolment = factor.querySelector('[data-enrolment]');
factor.querySelector('[data-action="enrol"]').addEventListener('click', async (event) => {
  try {
    const answer = await api.post('/api/auth/second-factor/totp');
    factor.querySelector('[data-qr]').innerHTML = answer.qrSvg; // SVG the server drew from the otpauth address
    factor.querySelector('[data-secret]').textContent = answer.secret;
    enrolment.hidden = false;
    event.target.hidden = true;
    enrolment.querySelector('input[name="code"]').focus();
  } catch (error) {
    failed(error);
  }
});
factor.querySelector('[data-confirm-form]').addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = event.currentTarget.elements.namedItem('code').value.trim();
  try {
    const answer = await api.post('/api/auth/second-factor/totp/confirm', { code });
    enrolment.hidden = true;
    const list = factor.querySelector('[data-testid="recovery-codes"]');
    list.replaceChildren(...answer.recoveryCodes.map((value) => Object.assign(document.createElement('li'), { textContent: value })));
    factor.querySelector('[data-recovery]').hidden = false;
    factor.querySelector('[data-testid="factor-state"]').textContent = t('accounts.factor.on');
    show(() => t('accounts.factor.enrolled'));
  } catch (error) {
    failed(error);
  }
});
