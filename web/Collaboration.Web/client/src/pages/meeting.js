// The meeting room: agenda with the current item and overrun, attendance and quorum, who is here now,
// decisions, action items and follow-ups; live on topic meeting:{id}. Organisers and the table's
// secretary run the meeting; members mark their own attendance and close their own action items.
import '../meetings/messages.js';
import { api, ApiError } from '../api.js';
import { loginUrl } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { createOutbox } from '../mail/outbox.js';
import { applyEvent, clock, elapsedSeconds, fromSnapshot, isOverrun, norm, normMotion, pointChoice } from '../meetings/model.js';
import { renderMotions, wording } from '../meetings/motions.js';
import { renderFloor, renderSpeaker } from '../meetings/floor.js';
import { isPresenter, MAX_DOCUMENT_BYTES, renderDocuments, uploadDocument } from '../meetings/documents.js';
import { formatDateTime, formatTime, h, param, replaceChildren } from '../meetings/dom.js';
import { InputFormatError, parseDateInput } from '../zoned-time.js';

const id = param('id');
const $ = (selector) => document.querySelector(selector);
const errorRegion = $('[data-testid="room-error"]');
let meeting = null;
let role = 'none';
let myMemberId = null;
let clockOffsetMs = 0; // server time − browser time
let people = [];
let shownError = null;
let noticeStatus = null; // the message key said after sending the notice
let myBallots = {}; // motion id → 'for' | 'against' | 'abstain': this member's own choices, always shown back
const sending = new Map(); // agenda item id → the name of the file being attached to it
const outbox = createOutbox($('[data-outbox]')); // the notice and minutes emails (organisers)

const readOnly = () => meeting?.status === 'closed' || meeting?.status === 'cancelled';
const canRun = () => (role === 'organiser' || role === 'secretary') && !readOnly();
const serverNow = () => Date.now() + clockOffsetMs;
const memberName = (memberId) => meeting.members.find((m) => m.id === memberId)?.name ?? '?';

function showError(message) {
  shownError = message;
  errorRegion.textContent = message ? message() : '';
}

/** A success about the minutes (circulated): said politely beside the button, not in the error area. */
let minutesStatus = null;
function showMinutesStatus(message) {
  minutesStatus = message;
  $('[data-testid="minutes-status"]').textContent = message ? message() : '';
}

/** Runs an API call; a refusal is shown (stale edits also bring the current value, which live shows anyway). */
async function act(call) {
  showError(null);
  try {
    return await call();
  } catch (error) {
    if (error instanceof ApiError) showError(() => (error.code === 'stale' ? t('room.stale') : error.localizedMessage()));
    else if (error instanceof InputFormatError) showError(() => error.localizedMessage());
    else showError(() => t('error.network'));
    return null;
  }
}

const path = (suffix = '') => `/api/meetings/${id}${suffix}`;

function render() {
  if (!meeting) return;
  document.body.dataset.status = meeting.status;
  $('[data-testid="meeting-title"]').textContent = meeting.title;
  $('[data-meeting-meta]').textContent =
    `${meeting.tableName} · ${formatDateTime(meeting.startsAt, getLang())}${meeting.location ? ` · ${meeting.location}` : ''}`;
  const status = $('[data-testid="meeting-status"]');
  status.dataset.status = meeting.status;
  status.textContent = t(`status.${meeting.status}`);
  $('[data-back]').href = `/meetings.html?table=${meeting.tableId}`;
  $('[data-testid="read-only-notice"]').hidden = meeting.status !== 'closed';
  $('[data-testid="cancelled-notice"]').hidden = meeting.status !== 'cancelled';
  $('[data-testid="minutes-link"]').hidden = meeting.status !== 'closed';
  $('[data-testid="minutes-link"]').href = `/minutes.html?id=${id}`;
  // A closed meeting's minutes go to the members for reading, until a later meeting adopts them (then locked).
  $('[data-testid="circulate-minutes"]').hidden = !((role === 'organiser' || role === 'secretary') && meeting.status === 'closed'
    && norm(meeting.minutes?.status ?? 'Draft') !== 'adopted');
  $('[data-ics]').href = path('/meeting.ics');
  $('[data-csv]').href = path('/action-items.csv');
  const runner = (role === 'organiser' || role === 'secretary');
  $('[data-testid="start-meeting"]').hidden = !(runner && meeting.status === 'draft');
  $('[data-testid="close-meeting"]').hidden = !(runner && meeting.status === 'inProgress');
  $('[data-testid="cancel-meeting"]').hidden = !(runner && meeting.status === 'draft');
  for (const form of document.querySelectorAll('[data-runner-form]')) form.hidden = !canRun();
  $('[data-decision-form]').hidden = !(canRun() && meeting.status === 'inProgress');
  renderNotice();
  renderAgenda();
  renderAttendance();
  renderPresence();
  renderDecisions();
  renderActions();
  renderLive();
}

