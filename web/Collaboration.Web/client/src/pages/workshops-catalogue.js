// The public catalogue: upcoming sessions with seats left, kept live by the public topic workshop:{id}.
import { api, ApiError } from '../api.js';
import { getCurrentUser } from '../auth.js';
import { onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { el } from '../dom.js';
import { renderAvailability, title, when, where } from '../workshops.js';

const list = document.querySelector('[data-testid="workshop-list"]');
const status = document.querySelector('[data-testid="catalogue-status"]');
const cards = new Map(); // id → { summary, element }

function render(card) {
  const { summary, element } = card;
  element.querySelector('[data-field="title"]').textContent = title(summary);
  element.querySelector('[data-field="when"]').textContent = when(summary);
  element.querySelector('[data-field="where"]').textContent = where(summary);
  // Three links reading "Détails et inscription" alike: each one's accessible name ends with its workshop.
  element.querySelector('[data-field="link"]').replaceChildren(t('ws.details'),
    el('span', { class: 'visually-hidden', text: t('ws.detailsOf', { title: title(summary) }) }));
  renderAvailability(element.querySelector('[data-testid="availability"]'), summary);
}

function addCard(summary) {
  const element = el('li', { class: 'workshop-card', 'data-testid': 'workshop-card', 'data-workshop-id': summary.id },
    el('h2', { 'data-field': 'title' }),
    el('p', { class: 'workshop-meta', 'data-field': 'when' }),
    el('p', { class: 'workshop-meta', 'data-field': 'where' }),
    el('p', {}, el('span', { class: 'availability', 'data-testid': 'availability', 'aria-live': 'polite' })),
    el('p', {}, el('a', { href: `/workshops/session.html?id=${encodeURIComponent(summary.id)}`, 'data-field': 'link' })));
  const card = { summary, element };
  cards.set(summary.id, card);
  list.append(element);
  render(card);
  connectLive().subscribe(`workshop:${summary.id}`, (envelope) => {
    if (envelope.data?.counts) {
      Object.assign(card.summary, envelope.data.counts);
      render(card);
    }
  }, {
    onSnapshot: (snapshot) => {
      if (snapshot && !snapshot.missing) {
        card.summary = snapshot;
        render(card);
      }
    },
  });
}

async function load() {
  try {
    const workshops = await api.get('/api/workshops');
    status.textContent = workshops.length === 0 ? t('ws.catalogue.empty') : '';
    status.hidden = workshops.length > 0;
    list.replaceChildren(); // the server rendered the same sessions; from here on the cards are live
    workshops.forEach(addCard);
  } catch (error) {
    status.textContent = error instanceof ApiError ? error.message : t('error.network');
  }
}

onLangChange(() => cards.forEach(render));
load();
getCurrentUser().then((user) => {
  document.querySelector('[data-testid="organiser-link"]').hidden = user?.role !== 'organiser';
}).catch(() => {});
