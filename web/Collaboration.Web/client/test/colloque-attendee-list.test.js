import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attendeeCounts, visibleAttendees } from '../src/colloque/attendee-list.js';

const people = [
  { code: 'A1', name: 'Éric Sylvestre', organisation: 'Usinage Berthier', category: 'employer', mrc: 'dAutray', cancelled: false, checkedInAt: '2026-12-01T14:05:00Z' },
  { code: 'B2', name: 'Amina Diallo', organisation: 'Lanaudière Économique', category: 'other', mrc: 'joliette', cancelled: false, checkedInAt: null },
  { code: 'C3', name: 'Julie Beaulieu', organisation: 'Ville de Terrebonne', category: 'electedOfficial', mrc: 'lesMoulins', cancelled: false, checkedInAt: '2026-12-01T13:55:00Z' },
  { code: 'D4', name: 'Paul Rivest', organisation: 'Chambre de commerce', category: 'employer', mrc: null, cancelled: true, checkedInAt: null },
];
const all = { text: '', category: '', mrc: '', arrival: '' };
const byName = { key: 'name', descending: false };

describe('attendee list', () => {
  test('sorts by name, accents ignored, and by arrival either way', () => {
    assert.deepEqual(visibleAttendees(people, all, byName).map((a) => a.code), ['B2', 'A1', 'C3', 'D4']);
    assert.deepEqual(visibleAttendees(people, { ...all, arrival: 'arrived' }, { key: 'arrival', descending: true }).map((a) => a.code), ['A1', 'C3']);
  });

  test('filters by category, MRC (or none given), arrival and text together', () => {
    assert.deepEqual(visibleAttendees(people, { ...all, category: 'employer' }, byName).map((a) => a.code), ['A1', 'D4']);
    assert.deepEqual(visibleAttendees(people, { ...all, category: 'employer', arrival: 'waiting' }, byName).map((a) => a.code), []);
    assert.deepEqual(visibleAttendees(people, { ...all, mrc: 'none' }, byName).map((a) => a.code), ['D4']);
    assert.deepEqual(visibleAttendees(people, { ...all, text: 'ECONOMIQUE' }, byName).map((a) => a.code), ['B2']);
    assert.deepEqual(visibleAttendees(people, { ...all, arrival: 'cancelled' }, byName).map((a) => a.code), ['D4']);
  });

  test('counts add up: registered = arrived + waiting, the same per category; cancelled apart', () => {
    const counts = attendeeCounts(people);
    assert.deepEqual([counts.registered, counts.arrived, counts.waiting, counts.cancelled], [3, 2, 1, 1]);
    assert.deepEqual(counts.byCategory.employer, { registered: 1, arrived: 1 });
    assert.equal(Object.values(counts.byCategory).reduce((n, c) => n + c.registered, 0), counts.registered);
    assert.equal(Object.values(counts.byMrc).reduce((n, c) => n + c.arrived, 0), counts.arrived);
  });
});