/** Motions and the speaking queue: while the meeting runs, and the results once it is closed. */
/** Earlier meetings of the table whose minutes were adopted: a motion may be an erratum to one of them (the chair's form). */
let erratumTargets = [];

async function loadErratumTargets() {
  if (!canRun() || !meeting) return;
  const meetings = await api.get(`/api/tables/${meeting.tableId}/meetings`).catch(() => null);
  if (!meetings) return;
  erratumTargets = meetings.filter((m) => m.id !== id && norm(m.minutesStatus) === 'adopted');
  renderErratumField();
}

function renderErratumField() {
  const field = $('[data-erratum-field]');
  field.hidden = erratumTargets.length === 0;
  const select = field.querySelector('select');
  const previous = select.value;
  select.replaceChildren(h('option', { value: '' }, t('room.motion.notErratum')), ...erratumTargets.map((m) =>
    h('option', { value: m.id }, t('room.motion.erratumOption', { title: m.title, date: formatDateTime(m.startsAt, getLang()) }))));
  if (erratumTargets.some((m) => m.id === previous)) select.value = previous;
}

function renderLive() {
  const panels = $('[data-live-panels]');
  panels.hidden = !(meeting.status === 'inProgress' || (meeting.status === 'closed' && meeting.motions.length > 0));
  if (panels.hidden) return;
  renderErratumField();
  renderMotions({
    meeting, canRun: canRun(), myMemberId, myBallots,
    vote: async (motion, choice) => {
      const answer = await act(() => api.put(path(`/motions/${motion.id}/ballot`), { choice }));
      if (answer) {
        myBallots = { ...myBallots, [motion.id]: choice };
        renderLive();
      }
    },
    countHands: (motion, hands) => act(() => api.put(path(`/motions/${motion.id}/hands`), hands)),
    closeMotion: (motion) => act(() => api.post(path(`/motions/${motion.id}/close`))),
    withdraw: (motion) => act(() => api.post(path(`/motions/${motion.id}/withdraw`))),
  });
  $('[data-testid="floor-panel"]').hidden = meeting.status !== 'inProgress';
  renderFloor({
    meeting, canRun: canRun(), myMemberId, nowMs: serverNow(),
    give: (memberId) => act(() => api.post(path('/floor/next'), { memberId })),
    lower: (memberId) => act(() => api.delete(path(`/floor/hands/${memberId}`))),
  });
}

let tallyReading = null; // the chair's read of hidden totals in flight (one at a time, then once more if needed)
let tallyAgain = false;

/** The chair reads totals the members' feed leaves out (a vote whose totals are hidden from members). */
async function readTally(motionId) {
  if (tallyReading) { tallyAgain = true; return; }
  tallyReading = api.get(path(`/motions/${motionId}`)).catch(() => null);
  const answer = await tallyReading;
  tallyReading = null;
  if (answer) {
    const fresh = normMotion(answer.motion);
    meeting = { ...meeting, motions: meeting.motions.map((m) => (m.id === fresh.id && m.status === 'open' ? { ...fresh, ballotCount: fresh.tally?.ballots } : m)) };
    renderLive();
  }
  if (tallyAgain) { tallyAgain = false; readTally(motionId); }
}

