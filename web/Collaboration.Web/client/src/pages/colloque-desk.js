// The check-in desk: pair with a code, then scan (camera, USB scanner, keyboard) or search by name.
// Online, each scan goes to the server with a nonce made here; offline (browser event or unreachable
// server), the desk decides against its local copy of the attendee list, queues the scan with its nonce
// and time, and sends the queue when the network is back — conflicts are shown, never double check-ins.
import { api, ApiError } from '../api.js';
import { connectLive } from '../live.js';
import { onLangChange, t } from '../i18n.js';
import { byOperator, categoryLabel, createArrivalVersions, el, fillCategories, formatTime } from '../colloque-common.js';
import { createDeskStore, newNonce } from '../colloque-desk-store.js';

const pairSection = document.querySelector('[data-pair]');
const deskSection = document.querySelector('[data-desk]');

let desk = null; // { colloqueId, deskId, deskName, title, paired, organiser }
let store = null;
let offline = !navigator.onLine;
let heldEvents = []; // live events that arrived while offline, applied when back
const arrivalVersions = createArrivalVersions();
let syncing = false;
let lastResult = null;

init();
keepForOffline();

/** Registers the desk's service worker, then fetches the page's scripts again through it so it keeps them all. */
async function keepForOffline() {
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

async function init() {
  const colloque = new URLSearchParams(location.search).get('colloque');
  try {
    desk = await api.get(`/api/desks/me${colloque ? `?colloque=${encodeURIComponent(colloque)}` : ''}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      desk = JSON.parse(localStorage.getItem('concertation.colloque.desk') ?? 'null');
    }
  }
  if (!desk || desk.paired === false) {
    showPairing(desk?.organiser === true);
    return;
  }
  localStorage.setItem('concertation.colloque.desk', JSON.stringify(desk));
  await showDesk();
}

// ---- pairing ------------------------------------------------------------------------------------

function showPairing(organiser) {
  pairSection.hidden = false;
  if (organiser) {
    showOrganiserDesks();
  }
  const form = pairSection.querySelector('form');
  const error = pairSection.querySelector('[data-pair-error], #pair-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      desk = await api.post('/api/desks/pair', { pairingCode: form.elements.namedItem('pairingCode').value });
      localStorage.setItem('concertation.colloque.desk', JSON.stringify(desk));
      location.reload();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : t('error.network');
    }
  });
  form.elements.namedItem('pairingCode').focus();
}

/** An organiser needs no pairing: links to each colloque's "Organisation" desk. */
async function showOrganiserDesks() {
  const host = pairSection.querySelector('[data-organiser-desks]');
  try {
    const colloques = await api.get('/api/colloques');
    host.replaceChildren(el('p', { text: t('colloque.desk.organiserIntro') }), el('ul', { class: 'result-list' }, ...colloques.map((c) =>
      el('li', {}, el('a', { href: `/colloque-desk.html?colloque=${c.id}`, text: t('colloque.desk.organiserOpen', { title: c.title }) })))));
    host.hidden = false;
  } catch {
    // the pairing form is still there
  }
}

// ---- the desk -----------------------------------------------------------------------------------

async function showDesk() {
  deskSection.hidden = false;
  store = createDeskStore(localStorage, desk.colloqueId, desk.deskId);
  deskSection.querySelector('[data-desk-name]').textContent = desk.organiser ? t('colloque.desk.organiserDesk') : desk.deskName;
  deskSection.querySelector('[data-colloque-title]').textContent = desk.title ?? '';
  const operator = document.getElementById('operator');
  operator.value = localStorage.getItem('concertation.colloque.operator') ?? '';
  operator.addEventListener('change', () => localStorage.setItem('concertation.colloque.operator', operator.value.trim()));
  fillCategories(document.getElementById('w-cat'));
  onLangChange(() => {
    fillCategories(document.getElementById('w-cat'), document.getElementById('w-cat').value);
    renderStatus();
    if (lastResult) {
      renderResult(lastResult);
    }
  });

  document.querySelector('[data-testid=scan-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('scan-code');
    const code = normalizeCode(input.value);
    input.value = '';
    if (code.length >= 4 && code.length <= 32) {
      scan(code);
    } else if (code) {
      renderResult({ result: 'unknown', code });
    }
    input.focus();
  });
  document.querySelector('[data-camera]').addEventListener('click', toggleCamera);
  setupSearch();
  setupWalkIn();

  window.addEventListener('offline', () => goOffline());
  window.addEventListener('online', () => goOnline());
  setInterval(() => {
    if (offline && navigator.onLine) {
      goOnline();
    }
  }, 10_000);

  const live = connectLive();
  // Arrivals come first ahead (from the scanning desk's write), then in the topic's versions: applied once each.
  live.subscribe(`colloque:${desk.colloqueId}`, onLiveEvent, { onSnapshot: onSnapshot, onAhead: onLiveEvent });

  renderStatus();
  document.getElementById('scan-code').focus();
  if (!offline) {
    await refreshList();
    await flushQueue();
  }
}

/** Unreachable, busy or failing server: the scan is kept and sent again, never dropped. */
function isRetryable(error) {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 409 || error.status === 429 || error.status >= 500;
}

function normalizeCode(text) {
  return (text ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
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

function onSnapshot(snapshot) {
  arrivalVersions.forget();
  if (snapshot?.title) {
    deskSection.querySelector('[data-colloque-title]').textContent = snapshot.title;
  }
  const list = document.querySelector('[data-testid=arrivals]');
  list.replaceChildren();
  for (const r of [...(snapshot?.recent ?? [])].reverse()) {
    addArrival({ ...r, at: r.at });
  }
}

function onLiveEvent(envelope) {
  if (offline) {
    heldEvents.push(envelope); // nothing can reach an offline desk: apply when it is back
    return;
  }
  applyLiveEvent(envelope);
}

function applyLiveEvent({ type, data }) {
  if ((type === 'AttendeeArrived' || type === 'ArrivalUndone') && !arrivalVersions.isNew(data)) {
    return; // seen ahead already, or older than what was applied
  }
  if (type === 'AttendeeArrived') {
    // Events carry no names (see AttendeeArrived): the desk's own list has them.
    const known = store.get(data.code);
    store.applyArrival({ ...data, name: known?.name, organisation: known?.organisation, operator: undefined, checkedInAt: data.at });
    addArrival({ ...data, name: known?.name, organisation: known?.organisation });
    if (!known) {
      refreshSoon(); // a walk-in registered at another desk
    }
  } else if (type === 'ArrivalUndone') {
    store.applyUndo(data.code);
    document.querySelector(`[data-testid=arrivals] [data-code="${CSS.escape(data.code)}"]`)?.remove();
  }
}

let refreshTimer = null;

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    await refreshList();
    for (const item of document.querySelectorAll('[data-testid=arrivals] [data-code]')) {
      const a = store.get(item.dataset.code);
      if (a?.name) {
        item.querySelector('.arrival__name').textContent = a.name;
      }
    }
  }, 500);
}

function addArrival({ code, name, organisation, category, deskName, at }) {
  const list = document.querySelector('[data-testid=arrivals]');
  list.querySelector(`[data-code="${CSS.escape(code)}"]`)?.remove();
  list.prepend(el('li', { class: `arrival cat-${category}`, 'data-code': code },
    el('span', { class: 'arrival__time', text: formatTime(at) }),
    el('span', { class: 'arrival__name', text: name || code }),
    el('span', { class: 'arrival__meta', text: [organisation, deskName].filter(Boolean).join(' · ') })));
  while (list.children.length > 30) {
    list.lastElementChild.remove();
  }
}

// ---- scanning -----------------------------------------------------------------------------------

async function scan(code, { admit = false } = {}) {
  const nonce = newNonce();
  const operator = document.getElementById('operator').value.trim();
  const scannedAt = new Date().toISOString();
  if (!offline) {
    try {
      const answer = await api.post(`/api/colloques/${desk.colloqueId}/checkins`, { code, nonce, operator, scannedAt, override: admit || undefined });
      if (answer.result === 'checkedIn' || answer.result === 'alreadyCheckedIn') {
        store.applyArrival(answer);
      }
      renderResult(answer);
      return;
    } catch (error) {
      if (!isRetryable(error)) {
        renderError(error);
        return;
      }
      goOffline(); // unreachable or failing: this scan is decided locally and queued with the SAME nonce
    }
  }
  const answer = store.scanOffline({ code, nonce, operator, deskName: desk.deskName, now: scannedAt });
  renderResult(answer);
  renderStatus();
}

function renderResult(answer) {
  lastResult = answer;
  const panel = document.querySelector('[data-testid=scan-result]');
  panel.dataset.result = answer.result;
  panel.querySelector('[data-headline]').textContent = t(`colloque.result.${answer.result}`);
  panel.querySelector('[data-who]').textContent = answer.name
    ? `${answer.name}${answer.organisation ? ` — ${answer.organisation}` : ''}${answer.category ? ` · ${categoryLabel(answer.category)}` : ''}`
    : '';
  let detail = '';
  if (answer.result === 'alreadyCheckedIn') {
    detail = t('colloque.result.alreadyDetail', {
      time: formatTime(answer.checkedInAt),
      desk: answer.deskName ?? answer.deskId ?? '?',
      by: byOperator(answer.operator, answer.deskName),
    });
  } else if (answer.result === 'unknown') {
    detail = t('colloque.result.unknownDetail', { code: answer.code });
  } else if (answer.result === 'cancelled') {
    detail = t('colloque.result.cancelledDetail');
  } else if (answer.result === 'waitlisted') {
    detail = t(desk.organiser ? 'colloque.result.waitlistedOrganiserDetail' : 'colloque.result.waitlistedDetail');
  }
  panel.querySelector('[data-detail]').textContent = detail;
  panel.querySelector('[data-offline-note]').textContent = answer.offline ? t('colloque.result.offline') : '';
  const actions = panel.querySelector('[data-actions]');
  actions.replaceChildren();
  if (answer.result === 'checkedIn' && !answer.offline) {
    const undo = el('button', { type: 'button', class: 'button', 'data-testid': 'undo', text: t('colloque.result.undo') });
    undo.addEventListener('click', () => undoCheckIn(answer.code));
    const badge = el('a', { class: 'button', href: `/colloque-badge.html?colloque=${desk.colloqueId}&code=${answer.code}`, target: '_blank', text: t('colloque.desk.badge') });
    actions.append(undo, badge);
  }
  if (answer.result === 'waitlisted' && desk.organiser && !answer.offline) {
    // The organiser's one-click override: a place is given and the badge checked in.
    const admit = el('button', { type: 'button', class: 'button button--primary', 'data-testid': 'admit-waitlisted', text: t('colloque.result.admitWaitlisted') });
    admit.addEventListener('click', () => scan(answer.code, { admit: true }));
    actions.append(admit);
  }
}

function renderError(error) {
  lastResult = null;
  const panel = document.querySelector('[data-testid=scan-result]');
  panel.dataset.result = 'error';
  panel.querySelector('[data-headline]').textContent = error instanceof ApiError ? error.message : t('error.network');
  for (const part of ['[data-who]', '[data-detail]', '[data-offline-note]']) {
    panel.querySelector(part).textContent = '';
  }
  panel.querySelector('[data-actions]').replaceChildren();
}

async function undoCheckIn(code) {
  try {
    await api.delete(`/api/colloques/${desk.colloqueId}/checkins/${encodeURIComponent(code)}?operator=${encodeURIComponent(document.getElementById('operator').value.trim())}`);
    store.applyUndo(code);
    const panel = document.querySelector('[data-testid=scan-result]');
    panel.dataset.result = 'undone';
    panel.querySelector('[data-headline]').textContent = t('colloque.result.undone');
    panel.querySelector('[data-detail]').textContent = '';
    panel.querySelector('[data-actions]').replaceChildren();
    lastResult = null;
  } catch (error) {
    renderError(error);
  }
}

// ---- offline and back ---------------------------------------------------------------------------

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
  const held = heldEvents;
  heldEvents = [];
  for (const envelope of held) {
    applyLiveEvent(envelope);
  }
  if (!offline) {
    await refreshList();
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

// ---- search and walk-ins ------------------------------------------------------------------------

function fold(text) {
  return (text ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

function setupSearch() {
  const input = document.getElementById('search');
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 200);
  });
}

async function search(query) {
  const list = document.querySelector('[data-testid=search-results]');
  if (!query.trim()) {
    list.replaceChildren();
    return;
  }
  let results;
  if (!offline) {
    try {
      results = await api.get(`/api/colloques/${desk.colloqueId}/search?q=${encodeURIComponent(query)}`);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) {
        return;
      }
      goOffline();
    }
  }
  if (!results) {
    const words = fold(query).split(' ').filter(Boolean);
    results = store.all().filter((a) => words.every((w) => fold(`${a.name} ${a.organisation}`).includes(w))).slice(0, 20);
  }
  list.replaceChildren(...(results.length === 0 ? [el('li', { text: t('colloque.desk.noResults') })] : results.map((a) => {
    const button = el('button', { type: 'button', class: 'button', text: t('colloque.desk.checkInThis') });
    button.addEventListener('click', () => scan(a.code));
    return el('li', { class: `result-item cat-${a.category}`, 'data-code': a.code },
      el('span', { class: 'result-item__name', text: a.name }),
      el('span', { class: 'result-item__meta', text: `${a.organisation} · ${categoryLabel(a.category)}${a.checkedInAt ? ` · ✓ ${formatTime(a.checkedInAt)}` : ''}` }),
      button);
  })));
}

function setupWalkIn() {
  const form = document.querySelector('[data-testid=walkin-form]');
  const error = form.querySelector('[data-walkin-error]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (offline) {
      error.textContent = t('colloque.desk.walkInOffline');
      return;
    }
    const data = Object.fromEntries(new FormData(form));
    try {
      const answer = await api.post(`/api/colloques/${desk.colloqueId}/walkins`,
        { ...data, nonce: newNonce(), operator: document.getElementById('operator').value.trim() });
      store.applyArrival(answer);
      renderResult(answer);
      form.reset();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : t('error.network');
    }
  });
}

// ---- camera -------------------------------------------------------------------------------------

let camera = null; // { stream, stop }

async function toggleCamera() {
  const button = document.querySelector('[data-camera]');
  if (camera) {
    camera.stop();
    camera = null;
    button.textContent = t('colloque.desk.camera');
    return;
  }
  const video = document.querySelector('[data-video]');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  } catch {
    renderError(new Error(t('colloque.desk.cameraUnavailable')));
    return;
  }
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  button.textContent = t('colloque.desk.cameraStop');
  let running = true;
  let lastCode = '';
  let lastAt = 0;
  const detect = await makeDetector();
  camera = {
    stop() {
      running = false;
      stream.getTracks().forEach((track) => track.stop());
      video.hidden = true;
    },
  };
  const loop = async () => {
    if (!running) {
      return;
    }
    const text = await detect(video).catch(() => null);
    const code = normalizeCode(text);
    // The same badge held in front of the camera scans once every 3 seconds at most.
    if (code && (code !== lastCode || Date.now() - lastAt > 3000)) {
      lastCode = code;
      lastAt = Date.now();
      scan(code);
    }
    setTimeout(loop, 150);
  };
  loop();
}

/** BarcodeDetector where the browser has it (Chrome on Android, Safari), else jsQR on a canvas. */
async function makeDetector() {
  if ('BarcodeDetector' in window) {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!video.videoWidth) {
      return null;
    }
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data ?? null;
  };
}
