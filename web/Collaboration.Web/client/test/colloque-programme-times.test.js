import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anHourAfter, nextFreeStart, roomNow, roomsOf, timeSlots } from '../src/colloque/programme-times.js';

const at = (hour, minute = 0) => new Date(Date.UTC(2026, 11, 3, hour, minute)).toISOString();
const session = (sessionId, room, from, to, kind = 'atelier') => ({ sessionId, room, startsAt: at(...from), endsAt: at(...to), kind });

describe('timeSlots', () => {
  test('puts overlapping sessions in one slot and back-to-back ones in the next', () => {
    const opening = session('opening', 'Grande salle', [14], [15], 'plenary');
    const a = session('a', 'Salle A', [15], [16]);
    const b = session('b', 'Salle B', [15, 30], [16, 30]);
    const panel = session('panel', 'Grande salle', [16, 30], [17], 'panel');

    const slots = timeSlots([panel, b, a, opening]);

    assert.deepEqual(slots.map((s) => s.sessions.map((x) => x.sessionId)), [['opening'], ['a', 'b'], ['panel']]);
    assert.equal(slots[1].endsAt.toISOString(), at(16, 30));
  });
});

describe('rooms', () => {
  const view = {
    sessions: [session('opening', 'Grande salle', [14], [15]), session('panel', 'Grande salle', [15], [16]), session('a', 'Salle A', [15], [16])],
    rooms: [{ name: 'Grande salle', sessionId: 'opening', followsTimetable: false, setAt: at(15, 10) }],
  };

  test('lists every room once, those not set by hand following the timetable', () => {
    assert.deepEqual(roomsOf(view).map((r) => [r.name, r.followsTimetable]), [['Grande salle', false], ['Salle A', true]]);
  });

  test('a room set by hand shows its session; one following the timetable shows the session under way', () => {
    const [grande, salleA] = roomsOf(view);
    const now = new Date(at(15, 20));
    assert.equal(roomNow(view, grande, now).sessionId, 'opening');
    assert.equal(roomNow(view, salleA, now).sessionId, 'a');
    assert.equal(roomNow(view, salleA, new Date(at(17))), null);
    assert.equal(roomNow(view, { name: 'Grande salle', sessionId: null, followsTimetable: false }, now), null, 'a break set by hand shows nothing');
  });
});

describe('a new session', () => {
  test('starts when the last session ends, and ends an hour later by default', () => {
    assert.equal(nextFreeStart([session('x', 'A', [14], [15]), session('y', 'B', [9], [10])]), at(15));
    assert.equal(nextFreeStart([]), null);
    assert.equal(anHourAfter(at(15, 30)), at(16, 30));
  });
});
