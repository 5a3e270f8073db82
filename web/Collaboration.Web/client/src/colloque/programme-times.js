// The programme's times as the organiser sees them, without the DOM: time slots (overlapping sessions
// together), the rooms and what each room's screen shows now, and where a new session would start.

/** Every room of the programme, with its hand-set "now" if any (else it follows the timetable), as the server lists them. */
export function roomsOf(view) {
  const set = new Map(view.rooms.map((r) => [r.name, r]));
  return [...new Set(view.sessions.map((s) => s.room))].sort()
    .map((name) => set.get(name) ?? { name, sessionId: null, followsTimetable: true, setAt: null });
}

/** The session a room's screen shows now: the one set by hand (null for a break), else the timetable's. */
export function roomNow(view, room, now = new Date()) {
  const inRoom = view.sessions.filter((s) => s.room === room.name).sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
  if (!room.followsTimetable) return inRoom.find((s) => s.sessionId === room.sessionId) ?? null;
  return [...inRoom].reverse().find((s) => new Date(s.startsAt) <= now && now < new Date(s.endsAt)) ?? null;
}

/** All sessions grouped by overlapping times, in order: one group per time slot. */
export function timeSlots(sessions) {
  const sorted = [...sessions].sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt) || a.room.localeCompare(b.room));
  const groups = [];
  for (const session of sorted) {
    const last = groups[groups.length - 1];
    if (last && new Date(session.startsAt) < last.endsAt) {
      last.sessions.push(session);
      last.endsAt = new Date(Math.max(last.endsAt, new Date(session.endsAt)));
    } else {
      groups.push({ startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt), sessions: [session] });
    }
  }
  return groups;
}

/** Where a new session most likely starts: when the last one ends (ISO); null for an empty programme. */
export function nextFreeStart(sessions) {
  if (!sessions.length) return null;
  return new Date(Math.max(...sessions.map((s) => new Date(s.endsAt)))).toISOString();
}

/** The end an hour after start (ISO), for a session whose end was left empty. */
export function anHourAfter(startIso) {
  return new Date(new Date(startIso).getTime() + 3_600_000).toISOString();
}
