// The procès-verbal of a closed meeting: printable (print CSS), with Markdown, CSV and .ics downloads.
import '../meetings/messages.js';
import { api, ApiError } from '../api.js';
import { loginUrl } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { norm } from '../meetings/model.js';
import { formatDateTime, formatTime, h, param, replaceChildren } from '../meetings/dom.js';
import { commentsBlock } from '../meetings/minutes-comments.js';

const id = param('id');
const $ = (selector) => document.querySelector(selector);
let minutes = null;
let failure = null;
let access = { role: 'none', memberId: null }; // from the meeting: who may comment (members), who decides (the chair)
let said = null; // the last success, said in the status line
let following = null; // the live subscription to "minutes:{id}", once the minutes loaded
let refreshTimer = null;

function say(message) {
  said = message;
  const line = $('[data-testid="minutes-said"]');
  line.hidden = !message;
  line.textContent = message ? message() : '';
}

/** Runs an API call; a refusal is shown in the error area. */
async function act(call) {
  $('[data-testid="minutes-error"]').textContent = '';
  say(null);
  try {
    return await call();
  } catch (error) {
    $('[data-testid="minutes-error"]').textContent = error instanceof ApiError ? error.localizedMessage() : t('error.network');
    return null;
  }
}

function render() {
  if (failure) {
    $('[data-testid="minutes-error"]').textContent = failure();
    return;
  }
  if (!minutes) return;
  const m = minutes.meeting;
  $('[data-minutes]').hidden = false;
  $('[data-testid="minutes-title"]').textContent = `${t('minutes.heading')} — ${m.title}`;
  $('[data-minutes-meta]').textContent = `${m.tableName} · ${formatDateTime(m.startsAt, getLang())}${m.location ? ` · ${m.location}` : ''}`;
  const state = m.minutes ?? { status: 'draft' };
  const status = norm(state.status);
  const stateLine = $('[data-testid="minutes-state"]');
  stateLine.dataset.state = status;
  stateLine.textContent = status === 'adopted'
    ? t('minutes.state.adopted', { date: formatDateTime(state.adoptedAt, getLang()), meeting: state.adoptedInMeetingTitle ?? '' })
    : status === 'circulated' ? t('minutes.state.circulated', { date: formatDateTime(state.circulatedAt, getLang()) }) : t('minutes.state.draft');
  $('[data-testid="minutes-quorum"]').textContent =
    `${t('room.quorum', m.quorum)} — ${t(m.quorum.reached ? 'room.quorumReached' : 'room.quorumNotReached')}`;
  $('[data-markdown]').href = `/api/meetings/${id}/minutes.md?lang=${getLang()}`;
  $('[data-csv]').href = `/api/meetings/${id}/action-items.csv`;
  $('[data-ics]').href = `/api/meetings/${id}/meeting.ics`;
  // "← Rencontres de la table": the table's list of meetings, as in the room.
  $('[data-back]').href = `/meetings.html?table=${m.tableId}`;
  replaceChildren($('[data-testid="minutes-attendance"]'), minutes.attendance.map((a) => h('li', {},
    h('strong', {}, a.member.name), ` (${a.member.organisation}) — `,
    a.status ? t(`attendance.${norm(a.status)}`) : t('room.notRecorded'),
    a.arrivedAt ? `, ${t('room.arrived', { time: formatTime(a.arrivedAt, getLang()) })}` : '')));
  const ctx = {
    meetingId: id, minutesStatus: status, comments: state.comments ?? [], act, say, reload: main,
    canDecide: access.role === 'organiser' || access.role === 'secretary', memberId: access.memberId,
  };
  replaceChildren($('[data-testid="minutes-items"]'), minutes.items.map((entry, index) => h('li', { class: 'minutes-item' },
    h('h3', {}, entry.item.title),
    entry.item.presenter ? h('p', {}, `${t('room.presenter')} ${entry.item.presenter}`) : null,
    entry.item.notes ? h('p', { 'data-testid': 'minutes-notes' }, entry.item.notes) : null,
    entry.decisions.length ? h('ul', {}, entry.decisions.map((d) => h('li', { 'data-testid': 'minutes-decision', 'data-motion': d.motionId ?? null },
      h('strong', {}, `${t(d.motionId ? 'room.motion.resolution' : 'room.decisionText')} : `), getLang() === 'en' ? d.textEn : d.text))) : null,
    commentsBlock(entry, index, ctx))));
  const errata = state.errata ?? [];
  $('[data-errata]').hidden = errata.length === 0;
  replaceChildren($('[data-testid="minutes-errata"]'), errata.map((e) => h('li', { 'data-testid': 'minutes-erratum' },
    t('minutes.erratum', { date: formatDateTime(e.adoptedAt, getLang()), meeting: e.adoptedInMeetingTitle, text: e.text }))));
  replaceChildren($('[data-testid="minutes-actions"]'), [...minutes.actionItems, ...minutes.followUps].map((a) => h('li', {},
    `${norm(a.status) === 'done' ? '☑' : '☐'} ${a.text} — ${a.ownerName}${a.due ? ` · ${t('room.due')} ${a.due}` : ''}${a.originMeetingTitle ? ` · ${t('room.from', { title: a.originMeetingTitle })}` : ''}`)));
}

/** Re-renders without losing what someone is typing in a comment form, nor their focus (a change from another screen). */
function renderKeepingTyped() {
  const fields = [...document.querySelectorAll('[data-minutes] textarea[id], [data-minutes] select[id], [data-minutes] input[id]')]
    .map((f) => [f.id, f.value]);
  const focused = document.activeElement?.id;
  render();
  for (const [fieldId, value] of fields) {
    const field = document.getElementById(fieldId);
    if (field && [...(field.options ?? [{ value }])].some((o) => o.value === value)) field.value = value;
  }
  if (focused) document.getElementById(focused)?.focus();
}

/** Reads the minutes again; false when that failed (the page keeps what it shows). */
async function load() {
  try {
    const [loaded, meeting] = await Promise.all([api.get(`/api/meetings/${id}/minutes`), api.get(`/api/meetings/${id}`)]);
    minutes = loaded;
    access = { role: meeting.role, memberId: meeting.memberId };
    failure = null;
    return meeting.meeting.version;
  } catch (error) {
    // Nobody signed in on this device: the sign-in page offers a sign-in link by email, and comes back here.
    if (error instanceof ApiError && error.status === 401) location.assign(loginUrl());
    else if (!minutes) failure = () => (error instanceof ApiError ? error.localizedMessage() : t('error.network'));
    return null;
  }
}

/** A change on another screen (a comment, a decision on one, circulation, adoption, an erratum): read again, once per burst. */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    if (await load() !== null) renderKeepingTyped();
  }, 150);
}

async function main() {
  const version = await load();
  render();
  // Everyone who has the minutes open sees the changes as they are made.
  if (version !== null && !following) {
    following = connectLive().subscribe(`minutes:${id}`, refreshSoon, { sinceVersion: version, onSnapshot: refreshSoon });
  }
}

$('[data-print]').addEventListener('click', () => window.print());
onLangChange(() => {
  render();
  if (said) say(said);
});
main();
