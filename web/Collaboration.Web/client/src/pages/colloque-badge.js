// Badges to print: one (?colloque=…&code=…) or a batch (?colloque=…: all, a category, or those not printed
// yet), six 10 × 7.5 cm badges to a Letter or A4 sheet with cut marks, each with the colloque's title and date.
import { api, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { formatCalendarDate } from '../zoned-time.js';
import { el } from '../dom.js';
import { CATEGORIES, categoryLabel } from '../colloque/common.js';

const PER_SHEET = 6;
const params = new URLSearchParams(location.search);
const colloque = params.get('colloque') ?? '';
const code = params.get('code');
const page = document.querySelector('.badge-page');
const heading = document.querySelector('[data-badge-heading]');
const summary = document.querySelector('[data-testid=badge-summary]');
const errorLine = document.querySelector('[data-badge-error]');
const markButton = document.querySelector('[data-testid=mark-printed]');
const whichSelect = document.getElementById('badge-which');
const paperSelect = document.getElementById('badge-paper');
let shown = { title: '', badges: [] };
let headingText = () => t('colloque.badges.heading');

/** The paper's @page rule comes from a stylesheet of its own (no inline style under the CSP). */
function setPaper(paper) {
  page.dataset.paper = paper;
  let link = document.getElementById('badge-paper-css');
  if (!link) {
    link = Object.assign(document.createElement('link'), { id: 'badge-paper-css', rel: 'stylesheet' });
    document.head.append(link);
  }
  link.href = `/css/badge-paper-${paper}.css`;
  localStorage.setItem('concertation.badge.paper', paper);
}

function card(badge) {
  const qr = el('img', { class: 'badge-card__qr', src: badge.qrUrl, alt: t('colloque.badge.qr', { code: badge.code }) });
  return el('article', { class: `badge-card cat-${badge.category}`, 'data-testid': 'badge', 'data-code': badge.code },
    el('p', { class: 'badge-card__band' }, el('span', { class: 'badge-card__event', text: badge.title }), el('span', { text: formatCalendarDate(badge.date) })),
    el('p', { class: 'badge-card__name', text: badge.name }),
    el('p', { class: 'badge-card__organisation', text: badge.organisation }),
    el('p', { class: 'badge-card__category', text: categoryLabel(badge.category) }),
    el('div', { class: 'badge-card__qr-box' }, qr, el('p', { class: 'badge-card__code', text: badge.code })));
}

function render() {
  heading.textContent = headingText();
  const sheets = [];
  for (let i = 0; i < shown.badges.length; i += PER_SHEET) {
    sheets.push(el('section', { class: 'badge-sheet', 'data-testid': 'badge-sheet', 'aria-label': t('colloque.badges.sheet', { number: i / PER_SHEET + 1 }) },
      ...shown.badges.slice(i, i + PER_SHEET).map(card)));
  }
  document.querySelector('[data-testid=badge-sheets]').replaceChildren(...sheets);
  summary.textContent = shown.badges.length === 0 ? t('colloque.badges.none')
    : t('colloque.badges.summary', { count: shown.badges.length, sheets: sheets.length });
  markButton.textContent = t('colloque.badges.markPrinted', { count: shown.badges.length });
  markButton.disabled = shown.badges.length === 0;
  document.querySelector('[data-print]').disabled = shown.badges.length === 0;
}

function fillWhich() {
  const previous = whichSelect.value || 'all';
  whichSelect.replaceChildren(el('option', { value: 'all', text: t('colloque.badges.all') }),
    el('option', { value: 'not-printed', text: t('colloque.badges.notPrinted') }),
    ...CATEGORIES.map((c) => el('option', { value: `category:${c}`, text: t('colloque.badges.category', { category: categoryLabel(c) }) })));
  whichSelect.value = previous;
}

async function loadBatch() {
  const [which, category] = whichSelect.value.split(':');
  const query = which === 'category' ? `which=category&category=${encodeURIComponent(category)}` : `which=${which}`;
  const sheet = await api.get(`/api/colloques/${encodeURIComponent(colloque)}/badges?${query}`);
  shown = { title: sheet.title, badges: sheet.badges };
  headingText = () => t('colloque.badges.headingOf', { title: sheet.title });
  render();
}

async function start() {
  setPaper(localStorage.getItem('concertation.badge.paper') ?? 'letter'); // Québec prints on Letter
  paperSelect.value = page.dataset.paper;
  paperSelect.addEventListener('change', () => setPaper(paperSelect.value));
  onLangChange(() => {
    if (!code) fillWhich();
    render();
  });
  if (code) {
    const badge = await api.get(`/api/colloques/${encodeURIComponent(colloque)}/registrations/${encodeURIComponent(code)}/badge`);
    shown = { title: badge.title, badges: [badge] };
    headingText = () => t('colloque.badges.headingOne', { name: badge.name });
    render();
    document.querySelector('[data-print]').addEventListener('click', async () => {
      window.print();
      await api.post(`/api/colloques/${encodeURIComponent(colloque)}/registrations/${encodeURIComponent(code)}/badge-printed`).catch(() => {});
    });
    return;
  }
  for (const part of document.querySelectorAll('[data-batch-only]')) part.hidden = false;
  fillWhich();
  whichSelect.addEventListener('change', () => loadBatch().catch(showError));
  document.querySelector('[data-print]').addEventListener('click', () => window.print());
  // Printing is not proof the sheets came out: the organiser says so once they have them.
  window.addEventListener('afterprint', () => markButton.focus());
  markButton.addEventListener('click', async () => {
    try {
      const { marked } = await api.post(`/api/colloques/${encodeURIComponent(colloque)}/badges/printed`, { codes: shown.badges.map((b) => b.code) });
      await loadBatch();
      summary.textContent = `${t('colloque.badges.marked', { count: marked })} ${summary.textContent}`;
    } catch (error) {
      showError(error);
    }
  });
  await loadBatch();
}

function showError(error) {
  errorLine.textContent = error instanceof ApiError ? error.message : t('error.network');
}

start().catch(showError);
