// Shared by the workshop pages: messages, date formatting, availability of a session.
import { addMessages, getLang, t } from './i18n.js';
import messages from '../../Messages/workshops.json' with { type: 'json' };
import notifications from '../../Messages/notifications.json' with { type: 'json' };
import { formatLongDate, formatTime, zoneLabel } from './zoned-time.js';

addMessages(messages);
addMessages(notifications);
/** The title in the current language. */
export function title(workshop) {
  return getLang() === 'en' ? workshop.titleEn : workshop.titleFr;
}

export function description(workshop) {
  return getLang() === 'en' ? workshop.descriptionEn : workshop.descriptionFr;
}

/** "jeudi 3 décembre 2026, 13 h 30 – 16 h 30 (heure du Québec)" in the current language. */
export function when(workshop) {
  return `${formatLongDate(workshop.startsAt)}, ${formatTime(workshop.startsAt)} – ${formatTime(workshop.endsAt)} (${zoneLabel()})`;
}

export function where(workshop) {
  return [workshop.place, workshop.onlineLink ? t('ws.online') : null].filter(Boolean).join(' · ');
}

/** { state: 'open' | 'full' | 'closed' | 'cancelled' | 'done', text } from a summary or counts. */
export function availability(counts) {
  if (counts.status === 'cancelled') return { state: 'cancelled', text: t('ws.cancelled') };
  if (counts.status === 'done') return { state: 'done', text: t('ws.done') };
  const now = Date.now();
  if (counts.status === 'closed' ||
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
