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
