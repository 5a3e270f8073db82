// What the colloque's public pages share (registration, manage, room screens): their messages,
// session titles in the current language, Lanaudière times (America/Toronto), time slots, choices.
import { addMessages, getLang, t } from '../i18n.js';
import { el } from '../dom.js';
import { categoryLabel, CATEGORIES } from './common.js';
import { formatDateTime, formatLongDate, formatTime, ZONE as ZONE_NAME } from '../zoned-time.js';
import messages from '../../../Messages/colloque-public.json' with { type: 'json' };

addMessages(messages);

export { categoryLabel, CATEGORIES };


export function sessionTitle(session) {
  return getLang() === 'en' ? session.titleEn : session.titleFr;
}

export function sessionDescription(session) {
  return getLang() === 'en' ? session.descriptionEn : session.descriptionFr;
}

// One time helper (zoned-time.js): "9 h 30" / "9:30 a.m.", Québec time.
export function time(iso) {
  return formatTime(iso);
}

export function day(dateOrIso) {
  return formatLongDate(typeof dateOrIso === 'string' && dateOrIso.length === 10 ? `${dateOrIso}T12:00:00Z` : dateOrIso);
}

/**
 * A moment as "16 janvier 2027 à 23 h 59 (heure du Québec)". A deadline at midnight reads as the last minute of the day
 * before (with deadline): "until January 17 at 12:00 a.m." leaves people unsure which night is meant.
 */
export function dateTime(iso, { deadline = false } = {}) {
  const at = new Date(iso);
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE_NAME, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(at).split(':');
  if (deadline && hour === '00' && minute === '00') return formatDateTime(new Date(at.getTime() - 60_000).toISOString());
  return formatDateTime(iso);
}

export function kindLabel(kind) {
  return t(`colloque.reg.kind.${['plenary', 'panel', 'atelier'].includes(kind) ? kind : 'plenary'}`);
}

export function mrcLabel(mrc) {
  return t(`colloque.mrc.${mrc}`);
}

/** A choice's state in words: "place réservée", "liste d'attente, position 3"… */
export function choiceText(choice) {
  return t(`colloque.choice.${choice.status}`, { position: choice.position });
}

/** Ateliers grouped by overlapping times: one group per slot, in order. */
export function slots(sessions) {
  const ateliers = sessions.filter((s) => s.kind === 'atelier').sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
  const groups = [];
  for (const session of ateliers) {
    const group = groups.find((g) => g.some((o) => new Date(o.startsAt) < new Date(session.endsAt) && new Date(session.startsAt) < new Date(o.endsAt)));
    if (group) group.push(session);
    else groups.push([session]);
  }
  return groups;
}

/** Seats of an atelier in words ("12 places", "Complet — liste d'attente"). */
export function seatsText(seats) {
  if (!seats || seats.left === null || seats.left === undefined) return '';
  return seats.left > 0 ? t('colloque.reg.seatsLeft', { n: seats.left }) : t('colloque.reg.atelierFull');
}

/**
 * Radio groups, one per slot, with "no atelier" first; `selected` is the set of chosen ids.
 * Names are "slot-N" so the keyboard moves within a slot with the arrow keys.
 */
export function renderChoices(host, sessions, seatsById, selected) {
  host.replaceChildren(...slots(sessions).map((group, index) => {
    const fieldset = el('fieldset', { class: 'slot' });
    fieldset.append(el('legend', { text: `${time(group[0].startsAt)} – ${time(group[group.length - 1].endsAt)}` }));
    const options = [{ id: '', label: t('colloque.reg.noChoice') },
      ...group.map((s) => ({ id: s.sessionId, label: `${sessionTitle(s)} (${s.room})`, hint: seatsText(seatsById.get(s.sessionId)) }))];
    const anyChosen = group.some((s) => selected.has(s.sessionId));
    for (const option of options) {
      const input = el('input', { type: 'radio', name: `slot-${index}`, value: option.id });
      input.checked = option.id ? selected.has(option.id) : !anyChosen;
      const label = el('label', { class: 'checkbox' }, input, ' ', el('span', { text: option.label }));
      if (option.hint) label.append(' ', el('span', { class: 'seats', text: option.hint, 'data-seats-for': option.id }));
      fieldset.append(label);
    }
    return fieldset;
  }));
}

/** The chosen atelier ids of radio groups made by renderChoices. */
export function chosen(host) {
  return [...host.querySelectorAll('input[type=radio]:checked')].map((i) => i.value).filter(Boolean);
}

/** Shows problem details next to the fields they name, or in the form's error region. */
export function showProblem(form, errorRegion, problem) {
  for (const p of form.querySelectorAll('[data-error-for]')) p.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  errorRegion.textContent = '';
  if (!problem) return;
  const lang = getLang();
  if (problem.errors) {
    let first = null;
    for (const [name, text] of Object.entries(problem.errors)) {
      const target = form.querySelector(`[data-error-for="${name}"]`);
      const message = text[lang] ?? text.fr;
      if (target) {
        target.textContent = message;
        const input = form.querySelector(`[aria-describedby~="${target.id}"]`);
        input?.setAttribute('aria-invalid', 'true');
        first ??= input;
      } else {
        errorRegion.textContent = message;
      }
    }
    first?.focus();
  } else {
    errorRegion.textContent = problem.messages?.[lang] ?? problem.title ?? '';
  }
}

/** Shows an SVG fetched from the API (with the manage token) as an accessible image. */
export function showSvg(host, svgText, label) {
  const svg = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  host.replaceChildren(document.importNode(svg, true));
}
