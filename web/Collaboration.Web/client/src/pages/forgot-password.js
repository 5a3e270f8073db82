// "Forgot my password": the answer is the same whether or not an account exists (the link goes only to its own email).
import '../accounts/messages.js';
import { ApiError, api } from '../api.js';
import { getLang, onLangChange, t } from '../i18n.js';

const form = document.querySelector('[data-forgot-form]');
const status = document.querySelector('[data-testid="forgot-status"]');
let shown = null;
const show = (message) => {
  shown = message;
  status.textContent = message ? message() : '';
};
onLangChange(() => show(shown));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = form.elements.namedItem('email');
  if (!email.value.trim() || !email.validity.valid) {
    show(() => t('login.invalidEmail'));
    email.focus();
    return;
  }
  try {
    await api.post('/api/auth/password-reset', { email: email.value.trim(), language: getLang() });
    show(() => t('accounts.forgot.sent'));
  } catch (error) {
    show(() => (error instanceof ApiError ? error.localizedMessage() : t('error.network')));
  }
});
