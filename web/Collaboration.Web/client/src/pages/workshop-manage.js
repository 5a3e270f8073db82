// The employer's private page: /workshops/manage.html?id=REGISTRATION#token=TOKEN.
// The token lives in the URL fragment (never sent with the page request) and goes to the API in the
// X-Manage-Token header. Live: the page follows the PUBLIC topic workshop:{session} (counts only) and,
// when the counts change, re-reads its own registration over HTTP — so a promotion shows at once and
// the token never travels through the hub.
import { api, apiFetch, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { formatDateTime } from '../zoned-time.js';
import { connectLive } from '../live.js';
import { title, when, where } from '../workshops.js';
import { mountAttestationDownload } from '../attestation-download.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get('token') ?? '';
const headers = { 'X-Manage-Token': token };
const status = document.querySelector('[data-testid="manage-status"]');
const article = document.querySelector('[data-testid="registration"]');
const liveNotice = document.querySelector('[data-testid="live-notice"]');
const errorRegion = document.querySelector('[data-testid="manage-error"]');
const seatsForm = document.querySelector('[data-testid="seats-form"]');
const cancelButton = document.querySelector('[data-testid="cancel-registration"]');
let registration = null;
let subscribed = false;
let shownError = null;
let notice = null;

document.querySelector('[data-testid="new-notice"]').hidden = fragment.get('new') !== '1';

function privateLink() {
  return `${location.origin}/workshops/manage.html?id=${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}

function statusText(r) {
  if (r.status !== 'cancelled' && r.workshop?.status === 'cancelled') return t('ws.cancelled');
  if (r.status !== 'cancelled' && r.workshop?.status === 'done') return t('ws.done');
  if (r.status === 'confirmed') return t('ws.manage.confirmed', { seats: r.seats });
  if (r.status === 'waitlisted') return t('ws.manage.waitlisted', { position: r.position, seats: r.seats });
  return t('ws.manage.cancelled');
}

function render() {
  if (!registration) return;
  const r = registration;
  // Just registered: the confirmation (or waitlist) email is on its way to the address given.
  const emailNotice = document.querySelector('[data-testid="email-notice"]');
  emailNotice.hidden = fragment.get('new') !== '1';
  emailNotice.textContent = t('notifications.confirmation.sent', { email: r.email });
  const statusLine = article.querySelector('[data-testid="registration-status"]');
  statusLine.textContent = statusText(r);
  statusLine.dataset.status = r.status;
  article.querySelector('[data-testid="registration-code"]').textContent = r.code;
  article.querySelector('[data-testid="private-link"]').textContent = privateLink();
  article.querySelector('[data-field="who"]').textContent = `${r.organisation} — ${r.contactName} — ${r.email}`;
  if (r.workshop) {
    const link = article.querySelector('[data-field="title"]');
    link.textContent = title(r.workshop);
    link.href = `/workshops/session.html?id=${encodeURIComponent(r.workshop.id)}`;
    article.querySelector('[data-field="when"]').textContent = when(r.workshop);
    article.querySelector('[data-field="where"]').textContent = where(r.workshop);
    article.querySelector('[data-field="calendar"]').href = `/api/workshops/${encodeURIComponent(r.workshop.id)}/calendar.ics`;
  }
  seatsForm.elements.namedItem('seats').value = String(r.seats);
  // A cancelled registration says so plainly: no QR, seats or "Annuler" that would look like a live ticket.
  const cancelled = r.status === 'cancelled';
  for (const part of article.querySelectorAll('[data-active-only]')) part.hidden = cancelled;
  const cancelledNotice = article.querySelector('[data-testid="cancelled-notice"]');
  cancelledNotice.hidden = !cancelled;
  if (cancelled) {
    article.querySelector('[data-testid="cancelled-when"]').textContent = r.cancelledAt
      ? t('ws.manage.cancelledOn', { date: formatDateTime(r.cancelledAt) }) : t('ws.manage.cancelledNoDate');
    const again = article.querySelector('[data-testid="register-again"]');
    again.hidden = !r.workshop;
    if (r.workshop) again.href = `/workshops/session.html?id=${encodeURIComponent(r.workshop.id)}`;
  }
  liveNotice.textContent = notice ? notice() : '';
  errorRegion.textContent = shownError ? shownError() : '';
}

function showError(error) {
  shownError = () => (error instanceof ApiError ? error.localizedMessage() : t('error.network'));
  errorRegion.textContent = shownError();
}

async function loadQr() {
  const svgText = await apiFetch(`/api/registrations/${encodeURIComponent(id)}/qr.svg`, { headers });
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR ${registration.code}`);
  document.querySelector('[data-testid="qr"]').replaceChildren(document.importNode(svg, true));
}

