// The meeting as the room shows it: the server's snapshot, then each live event applied in version order.
// Enum values come camelCase from the API and in events; norm() also takes a PascalCase one.

/** 'InProgress' | 'inProgress' → 'inProgress'. */
export const norm = (value) => (typeof value === 'string' && value ? value[0].toLowerCase() + value.slice(1) : value);

/** A copy of a snapshot with enum values normalised. */
export function fromSnapshot(snapshot) {
  const m = structuredClone(snapshot);
  m.status = norm(m.status);
  m.attendance = (m.attendance ?? []).map(normAttendance);
  m.actionItems = (m.actionItems ?? []).map(normAction);
  m.followUps = (m.followUps ?? []).map(normAction);
  m.members = (m.members ?? []).map((x) => ({ ...x, sector: norm(x.sector), role: norm(x.role) }));
  m.motions = (m.motions ?? []).map(normMotion);
  m.floor = m.floor ?? { queue: [], speaker: null, limitSeconds: null };
  m.documents = m.documents ?? [];
  return m;
}

/** A motion with its enum values (kind, status, each vote's choice) in one form. */
export function normMotion(x) {
  return { ...x, kind: norm(x.kind), status: norm(x.status), votes: x.votes ? x.votes.map((v) => ({ ...v, choice: norm(v.choice) })) : x.votes };
}

/** Applies a ballot or a show of hands to the motion: the totals when they come, else only how many ballots were cast. */
function applyTally(motion, data) {
  const next = { ...motion };
  if (data.tally) {
    next.tally = data.tally;
    next.ballotCount = data.tally.ballots;
  } else {
    next.ballotCount = data.ballots;
    next.tally = motion.tally && motion.totalsVisible ? motion.tally : null;
  }
  // The ballots of one write come as one event with the tally after them, naming nobody: an open vote's names come with
  // its result (MotionClosed replaces the motion).
  return next;
}

const normAttendance = (a) => ({ ...a, status: norm(a.status) });
const normAction = (a) => ({ ...a, status: norm(a.status) });
const replaceById = (list, item) => {
  const i = list.findIndex((x) => x.id === item.id);
  return i >= 0 ? list.map((x, k) => (k === i ? item : x)) : [...list, item];
};
const byOrder = (agenda, order) => order.map((id) => agenda.find((i) => i.id === id)).filter(Boolean);

/** Applies one live event ({ version, type, data }) to the meeting; returns the new meeting. */
export function applyEvent(meeting, { version, type, data }) {
  const m = { ...meeting, version };
  switch (type) {
    case 'MeetingCreated':
      return { ...fromSnapshot(data.meeting), version };
    case 'RosterExtended':
      m.members = [...m.members, ...data.members.map((x) => ({ ...x, sector: norm(x.sector), role: norm(x.role) }))];
      break;
    case 'FollowUpsAdded':
      m.followUps = data.items.reduce((list, item) => replaceById(list, normAction(item)), m.followUps);
      break;
    case 'AgendaItemAdded':
      m.agenda = byOrder(replaceById(m.agenda, data.item), data.order);
      m.agendaVersion = version;
      break;
    case 'AgendaItemEdited':
    case 'AgendaItemDoneChanged':
      m.agenda = replaceById(m.agenda, data.item);
      break;
    case 'AgendaReordered':
      m.agenda = byOrder(m.agenda, data.order);
      m.agendaVersion = data.agendaVersion;
      break;
    case 'AgendaItemRemoved':
      m.agenda = m.agenda.filter((i) => i.id !== data.itemId);
      m.agendaVersion = data.agendaVersion;
      if (m.currentItemId === data.itemId) m.currentItemId = null;
      break;
    case 'MeetingStarted':
      m.status = 'inProgress';
      m.startedAt = data.startedAt;
      m.currentItemId = data.currentItemId;
      m.agenda = data.agenda;
      break;
    case 'CurrentItemChanged':
      m.currentItemId = data.currentItemId;
      m.agenda = data.agenda;
      break;
    case 'MeetingClosed':
      m.status = 'closed';
      m.closedAt = data.closedAt;
      m.currentItemId = null;
      m.agenda = data.agenda;
      break;
    case 'NoticeSent':
      m.noticeSequence = data.sequence;
      m.noticeSentAt = data.sentAt;
      m.noticeRecipients = data.recipients;
      break;
    case 'MeetingCancelled':
      m.status = 'cancelled';
      break;
    case 'AttendanceSet':
      m.attendance = replaceBy(m.attendance, normAttendance(data.attendance), 'memberId');
      m.quorum = data.quorum;
      break;
    case 'DecisionRecorded':
      m.decisions = replaceById(m.decisions, data.decision);
      break;
    case 'ActionItemAdded':
      m.actionItems = replaceById(m.actionItems, normAction(data.item));
      break;
    case 'ActionItemUpdated': {
      const item = normAction(data.item);
      if (item.originMeetingId) m.followUps = replaceById(m.followUps, item);
      else m.actionItems = replaceById(m.actionItems, item);
      break;
    }
    case 'MotionOpened':
      m.motions = replaceById(m.motions ?? [], normMotion(data.motion));
      break;
    case 'BallotCast':
    case 'HandsCounted':
      m.motions = (m.motions ?? []).map((x) => (x.id === data.motionId ? applyTally(x, data) : x));
      break;
    case 'MotionClosed':
      m.motions = replaceById(m.motions ?? [], normMotion(data.motion));
      m.decisions = replaceById(m.decisions, data.decision);
      break;
    case 'MotionWithdrawn':
      m.motions = replaceById(m.motions ?? [], normMotion(data.motion));
      break;
    case 'MinutesChanged':
      m.minutes = data.minutes;
      break;
    case 'FloorChanged':
      m.floor = data.floor;
      break;
    case 'DocumentAttached':
      m.documents = replaceById(m.documents ?? [], data.document);
      break;
    case 'DocumentRemoved':
      m.documents = (m.documents ?? []).filter((d) => d.id !== data.documentId);
      break;
    default:
      return meeting; // an event this page does not know: nothing to show
  }
  return m;
}

function replaceBy(list, item, key) {
  const i = list.findIndex((x) => x[key] === item[key]);
  return i >= 0 ? list.map((x, k) => (k === i ? item : x)) : [...list, item];
}

/** Seconds spent on an agenda item at server time nowMs. */
export function elapsedSeconds(item, nowMs) {
  const running = item.currentSince ? Math.max(0, (nowMs - Date.parse(item.currentSince)) / 1000) : 0;
  return (item.spentSeconds ?? 0) + running;
}

/** Whether the current item runs past its planned minutes at server time nowMs. */
export function isOverrun(meeting, nowMs) {
  const current = meeting.agenda.find((i) => i.id === meeting.currentItemId);
  return Boolean(current && current.plannedMinutes > 0 && elapsedSeconds(current, nowMs) > current.plannedMinutes * 60);
}

/**
 * The agenda item a form's "Point" menu shows after a re-render. When the current item has moved
 * since the menu last followed it (or nothing valid is chosen), the new current item: a decision
 * typed after "Passer à ce point" belongs to that point. Otherwise what the person chose stays.
 * Returns { value, followed }: keep followed for the next call.
 */
export function pointChoice({ chosen, followed, current, values, fallback = '' }) {
  const target = values.includes(current) ? current : fallback;
  if (current !== followed || !values.includes(chosen)) return { value: target, followed: current };
  return { value: chosen, followed };
}

/** "12:05" from seconds. */
export function clock(seconds) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
