// Live updates over the SignalR hub /hubs/live.
//
//   const live = connectLive();                       // one shared, self-healing connection per page
//   live.onStateChange((state) => …);                 // 'connected' | 'reconnecting' | 'offline'
//   const sub = live.subscribe('workshop:42', (envelope) => …, { onSnapshot: (snapshot, version) => … });
//   sub.unsubscribe();
//
// Envelopes are { topic, version, type, data }. Each subscription remembers the last version it saw,
// asks the hub for what it missed after every reconnect (or a snapshot when too far behind), and drops
// envelopes it has already seen, so its handler gets each event once, in version order; a push that
// skips a version makes it ask the hub again from the last version it saw.
//
// A topic may also be pushed events ahead of its versions (client method 'ahead', version 0): a change
// another grain has committed, which the topic's own versioned event repeats later (a desk's arrival,
// before the colloque's figures hold it). options.onAhead(envelope) gets them, best effort, as they come;
// the page applies them idempotently (by the change's own id and version), since the event follows.
import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export const LiveState = Object.freeze({
  connected: 'connected',
  reconnecting: 'reconnecting',
  offline: 'offline',
});

export const HUB_URL = '/hubs/live';
export const MAX_RETRY_DELAY_MS = 10_000;
/** How long SignalR's automatic reconnect tries before the state turns 'offline' (restarts go on forever). */
export const RECONNECT_WINDOW_MS = 60_000;

/** Backoff: 0 s, then about 1, 2, 4, 8 s, then about 10 s forever (each 80–100 % of its step). */
export function retryDelay(attempt, random = Math.random) {
  if (attempt <= 0) {
    return 0;
  }
  const step = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (attempt - 1));
  return Math.round(step * (0.8 + 0.2 * random()));
}

// WebSockets only, without the negotiate request: a connection is then ONE request, so behind a plain
// round-robin proxy over several nodes it is held by whichever node got it. With negotiation, "negotiate"
// and "connect" are two requests that may reach different nodes, and the second fails (ASP.NET Core's
// guidance: without sticky sessions, skipNegotiation with WebSockets). Every browser we support has
// WebSockets; the price is no fallback to server-sent events or long polling where a network blocks them.
export const HUB_CONNECTION_OPTIONS = Object.freeze({ transport: HttpTransportType.WebSockets, skipNegotiation: true });

function createHubConnection(url, retryPolicy) {
  return new HubConnectionBuilder()
    .withUrl(url, HUB_CONNECTION_OPTIONS)
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(LogLevel.Warning)
    .build();
}

const shared = new Map();

/** The page's shared live connection to url (started on first call). */
export function connectLive({ url = HUB_URL } = {}) {
  let live = shared.get(url);
  if (!live) {
    live = createLive({ url });
    shared.set(url, live);
    live.start();
  }
  return live;
}

/**
 * A new, unstarted connection. connectLive() is what pages use; this is for tests, which can pass
 * createConnection(url, retryPolicy) returning an object shaped like @microsoft/signalr's HubConnection.
 */
export function createLive({
  url = HUB_URL,
  createConnection = createHubConnection,
  reconnectWindowMs = RECONNECT_WINDOW_MS,
  timers = globalThis,
  random = Math.random,
  events = globalThis,
  isOnline = () => globalThis.navigator?.onLine !== false,
} = {}) {
  return new Live({ url, createConnection, reconnectWindowMs, timers, random, events, isOnline });
}

export class Live {
  #connection;
  #timers;
  #random;
  #events;
  #isOnline;
  #connectionState = LiveState.reconnecting;
  #shownState = LiveState.reconnecting;
  #hasConnected = false;
  #stateListeners = new Set();
  #subscriptions = new Map(); // topic → Set<Subscription>
  #clientMethods = new Map(); // client method → Set<handler>
  #restartAttempt = 0;
  #restartTimer = null;
  #started = false;
  #stopped = false;
  #onBrowserOnline = () => this.#browserOnline();
  #onBrowserOffline = () => this.#emitState();

