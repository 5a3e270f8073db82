// What the colloque pages share: their messages (French first), category names and colours, time formatting.
import { addMessages, t } from './i18n.js';
import messages from '../../Messages/colloque.json' with { type: 'json' };
import organiserMessages from '../../Messages/colloque-organiser.json' with { type: 'json' };
import { formatTime as zonedTime } from './zoned-time.js';

export const CATEGORIES = ['employer', 'electedOfficial', 'communityOrganisation', 'institution', 'mrc', 'other'];

addMessages(messages);
addMessages(organiserMessages);

/** "Arrivé·e à 09 h 27 à Accueil A" + " par Gabrielle": no operator, or one named like the desk, adds nothing. */
export function byOperator(operator, deskName) {
  return operator && operator !== deskName ? t('colloque.result.by', { operator }) : '';
}

export function categoryLabel(category) {
  return t(`colloque.category.${CATEGORIES.includes(category) ? category : 'other'}`);
}

/** A check-in time, Québec time ("9 h 27", "9:27 a.m."). */
export function formatTime(iso) {
  return zonedTime(iso);
}

/** Fills a <select> with the categories, in the current language. */
export function fillCategories(select, selected = 'other') {
  select.replaceChildren(...CATEGORIES.map((c) => {
    const option = document.createElement('option');
    option.value = c;
    option.textContent = categoryLabel(c);
    option.selected = c === selected;
    return option;
  }));
}

/** document.createElement with text and attributes, for pages that build lists. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/**
 * An arrival (AttendeeArrived / ArrivalUndone) reaches a screen twice: pushed ahead from the registration's own
 * write, then as the colloque topic's versioned event once the figures hold it. This remembers, per badge, the
 * check-in version last applied, so each change is applied once and an older one never undoes a newer one.
 * forget() after a snapshot: what follows it is applied again (idempotently), so the snapshot misses nothing.
 */
export function createArrivalVersions() {
  const applied = new Map(); // code → check-in version
  return {
    /** True (and remembered) when this event is newer than what was applied for its badge. */
    isNew({ code, checkInVersion }) {
      const version = Number(checkInVersion) || 0;
      if (version <= (applied.get(code) ?? 0)) {
        return false;
      }
      applied.set(code, version);
      return true;
    },
    forget() {
      applied.clear();
    },
  };
}
