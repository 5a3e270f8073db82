// Shared by the portal's pages (public portal, board, report): their messages, and a language switch
// that fetches the page again, since these pages are rendered on the server with names and figures
// the client does not hold (the new language is already in the cookie the server reads).
import { addMessages, onLangChange } from './i18n.js';
import messages from '../../Messages/portal.json' with { type: 'json' };

addMessages(messages);

export function reloadOnLanguageChange() {
  onLangChange(() => globalThis.location.reload());
}
