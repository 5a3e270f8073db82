// The coordination board. The server renders it with its filters (the query string); this keeps it
// live: it follows board:{tableId} for each table shown, and on any change fetches the board again
// with the same filters, so the list always equals what the server would render. A status is changed
// on the item's meeting (PATCH /api/board/...): the meeting grain's change then reaches every board.
import { api, ApiError } from '../api.js';
import { connectLive } from '../live.js';
import { t } from '../i18n.js';
import { reloadOnLanguageChange } from '../portal.js';
import { el } from '../dom.js';

reloadOnLanguageChange();

const board = document.querySelector('[data-testid="board"]');
const notice = document.querySelector('[data-testid="board-notice"]');

function showNotice(text) {
  if (!notice) return;
  notice.textContent = text;
  notice.hidden = !text;
}

function itemElement(item) {
  const done = item.status === 'done';
  const meta = el('p', { class: 'board-item__meta' }, el('span', { text: item.ownerName }));
  if (item.ownerOrganisationId) {
    meta.append(' · ', el('a', { text: item.ownerOrganisationName, href: `/coordination/organismes/${item.ownerOrganisationId}` }));
  }
  meta.append(' · ', el('span', { text: t(`portal.mrc.${item.ownerMrc ?? 'non-precisee'}`) }),
    ' · ', el('span', { text: item.tableName }),
    ' · ', el('a', { text: item.meetingTitle, href: `/meeting.html?id=${item.meetingId}` }));
  const due = el('p', { class: 'board-item__due' });
  if (item.due) due.append(el('span', { text: t('portal.board.due') }), ' ', el('time', { text: item.due, datetime: item.due }), ' ');
  if (item.overdue) due.append(el('strong', { class: 'badge badge--late', text: t('portal.board.late'), 'data-testid': 'overdue-badge' }), ' ');
  due.append(el('span', { class: 'badge', text: t(done ? 'portal.board.done' : 'portal.board.open') }));
  const li = el('li', {
    class: `board-item${item.overdue ? ' board-item--overdue' : ''}${done ? ' board-item--done' : ''}`,
    'data-testid': 'board-item', 'data-item-id': item.itemId, 'data-table-id': item.tableId, 'data-version': String(item.version),
    'data-status': item.status, 'data-overdue': item.overdue ? 'true' : 'false',
  }, el('p', { class: 'board-item__text', text: item.text }), meta, due);
  if (item.canChangeStatus) {
    li.append(el('button', {
      class: 'button button--quiet', text: t(done ? 'portal.board.reopen' : 'portal.board.markDone'),
      type: 'button', 'data-action': 'toggle-status', 'data-testid': 'toggle-status', 'data-next': done ? 'open' : 'done',
    }));
  }
  return li;
}

/** The latest decisions (a vote's result in the page's language), as the server renders them. */
function renderDecisions(decisions) {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
  board.querySelector('[data-testid="board-decisions"]').replaceChildren(...decisions.map((d) => {
    const link = el('a', { text: d.meetingTitle, href: `/meeting.html?id=${d.meetingId}` });
    const meta = el('p', { class: 'board-decision__meta' }, `${d.tableName} · `, link, d.agendaItemTitle ? ` · ${d.agendaItemTitle}` : '');
    return el('li', { class: 'board-decision', 'data-testid': 'board-decision' },
      el('p', { class: 'board-decision__text', text: lang === 'en' ? d.textEn : d.text }), meta);
  }));
  board.querySelector('[data-testid="board-decisions-empty"]').hidden = decisions.length > 0;
}

let refreshing = null;
let refreshAgain = false;

/** Fetches the board with the page's filters and redraws the list (one fetch at a time, the last change always seen). */
async function refresh() {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const response = await api.get(`/api/board${location.search}`);
      const list = board.querySelector('[data-testid="board-items"]');
      list.replaceChildren(...response.items.map(itemElement));
      board.querySelector('[data-testid="board-count"]').textContent = t('portal.board.count', { n: response.items.length });
      const empty = board.querySelector('[data-testid="board-empty"]');
      if (empty) empty.hidden = response.items.length > 0;
      renderDecisions(response.decisions ?? []);
    } while (refreshAgain);
  })().finally(() => { refreshing = null; });
  return refreshing;
}

async function toggle(button) {
  const item = button.closest('[data-item-id]');
  button.disabled = true;
  try {
    await api.patch(`/api/board/${item.dataset.tableId}/items/${item.dataset.itemId}`, {
      status: button.dataset.next, expectedVersion: Number(item.dataset.version),
    });
    showNotice('');
  } catch (error) {
    showNotice(error instanceof ApiError && error.status === 409 ? t('portal.board.changed') : error.message);
  }
  if (board) await refresh(); else globalThis.location.reload();
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('[data-action="toggle-status"]');
  if (button) toggle(button);
});
for (const button of document.querySelectorAll('[data-action="toggle-status"]')) button.hidden = false;

if (board) {
  api.get(`/api/board${location.search}`).then((response) => {
    for (const table of response.tables) {
      connectLive().subscribe(`board:${table.id}`, () => refresh(), { sinceVersion: table.version, onSnapshot: () => refresh() });
    }
    return refresh(); // what changed between the server's rendering and the subscriptions
  }).catch((error) => showNotice(error.message));
}