/** The convocation: sent or not, when and to how many; the button to send it (again, with the agenda as it is now). */
function renderNotice() {
  const runner = role === 'organiser' || role === 'secretary';
  const panel = $('[data-testid="notice-panel"]');
  panel.hidden = !runner || readOnly();
  $('[data-organiser-only]').hidden = role !== 'organiser';
  if (panel.hidden) return;
  const sent = Boolean(meeting.noticeSentAt);
  $('[data-testid="notice-state"]').textContent = !sent ? t('room.notice.notSent')
    : t(meeting.noticeSequence > 0 ? 'room.notice.sentAgain' : 'room.notice.sent',
      { when: formatDateTime(meeting.noticeSentAt, getLang()), count: meeting.noticeRecipients, sequence: meeting.noticeSequence });
  $('[data-testid="notice-empty-agenda"]').hidden = meeting.agenda.length > 0;
  const button = $('[data-testid="send-notice"]');
  button.dataset.i18n = sent ? 'room.notice.resend' : 'room.notice.send'; // the language switch re-translates the right label
  button.textContent = t(button.dataset.i18n);
  $('[data-testid="notice-status"]').textContent = noticeStatus ? t(noticeStatus) : '';
}

async function sendNotice() {
  const button = $('[data-testid="send-notice"]');
  button.disabled = true;
  noticeStatus = 'room.notice.sending';
  renderNotice();
  const answer = await act(() => api.post(path('/notice')));
  button.disabled = false;
  noticeStatus = answer ? 'room.notice.done' : null;
  if (answer && meeting.version < answer.version) { // the live event may not be here yet: show what the server holds now
    const fresh = await act(() => api.get(path()));
    if (fresh && fresh.meeting.version > meeting.version) meeting = fromSnapshot(fresh.meeting);
  }
  render();
  if (role === 'organiser') outbox.refresh();
}

let shownOverrun = false;

/** Once a second: the current item's elapsed time in place; the whole agenda only when overrun starts. */
function tick() {
  if (meeting?.status !== 'inProgress') return;
  const now = serverNow();
  if (meeting.floor?.speaker) renderSpeaker(meeting, now);
  if (isOverrun(meeting, now) !== shownOverrun) return renderAgenda();
  const current = meeting.agenda.find((i) => i.id === meeting.currentItemId);
  const span = current && document.querySelector(`[data-elapsed-for="${current.id}"]`);
  if (span) span.textContent = t('room.elapsed', { time: clock(elapsedSeconds(current, now)) });
}

let editing = false; // an agenda item's edit form is open: live changes wait until it is saved or cancelled

function renderAgenda() {
  const list = $('[data-testid="agenda"]');
  if (editing) return;
  shownOverrun = isOverrun(meeting, serverNow());
  if (meeting.agenda.length === 0) return replaceChildren(list, h('li', { class: 'empty' }, t('room.noAgenda')));
  const now = serverNow();
  replaceChildren(list, meeting.agenda.map((item, index) => {
    const current = item.id === meeting.currentItemId;
    const overrun = current && isOverrun(meeting, now);
    const controls = canRun() ? h('div', { class: 'item-controls' },
      meeting.status === 'inProgress' && !current
        ? h('button', { type: 'button', class: 'button', 'data-key': `current-${item.id}`, 'data-testid': 'make-current',
          onclick: () => act(() => api.put(path('/current'), { itemId: item.id, keepQueue: $('[data-keep-queue]').checked })) }, t('room.makeCurrent')) : null,
      meeting.status === 'inProgress'
        ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `done-${item.id}`, 'aria-pressed': String(item.done),
          onclick: () => act(() => api.put(path(`/agenda/${item.id}/done`), { done: !item.done })) }, t(item.done ? 'room.markNotDone' : 'room.markDone')) : null,
      index > 0 ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `up-${item.id}`, 'aria-label': `${t('room.moveUp')} : ${item.title}`,
        onclick: () => move(index, -1) }, '↑') : null,
      index < meeting.agenda.length - 1 ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `down-${item.id}`, 'aria-label': `${t('room.moveDown')} : ${item.title}`,
        onclick: () => move(index, 1) }, '↓') : null,
      h('button', { type: 'button', class: 'button button--quiet', 'data-key': `edit-${item.id}`, onclick: () => editItem(item) }, t('room.edit')),
      h('button', { type: 'button', class: 'button button--quiet', 'data-key': `remove-${item.id}`,
        onclick: () => act(() => api.delete(path(`/agenda/${item.id}?expectedVersion=${item.version}`))) }, t('room.remove')),
    ) : null;
    return h('li', {
      class: `agenda-item${current ? ' agenda-item--current' : ''}${item.done ? ' agenda-item--done' : ''}${overrun ? ' agenda-item--overrun' : ''}`,
      'data-testid': 'agenda-item', 'data-current': String(current), 'aria-current': current ? 'step' : null, 'data-item-id': item.id,
    },
    h('div', { class: 'agenda-item__head' },
      h('span', { class: 'agenda-item__number' }, `${index + 1}.`),
      h('span', { class: 'agenda-item__title' }, item.title),
      current ? h('span', { class: 'badge badge--current' }, t('room.current')) : null,
      item.done ? h('span', { class: 'badge badge--done' }, t('room.done')) : null,
      overrun ? h('span', { class: 'badge badge--overrun', 'data-testid': 'overrun', role: 'status' }, t('room.overrun')) : null),
    h('p', { class: 'agenda-item__meta' },
      [item.presenter ? `${t('room.presenter')} ${item.presenter}` : null,
        item.plannedMinutes ? t('room.planned', { minutes: item.plannedMinutes }) : null].filter(Boolean).join(' · '),
      current || item.spentSeconds ? h('span', { class: 'agenda-item__elapsed', 'data-elapsed-for': item.id },
        t('room.elapsed', { time: clock(elapsedSeconds(item, now)) })) : null),
    item.notes ? h('p', { class: 'agenda-item__notes' }, item.notes) : null,
    documentsOf(item),
    controls);
  }));
}

