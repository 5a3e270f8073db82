// The form where a member asks for a new sign-in link by email (login and join pages).
import './messages.js';
import { wireLinkRequestForm } from '../link-request-form.js';

export function wireSignInLinkForm(root = document) {
  const section = root.querySelector('[data-testid="sign-in-link"]');
  if (!section) return null;
  wireLinkRequestForm(section.querySelector('form'), {
    url: '/api/tables/sign-in-link', submit: 'signinlink.submit', sending: 'signinlink.sending', sent: 'signinlink.sent',
  });
  return section;
}
