// The audit log (/equipe/journal): the server renders the entries; the times follow a language switch.
import '../accounts/messages.js';
import { onLangChange } from '../i18n.js';
import { formatDateTime } from '../zoned-time.js';

function renderTimes() {
  for (const time of document.querySelectorAll('time[data-when]')) time.textContent = formatDateTime(time.dateTime);
}
renderTimes();
onLangChange(renderTimes);
