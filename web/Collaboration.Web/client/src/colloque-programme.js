// What the colloque's public pages share (registration, manage, room screens): their messages,
// session titles in the current language, Lanaudière times (America/Toronto), time slots, choices.
import { addMessages, getLang, t } from './i18n.js';
import { categoryLabel, CATEGORIES } from './colloque-common.js';
import messages from '../../Messages/colloque-public.json' with { type: 'json' };

addMessages(messages);

export { categoryLabel, CATEGORIES };

const ZONE = { timeZone: 'America/Toronto' };
const locale = () => (getLang() === 'en' ? 'en-CA' : 'fr-CA');

export function sessionTitle(session) {
  return getLang() === 'en' ? session.titleEn : session.titleFr;
}

export function sessionDescription(session) {
  return getLang() === 'en' ? session.descriptionEn : session.descriptionFr;
}

export function time(iso) {
  return new Date(iso).toLocaleTimeString(locale(), { ...ZONE, hour: '2-digit', minute: '2-digit' });
}

export function day(dateOrIso) {
  const date = typeof dateOrIso === 'string' && dateOrIso.length === 10 ? new Date(`${dateOrIso}T12:00:00Z`) : new Date(dateOrIso);
  return date.toLocaleDateString(locale(), { ...ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function dateTime(iso) {
  return new Date(iso).toLocaleString(locale(), { ...ZONE, day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
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

/** Creates an element with text content (never HTML: names are shown exactly). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
