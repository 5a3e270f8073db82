// The Table régionale: the caller's tables, the chosen table's meetings and members; organisers
// create tables, members (with their personal sign-in link) and meetings here.
import '../meetings/messages.js';
import { api, ApiError } from '../api.js';
import { getCurrentUser, loginUrl } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { createOutbox } from '../mail/outbox.js';
import { norm } from '../meetings/model.js';
import { formatDateTime, h, param, replaceChildren } from '../meetings/dom.js';
import { createFeedPanel } from '../meetings/feed.js';
import { createSeriesPanel } from '../meetings/series.js';
import { InputFormatError, parseDateTimeInput } from '../zoned-time.js';

const $ = (selector) => document.querySelector(selector);
const errorRegion = $('[data-testid="meetings-error"]');
let tableId = param('table');
let tables = [];
let table = null;
let meetings = [];
let shownError = null;
let lastLink = null; // { name, link } shown once after adding a member or re-issuing a link
const outbox = createOutbox($('[data-outbox]')); // the table's invitations and re-issued links (organisers)
const feed = createFeedPanel($('[data-testid="my-feed"]'), { act }); // a member's own calendar address
const series = createSeriesPanel($('[data-testid="series"]'), { act, onCreated: () => load() });

function showError(message) {
  shownError = message;
  errorRegion.textContent = message ? message() : '';
}

async function act(call) {
  showError(null);
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showError(() => t('meetings.signInRequired'));
      $('[data-sign-in]').hidden = false;
    } else showError(() => (error instanceof ApiError || error instanceof InputFormatError ? error.localizedMessage() : t('error.network')));
    return null;
  }
}

async function load() {
  const list = await act(() => api.get('/api/tables'));
  if (!list) return;
  tables = list;
  if (!tableId && tables.length === 1) tableId = tables[0].id;
  if (tableId) {
    [table, meetings] = await Promise.all([act(() => api.get(`/api/tables/${tableId}`)), act(() => api.get(`/api/tables/${tableId}/meetings`))]);
  }
  render();
  if (table) await series.load(table.id);
  if (table?.role === 'organiser') outbox.show(`/api/tables/${table.id}`); // also after each invitation or new link: load() follows them
  else outbox.hide();
}

function render() {
  $('[data-sign-in]').href = loginUrl();
  replaceChildren($('[data-testid="tables"]'), tables.length === 0
    ? [h('li', { class: 'empty' }, t('meetings.noTables'))]
    : tables.map((x) => h('li', {}, h('a', { href: `?table=${x.id}`, 'aria-current': x.id === tableId ? 'page' : null }, x.name))));
  const organiser = table?.role === 'organiser' || (!table && tables !== null && document.body.dataset.role === 'organiser');
  $('[data-new-table]').hidden = document.body.dataset.role !== 'organiser';
  $('[data-table]').hidden = !table;
  if (!table) return;
  $('[data-testid="table-name"]').textContent = table.name;
  $('[data-table-quorum]').textContent = `${t('meetings.quorum')} : ${table.quorum}`;
  const quorumWarning = $('[data-testid="quorum-warning"]');
  quorumWarning.hidden = table.quorumReachable !== false;
  quorumWarning.textContent = table.quorumReachable === false ? t('meetings.quorumTooHigh', { quorum: table.quorum, members: table.activeMembers }) : '';
  replaceChildren($('[data-testid="meetings"]'), !meetings?.length
    ? [h('li', { class: 'empty' }, t('meetings.noMeetings'))]
    : meetings.map((m) => h('li', { class: 'meeting-card', 'data-testid': 'meeting-card' },
      h('a', { href: `/meeting.html?id=${m.id}`, class: 'meeting-card__title' }, m.title),
      h('span', { class: 'status-badge', 'data-status': norm(m.status) }, t(`status.${norm(m.status)}`)),
      h('span', { class: 'meeting-card__meta' }, [formatDateTime(m.startsAt, getLang()), m.location,
        m.openActionItems ? t('meetings.openActions', { count: m.openActionItems }) : null].filter(Boolean).join(' · ')))));
  replaceChildren($('[data-testid="members"]'), table.members.map((m) => h('li', { class: 'member', 'data-testid': 'member' },
    h('span', { class: 'member__name' }, m.name),
    h('span', { class: 'member__meta' }, [m.organisation, t(`sector.${norm(m.sector)}`), t(`role.${norm(m.role)}`), m.email,
      m.accessRevoked ? t('meetings.revoked') : null].filter(Boolean).join(' · ')),
    table.role === 'organiser' ? h('span', { class: 'member__tools' },
      h('button', { type: 'button', class: 'button button--quiet', 'data-key': `link-${m.id}`,
        onclick: async () => {
          const answer = await act(() => api.post(`/api/tables/${table.id}/members/${m.id}/link`));
          if (answer) showLink(m.name, answer.signInLink);
        } }, t('meetings.newLink')),
      m.accessRevoked ? null : h('button', { type: 'button', class: 'button button--quiet', 'data-key': `revoke-${m.id}`,
        onclick: async () => { if (await act(() => api.post(`/api/tables/${table.id}/members/${m.id}/revoke`)) !== null) load(); } }, t('meetings.revoke'))) : null)));
  for (const form of document.querySelectorAll('[data-organiser-form]')) form.hidden = !organiser;
  $('[data-organiser-only]').hidden = table.role !== 'organiser';
  renderLink();
}

function showLink(name, link) {
  lastLink = { name, link };
  renderLink();
  load();
}

function renderLink() {
  const box = $('[data-testid="sign-in-link"]');
  box.hidden = !lastLink;
  if (lastLink) replaceChildren(box, h('p', {}, t('meetings.signInLink', { name: lastLink.name })),
    h('input', { class: 'link-output', readonly: true, value: lastLink.link, 'aria-label': t('meetings.signInLink', { name: lastLink.name }), onfocus: (e) => e.target.select() }));
}

function wire() {
  formSubmit('[data-new-table]', async (d) => {
    const created = await api.post('/api/tables', { name: d.name, quorum: Number(d.quorum) });
    location.search = `?table=${created.id}`;
  });
  formSubmit('[data-add-member]', async (d) => {
    const answer = await api.post(`/api/tables/${tableId}/members`, d);
    showLink(d.name, answer.signInLink);
  });
  formSubmit('[data-new-meeting]', async (d) => {
    const created = await api.post('/api/meetings', { ...d, tableId, startsAt: parseDateTimeInput(d.startsAt) });
    location.assign(`/meeting.html?id=${created.id}`);
  });
}

function formSubmit(selector, call) {
  const form = $(selector);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await act(() => call(Object.fromEntries(new FormData(form)))) !== null) form.reset();
  });
}

onLangChange(() => {
  render();
  series.render();
  feed.render();
  if (shownError) errorRegion.textContent = shownError();
});

getCurrentUser().then((me) => {
  document.body.dataset.role = me?.role ?? '';
  render();
  if (me?.role === 'member') feed.load();
}).catch(() => {});
wire();
load();