async function refresh() {
  const before = registration?.status;
  const next = await api.get(`/api/registrations/${encodeURIComponent(id)}`, { headers });
  registration = next;
  if (before === 'waitlisted' && next.status === 'confirmed') notice = () => t('ws.manage.promoted');
  render();
}

let pending = null;
function refreshSoon() {
  if (pending) return;
  pending = setTimeout(async () => {
    pending = null;
    try {
      await refresh();
    } catch (error) {
      console.warn('Could not refresh the registration', error);
    }
  }, 150);
}

seatsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  shownError = null;
  try {
    registration = await api.patch(`/api/registrations/${encodeURIComponent(id)}`,
      { seats: Number(seatsForm.elements.namedItem('seats').value) }, { headers });
    notice = () => t('ws.manage.seatsSaved');
    render();
  } catch (error) {
    showError(error);
  }
});

cancelButton.addEventListener('click', async () => {
  if (!confirm(t('ws.manage.cancelConfirm'))) return;
  shownError = null;
  try {
    registration = await api.delete(`/api/registrations/${encodeURIComponent(id)}`, { headers });
    notice = () => t('ws.manage.cancelledNotice');
    render();
    const cancelledHeading = document.getElementById('cancelled-heading');
    cancelledHeading.tabIndex = -1;
    cancelledHeading.focus(); // the button that had focus is gone
  } catch (error) {
    showError(error);
  }
});

document.querySelector('[data-action="copy"]').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(privateLink());
    notice = () => t('ws.manage.copied');
    render();
  } catch {
    // clipboard refused: the link is on the page to select by hand
  }
});

onLangChange(render);

async function load() {
  if (!token) {
    status.textContent = t('ws.manage.badLink');
    return;
  }
  try {
    await refresh();
  } catch (error) {
    status.textContent = error instanceof ApiError && error.status === 404 ? t('ws.manage.badLink') : t('error.network');
    return;
  }
  status.hidden = true;
  article.hidden = false;
  if (fragment.get('new') === '1') {
    // Arrived here by registering (keyboard too): focus the confirmation, not the page's body.
    const confirmation = document.querySelector('[data-testid="new-notice"]');
    confirmation.tabIndex = -1;
    confirmation.focus();
  }
  loadQr().catch((error) => console.warn('QR code not loaded', error));
  if (!subscribed && registration.workshop) {
    subscribed = true;
    // A new registration joins the end of the line and attendance changes nothing here: only the
    // events that can move this registration trigger a re-read.
    const moves = new Set(['RegistrationCancelled', 'RegistrationSeatsChanged', 'WaitlistPromoted', 'WorkshopUpdated']);
    connectLive().subscribe(`workshop:${registration.workshop.id}`, (envelope) => {
      if (moves.has(envelope.type)) refreshSoon();
    }, { onSnapshot: () => refreshSoon() });
  }
}

load();

// The attestation of participation, once the organiser has recorded the employer present.
const attestation = mountAttestationDownload(document.querySelector('[data-testid="attestation-section"]'),
  () => `/api/registrations/${encodeURIComponent(id)}/attestation.pdf`, () => headers);
onLangChange(attestation.retranslate);
