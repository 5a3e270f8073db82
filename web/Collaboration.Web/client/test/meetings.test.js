import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEvent, fromSnapshot, isOverrun } from '../src/meetings/model.js';

const snapshot = () => fromSnapshot({
  version: 3, status: 'Draft', currentItemId: null, agendaVersion: 3,
  members: [{ id: 'm1', name: 'Amina', sector: 'Communautaire', role: 'Secretary' }],
  agenda: [{ id: 'a', title: 'A', plannedMinutes: 1, spentSeconds: 0, currentSince: null }, { id: 'b', title: 'B', plannedMinutes: 10 }],
  attendance: [], quorum: { required: 1, counted: 0, reached: false }, decisions: [], actionItems: [], followUps: [],
});

describe('meeting model', () => {
  test('normalises enum values of the snapshot', () => {
    const m = snapshot();
    assert.equal(m.status, 'draft');
    assert.equal(m.members[0].role, 'secretary');
  });

  test('applies start, current item, attendance and close', () => {
    let m = snapshot();
    const since = '2026-11-22T10:00:00Z';
    m = applyEvent(m, { version: 4, type: 'MeetingStarted', data: { startedAt: since, currentItemId: 'a', agenda: [{ ...m.agenda[0], currentSince: since }, m.agenda[1]] } });
    m = applyEvent(m, { version: 5, type: 'AttendanceSet', data: { attendance: { memberId: 'm1', status: 'present' }, quorum: { required: 1, counted: 1, reached: true } } });
    assert.equal(m.status, 'inProgress');
    assert.equal(m.currentItemId, 'a');
    assert.equal(m.quorum.reached, true);
    assert.equal(isOverrun(m, Date.parse(since) + 59_000), false);
    assert.equal(isOverrun(m, Date.parse(since) + 61_000), true);
    m = applyEvent(m, { version: 6, type: 'MeetingClosed', data: { closedAt: since, agenda: m.agenda } });
    assert.equal(m.status, 'closed');
    assert.equal(m.currentItemId, null);
    assert.equal(m.version, 6);
  });

  test('keeps the agenda in the order the server gives', () => {
    let m = snapshot();
    m = applyEvent(m, { version: 4, type: 'AgendaItemAdded', data: { item: { id: 'c', title: 'C' }, order: ['a', 'b', 'c'] } });
    m = applyEvent(m, { version: 5, type: 'AgendaReordered', data: { order: ['c', 'a', 'b'], agendaVersion: 5 } });
    assert.deepEqual(m.agenda.map((i) => i.id), ['c', 'a', 'b']);
    assert.equal(m.agendaVersion, 5);
  });
});