/** The item's documents; the chair, or the member named as its presenter, attaches them. */
function documentsOf(item) {
  const myName = meeting.members.find((m) => m.id === myMemberId)?.name;
  const section = renderDocuments({
    meetingId: id, item, documents: (meeting.documents ?? []).filter((d) => d.agendaItemId === item.id),
    canAttach: !readOnly() && (canRun() || isPresenter(item, myName)),
    canRemove: (d) => !readOnly() && (canRun() || (myMemberId && d.uploadedByMemberId === myMemberId)),
    attach: (file) => attachDocument(item, file),
    remove: (d) => { if (confirm(t('documents.confirmRemove'))) act(() => api.delete(path(`/documents/${d.id}`))); },
  });
  if (section && sending.has(item.id)) section.append(h('p', { role: 'status', 'data-testid': 'document-sending' }, t('documents.sending', { name: sending.get(item.id) })));
  return section;
}

async function attachDocument(item, file) {
  if (file.size > MAX_DOCUMENT_BYTES) return showError(() => t('documents.tooLarge'));
  sending.set(item.id, file.name);
  renderAgenda();
  const attached = await act(() => uploadDocument(id, item.id, file));
  sending.delete(item.id);
  if (attached && !(meeting.documents ?? []).some((d) => d.id === attached.id)) { // before its live event: show it now
    meeting = { ...meeting, documents: [...(meeting.documents ?? []), attached] };
  }
  renderAgenda();
}

function move(index, delta) {
  const order = meeting.agenda.map((i) => i.id);
  [order[index], order[index + delta]] = [order[index + delta], order[index]];
  return act(() => api.put(path('/agenda/order'), { order, expectedVersion: meeting.agendaVersion }));
}

