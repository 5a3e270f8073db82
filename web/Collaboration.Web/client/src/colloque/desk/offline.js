// The desk without network. Offline (browser event or unreachable server), scans are decided against the
// desk's copy of the attendee list and queued with their nonce and time; back online, the queue is sent and
// conflicts are shown, never double check-ins. Live events that came meanwhile are applied then.
import { api, ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { byOperator, formatTime } from '../common.js';

/** Unreachable, busy or failing server: the scan is kept and sent again, never dropped. */
export function isRetryable(error) {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 409 || error.status === 429 || error.status >= 500;
}

/** Registers the desk's service worker, then fetches the page's scripts again through it so it keeps them all. */
export async function keepForOffline() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  try {
    await navigator.serviceWorker.register('/colloque-desk-sw.js');
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    const files = performance.getEntriesByType('resource').map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && (u.pathname.startsWith('/dist/') || u.pathname.startsWith('/css/')));
    await Promise.all(files.map((u) => fetch(u.href).catch(() => null)));
    document.documentElement.dataset.offlineReady = 'true';
  } catch (error) {
    console.warn('The desk will not open offline after a reload', error);
  }
}

/** The desk's link to the server: online or not, its copy of the list, its queue, and the status line. */
export function createConnection({ desk, store }) {
  let offline = !navigator.onLine;
  let held = []; // live events that arrived while offline, applied when back
  let syncing = false;

  function goOffline() {
    if (!offline) {
      offline = true;
      renderStatus();
    }
  }

  async function goOnline() {
    if (!navigator.onLine) {
      return;
    }
    offline = false;
    renderStatus();
    await flushQueue();
    const events = held;
    held = [];
    for (const apply of events) {
      apply();
    }
    if (!offline) {
      await refreshList();
    }
  }

  async function refreshList() {
    try {
      const { attendees } = await api.get(`/api/colloques/${desk.colloqueId}/attendees`);
      store.replaceAll(attendees);
      renderStatus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) {
        goOffline();
      }
    }
  }

  async function flushQueue() {
    if (syncing || store.pending() === 0) {
      return;
    }
    syncing = true;
    try {
      const outcome = await store.sync((item) => api.post(`/api/colloques/${desk.colloqueId}/checkins`,
        { code: item.code, nonce: item.nonce, operator: item.operator, scannedAt: item.scannedAt }), { isRetryable });
      if (outcome.stopped) {
        goOffline();
      }
      if (outcome.admitted.length + outcome.conflicts.length > 0) {
        renderSyncReport(outcome);
      }
    } finally {
      syncing = false;
      renderStatus();
    }
  }

  function renderSyncReport(outcome) {
    const report = document.querySelector('[data-testid=sync-report]');
    report.hidden = false;
    report.querySelector('[data-sync-summary]').textContent = t('colloque.desk.syncReport',
      { admitted: outcome.admitted.length, conflicts: outcome.conflicts.length });
    report.querySelector('[data-conflicts]').replaceChildren(...outcome.conflicts.map(({ scan, answer }) => el('li', {
      'data-testid': 'conflict',
      'data-code': scan.code,
      text: t('colloque.desk.conflict', {
        name: answer.name ?? store.get(scan.code)?.name ?? '',
        code: scan.code,
        time: formatTime(answer.checkedInAt),
        desk: answer.deskName ?? answer.deskId ?? '?',
        by: byOperator(answer.operator, answer.deskName),
      }),
    })));
  }

  function renderStatus() {
    const status = document.querySelector('[data-testid=desk-connection]');
    status.dataset.state = offline ? 'offline' : 'online';
    status.querySelector('[data-connection-text]').textContent = t(offline ? 'colloque.desk.offline' : 'colloque.desk.online');
    const pending = status.querySelector('[data-testid=pending-count]');
    pending.dataset.count = String(store.pending());
    pending.textContent = t('colloque.desk.pending', { count: store.pending() });
    status.querySelector('[data-list-count]').textContent = t('colloque.desk.listCount', { count: store.count() });
  }

  /** Follows the browser's network events, and checks every 10 s in case one was missed. */
  function watchNetwork() {
    window.addEventListener('offline', () => goOffline());
    window.addEventListener('online', () => goOnline());
    setInterval(() => {
      if (offline && navigator.onLine) {
        goOnline();
      }
    }, 10_000);
  }

  return {
    get offline() {
      return offline;
    },
    goOffline,
    refreshList,
    flushQueue,
    renderStatus,
    watchNetwork,
    /** A live event: applied now, or when back online (nothing can reach an offline desk). */
    receive(envelope, apply) {
      if (offline) {
        held.push(() => apply(envelope));
      } else {
        apply(envelope);
      }
    },
  };
}
