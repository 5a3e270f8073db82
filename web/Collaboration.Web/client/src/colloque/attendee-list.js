// The organiser's attendee list, as data: filter (text, category, MRC, arrived or not), sort, and the
// counts that go with it. No DOM here, so the rules are tested in Node (test/colloque-attendee-list.test.js).
import { fold } from './fold.js';

export const MRCS = ['dAutray', 'joliette', 'lAssomption', 'matawinie', 'montcalm', 'lesMoulins', 'outsideRegion'];

/**
 * The people shown for these filters, sorted. filters: { text, category ('' = all), mrc ('' = all,
 * 'none' = not given), arrival ('' = all, 'arrived', 'waiting', 'cancelled') }; sort: { key: 'name' |
 * 'organisation' | 'category' | 'mrc' | 'arrival', descending }. A cancelled registration shows only
 * under 'cancelled' (it neither arrives nor waits).
 */
export function visibleAttendees(attendees, filters, sort, labels = {}) {
  const text = fold(filters.text);
  const shown = attendees.filter((a) =>
    (!text || fold(`${a.name} ${a.organisation} ${a.code}`).includes(text)) &&
    (!filters.category || a.category === filters.category) &&
    (!filters.mrc || (filters.mrc === 'none' ? !a.mrc : a.mrc === filters.mrc)) &&
    matchesArrival(a, filters.arrival));
  const label = (kind, value) => labels[kind]?.(value) ?? value ?? '';
  const keyOf = {
    name: (a) => fold(a.name),
    organisation: (a) => fold(a.organisation),
    category: (a) => fold(label('category', a.category)),
    mrc: (a) => fold(label('mrc', a.mrc)),
    arrival: (a) => a.checkedInAt ?? '',
  }[sort.key] ?? ((a) => fold(a.name));
  const direction = sort.descending ? -1 : 1;
  return shown.sort((x, y) => direction * (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : 0) ||
    fold(x.name).localeCompare(fold(y.name), 'fr'));
}

function matchesArrival(attendee, arrival) {
  if (arrival === 'cancelled') return attendee.cancelled;
  if (attendee.cancelled) return !arrival;
  if (arrival === 'arrived') return Boolean(attendee.checkedInAt);
  if (arrival === 'waiting') return !attendee.checkedInAt;
  return true;
}

/**
 * Counts that add up: registered (not cancelled) = arrived + waiting; per category and per MRC the
 * same split; cancelled apart. Each option of the filters shows its count from here.
 */
export function attendeeCounts(attendees) {
  const counts = { registered: 0, arrived: 0, waiting: 0, cancelled: 0, byCategory: {}, byMrc: {} };
  for (const a of attendees) {
    if (a.cancelled) {
      counts.cancelled += 1;
      continue;
    }
    const arrived = Boolean(a.checkedInAt);
    counts.registered += 1;
    counts[arrived ? 'arrived' : 'waiting'] += 1;
    for (const [map, key] of [[counts.byCategory, a.category], [counts.byMrc, a.mrc || 'none']]) {
      map[key] ??= { registered: 0, arrived: 0 };
      map[key].registered += 1;
      map[key].arrived += arrived ? 1 : 0;
    }
  }
  return counts;
}
