import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLive, MAX_RETRY_DELAY_MS, retryDelay } from '../src/live.js';
import { FakeConnection, FakeTimers, settle } from './fakes.js';

function setUp({ online = true } = {}) {
  const network = { online };
  const events = new EventTarget();
  const timers = new FakeTimers();
  let connection;
  const live = createLive({
    createConnection: (url, policy) => (connection = new FakeConnection(url, policy)),
    timers,
    events,
    random: () => 1,
    isOnline: () => network.online,
  });
  const states = [];
  live.onStateChange((state) => states.push(state));
  return { live, connection, timers, events, network, states };
}

async function connected(options) {
  const context = setUp(options);
  context.live.start();
  context.connection.starts[0].succeed();
  await settle();
  return context;
}

function recorder() {
  const seen = [];
  const handler = (envelope) => seen.push(envelope.type === 'snapshot' ? `snapshot@${envelope.version}` : envelope.version);
  return { seen, handler };
}

const envelope = (version, topic = 'workshop:1') => ({ topic, version, type: 'SeatTaken', data: { version } });

describe('retryDelay', () => {
  test('starts at once, doubles, and stays at about ten seconds', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => retryDelay(attempt, () => 1));
    assert.deepEqual(delays, [0, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
    assert.ok(retryDelay(50, () => 0) <= MAX_RETRY_DELAY_MS);
  });
});

describe('connection state', () => {
  test('is reconnecting before the first connection, then connected', async () => {
    const { live, states } = await connected();
    assert.equal(live.state, 'connected');
    assert.equal(live.hasConnected, true);
    assert.deepEqual(states, ['reconnecting', 'connected']);
  });

  test('is offline when the first start fails, and retries with backoff until it succeeds', async () => {
    const { live, connection, timers, states } = setUp();
    live.start();
    connection.starts[0].fail();
    await settle();
    assert.equal(live.state, 'offline');
    assert.equal(live.hasConnected, false);
    assert.deepEqual(timers.runAll(), [1000]);
    connection.starts[1].fail();
    await settle();
    assert.deepEqual(timers.runAll(), [2000]);
    connection.starts[2].succeed();
    await settle();
    assert.deepEqual(states, ['reconnecting', 'offline', 'connected']);
  });

  test('follows automatic reconnection', async () => {
    const { live, connection, states } = await connected();
    connection.drop();
    assert.equal(live.state, 'reconnecting');
    connection.reconnect();
    await settle();
    assert.deepEqual(states, ['reconnecting', 'connected', 'reconnecting', 'connected']);
  });

  test('automatic reconnection gives up after its window, then full restarts go on', async () => {
    const { live, connection, timers } = await connected();
    const policy = connection.retryPolicy;
    assert.equal(policy.nextRetryDelayInMilliseconds({ previousRetryCount: 0, elapsedMilliseconds: 0 }), 0);
    assert.equal(policy.nextRetryDelayInMilliseconds({ previousRetryCount: 9, elapsedMilliseconds: 5_000 }), 10_000);
    assert.equal(policy.nextRetryDelayInMilliseconds({ previousRetryCount: 9, elapsedMilliseconds: 60_000 }), null);
    connection.drop();
    connection.close();
    assert.equal(live.state, 'offline');
    assert.deepEqual(timers.runAll(), [1000]);
    assert.equal(connection.starts.length, 2);
  });

  test('is offline while the browser has no network, and catches up when it is back', async () => {
    const { live, connection, events, network } = await connected();
    const { handler } = recorder();
    live.subscribe('workshop:1', handler);
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 4, snapshot: {} });
    await settle();

    network.online = false;
    events.dispatchEvent(new Event('offline'));
    assert.equal(live.state, 'offline');

    network.online = true;
    events.dispatchEvent(new Event('online'));
    assert.equal(live.state, 'connected');
    assert.deepEqual(connection.take('Subscribe').args, ['workshop:1', 4]);
  });

  test('restarts at once when the browser is back online', async () => {
    const { live, connection, timers, events } = await connected();
    connection.close();
    assert.equal(timers.pending.size, 1);
    events.dispatchEvent(new Event('online'));
    assert.equal(timers.pending.size, 0);
    assert.equal(connection.starts.length, 2);
    connection.starts[1].succeed();
    await settle();
    assert.equal(live.state, 'connected');
  });
});

