// Organiser: /evaluations/admin?event=SUBJECT. Pick an event (workshop session, colloque, atelier), build its evaluation
// form (FR/EN questions: rating 1–5, yes/no, single choice, open text) and schedule, send it, follow the answers live
// (topic evaluation-results:{subject}: each answer re-reads the results), download the CSV and the attestations.
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { addMessages, getLang, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { el } from '../dom.js';
import { formatDateTime, formatLongDate, InputFormatError, parseDateTimeInput, toDateTimeInput } from '../zoned-time.js';
import messages from '../../../Messages/evaluations.json' with { type: 'json' };

addMessages(messages);

const KINDS = ['rating', 'yesNo', 'singleChoice', 'text'];
const picker = document.querySelector('[data-testid="event-picker"]');
const eventsStatus = document.querySelector('[data-testid="events-status"]');
const detail = document.querySelector('[data-testid="evaluation-detail"]');
const placeholder = document.querySelector('[data-testid="detail-placeholder"]');
const form = document.querySelector('[data-testid="form-builder"]');
const list = document.querySelector('[data-testid="questions"]');
const formStatus = document.querySelector('[data-testid="form-status"]');
const formError = document.querySelector('[data-testid="form-error"]');
let events = [];
let current = null; // { subject, evaluation, results, subscription }
let statusKey = null;
let shownError = null;
let nextQuestion = 1;

const local = (item, fr, en) => (getLang() === 'en' ? item[en] : item[fr]);

function renderPicker() {
  eventsStatus.textContent = events.length === 0 ? t('ev.admin.none') : '';
  picker.replaceChildren(...events.map((e) => el('li', {}, el('button', {
    type: 'button', 'aria-pressed': String(current?.subject === e.subject), 'data-subject': e.subject,
  }, el('strong', { text: local(e, 'titleFr', 'titleEn') }), el('br'),
  el('span', { text: `${t(`ev.kind.${e.kind}`)} · ${formatLongDate(e.startsAt)}` }), el('br'),
  el('span', { class: 'badge', text: t(`ev.status.${e.status}`) }), ' ',
  el('span', { text: t('ev.admin.answered', { answered: e.answered, invited: e.invited }) })))));
}

function questionItem(q) {
  const n = nextQuestion++;
  const id = (name) => `q${n}-${name}`;
  const kind = el('select', { id: id('kind'), name: 'kind' },
    ...KINDS.map((k) => { const o = el('option', { text: t(`ev.q.kind.${k}`), value: k }); o.selected = k === q.kind; return o; }));
  const choices = el('textarea', { id: id('choices'), name: 'choices', rows: '3' });
  choices.value = (q.choices ?? []).map((c) => `${c.fr} | ${c.en}`).join('\n');
  const required = el('input', { id: id('required'), name: 'required', type: 'checkbox' });
  required.checked = Boolean(q.required);
  const textFr = el('input', { id: id('fr'), name: 'textFr', type: 'text', maxlength: '300', required: '' });
  textFr.value = q.textFr ?? '';
  const textEn = el('input', { id: id('en'), name: 'textEn', type: 'text', maxlength: '300', required: '' });
  textEn.value = q.textEn ?? '';
  const choicesField = el('div', { class: 'field' }, el('label', { text: t('ev.q.choices'), for: id('choices') }), choices);
  const item = el('li', { class: 'question', 'data-question-id': q.id ?? '' },
    el('fieldset', {},
      el('legend', { text: t('ev.q.number', { n: list.children.length + 1 }) }),
      el('div', { class: 'field' }, el('label', { text: t('ev.q.kind'), for: id('kind') }), kind),
      el('div', { class: 'field' }, el('label', { text: t('ev.q.textFr'), for: id('fr') }), textFr),
      el('div', { class: 'field' }, el('label', { text: t('ev.q.textEn'), for: id('en') }), textEn),
      choicesField,
      el('div', { class: 'field field--check' }, required, el('label', { text: t('ev.q.required'), for: id('required') })),
      el('button', { class: 'button button--quiet', text: t('ev.q.remove'), type: 'button', 'data-action': 'remove-question' })));
  const sync = () => { choicesField.hidden = kind.value !== 'singleChoice'; };
  kind.addEventListener('change', sync);
  sync();
  return item;
}

function readQuestions() {
  return [...list.children].map((item) => {
    const kind = item.querySelector('[name="kind"]').value;
    return {
      id: item.dataset.questionId || undefined,
      kind,
      textFr: item.querySelector('[name="textFr"]').value,
      textEn: item.querySelector('[name="textEn"]').value,
      required: item.querySelector('[name="required"]').checked,
      choices: kind === 'singleChoice' ? item.querySelector('[name="choices"]').value.split('\n').map((l) => l.trim()).filter(Boolean)
        .map((l) => { const [fr, en] = l.split('|').map((s) => s.trim()); return { fr, en: en ?? fr }; }) : [],
    };
  });
}

function renderForm() {
  const e = current.evaluation;
  nextQuestion = 1;
  list.replaceChildren(...e.questions.map(questionItem));
  form.elements.namedItem('sendAt').value = toDateTimeInput(e.schedule.sendAt);
  form.elements.namedItem('closesAt').value = toDateTimeInput(e.schedule.closesAt);
  form.elements.namedItem('reminderAfterHours').value = e.schedule.reminderAfter ? String(Math.round(hours(e.schedule.reminderAfter))) : '';
  renderNote();
}

function renderNote() {
  const e = current.evaluation;
  document.querySelector('[data-testid="form-note"]').textContent = e.invitationsSentAt ? t('ev.admin.locked') : e.isDefaultForm ? t('ev.admin.defaultForm') : '';
}

/** "3.00:00:00" or "72:00:00" (a .NET TimeSpan) → hours. */
function hours(span) {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(span);
  return m ? (+(m[1] ?? 0)) * 24 + (+m[2]) + (+m[3]) / 60 : 0;
}

function renderHeader() {
  const ev = current.evaluation.event;
  document.querySelector('[data-testid="event-title"]').textContent = local(ev, 'titleFr', 'titleEn');
  document.querySelector('[data-testid="event-meta"]').textContent =
    `${formatDateTime(ev.startsAt)} · ${t(`ev.status.${current.evaluation.status}`)}`;
}

function renderRespondents() {
  const body = document.querySelector('[data-testid="respondents"] tbody');
  const rows = current.evaluation.respondents;
  body.replaceChildren(...(rows.length === 0
    ? [el('tr', {}, el('td', { text: t('ev.admin.noRespondents'), colspan: '5' }))]
    : rows.map((r) => el('tr', { 'data-answered': String(r.answered) },
      el('td', { text: r.name || '—' }), el('td', { text: r.organisation || '—' }), el('td', { text: formatDateTime(r.invitedAt) }),
      el('td', { text: r.remindedAt ? formatDateTime(r.remindedAt) : '—' }), el('td', { text: r.answered ? t('ev.yes') : t('ev.no') })))));
}

function renderResults() {
  const r = current.results;
  if (!r) return;
  document.querySelector('[data-testid="results-summary"]').textContent =
    t('ev.results.summary', { answered: r.answered, invited: r.invited, rate: r.responseRate.toLocaleString(getLang()) });
  document.querySelector('[data-testid="results-questions"]').replaceChildren(...r.questions.map((q) => {
    const block = el('section', { class: 'result', 'data-question': q.id },
      el('h4', { text: local(q, 'textFr', 'textEn') }),
      el('p', { text: t('ev.results.count', { count: q.count }) + (q.mean !== null && q.mean !== undefined ? ` · ${t('ev.results.mean', { mean: q.mean.toLocaleString(getLang()) })}` : ''),
        'data-testid': 'result-line' }));
    if (q.distribution.length > 0) {
      const max = Math.max(1, ...q.distribution.map((d) => d.count));
      block.append(el('ul', { class: 'distribution' }, ...q.distribution.map((d) => el('li', {},
        el('span', { class: 'distribution__label', text: local(d, 'labelFr', 'labelEn') }),
        el('meter', { min: '0', max: String(max), value: String(d.count), 'aria-label': local(d, 'labelFr', 'labelEn') }),
        el('span', { class: 'distribution__count', text: String(d.count) })))));
    }
    if (q.kind === 'text') {
      block.append(q.texts.length === 0 ? el('p', { text: t('ev.results.noTexts') }) : el('ul', { class: 'texts' }, ...q.texts.map((s) => el('li', { text: s }))));
    }
    return block;
  }));
}

async function loadAttestations() {
  const listNode = document.querySelector('[data-testid="attestations"]');
  try {
    const rows = await api.get(`/api/attestations/${encodeURIComponent(current.subject)}`);
    listNode.replaceChildren(...(rows.length === 0 ? [el('li', { text: t('ev.attestations.none') })] : rows.map((a) => el('li', {},
      `${a.name} — ${a.organisation} — ${t('ev.attestations.code')} ${a.code} · `,
      el('a', { text: t('ev.attestations.one'), href: `/api/attestations/${encodeURIComponent(current.subject)}/${encodeURIComponent(a.reference)}.pdf` })))));
  } catch {
    listNode.replaceChildren();
  }
}

function renderAll() {
  if (!current) return;
  renderHeader();
  renderNote();
  renderRespondents();
  renderResults();
  formStatus.textContent = statusKey ? t(statusKey) : '';
  formError.textContent = shownError ? shownError() : '';
}

async function open(subject) {
  current?.subscription?.unsubscribe();
  statusKey = null;
  shownError = null;
  const data = await api.get(`/api/evaluations/${encodeURIComponent(subject)}`);
  current = { subject, evaluation: data.evaluation, results: data.results, subscription: null };
  placeholder.hidden = true;
  detail.hidden = false;
  document.querySelector('[data-testid="results-csv"]').href = `/api/evaluations/${encodeURIComponent(subject)}/results.csv`;
  document.querySelector('[data-testid="attestations-zip"]').href = `/api/attestations/${encodeURIComponent(subject)}/all.zip`;
  renderForm();
  renderAll();
  renderPicker();
  loadAttestations();
  const url = new URL(location.href);
  url.searchParams.set('event', subject);
  history.replaceState(null, '', url);
  current.subscription = connectLive().subscribe(`evaluation-results:${subject}`, async () => {
    const opened = current;
    const fresh = await api.get(`/api/evaluations/${encodeURIComponent(subject)}`);
    if (current !== opened) return;
    current.evaluation = fresh.evaluation;
    current.results = fresh.results;
    renderAll();
  }, { onSnapshot: (snapshot) => { if (current?.subject === subject && snapshot?.questions) { current.results = snapshot; renderResults(); } } });
}

function showError(error) {
  shownError = () => (error instanceof InputFormatError ? t(error.key)
    : error instanceof ApiError ? [error.localizedMessage(), ...Object.values(error.problem?.errors ?? {}).map((m) => (getLang() === 'en' ? m.en : m.fr))].join(' ')
      : t('error.network'));
  statusKey = null;
  renderAll();
}

async function save() {
  const reminder = form.elements.namedItem('reminderAfterHours').value.trim();
  const body = {
    questions: readQuestions(),
    sendAt: parseDateTimeInput(form.elements.namedItem('sendAt').value),
    closesAt: parseDateTimeInput(form.elements.namedItem('closesAt').value),
    reminderAfterHours: reminder === '' ? null : Number(reminder),
  };
  current.evaluation = await api.put(`/api/evaluations/${encodeURIComponent(current.subject)}`, body);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await save();
    shownError = null;
    statusKey = 'ev.admin.saved';
    renderForm();
    renderAll();
    await refreshEvents();
  } catch (error) {
    showError(error);
  }
});

