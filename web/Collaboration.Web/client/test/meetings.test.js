import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEvent, fromSnapshot, isOverrun, pointChoice } from '../src/meetings/model.js';

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

  test('applies the notice sent (when, to how many, its sequence) and the cancellation', () => {
    let m = snapshot();
    m = applyEvent(m, { version: 4, type: 'NoticeSent', data: { sequence: 0, sentAt: '2026-12-01T15:00:00Z', recipients: 7 } });
    m = applyEvent(m, { version: 5, type: 'NoticeSent', data: { sequence: 1, sentAt: '2026-12-02T15:00:00Z', recipients: 8 } });
    assert.deepEqual([m.noticeSequence, m.noticeSentAt, m.noticeRecipients, m.version], [1, '2026-12-02T15:00:00Z', 8, 5]);
    m = applyEvent(m, { version: 6, type: 'MeetingCancelled', data: { cancelledAt: '2026-12-03T15:00:00Z', notified: 8 } });
    assert.equal(m.status, 'cancelled');
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

  test('applies the ballots of one write, sent as one event: the tally after them; the names come with the result', () => {
    let m = snapshot();
    const motion = { id: 'mo', kind: 'Open', status: 'Open', totalsVisible: true, tally: null, votes: [] };
    m = applyEvent(m, { version: 4, type: 'MotionOpened', data: { motion } });
    m = applyEvent(m, { version: 5, type: 'BallotCast', data: { motionId: 'mo', totalsVisible: true, tally: { for: 0, against: 1, abstain: 1, ballots: 2 } } });
    assert.deepEqual([m.motions[0].tally.against, m.motions[0].ballotCount], [1, 2]);
    m = applyEvent(m, { version: 6, type: 'MotionClosed', data: {
      motion: { ...motion, status: 'Adopted', tally: { for: 0, against: 1, abstain: 1, ballots: 2 },
        votes: [{ memberId: 'm2', name: 'Bruno', choice: 'Abstain' }, { memberId: 'm1', name: 'Amina', choice: 'Against' }] },
      decision: { id: 'mo', text: 'Sur proposition de…' },
    } });
    assert.deepEqual(m.motions[0].votes.map((v) => [v.memberId, v.choice]), [['m2', 'abstain'], ['m1', 'against']]);
  });

  test('takes hidden totals as the count alone', () => {
    let m = snapshot();
    m = applyEvent(m, { version: 4, type: 'MotionOpened', data: { motion: { id: 'mo', kind: 'Open', status: 'Open', totalsVisible: false, votes: [] } } });
    m = applyEvent(m, { version: 5, type: 'BallotCast', data: { motionId: 'mo', totalsVisible: false, ballots: 3 } });
    assert.deepEqual([m.motions[0].ballotCount, m.motions[0].tally], [3, null]);
  });
});

describe('point menus', () => {
  const values = ['a', 'b', 'c'];

  test('follow the current item when it moves, even from a choice made for the previous one', () => {
    let menu = pointChoice({ chosen: '', followed: undefined, current: 'a', values });
    assert.deepEqual(menu, { value: 'a', followed: 'a' });
    menu = pointChoice({ chosen: 'a', followed: menu.followed, current: 'b', values }); // "Passer à ce point" on item 2
    assert.deepEqual(menu, { value: 'b', followed: 'b' });
    menu = pointChoice({ chosen: 'c', followed: 'b', current: 'c', values }); // chosen by hand, then current moves there
    assert.equal(menu.value, 'c');
  });

  test('keep a deliberate choice while the current item stays', () => {
    assert.deepEqual(pointChoice({ chosen: 'c', followed: 'b', current: 'b', values }), { value: 'c', followed: 'b' });
  });

  test('fall back when there is no current item, or the chosen one was removed', () => {
    assert.equal(pointChoice({ chosen: '', followed: undefined, current: null, values: ['', ...values] }).value, '');
    assert.equal(pointChoice({ chosen: 'x', followed: 'b', current: 'b', values }).value, 'b');
  });
});

test('standing items: one per line, planned minutes after a bar, 15 by default', async () => {
  const { parseStandingItems } = await import('../src/meetings/series.js');
  assert.deepEqual(parseStandingItems('Nouvelles des MRC | 20\n\n  Comité accueil  \nVaria|x'), [
    { title: 'Nouvelles des MRC', plannedMinutes: 20 },
    { title: 'Comité accueil', plannedMinutes: 15 },
    { title: 'Varia|x', plannedMinutes: 15 },
  ]);
});
