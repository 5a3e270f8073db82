// The organiser page's view of the registration and the programme: GET …/public (settings, sessions,
// places, rooms, announcement) and GET …/programme/stats (seats and categories per session), kept live
// by the colloque's public topic and its screens topic — another organiser's edit, a signup or a room
// change shows at once.
import { api } from '../api.js';
import { connectLive } from '../live.js';
import { followScreens, withScreens } from './screens-live.js';

/** Starts watching colloque id; listener(state) runs after each change. state = { view, stats }. */
export function watchProgramme(id) {
  const listeners = new Set();
  const state = { view: null, stats: null };
  let statsTimer = null;

  const notify = () => {
    if (!state.view) return;
    for (const listener of [...listeners]) listener(state);
  };

  async function loadStats() {
    try {
      state.stats = await api.get(`/api/colloques/${id}/programme/stats`);
      notify();
    } catch (error) {
      console.warn(error);
    }
  }

  // A burst of signups sends many events: one stats read for the burst.
  function refreshStatsSoon() {
    clearTimeout(statsTimer);
    statsTimer = setTimeout(loadStats, 250);
  }

  /** Reads the view again (after this organiser's own change: the page shows it without waiting for the event). */
  async function reload() {
    try {
      state.view = withScreens(await api.get(`/api/colloques/${id}/public`), screens);
    } catch (error) {
      // The live topic's snapshot brings it once the server answers again.
      console.warn(error);
      return;
    }
    notify();
    await loadStats();
  }

  function apply({ data }) {
    if (!state.view || !data) return;
    if (data.sessions) state.view.sessions = data.sessions;
    if (data.registration) state.view.registration = data.registration;
    if (data.venueAddress !== undefined) state.view.venueAddress = data.venueAddress;
    if (data.places) {
      state.view.places = data.places;
      const seats = new Map(data.places.sessions.map((s) => [s.sessionId, s]));
      for (const session of state.view.sessions) session.seats = seats.get(session.sessionId) ?? session.seats;
    }
    refreshStatsSoon();
    notify();
  }

  const screens = followScreens(id, () => {
    withScreens(state.view, screens);
    notify();
  });
  const ready = reload();
  connectLive().subscribe(`colloque-public:${id}`, apply, {
    onSnapshot: (snapshot) => {
      if (snapshot && !snapshot.missing) {
        state.view = withScreens(snapshot, screens);
        notify();
        refreshStatsSoon();
      }
    },
  });

  return {
    state,
    ready,
    reload,
    refreshStats: loadStats,
    /** listener(state) now (when loaded) and after each change. */
    subscribe(listener) {
      listeners.add(listener);
      if (state.view) listener(state);
    },
  };
}
