// The attendee's private page /colloque/{id}/manage?code=CODE#token=TOKEN: badge, personal programme,
// breakout choices, needs, cancellation. The token lives in the fragment (never sent with the page
// request) and goes to the API in X-Manage-Token; the page follows the PUBLIC topic (counts only) and
// re-reads its own registration over HTTP when places move, so a promotion shows at once.
import { api, apiFetch, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { mountAttestationDownload } from '../attestation-download.js';
import { el } from '../dom.js';
import { chosen, choiceText, renderChoices, sessionTitle, showProblem, showSvg, time } from '../colloque/programme.js';

const id = location.pathname.split('/')[2] ?? '';
const code = new URLSearchParams(location.search).get('code') ?? '';
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const headers = { 'X-Manage-Token': token };
const status = document.querySelector('[data-testid="manage-status"]');
const article = document.querySelector('[data-testid="signup"]');
const notice = document.querySelector('[data-testid="live-notice"]');
const form = document.querySelector('[data-testid="change-form"]');
const errorRegion = document.querySelector('[data-testid="manage-error"]');
const choicesHost = form.querySelector('[data-choices]');
const cancelButton = document.querySelector('[data-testid="cancel-signup"]');
let signup = null;
let programme = null;
let noticeText = null;

function render() {
  if (!signup || !programme) return;
  const statusLine = article.querySelector('[data-testid="signup-status"]');
  statusLine.textContent = t(`colloque.manage.status.${signup.status}`, { position: signup.position });
  statusLine.dataset.status = signup.status;
  article.querySelector('[data-field="name"]').textContent = signup.name;
  article.querySelector('[data-field="organisation"]').textContent = signup.organisation;
  article.querySelector('[data-testid="signup-code"]').textContent = signup.code;
  article.querySelector('[data-field="calendar"]').href = `/api/colloques/${id}/calendar.ics`;
  const mine = new Map(signup.choices.map((c) => [c.sessionId, c]));
  const sessions = programme.sessions.filter((s) => s.kind !== 'atelier' || mine.has(s.sessionId));
  article.querySelector('[data-testid="my-programme"]').replaceChildren(...sessions.map((s) => el('li', { class: 'programme__item' },
    el('p', { class: 'programme__time', text: `${time(s.startsAt)} – ${time(s.endsAt)} · ${s.room}` }),
    el('h3', { text: sessionTitle(s) }),
    mine.has(s.sessionId) ? el('p', { class: 'choice', 'data-status': mine.get(s.sessionId).status, text: choiceText(mine.get(s.sessionId)) }) : '')));
  renderChoices(choicesHost, programme.sessions, new Map(programme.places.sessions.map((s) => [s.sessionId, s])), new Set(mine.keys()));
  form.hidden = signup.status === 'cancelled';
  cancelButton.hidden = signup.status === 'cancelled';
  notice.textContent = noticeText ? noticeText() : '';
}

async function refresh() {
  const before = signup?.status;
  signup = await api.get(`/api/signups/${encodeURIComponent(code)}`, { headers });
  if (before === 'waitlisted' && signup.status === 'confirmed') noticeText = () => t('colloque.manage.promoted');
  render();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showProblem(form, errorRegion, null);
  try {
    signup = await api.patch(`/api/signups/${encodeURIComponent(code)}`, {
      choices: chosen(choicesHost),
      needs: { accessibility: form.elements.namedItem('accessibility').value, dietary: form.elements.namedItem('dietary').value },
    }, { headers });
    noticeText = () => t('colloque.manage.saved');
    render();
  } catch (error) {
    showProblem(form, errorRegion, error instanceof ApiError && error.problem ? error.problem : { messages: { fr: t('error.network'), en: t('error.network') } });
  }
});

cancelButton.addEventListener('click', async () => {
  if (!confirm(t('colloque.manage.cancelConfirm'))) return;
  try {
    signup = await api.delete(`/api/signups/${encodeURIComponent(code)}`, { headers });
    noticeText = () => t('colloque.manage.cancelled');
    render();
  } catch (error) {
    errorRegion.textContent = error instanceof ApiError ? error.localizedMessage() : t('error.network');
  }
});

onLangChange(render);

let pending = null;
function refreshSoon() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refresh().catch((error) => console.warn('Could not refresh the registration', error));
  }, 150);
}

async function load() {
  if (!token || !code) {
    status.textContent = t('colloque.manage.badLink');
    return;
  }
  try {
    programme = await api.get(`/api/colloques/${id}/public`);
    await refresh();
  } catch (error) {
    status.textContent = error instanceof ApiError && error.status === 404 ? t('colloque.manage.badLink') : t('error.network');
    return;
  }
  status.hidden = true;
  article.hidden = false;
  form.elements.namedItem('accessibility').value = signup.needs.accessibility;
  form.elements.namedItem('dietary').value = signup.needs.dietary;
  apiFetch(`/api/signups/${encodeURIComponent(code)}/qr.svg`, { headers })
    .then((svg) => showSvg(article.querySelector('[data-testid="signup-qr"]'), svg, `QR ${signup.code}`))
    .catch((error) => console.warn('QR code not loaded', error));
  connectLive().subscribe(`colloque-public:${id}`, (envelope) => {
    if (envelope.data?.places) programme.places = envelope.data.places;
    if (envelope.data?.sessions) programme.sessions = envelope.data.sessions;
    if (envelope.data?.places) refreshSoon();
  }, { onSnapshot: (snapshot) => { if (snapshot && !snapshot.missing) { programme = snapshot; refreshSoon(); } } });
}

load();

// The attestation of participation, once the attendee has been checked in.
const attestation = mountAttestationDownload(document.querySelector('[data-testid="attestation-section"]'),
  () => `/api/signups/${encodeURIComponent(code)}/attestation.pdf`, () => headers);
onLangChange(attestation.retranslate);
