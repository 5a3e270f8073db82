// Arrivals as the desk, the dashboard and the organiser page follow them on colloque:{id}, and the line
// each shows for one arrival.
import { el } from '../dom.js';
import { formatTime } from './common.js';

const ARRIVAL_EVENTS = new Set(['AttendeeArrived', 'ArrivalUndone']);

/**
 * An arrival (AttendeeArrived / ArrivalUndone) reaches a screen twice: pushed ahead from the registration's own
 * write, then as the colloque topic's versioned event once the figures hold it. This remembers, per badge, the
 * check-in version last applied, so each change is applied once and an older one never undoes a newer one.
 * forget() after a snapshot: what follows it is applied again (idempotently), so the snapshot misses nothing.
 */
export function createArrivalVersions() {
  const applied = new Map(); // code → check-in version
  return {
    /** True (and remembered) when this event is newer than what was applied for its badge. */
    isNew({ code, checkInVersion }) {
      const version = Number(checkInVersion) || 0;
      if (version <= (applied.get(code) ?? 0)) {
        return false;
      }
      applied.set(code, version);
      return true;
    },
    forget() {
      applied.clear();
    },
  };
}

/**
 * Follows colloque:{colloqueId}: arrived(data) and undone(data) once per change, other(type, data) for the
 * topic's other events, then changed() after any of them; snapshot(snapshot) on a full state. receive(envelope,
 * apply) may keep an event to apply later (the desk, offline); apply is also returned for that.
 * Events carry no names (see AttendeeArrived): each page takes them from its attendee list.
 */
export function followArrivals(live, colloqueId, { arrived, undone, other, changed, snapshot, onError, receive } = {}) {
  const versions = createArrivalVersions();
  const apply = ({ type, data }) => {
    if (ARRIVAL_EVENTS.has(type) && !versions.isNew(data)) {
      return; // seen ahead already, or older than what was applied
    }
    if (type === 'AttendeeArrived') {
      arrived?.(data);
    } else if (type === 'ArrivalUndone') {
      undone?.(data);
    } else {
      other?.(type, data);
    }
    changed?.();
  };
  const onEvent = receive ? (envelope) => receive(envelope, apply) : apply;
  // Arrivals come first ahead (from the scanning desk's write), then in the topic's versions: applied once each.
  live.subscribe(`colloque:${colloqueId}`, onEvent, {
    onAhead: onEvent,
    onSnapshot: (state) => {
      versions.forget();
      snapshot?.(state);
    },
    onError,
  });
  return apply;
}

/** One line of a list of arrivals: time, name (or badge code), organisation and desk. */
export function arrivalItem({ code, name, organisation, category, deskName, at }) {
  return el('li', { class: `arrival cat-${category}`, 'data-code': code },
    el('span', { class: 'arrival__time', text: formatTime(at) }),
    el('span', { class: 'arrival__name', text: name || code }),
    el('span', { class: 'arrival__meta', text: [organisation, deskName].filter(Boolean).join(' · ') }));
}
