// Dictionary-based translation: French first, English on a switch.
// Markup: data-i18n="key" sets the element's text; data-i18n-attr="attr:key; attr2:key2" sets attributes.
// The server renders each page in the language of the `concertation.lang` cookie (set by `?lang=` or by
// setLang here) and says which in <html lang>; the client starts from the same choice and re-translates
// the page in place on a switch.

export const LANGUAGES = Object.freeze(['fr', 'en']);
export const DEFAULT_LANG = 'fr';
export const LANG_COOKIE = 'concertation.lang';

const dictionaries = { fr: {}, en: {} };
const listeners = new Set();
let current = initialLang();

function initialLang() {
  const cookie = globalThis.document?.cookie?.match(/(?:^|;\s*)concertation\.lang=(\w+)/)?.[1];
  if (LANGUAGES.includes(cookie)) return cookie;
  const page = globalThis.document?.documentElement?.lang;
  return LANGUAGES.includes(page) ? page : DEFAULT_LANG;
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
  if (globalThis.document) {
    // The server reads the same cookie: the next page comes in this language, even without JavaScript.
    document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
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
    // A key this page's script has no message for keeps the server-rendered text.
    if (key && (key in dictionaries[current] || key in dictionaries[DEFAULT_LANG])) {
      element.textContent = t(key);
    }
    const attributes = element.dataset.i18nAttr;
    if (attributes) {
      for (const pair of attributes.split(';')) {
        const [name, attributeKey] = pair.split(':').map((part) => part.trim());
        if (name && attributeKey && (attributeKey in dictionaries[current] || attributeKey in dictionaries[DEFAULT_LANG])) {
          element.setAttribute(name, t(attributeKey));
        }
      }
    }
  }
}
