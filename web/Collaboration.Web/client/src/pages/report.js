// The activity report: a print button (the page prints without it too, with the browser's own command).
import { reloadOnLanguageChange } from '../portal.js';
import { addMessages } from '../i18n.js';
import evaluations from '../../../Messages/evaluations.json' with { type: 'json' };
import retention from '../../../Messages/retention.json' with { type: 'json' };

addMessages(evaluations);
addMessages(retention);

reloadOnLanguageChange();
const print = document.querySelector('[data-action="print"]');
if (print) {
  print.hidden = false;
  print.addEventListener('click', () => globalThis.print());
}
