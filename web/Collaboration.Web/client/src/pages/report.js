// The activity report: a print button (the page prints without it too, with the browser's own command).
import { reloadOnLanguageChange } from '../portal.js';

reloadOnLanguageChange();
const print = document.querySelector('[data-action="print"]');
if (print) {
  print.hidden = false;
  print.addEventListener('click', () => globalThis.print());
}