  constructor({ url, createConnection, reconnectWindowMs, timers, random, events, isOnline }) {
    this.#timers = timers;
    this.#random = random;
    this.#events = events;
    this.#isOnline = isOnline;
    const retryPolicy = {
      nextRetryDelayInMilliseconds: (context) =>
        context.elapsedMilliseconds >= reconnectWindowMs ? null : retryDelay(context.previousRetryCount, random),
    };
    this.#connection = createConnection(url, retryPolicy);
    this.#connection.on('event', (envelope) => this.#dispatch(envelope));
    this.#connection.on('ahead', (envelope) => this.#dispatchAhead(envelope));
    this.#connection.onreconnecting(() => this.#onLost(LiveState.reconnecting));
    this.#connection.onreconnected(() => this.#onConnected());
    this.#connection.onclose(() => {
      if (!this.#stopped) {
        this.#onLost(LiveState.offline);
        this.#scheduleRestart();
      }
    });
  }

  /**
   * 'connected' | 'reconnecting' | 'offline'. Before the first connection it is 'reconnecting' and hasConnected is false.
   * 'offline' while the browser says it has no network (nothing can arrive then, whatever the socket says),
   * or once automatic reconnection has given up (restarts still go on, every ~10 s).
   */
  get state() {
    return this.#shownState;
  }

  /** Whether the connection has ever been up (to tell "connecting…" from "reconnecting…"). */
  get hasConnected() {
    return this.#hasConnected;
  }

  /** Calls listener(state, live) now and after every change; returns a function that removes it. */
  onStateChange(listener) {
    this.#stateListeners.add(listener);
    listener(this.#shownState, this);
    return () => this.#stateListeners.delete(listener);
  }

  /** Starts connecting; retries forever until stop(). */
  start() {
    if (!this.#started) {
      this.#started = true;
      this.#events.addEventListener?.('online', this.#onBrowserOnline);
      this.#events.addEventListener?.('offline', this.#onBrowserOffline);
      this.#emitState();
      this.#connect();
    }
    return this;
  }

  /** Stops for good (e.g. in tests). */
  async stop() {
    this.#stopped = true;
    this.#events.removeEventListener?.('online', this.#onBrowserOnline);
    this.#events.removeEventListener?.('offline', this.#onBrowserOffline);
    if (this.#restartTimer !== null) {
      this.#timers.clearTimeout(this.#restartTimer);
      this.#restartTimer = null;
    }
    await this.#connection.stop();
    this.#setState(LiveState.offline);
  }

  /**
   * Follows topic. onEvent(envelope) gets each event once, in version order.
   * options.onSnapshot(snapshot, version) gets the snapshots (without it, onEvent gets { topic, version, type: 'snapshot', data }).
   * options.onError(error) hears a refused subscription (e.g. not authorised); options.sinceVersion resumes from a known version.
   * options.onAhead(envelope) gets the events pushed ahead of the topic's versions (see the top of this file).
   * Returns a Subscription: { topic, lastVersion, ready (a promise settled when the first answer is applied), unsubscribe() }.
   */
  subscribe(topic, onEvent, { onSnapshot, onError, onAhead, sinceVersion = 0 } = {}) {
    if (typeof topic !== 'string' || topic === '') {
      throw new TypeError('topic must be a non-empty string');
    }
    if (typeof onEvent !== 'function') {
      throw new TypeError('onEvent must be a function');
    }
    const subscription = new Subscription(this, topic, onEvent, { onSnapshot, onError, onAhead, sinceVersion });
    let topicSubscriptions = this.#subscriptions.get(topic);
    if (!topicSubscriptions) {
      topicSubscriptions = new Set();
      this.#subscriptions.set(topic, topicSubscriptions);
    }
    topicSubscriptions.add(subscription);
    if (this.#connection.state === HubConnectionState.Connected) {
      this.#subscribeOne(subscription);
    }
    return subscription;
  }

  /**
   * Listens to another client method the server pushes (e.g. 'presence'); 'event' is for subscribe().
   * Returns a function that removes the handler.
   */
  on(method, handler) {
    let handlers = this.#clientMethods.get(method);
    if (!handlers) {
      handlers = new Set();
      this.#clientMethods.set(method, handlers);
      this.#connection.on(method, (...args) => {
        for (const h of [...handlers]) {
          try {
            h(...args);
          } catch (error) {
            console.error(`Handler of '${method}' failed`, error);
          }
        }
      });
    }
    handlers.add(handler);
    return () => handlers.delete(handler);
  }

  /** Calls another hub method and resolves to its result (rejects when not connected or refused). */
  invoke(method, ...args) {
    return this.#connection.invoke(method, ...args);
  }

  /** @internal Called by Subscription.unsubscribe(). */
  _remove(subscription) {
    const topicSubscriptions = this.#subscriptions.get(subscription.topic);
    if (!topicSubscriptions?.delete(subscription) || topicSubscriptions.size > 0) {
      return;
    }
    this.#subscriptions.delete(subscription.topic);
    if (this.#connection.state === HubConnectionState.Connected) {
      this.#connection.invoke('Unsubscribe', subscription.topic).catch(() => {});
    }
  }

  async #connect() {
    this.#restartTimer = null;
    if (this.#stopped || this.#connection.state !== HubConnectionState.Disconnected) {
      return;
    }
    try {
      await this.#connection.start();
    } catch {
      if (!this.#stopped) {
        this.#setState(LiveState.offline);
        this.#scheduleRestart();
      }
      return;
    }
    if (!this.#stopped) {
      this.#onConnected();
    }
  }

  #scheduleRestart() {
    if (this.#restartTimer !== null || this.#stopped) {
      return;
    }
    this.#restartAttempt += 1;
    const delay = retryDelay(this.#restartAttempt, this.#random);
    this.#restartTimer = this.#timers.setTimeout(() => this.#connect(), delay);
  }

  /**
   * The browser says the network is back: restart now rather than at the end of the backoff; if the socket
   * survived, catch up anyway (Subscribe with the last version seen costs little, duplicates are dropped).
   */
  #browserOnline() {
    this.#emitState();
    if (this.#restartTimer !== null) {
      this.#timers.clearTimeout(this.#restartTimer);
      this.#connect();
    } else if (this.#connection.state === HubConnectionState.Connected) {
      this.#subscribeAll();
    }
  }

  #onConnected() {
    this.#restartAttempt = 0;
    this.#hasConnected = true;
    this.#setState(LiveState.connected);
    this.#subscribeAll();
  }

  #subscribeAll() {
    for (const topicSubscriptions of this.#subscriptions.values()) {
      for (const subscription of topicSubscriptions) {
        this.#subscribeOne(subscription);
      }
    }
  }

  #onLost(state) {
    for (const topicSubscriptions of this.#subscriptions.values()) {
      for (const subscription of topicSubscriptions) {
        subscription._cancel();
      }
    }
    this.#setState(state);
  }

  async #subscribeOne(subscription, pending) {
    const attempt = subscription._begin(pending);
    let result;
    try {
      result = await this.#connection.invoke('Subscribe', subscription.topic, subscription.lastVersion);
    } catch (error) {
      if (subscription._isCurrent(attempt)) {
        subscription._cancel();
        // A refusal while connected is final; a call cut by a lost connection is made again on reconnect.
        if (this.#connection.state === HubConnectionState.Connected) {
          subscription._fail(error);
        }
      }
      return;
    }
    if (subscription._isCurrent(attempt) && subscription._complete(result) === 'reset') {
      this.#subscribeOne(subscription);
    }
  }

  #dispatch(envelope) {
    const topicSubscriptions = this.#subscriptions.get(envelope?.topic);
    if (topicSubscriptions) {
      for (const subscription of [...topicSubscriptions]) {
        // A version gap (a push lost between silos): ask again from the last version seen; the
        // envelope waits in the subscription's buffer and is delivered after what was missed.
        if (subscription._receive(envelope) === 'gap' && this.#connection.state === HubConnectionState.Connected) {
          this.#subscribeOne(subscription, envelope);
        }
      }
    }
  }

  #dispatchAhead(envelope) {
    for (const subscription of [...(this.#subscriptions.get(envelope?.topic) ?? [])]) {
      subscription._ahead(envelope);
    }
  }

  #setState(state) {
    this.#connectionState = state;
    this.#emitState();
  }

  #emitState() {
    const state = this.#isOnline() ? this.#connectionState : LiveState.offline;
    if (state === this.#shownState) {
      return;
    }
    this.#shownState = state;
    for (const listener of [...this.#stateListeners]) {
      try {
        listener(state, this);
      } catch (error) {
        console.error('Live state listener failed', error);
      }
    }
  }
}

