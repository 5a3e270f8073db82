// Organiser: /conservation. Law 25 retention periods, the dry run (what would be anonymised, nothing changed), a run
// now, and the audit log (what, when, how many records; no personal data).
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { addMessages, getLang, onLangChange, t } from '../i18n.js';
import { el } from '../dom.js';
import { formatDateTime, formatLongDate } from '../zoned-time.js';
import messages from '../../../Messages/retention.json' with { type: 'json' };

addMessages(messages);

const form = document.querySelector('[data-testid="retention-settings"]');
const status = document.querySelector('[data-testid="retention-status"]');
const errorNode = document.querySelector('[data-testid="retention-error"]');
const dueTable = document.querySelector('[data-testid="retention-due"]');
const dueStatus = document.querySelector('[data-testid="retention-due-status"]');
let view = null;
let due = null;
let notice = null;
let shownError = null;
let dueNotice = null;

function render() {
  if (!view) return;
  document.querySelector('[data-testid="last-run"]').textContent = view.lastRunAt ? t('ret.lastRun', { date: formatDateTime(view.lastRunAt) }) : '';
  document.querySelector('[data-testid="retention-log"] tbody').replaceChildren(...(view.log.length === 0
    ? [el('tr', {}, el('td', { text: t('ret.emptyLog'), colspan: '6' }))]
    : view.log.map((l) => el('tr', {},
      el('td', { text: formatDateTime(l.at) }), el('td', { text: t(`ret.kind.${l.kind}`) }), el('td', { text: l.title || l.subject }),
      el('td', { text: String(l.records) }), el('td', { text: t(`ret.trigger.${l.trigger}`) }),
      el('td', { text: l.completedAt ? formatDateTime(l.completedAt) : t('ret.pending') })))));
  if (due) {
    dueTable.hidden = due.length === 0;
    dueTable.querySelector('tbody').replaceChildren(...due.map((d) => el('tr', {},
      el('td', { text: t(`ret.kind.${d.kind}`) }), el('td', { text: d.title || d.subject }), el('td', { text: formatLongDate(d.endedAt) }),
      el('td', { text: String(d.records) }))));
  }
  dueStatus.textContent = dueNotice ? dueNotice() : '';
  status.textContent = notice ? t(notice) : '';
  errorNode.textContent = shownError ? shownError() : '';
}

function fill() {
  for (const name of ['workshopRegistrationsMonths', 'colloqueRegistrationsMonths', 'evaluationLinksMonths'])
    form.elements.namedItem(name).value = String(view.settings[name]);
}

function fail(error) {
  shownError = () => (error instanceof ApiError
    ? [error.localizedMessage(), ...Object.values(error.problem?.errors ?? {}).map((m) => (getLang() === 'en' ? m.en : m.fr))].join(' ')
    : t('error.network'));
  notice = null;
  render();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const months = (name) => Number(form.elements.namedItem(name).value);
  try {
    view = await api.put('/api/retention/settings', {
      workshopRegistrationsMonths: months('workshopRegistrationsMonths'),
      colloqueRegistrationsMonths: months('colloqueRegistrationsMonths'),
      evaluationLinksMonths: months('evaluationLinksMonths'),
    });
    notice = 'ret.saved';
    shownError = null;
    fill();
    render();
  } catch (error) {
    fail(error);
  }
});

document.querySelector('[data-action="preview"]').addEventListener('click', async () => {
  try {
    due = await api.get('/api/retention/preview');
    dueNotice = due.length === 0 ? () => t('ret.nothingDue') : null;
    render();
  } catch (error) {
    fail(error);
  }
});

document.querySelector('[data-action="run"]').addEventListener('click', async () => {
  try {
    const done = await api.post('/api/retention/run');
    dueNotice = () => t('ret.ran', { count: done.length });
    due = [];
    view = await api.get('/api/retention');
    render();
  } catch (error) {
    fail(error);
  }
});

onLangChange(render);
await requireUser();
view = await api.get('/api/retention');
fill();
render();
