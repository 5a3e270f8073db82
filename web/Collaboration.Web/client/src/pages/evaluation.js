// The participant's personal link: /evaluation?e=SUBJECT#token=TOKEN. The token stays in the fragment (never sent with
// the page request) and goes to the API in the X-Manage-Token header. The answers are anonymous; the same link may
// change them until the form closes.
import { ApiError, apiFetch } from '../api.js';
import { addMessages, getLang, onLangChange, setLang, t } from '../i18n.js';
import { el } from '../dom.js';
import { formatDateTime, formatLongDate } from '../zoned-time.js';
import messages from '../../../Messages/evaluations.json' with { type: 'json' };

addMessages(messages);

const subject = new URLSearchParams(location.search).get('e') ?? '';
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const headers = { 'X-Manage-Token': token };
const status = document.querySelector('[data-testid="evaluation-status"]');
const article = document.querySelector('[data-testid="evaluation"]');
const form = document.querySelector('[data-testid="evaluation-form"]');
const questionsNode = document.querySelector('[data-testid="evaluation-questions"]');
const saved = document.querySelector('[data-testid="evaluation-saved"]');
const errorNode = document.querySelector('[data-testid="evaluation-error"]');
let invitation = null;
let answers = {};
let savedKey = null;
let shownError = null;
let wrong = new Set();

const local = (item, fr, en) => (getLang() === 'en' ? item[en] : item[fr]);

function field(q, index) {
  const name = `q-${index}`;
  const legendText = local(q, 'textFr', 'textEn') + (q.required ? ` (${t('ev.public.required')})` : '');
  const legend = el('legend', { text: legendText });
  const box = el('fieldset', { class: `question question--${q.kind.toLowerCase()}`, 'data-question': q.id }, legend);
  if (wrong.has(q.id)) box.setAttribute('aria-invalid', 'true');
  const radio = (value, label) => {
    const input = el('input', { type: 'radio', name, id: `${name}-${value}`, value });
    input.checked = answers[q.id] === value;
    if (q.required) input.required = true;
    return el('span', { class: 'choice' }, input, el('label', { text: label, for: `${name}-${value}` }));
  };
  if (q.kind === 'rating') {
    box.append(el('p', { class: 'field__hint', text: `${t('ev.public.scaleLow')} · ${t('ev.public.scaleHigh')}` }),
      el('div', { class: 'scale' }, ...['1', '2', '3', '4', '5'].map((v) => radio(v, v))));
  } else if (q.kind === 'yesNo') {
    box.append(el('div', { class: 'scale' }, radio('yes', t('ev.yes')), radio('no', t('ev.no'))));
  } else if (q.kind === 'singleChoice') {
    box.append(el('div', { class: 'choices' }, ...q.choices.map((c, i) => radio(String(i), local(c, 'fr', 'en')))));
  } else {
    const area = el('textarea', { id: name, name, rows: '4', maxlength: '2000', 'aria-labelledby': `${name}-legend` });
    legend.id = `${name}-legend`;
    area.value = answers[q.id] ?? '';
    box.append(area);
  }
  return box;
}

function read() {
  const values = {};
  invitation.questions.forEach((q, index) => {
    const name = `q-${index}`;
    const value = q.kind === 'text' ? form.querySelector(`[name="${name}"]`).value : form.querySelector(`[name="${name}"]:checked`)?.value;
    if (value !== undefined && value !== '') values[q.id] = value;
  });
  return values;
}

function render() {
  if (!invitation) return;
  const ev = invitation.event;
  document.querySelector('[data-testid="evaluation-event"]').textContent = local(ev, 'titleFr', 'titleEn');
  document.querySelector('[data-testid="evaluation-when"]').textContent = formatLongDate(ev.startsAt);
  document.querySelector('[data-testid="evaluation-closes"]').textContent = invitation.open
    ? t('ev.public.closes', { date: formatDateTime(invitation.closesAt) }) : t('ev.public.closed');
  const current = questionsNode.children.length > 0 ? read() : answers;
  answers = current;
  questionsNode.replaceChildren(...invitation.questions.map(field));
  for (const control of form.elements) control.disabled = !invitation.open;
  form.querySelector('[data-testid="evaluation-submit"]').textContent = t(invitation.answered ? 'ev.public.update' : 'ev.public.submit');
  saved.textContent = savedKey ? t(savedKey) : '';
  errorNode.textContent = shownError ? shownError() : '';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  answers = read();
  try {
    const result = await apiFetch(`/api/evaluation/${encodeURIComponent(subject)}`, { method: 'PUT', headers, body: { answers } });
    savedKey = result.changed ? 'ev.public.changed' : 'ev.public.thanks';
    shownError = null;
    wrong = new Set();
    invitation.answered = true;
  } catch (error) {
    savedKey = null;
    wrong = new Set(Object.keys(error?.problem?.errors ?? {}).map((k) => k.replace(/^answers\./, '')));
    shownError = () => (error instanceof ApiError ? `${error.localizedMessage()}${wrong.size ? ` ${t('ev.public.fixErrors')}` : ''}` : t('error.network'));
  }
  render();
  (savedKey ? saved : errorNode).focus?.();
});

onLangChange(render);

try {
  const opened = await apiFetch(`/api/evaluation/${encodeURIComponent(subject)}`, { headers });
  invitation = opened.invitation;
  answers = opened.answers ?? {};
  if (invitation.language && invitation.language !== getLang() && !document.cookie.includes('concertation.lang=')) setLang(invitation.language);
  status.textContent = '';
  status.hidden = true;
  article.hidden = false;
  render();
} catch (error) {
  status.textContent = error instanceof ApiError && error.status === 404 ? t('ev.public.invalid') : t('error.network');
}