function editItem(item) {
  const li = document.querySelector(`[data-item-id="${item.id}"]`);
  const form = h('form', { class: 'form form--inline' },
    field('title', t('meetings.title'), item.title, { required: true, maxlength: 200 }),
    field('presenter', t('room.presenter'), item.presenter, { maxlength: 200 }),
    field('plannedMinutes', t('room.plannedMinutes'), item.plannedMinutes, { type: 'number', min: 0, max: 600 }),
    field('notes', t('room.notes'), item.notes, { maxlength: 2000 }),
    h('button', { type: 'submit', class: 'button button--primary' }, t('room.save')),
    h('button', { type: 'button', class: 'button button--quiet', onclick: () => { editing = false; render(); } }, t('room.cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    await act(() => api.put(path(`/agenda/${item.id}`), { ...data, plannedMinutes: Number(data.plannedMinutes || 0), expectedVersion: item.version }));
    editing = false;
    render(); // on a stale edit the message says so and the current value is shown
  });
  editing = true;
  li.replaceChildren(form);
  form.querySelector('input').focus();
}

function field(name, label, value, attrs = {}) {
  const inputId = `f-${name}-${Math.random().toString(36).slice(2, 8)}`;
  return h('div', { class: 'field' }, h('label', { for: inputId }, label), h('input', { id: inputId, name, value: value ?? '', ...attrs }));
}

function renderAttendance() {
  const quorum = $('[data-testid="quorum"]');
  quorum.dataset.reached = String(meeting.quorum.reached);
  quorum.textContent = `${t('room.quorum', meeting.quorum)} — ${t(meeting.quorum.reached ? 'room.quorumReached' : 'room.quorumNotReached')}`;
  const unreachable = meeting.quorum.required > meeting.members.length;
  const warning = $('[data-testid="quorum-warning"]');
  warning.hidden = !unreachable;
  warning.textContent = unreachable ? t('room.quorumUnreachable', { required: meeting.quorum.required, members: meeting.members.length }) : '';
  const mine = $('[data-self-attendance]');
  mine.hidden = !myMemberId || readOnly();
  const myStatus = meeting.attendance.find((a) => a.memberId === myMemberId)?.status;
  for (const button of mine.querySelectorAll('[data-self-status]')) { // the one chosen is pressed, and says so
    const chosen = button.dataset.selfStatus === myStatus;
    button.setAttribute('aria-pressed', String(chosen));
    button.classList.toggle('button--primary', chosen);
  }
  const list = $('[data-testid="attendance"]');
  replaceChildren(list, meeting.members.map((member) => {
    const entry = meeting.attendance.find((a) => a.memberId === member.id);
    const statusText = entry ? t(`attendance.${entry.status}`) : t('room.notRecorded');
    const arrived = entry?.arrivedAt ? ` · ${t('room.arrived', { time: formatTime(entry.arrivedAt, getLang()) })}` : '';
    const control = canRun()
      ? h('select', { 'aria-label': t('room.statusOf', { name: member.name }), 'data-key': `att-${member.id}`, 'data-testid': 'attendance-select',
        onchange: (e) => act(() => api.put(path(`/attendance/${member.id}`), { status: e.target.value, expectedVersion: entry?.version ?? 0 })) },
        h('option', { value: '', disabled: true, selected: !entry }, t('room.notRecorded')),
        ['present', 'remote', 'absent', 'excused'].map((s) => h('option', { value: s, selected: entry?.status === s }, t(`attendance.${s}`))))
      : null;
    return h('li', { class: `attendee attendee--${entry?.status ?? 'none'}`, 'data-testid': 'attendee', 'data-member-id': member.id, 'data-status': entry?.status ?? 'none' },
      h('span', { class: 'attendee__name' }, member.name, member.id === myMemberId ? ` ${t('room.you')}` : ''),
      h('span', { class: 'attendee__org' }, `${member.organisation} · ${t(`sector.${member.sector}`)}`),
      h('span', { class: 'attendee__status' }, statusText + arrived),
      control);
  }));
}

function renderPresence() {
  const list = $('[data-testid="presence"]');
  const others = people.length ? people : [];
  replaceChildren(list, others.length === 0
    ? [h('li', { class: 'empty' }, t('room.nobodyHere'))]
    : others.map((p) => h('li', { class: 'presence__person' }, h('span', { class: 'presence__dot', 'aria-hidden': 'true' }), p.name || '—',
      p.role ? h('span', { class: 'presence__role' }, ` · ${t(`role.${p.role === 'organiser' ? 'organiser' : 'member'}`)}`) : null)));
}

function renderDecisions() {
  const list = $('[data-testid="decisions"]');
  const select = $('[data-decision-form] select[name="agendaItemId"]');
  fillPointSelect(select, meeting.agenda.map((i, k) => [i.id, `${k + 1}. ${i.title}`]), meeting.agenda[0]?.id ?? '');
  replaceChildren(list, meeting.decisions.length === 0
    ? [h('li', { class: 'empty' }, t('room.noDecisions'))]
    : meeting.decisions.map((d) => h('li', { class: 'decision', 'data-testid': 'decision' },
      h('span', { class: 'decision__item' }, meeting.agenda.find((i) => i.id === d.agendaItemId)?.title ?? ''),
      h('span', { class: 'decision__text' }, d.motionId && meeting.motions.some((m) => m.id === d.motionId)
        ? wording(meeting.motions.find((m) => m.id === d.motionId)) : d.text))));
}

function renderActions() {
  fillSelect($('[data-action-form] select[name="ownerMemberId"]'), meeting.members.map((m) => [m.id, m.name]));
  fillPointSelect($('[data-action-form] select[name="agendaItemId"]'), [['', '—'], ...meeting.agenda.map((i, k) => [i.id, `${k + 1}. ${i.title}`])], '');
  const row = (a) => {
    const canToggle = !readOnly() && (canRun() || a.ownerMemberId === myMemberId);
    return h('li', { class: `action action--${a.status}`, 'data-testid': 'action-item' },
      h('span', { class: 'action__text' }, a.text),
      h('span', { class: 'action__meta' }, [memberName(a.ownerMemberId) !== '?' ? memberName(a.ownerMemberId) : a.ownerName,
        a.due ? `${t('room.due')} ${a.due}` : null, a.originMeetingTitle ? t('room.from', { title: a.originMeetingTitle }) : null].filter(Boolean).join(' · ')),
      canToggle
        ? h('label', { class: 'action__toggle' }, h('input', { type: 'checkbox', checked: a.status === 'done', 'data-key': `action-${a.id}`,
          onchange: (e) => act(() => api.patch(path(`/action-items/${a.id}`), { status: e.target.checked ? 'done' : 'open', expectedVersion: a.version })) }),
        ` ${t('room.doneStatus')}`)
        : h('span', { class: 'action__status' }, t(a.status === 'done' ? 'room.doneStatus' : 'room.open')));
  };
  replaceChildren($('[data-testid="action-items"]'), meeting.actionItems.length ? meeting.actionItems.map(row) : [h('li', { class: 'empty' }, t('room.noActionItems'))]);
  $('[data-follow-ups]').hidden = meeting.followUps.length === 0;
  replaceChildren($('[data-testid="follow-ups"]'), meeting.followUps.map(row));
}

function fillSelect(select, options, preferred) {
  const previous = select.value;
  select.replaceChildren(...options.map(([value, label]) => h('option', { value }, label)));
  const keep = options.some(([v]) => v === previous) ? previous : preferred;
  if (keep !== undefined && keep !== null) select.value = keep;
}

/** A "Point" menu: the agenda items, following the current item as it moves (see pointChoice). */
function fillPointSelect(select, options, fallback) {
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, label]) => h('option', { value }, label)));
  const { value, followed } = pointChoice({ chosen, followed: select.dataset.followed, current: meeting.currentItemId ?? '', values: options.map(([v]) => v), fallback });
  select.value = value;
  select.dataset.followed = followed;
}