form.querySelector('[data-action="send-now"]').addEventListener('click', async () => {
  try {
    if (current.evaluation.isDefaultForm || !current.evaluation.invitationsSentAt) await save();
    await api.post(`/api/evaluations/${encodeURIComponent(current.subject)}/send`);
    const fresh = await api.get(`/api/evaluations/${encodeURIComponent(current.subject)}`);
    current.evaluation = fresh.evaluation;
    current.results = fresh.results;
    shownError = null;
    statusKey = 'ev.admin.sent';
    renderForm();
    renderAll();
    loadAttestations();
    await refreshEvents();
  } catch (error) {
    showError(error);
  }
});

form.querySelector('[data-action="add-question"]').addEventListener('click', () => {
  const item = questionItem({ kind: 'rating' });
  list.append(item);
  item.querySelector('[name="textFr"]').focus();
});

list.addEventListener('click', (event) => {
  const button = event.target.closest('[data-action="remove-question"]');
  if (!button) return;
  button.closest('li').remove();
  [...list.children].forEach((item, i) => { item.querySelector('legend').textContent = t('ev.q.number', { n: i + 1 }); });
});

picker.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-subject]');
  if (button) open(button.dataset.subject).catch(showError);
});

async function refreshEvents() {
  events = await api.get('/api/evaluations');
  renderPicker();
}

onLangChange(() => {
  renderPicker();
  if (current) {
    const questions = readQuestions();
    nextQuestion = 1;
    list.replaceChildren(...questions.map(questionItem));
    renderAll();
  }
});

await requireUser();
await refreshEvents();
const wanted = new URLSearchParams(location.search).get('event');
if (wanted) await open(wanted).catch(showError);
