// What the colloque pages share: their messages (French first), category names and colours, time formatting.
import { addMessages, t } from '../i18n.js';
import messages from '../../../Messages/colloque.json' with { type: 'json' };
import organiserMessages from '../../../Messages/colloque-organiser.json' with { type: 'json' };
import { formatTime as zonedTime } from '../zoned-time.js';

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
