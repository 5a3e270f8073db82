import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeskStore } from '../src/colloque/desk/store.js';

function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, String(v)) };
}

const list = [
  { code: 'AAA', name: 'Hélène Gagnon', organisation: 'CISSS', category: 'institution', cancelled: false, checkedInAt: null },
  { code: 'BBB', name: 'Marc Roy', organisation: 'MRC', category: 'mrc', cancelled: false, checkedInAt: null },
  { code: 'CCC', name: 'Luc Côté', organisation: 'Ville', category: 'electedOfficial', cancelled: true, checkedInAt: null },
];

test('offline scans decide against the local copy and queue with their nonces', () => {
  const store = createDeskStore(memoryStorage(), 'c1', 'd2');
  store.replaceAll(list);

  const first = store.scanOffline({ code: 'AAA', nonce: 'n1', operator: 'Julie', deskName: 'Accueil 2' });
  const again = store.scanOffline({ code: 'AAA', nonce: 'n2', operator: 'Julie', deskName: 'Accueil 2' });
  const cancelled = store.scanOffline({ code: 'CCC', nonce: 'n3', operator: 'Julie', deskName: 'Accueil 2' });
  const unknown = store.scanOffline({ code: 'ZZZ', nonce: 'n4', operator: 'Julie', deskName: 'Accueil 2' });

  assert.deepEqual([first.result, again.result, cancelled.result, unknown.result], ['checkedIn', 'alreadyCheckedIn', 'cancelled', 'unknown']);
  assert.equal(store.pending(), 4);
});

test('the queue survives a reload of the page', () => {
  const storage = memoryStorage();
  createDeskStore(storage, 'c1', 'd2').replaceAll(list);
  createDeskStore(storage, 'c1', 'd2').scanOffline({ code: 'BBB', nonce: 'n1', operator: '', deskName: 'Accueil 2' });

  const reloaded = createDeskStore(storage, 'c1', 'd2');

  assert.equal(reloaded.pending(), 1);
  assert.ok(reloaded.get('BBB').checkedInAt);
});

test('sync reports a badge admitted meanwhile elsewhere as a conflict, and keeps the rest queued when the server is unreachable', async () => {
  const store = createDeskStore(memoryStorage(), 'c1', 'd2');
  store.replaceAll(list);
  store.scanOffline({ code: 'AAA', nonce: 'n1', operator: 'Julie', deskName: 'Accueil 2' });
  store.scanOffline({ code: 'BBB', nonce: 'n2', operator: 'Julie', deskName: 'Accueil 2' });
  const sent = [];
  const server = async (scan) => {
    sent.push(scan.nonce);
    return scan.code === 'AAA'
      ? { result: 'alreadyCheckedIn', code: 'AAA', deskId: 'd1', deskName: 'Accueil 1', checkedInAt: '2026-11-26T14:02:00Z', operator: 'Sam' }
      : { result: 'checkedIn', code: scan.code, deskId: 'd2', deskName: 'Accueil 2', checkedInAt: '2026-11-26T14:05:00Z' };
  };

  const outcome = await store.sync(server);

  assert.deepEqual(sent, ['n1', 'n2']);
  assert.equal(outcome.admitted.length, 1);
  assert.equal(outcome.conflicts.length, 1);
  assert.equal(outcome.conflicts[0].answer.deskName, 'Accueil 1');
  assert.equal(store.get('AAA').deskName, 'Accueil 1');
  assert.equal(store.pending(), 0);

  store.scanOffline({ code: 'CCC', nonce: 'n3', operator: '', deskName: 'Accueil 2' });
  const cut = await store.sync(async () => { throw new Error('unreachable'); });
  assert.equal(cut.stopped, true);
  assert.equal(store.pending(), 1);
});

test('a scan the server refuses is dropped and reported, and does not block the queue', async () => {
  const store = createDeskStore(memoryStorage(), 'c1', 'd2');
  store.replaceAll(list);
  store.scanOffline({ code: 'X', nonce: 'bad', operator: '', deskName: 'Accueil 2' });
  store.scanOffline({ code: 'BBB', nonce: 'good', operator: '', deskName: 'Accueil 2' });
  const refused = Object.assign(new Error('400'), { status: 400 });

  const outcome = await store.sync(async (scan) => {
    if (scan.nonce === 'bad') throw refused;
    return { result: 'checkedIn', code: 'BBB', deskId: 'd2', deskName: 'Accueil 2', checkedInAt: '2026-11-26T14:05:00Z' };
  }, { isRetryable: (e) => e.status !== 400 });

  assert.equal(outcome.rejected.length, 1);
  assert.equal(outcome.admitted.length, 1);
  assert.equal(store.pending(), 0);
});
