// Entry point loaded by every page: translations, then the shared header (which connects to the hub).
// Page scripts (src/pages/*.js) import the same modules and share this page's state.
import './messages.js';
import { mountHeader } from './header.js';
import { applyTranslations } from './i18n.js';

applyTranslations(document);
mountHeader();