describe('subscribe', () => {
  test('delivers the snapshot, then the events in version order, each once', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    const subscription = live.subscribe('workshop:1', handler);

    const call = connection.take('Subscribe');
    assert.deepEqual(call.args, ['workshop:1', 0]);
    call.resolve({ topic: 'workshop:1', version: 2, snapshot: { seats: 3 } });
    await subscription.ready;
    connection.push(envelope(3));
    connection.push(envelope(4));
    connection.push(envelope(3));
    connection.push(envelope(4));
    connection.push(envelope(5));
    connection.push(envelope(9, 'workshop:2'));

    assert.deepEqual(seen, ['snapshot@2', 3, 4, 5]);
    assert.equal(subscription.lastVersion, 5);
    assert.equal(connection.invocations.length, 0);
  });

  test('a push that skips a version makes it ask again from the last version seen, then delivers in order', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    const subscription = live.subscribe('workshop:1', handler);
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 2, snapshot: {} });
    await subscription.ready;

    connection.push(envelope(5)); // 3 and 4 were lost on their way
    connection.push(envelope(6));
    const call = connection.take('Subscribe');
    assert.deepEqual(call.args, ['workshop:1', 2]);
    assert.deepEqual(seen, ['snapshot@2']);
    call.resolve({ topic: 'workshop:1', version: 5, events: [envelope(3), envelope(4), envelope(5)] });
    await settle();

    assert.deepEqual(seen, ['snapshot@2', 3, 4, 5, 6]);
    assert.equal(subscription.lastVersion, 6);
  });

  test('hands snapshots to onSnapshot when given', async () => {
    const { live, connection } = await connected();
    const snapshots = [];
    live.subscribe('workshop:1', () => {}, { onSnapshot: (snapshot, version) => snapshots.push([snapshot, version]) });
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 7, snapshot: { seats: 1 } });
    await settle();
    assert.deepEqual(snapshots, [[{ seats: 1 }, 7]]);
  });

  test('holds back pushes that arrive while subscribing, and merges them with the answer', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    live.subscribe('workshop:1', handler, { sinceVersion: 2 });
    const call = connection.take('Subscribe');
    connection.push(envelope(5));
    connection.push(envelope(4));
    assert.deepEqual(seen, []);

    call.resolve({ topic: 'workshop:1', version: 4, events: [envelope(3), envelope(4)] });
    await settle();
    assert.deepEqual(seen, [3, 4, 5]);
  });

  test('subscribes once connected when called before', async () => {
    const { live, connection } = setUp();
    live.start();
    live.subscribe('workshop:1', () => {});
    assert.equal(connection.invocations.length, 0);
    connection.starts[0].succeed();
    await settle();
    assert.deepEqual(connection.take('Subscribe').args, ['workshop:1', 0]);
  });

  test('after a reconnect, asks for what it missed since the last version and skips what it saw', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    live.subscribe('workshop:1', handler);
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 2, snapshot: {} });
    await settle();
    connection.push(envelope(3));

    connection.drop();
    connection.reconnect();
    await settle();
    const call = connection.take('Subscribe');
    assert.deepEqual(call.args, ['workshop:1', 3]);
    call.resolve({ topic: 'workshop:1', version: 5, events: [envelope(3), envelope(4), envelope(5)] });
    await settle();
    connection.push(envelope(5));
    connection.push(envelope(6));

    assert.deepEqual(seen, ['snapshot@2', 3, 4, 5, 6]);
  });

  test('after a full restart, resumes from the last version too', async () => {
    const { live, connection, timers } = await connected();
    const { seen, handler } = recorder();
    live.subscribe('workshop:1', handler);
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 8, snapshot: {} });
    await settle();

    connection.drop();
    connection.close();
    timers.runAll();
    connection.starts[1].succeed();
    await settle();
    const call = connection.take('Subscribe');
    assert.deepEqual(call.args, ['workshop:1', 8]);
    call.resolve({ topic: 'workshop:1', version: 40, snapshot: { fresh: true } });
    await settle();

    assert.deepEqual(seen, ['snapshot@8', 'snapshot@40']);
  });

  test('a Subscribe cut by a lost connection is made again on reconnect, not reported', async () => {
    const { live, connection } = await connected();
    const errors = [];
    live.subscribe('workshop:1', () => {}, { onError: (error) => errors.push(error) });
    connection.drop();
    await settle();
    connection.reconnect();
    await settle();
    assert.deepEqual(connection.take('Subscribe').args, ['workshop:1', 0]);
    assert.deepEqual(errors, []);
  });

  test('a refused Subscribe is reported to onError', async () => {
    const { live, connection } = await connected();
    const errors = [];
    const subscription = live.subscribe('meeting:9', () => {}, { onError: (error) => errors.push(error.message) });
    connection.take('Subscribe').reject(new Error('Not authorised'));
    await assert.rejects(subscription.ready, /Not authorised/);
    assert.deepEqual(errors, ['Not authorised']);
  });

  test('starts again from a snapshot when the hub is behind what it saw (history reset)', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    live.subscribe('workshop:1', handler, { sinceVersion: 10 });
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 3, events: [] });
    await settle();
    const call = connection.take('Subscribe');
    assert.deepEqual(call.args, ['workshop:1', 0]);
    call.resolve({ topic: 'workshop:1', version: 3, snapshot: {} });
    await settle();
    assert.deepEqual(seen, ['snapshot@3']);
  });

  test('unsubscribes from the hub when the last subscription of a topic goes', async () => {
    const { live, connection } = await connected();
    const first = live.subscribe('workshop:1', () => {});
    const second = live.subscribe('workshop:1', () => {});
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 1, snapshot: {} });
    connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 1, snapshot: {} });
    await settle();

    first.unsubscribe();
    assert.equal(connection.invocations.length, 0);
    second.unsubscribe();
    assert.deepEqual(connection.take('Unsubscribe').args, ['workshop:1']);
  });

  test('a failing handler does not stop the others', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    const originalError = console.error;
    console.error = () => {};
    try {
      live.subscribe('workshop:1', () => {
        throw new Error('boom');
      });
      live.subscribe('workshop:1', handler);
      connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 1, snapshot: {} });
      connection.take('Subscribe').resolve({ topic: 'workshop:1', version: 1, snapshot: {} });
      await settle();
      connection.push(envelope(2));
    } finally {
      console.error = originalError;
    }
    assert.deepEqual(seen, ['snapshot@1', 2]);
  });
});

