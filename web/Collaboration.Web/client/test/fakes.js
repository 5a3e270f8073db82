// Test doubles for live.js: a hand-driven hub connection, timers and browser events.

export class FakeConnection {
  state = 'Disconnected';
  invocations = [];
  starts = [];
  #handlers = new Map();
  #onReconnecting = () => {};
  #onReconnected = () => {};
  #onClose = () => {};

  constructor(url, retryPolicy) {
    this.url = url;
    this.retryPolicy = retryPolicy;
  }

  on(method, handler) {
    this.#handlers.set(method.toLowerCase(), handler);
  }

  onreconnecting(callback) {
    this.#onReconnecting = callback;
  }

  onreconnected(callback) {
    this.#onReconnected = callback;
  }

  onclose(callback) {
    this.#onClose = callback;
  }

  start() {
    this.state = 'Connecting';
    return new Promise((resolve, reject) => {
      this.starts.push({
        succeed: () => {
          this.state = 'Connected';
          resolve();
        },
        fail: () => {
          this.state = 'Disconnected';
          reject(new Error('negotiation failed'));
        },
      });
    });
  }

  async stop() {
    this.state = 'Disconnected';
  }

  invoke(method, ...args) {
    return new Promise((resolve, reject) => {
      this.invocations.push({ method, args, resolve, reject });
    });
  }

  /** The server pushes an envelope to the client method 'event'. */
  push(envelope) {
    this.#handlers.get('event')?.(envelope);
  }

  /** The server pushes to another client method (e.g. 'presence'). */
  emit(method, ...args) {
    this.#handlers.get(method.toLowerCase())?.(...args);
  }

  /** The transport drops; SignalR starts its automatic reconnect. Pending invocations fail. */
  drop() {
    this.state = 'Reconnecting';
    this.#onReconnecting(new Error('connection lost'));
    for (const invocation of this.invocations.splice(0)) {
      invocation.reject(new Error('Invocation canceled due to the underlying connection being closed.'));
    }
  }

  reconnect() {
    this.state = 'Connected';
    this.#onReconnected('new-id');
  }

  /** Automatic reconnect gave up. */
  close() {
    this.state = 'Disconnected';
    this.#onClose(new Error('gave up'));
  }

  /** The next pending invocation of method (removed from the list). */
  take(method) {
    const index = this.invocations.findIndex((invocation) => invocation.method === method);
    if (index < 0) {
      throw new Error(`no pending ${method}; pending: ${this.invocations.map((i) => i.method).join(', ')}`);
    }
    return this.invocations.splice(index, 1)[0];
  }
}

export class FakeTimers {
  #next = 1;
  pending = new Map();

  setTimeout = (callback, delay) => {
    const id = this.#next++;
    this.pending.set(id, { callback, delay });
    return id;
  };

  clearTimeout = (id) => {
    this.pending.delete(id);
  };

  /** Runs every pending timer; returns their delays. */
  runAll() {
    const timers = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of timers) {
      timer.callback();
    }
    return timers.map(([, timer]) => timer.delay);
  }
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setImmediate(resolve));
