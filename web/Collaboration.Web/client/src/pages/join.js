// A member's personal sign-in link lands here: /join.html#t=TOKEN. The token stays in the fragment
// (never sent in a URL to the server, never in a referrer); it is posted once, then wiped from the address.
import '../meetings/messages.js';
import { api, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { wireSignInLinkForm } from '../meetings/sign-in-link.js';

const status = document.querySelector('[data-testid="join-status"]');
const next = document.querySelector('[data-testid="join-continue"]');
const requestLink = wireSignInLinkForm();
let message = () => t('join.working');

function render() {
  status.textContent = message();
}

async function main() {
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  history.replaceState(null, '', location.pathname);
  if (!token) {
    message = () => t('join.missing');
    requestLink.hidden = false;
    return render();
  }
  render();
  try {
    const answer = await api.post('/api/tables/sign-in', { token });
    location.replace(`/meetings.html?table=${answer.tableId}`);
  } catch (error) {
    message = () => (error instanceof ApiError ? error.localizedMessage() : t('error.network'));
    // A used, expired or unknown link: the way forward is a new one, asked for right here.
    if (error instanceof ApiError && error.status === 410) requestLink.hidden = false;
    else next.hidden = false;
    render();
  }
}

onLangChange(render);
main();
