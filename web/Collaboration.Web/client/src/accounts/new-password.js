// The form behind a link from an email (invitation, password reset): the token is read from the
// #fragment (never sent to the server in a URL or a referrer), wiped from the address, then posted
// once with the chosen password.
import { ApiError, api } from '../api.js';
import { getLang, onLangChange, t } from '../i18n.js';

/** Mounts the form; path is the endpoint, done(answer) runs after success. */
export function mountNewPasswordForm(path, done) {
  const form = document.querySelector('[data-new-password-form]');
  const error = form.querySelector('[data-testid="new-password-error"]');
  const password = form.elements.namedItem('password');
  const again = form.elements.namedItem('again');
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  history.replaceState(null, '', location.pathname);
  let shown = null;
  const show = (message) => {
    shown = message;
    error.textContent = message ? message() : '';
  };
  onLangChange(() => show(shown));
  if (!token) {
    show(() => t('accounts.password.noToken'));
    form.querySelector('button[type="submit"]').disabled = true;
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(null);
    if (password.value !== again.value) {
      again.setAttribute('aria-invalid', 'true');
      again.focus();
      show(() => t('accounts.password.mismatch'));
      return;
    }
    again.removeAttribute('aria-invalid');
    try {
      done(await api.post(path, { token, password: password.value }));
    } catch (failure) {
      const problem = failure instanceof ApiError ? failure : null;
      show(() => problem?.problem?.errors?.password?.[getLang()] ?? (problem ? problem.localizedMessage() : t('error.network')));
      password.focus();
    }
  });
}
