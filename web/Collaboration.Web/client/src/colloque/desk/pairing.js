// Which desk this device is: asked of the server, or the last one known when the server is unreachable.
// When it is none, the pairing form; for an organiser, also links to each colloque's "Organisation" desk.
import { api, ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';

const SAVED_DESK = 'concertation.colloque.desk';

/** The paired desk ({ colloqueId, deskId, deskName, title, paired, organiser }), or null once the pairing form shows. */
export async function openDesk(pairSection) {
  const colloque = new URLSearchParams(location.search).get('colloque');
  let desk = null;
  try {
    desk = await api.get(`/api/desks/me${colloque ? `?colloque=${encodeURIComponent(colloque)}` : ''}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 0) {
      desk = JSON.parse(localStorage.getItem(SAVED_DESK) ?? 'null');
    }
  }
  if (!desk || desk.paired === false) {
    showPairing(pairSection, desk?.organiser === true);
    return null;
  }
  localStorage.setItem(SAVED_DESK, JSON.stringify(desk));
  return desk;
}

function showPairing(pairSection, organiser) {
  pairSection.hidden = false;
  if (organiser) {
    showOrganiserDesks(pairSection);
  }
  const form = pairSection.querySelector('form');
  const error = pairSection.querySelector('[data-pair-error], #pair-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const desk = await api.post('/api/desks/pair', { pairingCode: form.elements.namedItem('pairingCode').value });
      localStorage.setItem(SAVED_DESK, JSON.stringify(desk));
      location.reload();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : t('error.network');
    }
  });
  form.elements.namedItem('pairingCode').focus();
}

/** An organiser needs no pairing: links to each colloque's "Organisation" desk. */
async function showOrganiserDesks(pairSection) {
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
