// A form where someone asks for a link by email (a workshop registration's manage link, a member's
// sign-in link). The server answers any address the same way, so the page says the same thing too.
import { api, ApiError } from './api.js';
import { getLang, onLangChange, t } from './i18n.js';

/**
 * @param {HTMLFormElement} form with an `email` field, a `[data-error-for="email"]` line, a `[role=status]` answer and a submit button
 * @param {{ url: string, body?: () => object, submit: string, sending: string, sent: string }} options message keys for the button and the answer
 */
export function wireLinkRequestForm(form, { url, body = () => ({}), submit: submitKey, sending, sent }) {
  const email = form.elements.namedItem('email');
  const answer = form.querySelector('[role="status"]');
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
    submit.textContent = t(sending);
    try {
      await api.post(url, { email: email.value, language: getLang(), ...body() });
      show({ text: () => t(sent) });
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
    submit.textContent = t(submitKey);
  });
  onLangChange(() => show(shown));
}
