// The public portal's pages. Everything is on the page without JavaScript; this keeps the upcoming
// workshops' seats left live (public topic workshop:{id}, counts only).
import { reloadOnLanguageChange } from '../portal.js';
import { connectLive } from '../live.js';
import { renderAvailability } from '../workshops.js';

reloadOnLanguageChange();

for (const card of document.querySelectorAll('[data-workshop-id]')) {
  const badge = card.querySelector('[data-testid="availability"]');
  let summary = null;
  connectLive().subscribe(`workshop:${card.dataset.workshopId}`, (envelope) => {
    if (summary && envelope.data?.counts) {
      Object.assign(summary, envelope.data.counts);
      renderAvailability(badge, summary);
    }
  }, {
    onSnapshot: (snapshot) => {
      if (snapshot && !snapshot.missing) {
        summary = snapshot;
        renderAvailability(badge, summary);
      }
    },
  });
}

// The directory (/repertoire) follows the public topic partners:default: when an organisation is added, edited,
// hidden or merged, the results and the map are read again from the server (same address, same filters), so what is
// shown is always what the page would show on a reload — a hidden organisation never reaches the browser.
const directory = document.querySelector('[data-live-directory]');
if (directory) {
  let seen = null;
  let pending = null;
  const refresh = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try {
        const response = await fetch(globalThis.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-live-directory]');
        if (fresh) directory.replaceChildren(...fresh.childNodes);
      } catch {
        // Offline for a moment: the next change (or the reconnection's snapshot) reads it again.
      }
    }, 250); // a burst of changes (an import, a merge) is read once
  };
  connectLive().subscribe('partners:default', () => refresh(), {
    onSnapshot: (snapshot, version) => {
      if (seen !== null && version !== seen) refresh(); // back from a reconnection with changes missed
      seen = version;
    },
  });
}
