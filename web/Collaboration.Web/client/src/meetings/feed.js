// The signed-in member's own calendar feed on the Table's page: one address with every meeting of all their Tables,
// to subscribe to (webcal://), copy, or change (the old address then stops). Organisers have none, and see nobody's.
import { api } from '../api.js';
import { t } from '../i18n.js';

export function createFeedPanel(root, { act }) {
  const $ = (selector) => root.querySelector(selector);
  let feed = null; // { url, webcalUrl, tables }
  let status = null; // () => text

  function setStatus(message) {
    status = message;
    const line = $('[data-testid="my-feed-status"]');
    line.hidden = !message;
    line.textContent = message ? message() : '';
  }

  async function load() {
    feed = await act(() => api.get('/api/calendar/feed'));
    render();
  }

  function render() {
    root.hidden = !feed;
    if (!feed) return;
    $('[data-testid="my-feed-url"]').value = feed.webcalUrl;
    $('[data-testid="my-feed-subscribe"]').href = feed.webcalUrl;
    $('[data-testid="my-feed-tables"]').textContent = t('feed.tables', { tables: feed.tables.join(', ') });
    if (status) setStatus(status);
  }

  $('[data-testid="my-feed-url"]').addEventListener('focus', (event) => event.target.select());
  $('[data-testid="my-feed-copy"]').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(feed.webcalUrl);
      setStatus(() => t('feed.copied'));
    } catch {
      setStatus(() => t('feed.copyRefused')); // the address is on the page to select by hand
      $('[data-testid="my-feed-url"]').focus();
    }
  });
  $('[data-testid="my-feed-reset"]').addEventListener('click', async () => {
    if (!window.confirm(t('feed.resetConfirm'))) return;
    const answer = await act(() => api.post('/api/calendar/feed/reset'));
    if (!answer) return;
    feed = answer;
    setStatus(() => t('feed.resetDone'));
    render();
  });

  return { load, render };
}
