// The shared page header, rendered by the server (Pages/Shared/_Layout.cshtml): brand, the areas the
// signed-in person may use, live connection indicator, language switch, account. mountHeader() brings it
// to life: the live indicator, the language switch without a reload, sign-out, and the phone menu.
import { loginUrl, signOut } from './auth.js';
import { applyTranslations, getLang, onLangChange, setLang, t } from './i18n.js';
import { connectLive } from './live.js';

/** Wires the server-rendered header in host and connects it to the hub. Returns the live connection. */
export function mountHeader(host = document.querySelector('[data-shell-header]')) {
  const live = connectLive();
  if (!host) {
    return live;
  }

  // A bare page (a room screen) has only the live status: the other parts are wired where they are.
  const languageSwitch = host.querySelector('[data-testid="language-switch"]');
  const syncLanguageSwitch = () => {
    if (!languageSwitch) return;
    const other = getLang() === 'fr' ? 'en' : 'fr';
    const url = new URL(location.href);
    url.searchParams.set('lang', other);
    languageSwitch.href = url.pathname + url.search + url.hash; // without JavaScript, the link itself switches
    languageSwitch.lang = other;
    languageSwitch.hreflang = other;
  };
  syncLanguageSwitch();
  languageSwitch?.addEventListener('click', (event) => {
    event.preventDefault();
    setLang(getLang() === 'fr' ? 'en' : 'fr');
  });

  const status = host.querySelector('[data-testid="connection-state"]');
  const statusText = host.querySelector('[data-live-text]');
  const renderState = () => {
    status.dataset.state = live.state;
    statusText.dataset.i18n = liveStateKey(live);
    statusText.textContent = t(liveStateKey(live));
  };
  live.onStateChange(renderState);
  onLangChange(() => {
    syncLanguageSwitch();
    renderState();
  });

  mountMenu(host);
  const account = host.querySelector('[data-account]');
  if (account) mountAccount(account, host.querySelector('[data-shell-notice]'));
  return live;
}

/** The dictionary key describing the connection state. */
export function liveStateKey(live) {
  if (live.state === 'reconnecting' && !live.hasConnected) {
    return 'live.connecting';
  }
  return `live.${live.state}`;
}

// On a phone the header is one row: the areas, the language switch and the account fold into a menu
// (app.css shows the button and hides the menu only once data-menu-ready is set, so without
// JavaScript everything stays visible).
function mountMenu(host) {
  const button = host.querySelector('[data-menu-button]');
  const menu = host.querySelector('[data-site-menu]');
  if (!button || !menu) return;
  const setOpen = (open) => {
    button.setAttribute('aria-expanded', String(open));
    menu.toggleAttribute('data-open', open);
  };
  button.hidden = false;
  host.setAttribute('data-menu-ready', '');
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  host.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (button.getAttribute('aria-expanded') === 'true' && !host.contains(event.target)) setOpen(false);
  });
}

function mountAccount(container, notice) {
  const login = container.querySelector('[data-testid="login-link"]');
  if (login) {
    login.href = loginUrl(); // the server cannot see the #fragment (e.g. a manage link's token)
  }
  const button = container.querySelector('[data-testid="logout-button"]');
  if (!button) return;
  button.addEventListener('click', async () => {
    button.disabled = true;
    notice.textContent = '';
    try {
      await signOut();
      location.assign('/');
    } catch (error) {
      console.warn('Sign-out failed', error);
      notice.dataset.i18n = 'error.signOut';
      notice.textContent = t('error.signOut');
      button.disabled = false;
    }
  });
  applyTranslations(container);
}
