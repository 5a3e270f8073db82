// The login page: sign in, then go to ?returnUrl (a local path, checked by the server, then here again), or to the person's own work
// when none was asked for (the site's home, where the header's sign-in link starts, is the public portal: not an organiser's work).
import { ApiError } from '../api.js';
import { localPath, signIn } from '../auth.js';
import { onLangChange, t } from '../i18n.js';
import { wireSignInLinkForm } from '../meetings/sign-in-link.js';
import '../accounts/messages.js';

const form = document.querySelector('[data-login-form]');
const email = form.elements.namedItem('email');
const password = form.elements.namedItem('password');
const code = form.elements.namedItem('code');
const codeField = form.querySelector('[data-code-field]');
const submit = form.querySelector('button[type="submit"]');
const errorRegion = document.querySelector('[data-testid="login-error"]');

/** Where each role's work starts: the desk's scanner, else the Table's meetings. */
function workOf(role) {
  return role === 'desk' ? '/colloque-desk.html' : '/meetings.html';
}

let shownError = null; // () => string, so the message follows a language switch

/** Shows message() in the error region; field (when the fault is one field's) is marked invalid and focused. */
function showError(message, field) {
  shownError = message;
  errorRegion.textContent = message();
  if (field) {
    field.setAttribute('aria-invalid', 'true');
  }
  (field ?? password).focus();
}

function clearError() {
  shownError = null;
  errorRegion.textContent = '';
  email.removeAttribute('aria-invalid');
  code.removeAttribute('aria-invalid');
  password.removeAttribute('aria-invalid');
}

onLangChange(() => {
  if (shownError) {
    errorRegion.textContent = shownError();
  }
  submit.textContent = t(form.getAttribute('aria-busy') === 'true' ? 'login.submitting' : 'login.submit');
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearError();
  if (!email.value.trim() || !password.value) {
    showError(() => t('login.missingFields'), email.value.trim() ? password : email);
    return;
  }
  if (!email.validity.valid) {
    showError(() => t('login.invalidEmail'), email);
    return;
  }

  let user;
  form.setAttribute('aria-busy', 'true');
  submit.disabled = true;
  submit.textContent = t('login.submitting');
  try {
    user = await signIn(email.value.trim(), password.value, codeField.hidden ? undefined : code.value.trim());
  } catch (error) {
    form.removeAttribute('aria-busy');
    submit.disabled = false;
    submit.textContent = t('login.submit');
    if (error instanceof ApiError && (error.code === 'second-factor-required' || error.code === 'invalid-second-factor')) {
      // The password was right: keep it, and ask for the authenticator's code (or a recovery code).
      codeField.hidden = false;
      code.value = '';
      showError(() => error.localizedMessage(), code);
      return;
    }
    password.value = '';
    if (error instanceof ApiError) {
      showError(() => error.localizedMessage());
    } else {
      console.error('Sign-in failed', error);
      showError(() => t('error.network'));
    }
    return;
  }
  const wanted = localPath(form.dataset.returnUrl);
  location.assign(wanted === '/' ? workOf(user?.role) : wanted);
});

wireSignInLinkForm();
