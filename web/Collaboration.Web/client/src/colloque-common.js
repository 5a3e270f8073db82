// What the colloque pages share: their messages (French first), category names and colours, time formatting.
import { addMessages, getLang, t } from './i18n.js';
import messages from '../../Messages/colloque.json' with { type: 'json' };

export const CATEGORIES = ['employer', 'electedOfficial', 'communityOrganisation', 'institution', 'mrc', 'other'];

addMessages(messages);

export function categoryLabel(category) {
  return t(`colloque.category.${CATEGORIES.includes(category) ? category : 'other'}`);
}

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleTimeString(getLang() === 'en' ? 'en-CA' : 'fr-CA', { hour: '2-digit', minute: '2-digit' });
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