describe('ahead (events pushed before their topic\'s version)', () => {
  test('reach onAhead at once, whatever the version, and leave the versioned events untouched', async () => {
    const { live, connection } = await connected();
    const { seen, handler } = recorder();
    const ahead = [];
    const subscription = live.subscribe('colloque:1', handler, { onAhead: (e) => ahead.push(e.data.code) });
    connection.take('Subscribe').resolve({ topic: 'colloque:1', version: 2, snapshot: {} });
    await subscription.ready;

    connection.emit('ahead', { topic: 'colloque:1', version: 0, type: 'AttendeeArrived', data: { code: 'A' } });
    connection.emit('ahead', { topic: 'colloque:2', version: 0, type: 'AttendeeArrived', data: { code: 'B' } });
    connection.push(envelope(3, 'colloque:1'));

    assert.deepEqual(ahead, ['A']);
    assert.deepEqual(seen, ['snapshot@2', 3]);
    assert.equal(subscription.lastVersion, 3);
    assert.equal(connection.invocations.length, 0); // an unversioned push is no gap
  });
});

describe('on (other client methods)', () => {
  test('every handler of a client method gets its pushes until removed', async () => {
    const { live, connection } = await connected();
    const first = [];
    const second = [];
    const removeFirst = live.on('presence', (update) => first.push(update.people.length));
    live.on('presence', (update) => second.push(update.people.length));

    connection.emit('presence', { topic: 'meeting:1', people: [{}, {}] });
    removeFirst();
    connection.emit('presence', { topic: 'meeting:1', people: [{}] });

    assert.deepEqual(first, [2]);
    assert.deepEqual(second, [2, 1]);
  });
});
