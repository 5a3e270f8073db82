// A check-in desk's local truth while it cannot reach the server: a copy of the attendee list, and the
// queue of scans made offline (each with its nonce and time), sent again on reconnection. The server
// (one registration grain per badge) has the last word: a badge admitted meanwhile at another desk comes
// back as 'alreadyCheckedIn' and is reported as a conflict, never as a second check-in.
//
// Pure logic over a Storage-like object (localStorage in the page, a Map-backed fake in tests).

const VERSION = 1;

export function createDeskStore(storage, colloqueId, deskId) {
  const key = (name) => `concertation.colloque.${colloqueId}.${deskId}.${name}.v${VERSION}`;
  const read = (name, fallback) => {
    try {
      const text = storage.getItem(key(name));
      return text ? JSON.parse(text) : fallback;
    } catch {
      return fallback;
    }
  };
  const write = (name, value) => {
    try {
      storage.setItem(key(name), JSON.stringify(value));
    } catch (error) {
      console.error('Desk store: could not save', name, error);
    }
  };

  let attendees = read('attendees', {}); // code → { code, name, organisation, category, cancelled, checkedInAt, deskId, deskName, operator }
  let queue = read('queue', []); // [{ code, nonce, scannedAt, operator, local }]

  return {
    /** Replaces the copy with the server's list (keeps what this desk queued offline). */
    replaceAll(list) {
      attendees = {};
      for (const a of list) {
        attendees[a.code] = { ...a };
      }
      for (const scan of queue) {
        const a = attendees[scan.code];
        if (a && !a.checkedInAt && scan.local === 'checkedIn') {
          Object.assign(a, { checkedInAt: scan.scannedAt, deskId, pending: true });
        }
      }
      write('attendees', attendees);
    },

    get(code) {
      return attendees[code] ?? null;
    },

    all() {
      return Object.values(attendees);
    },

    count() {
      return Object.keys(attendees).length;
    },

    /** An arrival or undo seen on the live topic (or answered by the server). */
    applyArrival({ code, name, organisation, category, deskId: at, deskName, operator, checkedInAt }) {
      const current = attendees[code] ?? { code, name: name ?? '', organisation: organisation ?? '', category: category ?? 'other', cancelled: false };
      attendees[code] = {
        ...current,
        name: name || current.name,
        organisation: organisation || current.organisation,
        category: category ?? current.category,
        checkedInAt: current.checkedInAt && !current.pending ? current.checkedInAt : checkedInAt,
        deskId: current.checkedInAt && !current.pending ? current.deskId : at,
        deskName: current.checkedInAt && !current.pending ? current.deskName : deskName,
        operator: current.checkedInAt && !current.pending ? current.operator : operator,
        pending: false,
      };
      write('attendees', attendees);
    },

    applyUndo(code) {
      const a = attendees[code];
      if (a) {
        Object.assign(a, { checkedInAt: null, deskId: null, deskName: null, operator: null, pending: false });
        write('attendees', attendees);
      }
    },

    /**
     * A scan while offline: decides against the local copy (what the operator sees now), remembers the
     * decision and queues the scan for the server. Returns the local answer, shaped like the server's.
     */
    scanOffline({ code, nonce, operator, deskName, now = new Date().toISOString() }) {
      const a = attendees[code];
      let result;
      if (!a) {
        result = 'unknown';
      } else if (a.cancelled) {
        result = 'cancelled';
      } else if (a.checkedInAt) {
        result = 'alreadyCheckedIn';
      } else {
        result = 'checkedIn';
        Object.assign(a, { checkedInAt: now, deskId, deskName, operator, pending: true });
        write('attendees', attendees);
      }
      queue.push({ code, nonce, scannedAt: now, operator, local: result });
      write('queue', queue);
      return {
        result,
        code,
        offline: true,
        checkedInAt: a?.checkedInAt ?? null,
        deskId: a?.deskId ?? null,
        deskName: a?.deskName ?? null,
        operator: a?.operator ?? null,
        name: a?.name ?? null,
        organisation: a?.organisation ?? null,
        category: a?.category ?? null,
      };
    },

    pending() {
      return queue.length;
    },

    /**
     * Sends the queue, oldest first, with each scan's own nonce (a resend after a cut gets the first answer,
     * never a second check-in). send(scan) resolves to the server's answer or throws: when isRetryable(error)
     * (unreachable, busy) the sync stops and the rest stays queued; otherwise (the server refused that one
     * scan, e.g. a malformed code) the scan is dropped and reported in rejected.
     * Returns { admitted, conflicts, other, rejected, stopped }.
     */
    async sync(send, { isRetryable = () => true } = {}) {
      const outcome = { admitted: [], conflicts: [], other: [], rejected: [], stopped: false };
      while (queue.length > 0) {
        const scan = queue[0];
        let answer;
        try {
          answer = await send(scan);
        } catch (error) {
          if (isRetryable(error)) {
            outcome.stopped = true;
            outcome.error = error;
            break;
          }
          queue.shift();
          write('queue', queue);
          if (scan.local === 'checkedIn') {
            this.applyUndo(scan.code);
          }
          outcome.rejected.push({ scan, error });
          continue;
        }
        queue.shift();
        write('queue', queue);
        if (answer.result === 'checkedIn') {
          this.applyArrival(answer);
          outcome.admitted.push({ scan, answer });
        } else if (answer.result === 'alreadyCheckedIn') {
          const a = attendees[scan.code];
          if (a?.pending) {
            a.pending = false;
            Object.assign(a, { checkedInAt: answer.checkedInAt, deskId: answer.deskId, deskName: answer.deskName, operator: answer.operator });
            write('attendees', attendees);
          }
          // Admitted offline here, but another desk had admitted the badge first: the operator must know.
          (scan.local === 'checkedIn' ? outcome.conflicts : outcome.other).push({ scan, answer });
        } else {
          if (scan.local === 'checkedIn') {
            this.applyUndo(scan.code);
            outcome.conflicts.push({ scan, answer });
          } else {
            outcome.other.push({ scan, answer });
          }
        }
      }
      return outcome;
    },
  };
}

/** A nonce for one scan: unique per desk and scan, made on the desk. */
export function newNonce() {
  if (globalThis.crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
