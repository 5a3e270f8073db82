// Dictionary-based translation: French first, English on a switch.
// Markup: data-i18n="key" sets the element's text; data-i18n-attr="attr:key; attr2:key2" sets attributes.
// The choice is kept in localStorage and mirrored in <html lang>.

export const LANGUAGES = Object.freeze(['fr', 'en']);
export const DEFAULT_LANG = 'fr';
const STORAGE_KEY = 'concertation.lang';

const dictionaries = { fr: {}, en: {} };
const listeners = new Set();
let current = readStoredLang();

function readStoredLang() {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored) ? stored : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG; // storage can be disabled (private mode, policies)
  }
}

/** Adds messages, e.g. a page's own: addMessages({ fr: { 'x.title': '…' }, en: { 'x.title': '…' } }). */
export function addMessages(messages) {
  for (const lang of LANGUAGES) {
    Object.assign(dictionaries[lang], messages[lang] ?? {});
  }
  // A page module adds its messages after the shell translated the page: translate again, so
  // its data-i18n texts never show as raw keys.
  if (typeof document !== 'undefined' && document.documentElement) applyTranslations(document);
}

/** The current language: 'fr' or 'en'. */
export function getLang() {
  return current;
}

/** Translates key in the current language (falls back to French, then to the key); {name} placeholders take vars.name. */
export function t(key, vars) {
  const text = dictionaries[current][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match)) : text;
}

/** Switches language, remembers it, re-translates the document and tells the listeners. */
export function setLang(lang) {
  if (!LANGUAGES.includes(lang)) {
    throw new Error(`Unknown language: ${lang}`);
  }
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  if (globalThis.document) {
    applyTranslations(document);
  }
  for (const listener of [...listeners]) {
    listener(lang);
  }
}

/** Calls listener(lang) after each switch; returns a function that removes it. */
export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates every [data-i18n] and [data-i18n-attr] element under root (root included), and sets <html lang>. */
export function applyTranslations(root = document) {
  const doc = root.ownerDocument ?? root;
  doc.documentElement.lang = current;
  const elements = [...root.querySelectorAll('[data-i18n], [data-i18n-attr]')];
  if (root.matches?.('[data-i18n], [data-i18n-attr]')) {
    elements.push(root);
  }
  for (const element of elements) {
    const key = element.dataset.i18n;
    if (key) {
      element.textContent = t(key);
    }
    const attributes = element.dataset.i18nAttr;
    if (attributes) {
      for (const pair of attributes.split(';')) {
        const [name, attributeKey] = pair.split(':').map((part) => part.trim());
        if (name && attributeKey) {
          element.setAttribute(name, t(attributeKey));
        }
      }
    }
  }
}
