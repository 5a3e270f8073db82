// The shared page header: product name, live connection indicator, language switch, account.
// Pages hold an empty <header data-shell-header></header>; mountHeader() fills it.
import { getCurrentUser, loginUrl, signOut } from './auth.js';
import { applyTranslations, getLang, onLangChange, setLang, t } from './i18n.js';
import { connectLive } from './live.js';

const TEMPLATE = `
  <div class="site-header__inner">
    <a class="brand" href="/" data-i18n-attr="aria-label:shell.home"><span data-i18n="product.name"></span></a>
    <div class="site-header__tools">
      <p class="live-status" data-testid="connection-state" data-state="reconnecting" role="status" aria-live="polite">
        <span class="live-status__dot" aria-hidden="true"></span>
        <span class="visually-hidden" data-i18n="live.label"></span>
        <span class="live-status__text" data-live-text></span>
      </p>
      <button type="button" class="button button--quiet lang-switch" data-testid="language-switch"
              data-i18n="shell.switchLanguage" data-i18n-attr="aria-label:shell.switchLanguageLabel"></button>
      <div class="account" data-testid="account" data-account></div>
    </div>
  </div>
  <p class="site-header__notice" role="alert" data-shell-notice></p>`;

/** Renders the header into host and connects it to the hub. Returns the live connection. */
export function mountHeader(host = document.querySelector('[data-shell-header]')) {
  const live = connectLive();
  if (!host) {
    return live;
  }
  host.innerHTML = TEMPLATE;
  applyTranslations(host);

  const languageButton = host.querySelector('[data-testid="language-switch"]');
  const syncLanguageButton = () => languageButton.setAttribute('lang', getLang() === 'fr' ? 'en' : 'fr');
  syncLanguageButton();
  languageButton.addEventListener('click', () => setLang(getLang() === 'fr' ? 'en' : 'fr'));

  const status = host.querySelector('[data-testid="connection-state"]');
  const statusText = host.querySelector('[data-live-text]');
  const renderState = () => {
    status.dataset.state = live.state;
    statusText.textContent = t(liveStateKey(live));
  };
  live.onStateChange(renderState);
  onLangChange(() => {
    syncLanguageButton();
    renderState();
  });

  renderAccount(host.querySelector('[data-account]'), host.querySelector('[data-shell-notice]'));
  return live;
}

/** The dictionary key describing the connection state. */
export function liveStateKey(live) {
  if (live.state === 'reconnecting' && !live.hasConnected) {
    return 'live.connecting';
  }
  return `live.${live.state}`;
}

async function renderAccount(container, notice) {
  let user = null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    console.warn('Could not tell who is signed in', error);
  }
  container.replaceChildren();

  if (!user) {
    if (location.pathname !== '/login.html') {
      const link = document.createElement('a');
      link.className = 'button button--quiet';
      link.href = loginUrl();
      link.dataset.testid = 'login-link';
      link.dataset.i18n = 'shell.signIn';
      container.append(link);
    }
  } else {
    const label = document.createElement('span');
    label.className = 'visually-hidden';
    label.dataset.i18n = 'shell.account';
    const name = document.createElement('span');
    name.className = 'account__name';
    name.dataset.testid = 'current-user';
    name.textContent = user.displayName || user.email;
    name.title = user.email;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--quiet';
    button.dataset.testid = 'logout-button';
    button.dataset.i18n = 'shell.signOut';
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
    container.append(label, name, ' ', button);
  }
  applyTranslations(container);
}
