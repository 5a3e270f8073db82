// The form where a member asks for a new sign-in link by email (login and join pages). One answer for
// any address, so the page tells nobody who is a member.
import './messages.js';
import { api, ApiError } from '../api.js';
import { getLang, onLangChange, t } from '../i18n.js';

export function wireSignInLinkForm(root = document) {
  const section = root.querySelector('[data-testid="sign-in-link"]');
  if (!section) return null;
  const form = section.querySelector('form');
  const email = form.elements.namedItem('email');
  const answer = form.querySelector('[data-testid="sign-in-link-answer"]');
  const fieldError = form.querySelector('[data-error-for="email"]');
  const submit = form.querySelector('button[type="submit"]');
  let shown = null;

  function show(next) {
    shown = next;
    fieldError.textContent = next?.field ? next.text() : '';
    if (next?.field) email.setAttribute('aria-invalid', 'true');
    else email.removeAttribute('aria-invalid');
    answer.hidden = !next || Boolean(next.field);
    answer.textContent = next && !next.field ? next.text() : '';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(null);
    submit.disabled = true;
    submit.textContent = t('signinlink.sending');
    try {
      await api.post('/api/tables/sign-in-link', { email: email.value });
      show({ text: () => t('signinlink.sent') });
    } catch (error) {
      const messages = error instanceof ApiError ? error.problem?.errors?.email : null;
      if (messages) {
        show({ field: true, text: () => messages[getLang()] ?? messages.fr });
        email.focus();
      } else {
        show({ text: () => (error instanceof ApiError ? error.localizedMessage() : t('error.network')) });
      }
    }
    submit.disabled = false;
    submit.textContent = t('signinlink.submit');
  });
  onLangChange(() => show(shown));
  return section;
}