function wireForms() {
  $('[data-testid="start-meeting"]').addEventListener('click', () => act(() => api.post(path('/start'))));
  $('[data-testid="circulate-minutes"]').addEventListener('click', async () => {
    showMinutesStatus(null);
    if (await act(() => api.post(path('/minutes/circulate')))) showMinutesStatus(() => t('room.circulated'));
  });
  $('[data-testid="send-notice"]').addEventListener('click', sendNotice);
  $('[data-testid="cancel-meeting"]').addEventListener('click', () => {
    if (confirm(t('room.confirmCancel'))) act(() => api.post(path('/cancel')));
  });
  $('[data-testid="close-meeting"]').addEventListener('click', () => {
    if (confirm(t('room.confirmClose'))) act(() => api.post(path('/close')));
  });
  for (const button of document.querySelectorAll('[data-self-status]')) {
    button.addEventListener('click', () => act(() => api.put(path(`/attendance/${myMemberId}`), { status: button.dataset.selfStatus })));
  }
  for (const button of document.querySelectorAll('[data-self-floor] button')) {
    button.addEventListener('click', () => (button.dataset.testid === 'raise-hand'
      ? act(() => api.put(path(`/floor/hands/${myMemberId}`)))
      : act(() => api.delete(path(`/floor/hands/${myMemberId}`)))));
  }
  $('[data-testid="next-speaker"]').addEventListener('click', () => act(() => api.post(path('/floor/next'), {})));
  $('[data-testid="end-speaker"]').addEventListener('click', () => act(() => api.post(path('/floor/end'))));
  submit('[data-add-hand-form]', (d) => api.put(path(`/floor/hands/${d.memberId}`)));
  submit('[data-limit-form]', (d) => api.put(path('/floor/limit'), { seconds: d.minutes ? Math.round(Number(d.minutes) * 60) : null }), { keep: true });
  const motionForm = $('[data-motion-form]');
  submit('[data-motion-form]', async (d) => {
    const opened = await api.post(path('/motions'), {
      text: d.text, proposerId: d.proposerId || null, seconderId: d.seconderId || null, kind: d.kind, totalsVisible: motionForm.elements.totalsVisible.checked,
      erratumFor: d.erratumFor || null,
    });
    motionForm.elements.erratumFor.value = ''; // the next motion is an ordinary one unless chosen again
    return opened;
  });
  submit('[data-agenda-form]', (d) => api.post(path('/agenda'), { ...d, plannedMinutes: Number(d.plannedMinutes || 0) }));
  submit('[data-decision-form]', (d) => api.post(path('/decisions'), d));
  submit('[data-action-form]', (d) => api.post(path('/action-items'), { ...d, agendaItemId: d.agendaItemId || null, due: parseDateInput(d.due) }));
}

