// Shared by the workshop pages: messages, date formatting, availability of a session.
import { addMessages, getLang, t } from './i18n.js';
import messages from '../../Messages/workshops.json' with { type: 'json' };

addMessages(messages);
/** The title in the current language. */
export function title(workshop) {
  return getLang() === 'en' ? workshop.titleEn : workshop.titleFr;
}

export function description(workshop) {
  return getLang() === 'en' ? workshop.descriptionEn : workshop.descriptionFr;
}

/** "jeudi 3 décembre 2026, 13 h 30 – 16 h 30" in the current language, Québec time. */
export function when(workshop) {
  const locale = getLang() === 'en' ? 'en-CA' : 'fr-CA';
  const options = { timeZone: 'America/Toronto' };
  const day = new Date(workshop.startsAt).toLocaleDateString(locale, { ...options, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = (d) => new Date(d).toLocaleTimeString(locale, { ...options, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time(workshop.startsAt)} – ${time(workshop.endsAt)}`;
}

export function where(workshop) {
  return [workshop.place, workshop.onlineLink ? t('ws.online') : null].filter(Boolean).join(' · ');
}

/** { state: 'open' | 'full' | 'closed' | 'cancelled' | 'done', text } from a summary or counts. */
export function availability(counts) {
  if (counts.status === 'Cancelled') return { state: 'cancelled', text: t('ws.cancelled') };
  if (counts.status === 'Done') return { state: 'done', text: t('ws.done') };
  const now = Date.now();
  if (counts.status === 'Closed' ||
      (counts.registrationClosesAt && new Date(counts.registrationClosesAt).getTime() <= now) ||
      (counts.registrationOpensAt && new Date(counts.registrationOpensAt).getTime() > now)) {
    return { state: 'closed', text: t('ws.closed') };
  }
  if (counts.seatsLeft > 0) {
    return { state: 'open', text: counts.seatsLeft === 1 ? t('ws.seatLeft') : t('ws.seatsLeft', { n: counts.seatsLeft }) };
  }
  return { state: 'full', text: counts.waitlisted > 0 ? t('ws.full', { n: counts.waitlisted }) : t('ws.fullNoWait') };
}

/** Shows an availability badge in element. */
export function renderAvailability(element, counts) {
  const { state, text } = availability(counts);
  element.dataset.state = state;
  element.textContent = text;
}

/** Creates an element with text content (never HTML: names are shown exactly). */
export function el(tag, { text, className, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
