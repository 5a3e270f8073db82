// The desk's list of the latest arrivals, from every desk, live. Events carry no names (see AttendeeArrived):
// they come from the desk's own copy of the attendee list, refreshed when a badge is not on it yet.
import { arrivalItem } from '../arrivals.js';

const SHOWN = 30;

/** The list and what changes it: snapshot(state), arrived(data), undone(data), for followArrivals. */
export function createRecentArrivals({ deskSection, store, connection }) {
  const list = document.querySelector('[data-testid=arrivals]');
  let refreshTimer = null;

  function add(arrival) {
    list.querySelector(`[data-code="${CSS.escape(arrival.code)}"]`)?.remove();
    list.prepend(arrivalItem(arrival));
    while (list.children.length > SHOWN) {
      list.lastElementChild.remove();
    }
  }

  /** A walk-in registered at another desk: the list is fetched again and the names filled in. */
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(async () => {
      await connection.refreshList();
      for (const item of list.querySelectorAll('[data-code]')) {
        const a = store.get(item.dataset.code);
        if (a?.name) {
          item.querySelector('.arrival__name').textContent = a.name;
        }
      }
    }, 500);
  }

  return {
    snapshot(snapshot) {
      if (snapshot?.title) {
        deskSection.querySelector('[data-colloque-title]').textContent = snapshot.title;
      }
      list.replaceChildren();
      for (const r of [...(snapshot?.recent ?? [])].reverse()) {
        add(r);
      }
    },
    arrived(data) {
      const known = store.get(data.code);
      store.applyArrival({ ...data, name: known?.name, organisation: known?.organisation, operator: undefined, checkedInAt: data.at });
      add({ ...data, name: known?.name, organisation: known?.organisation });
      if (!known) {
        refreshSoon();
      }
    },
    undone(data) {
      store.applyUndo(data.code);
      list.querySelector(`[data-code="${CSS.escape(data.code)}"]`)?.remove();
    },
  };
}