export class Subscription {
  #live;
  #onEvent;
  #onSnapshot;
  #onError;
  #onAhead;
  #lastVersion;
  #buffer = null; // envelopes pushed while a Subscribe call is out
  #attempt = 0;
  #closed = false;
  #resolveReady;
  #rejectReady;

  constructor(live, topic, onEvent, { onSnapshot, onError, onAhead, sinceVersion }) {
    this.#live = live;
    this.topic = topic;
    this.#onEvent = onEvent;
    this.#onSnapshot = onSnapshot;
    this.#onError = onError;
    this.#onAhead = onAhead;
    this.#lastVersion = Number(sinceVersion) || 0;
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {}); // a refusal is reported through onError; an unobserved ready must not be an unhandled rejection
  }

  /** The last version delivered (0 before any). */
  get lastVersion() {
    return this.#lastVersion;
  }

  get closed() {
    return this.#closed;
  }

  unsubscribe() {
    if (!this.#closed) {
      this.#closed = true;
      this.#buffer = null;
      this.#live._remove(this);
    }
  }

  /** @internal A Subscribe call goes out: pushes wait in the buffer (starting with pending, if given) until it is answered. */
  _begin(pending) {
    this.#buffer = pending ? [pending] : [];
    this.#attempt += 1;
    return this.#attempt;
  }

  /** @internal */
  _isCurrent(attempt) {
    return !this.#closed && attempt === this.#attempt;
  }

  /** @internal The pending Subscribe call, if any, no longer counts. */
  _cancel() {
    this.#attempt += 1;
    this.#buffer = null;
  }

  /** @internal Returns 'gap' when the envelope is ahead of the next expected version (nothing delivered then). */
  _receive(envelope) {
    if (this.#closed) {
      return 'closed';
    }
    if (this.#buffer) {
      this.#buffer.push(envelope);
      return 'buffered';
    }
    const version = Number(envelope?.version);
    if (this.#lastVersion > 0 && Number.isFinite(version) && version > this.#lastVersion + 1) {
      return 'gap';
    }
    this.#deliver(envelope);
    return 'delivered';
  }

  /** @internal An event pushed ahead of the topic's versions: handed over at once, without touching them. */
  _ahead(envelope) {
    if (!this.#closed && this.#onAhead) {
      this.#call(() => this.#onAhead(envelope));
    }
  }

  /** @internal Applies the hub's answer { topic, version, snapshot?, events? }, then what was pushed meanwhile. */
  _complete(result) {
    const buffered = this.#buffer ?? [];
    this.#buffer = null;
    const version = Number(result?.version) || 0;
    const hasSnapshot = result?.snapshot !== undefined && result?.snapshot !== null;
    if (hasSnapshot) {
      this.#lastVersion = version;
      this.#call(() =>
        this.#onSnapshot
          ? this.#onSnapshot(result.snapshot, version)
          : this.#onEvent({ topic: this.topic, version, type: 'snapshot', data: result.snapshot }),
      );
    } else if (version < this.#lastVersion) {
      // The hub is behind what we saw: its history was reset. Start again from a snapshot.
      this.#lastVersion = 0;
      return 'reset';
    }
    const envelopes = [...(result?.events ?? []), ...buffered].sort((a, b) => a.version - b.version);
    for (const envelope of envelopes) {
      this.#deliver(envelope);
    }
    this.#lastVersion = Math.max(this.#lastVersion, version);
    this.#resolveReady(this);
    return 'applied';
  }

  /** @internal */
  _fail(error) {
    this.#rejectReady(error);
    if (this.#onError) {
      this.#call(() => this.#onError(error));
    } else {
      console.warn(`Subscription to ${this.topic} refused`, error);
    }
  }

  #deliver(envelope) {
    const version = Number(envelope?.version);
    if (!Number.isFinite(version) || version <= this.#lastVersion) {
      return; // seen already (or malformed)
    }
    this.#lastVersion = version;
    this.#call(() => this.#onEvent(envelope));
  }

  #call(callback) {
    try {
      callback();
    } catch (error) {
      console.error(`Live handler for ${this.topic} failed`, error);
    }
  }
}