function submit(selector, call, { keep = false } = {}) {
  const form = $(selector);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ok = await act(() => call(Object.fromEntries(new FormData(form))));
    if (ok && !keep) {
      for (const el of form.querySelectorAll('input, textarea')) el.value = el.defaultValue;
      form.querySelector('input, textarea')?.focus();
    }
  });
}

function apply(envelope) {
  if (meeting && envelope.version > meeting.version) {
    meeting = applyEvent(meeting, envelope);
    render();
    // Totals hidden from members travel without them: the chair reads them.
    if (canRun() && (envelope.type === 'BallotCast' || envelope.type === 'HandsCounted') && envelope.data.tally == null) readTally(envelope.data.motionId);
    // A notice or the minutes recorded mail (from this screen or another organiser's): show it.
    if (role === 'organiser' && ['NoticeSent', 'MeetingClosed', 'MeetingCancelled'].includes(envelope.type)) outbox.refresh();
    // A carried adoption makes earlier minutes adopted (on that meeting, just after): they may now take an erratum.
    if (envelope.type === 'MotionClosed') setTimeout(loadErratumTargets, 500);
  }
}

async function main() {
  if (!id) return showError(() => t('minutes.notReady'));
  // Nobody signed in on this device (a notice's link opened on a phone): the sign-in page offers a sign-in link by email.
  const answer = await api.get(path()).catch((error) => (error instanceof ApiError && error.status === 401 ? location.assign(loginUrl()) : act(() => Promise.reject(error))));
  if (!answer) return;
  role = answer.role;
  myMemberId = answer.memberId;
  myBallots = answer.myBallots ?? {};
  meeting = fromSnapshot(answer.meeting);
  clockOffsetMs = Date.parse(answer.meeting.now) - Date.now();
  render();
  wireForms();
  $('[data-room]').hidden = false;
  if (role === 'organiser') outbox.show(path());
  loadErratumTargets();

  const live = connectLive();
  const topic = `meeting:${id}`;
  // Lists come from the meeting's presence grain through either node: the newest version wins.
  let presenceVersion = -1;
  live.on('presence', (update) => {
    if (update.topic === topic && !(update.version <= presenceVersion)) {
      presenceVersion = update.version ?? presenceVersion;
      people = update.people;
      renderPresence();
    }
  });
  live.subscribe(topic, apply, {
    sinceVersion: meeting.version,
    onSnapshot: (snapshot) => {
      clockOffsetMs = Date.parse(snapshot.now) - Date.now();
      meeting = fromSnapshot(snapshot);
      render();
      const hidden = meeting.motions.find((m) => m.status === 'open' && !m.tally);
      if (hidden && canRun()) readTally(hidden.id); // the feed's snapshot is the members' one
    },
    onError: () => showError(() => t('meetings.signInRequired')),
  });
  setInterval(tick, 1000); // elapsed time and overrun follow the clock
}

onLangChange(() => {
  render();
  if (shownError) errorRegion.textContent = shownError();
  if (minutesStatus) showMinutesStatus(minutesStatus);
});

main();
