// Scanning a badge (camera, USB scanner, keyboard) and the answer shown for it. Online, each scan goes to the
// server with a nonce made here; offline, the desk decides against its own list and queues the scan with the
// same nonce (offline.js).
import { api, ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { byOperator, categoryLabel, formatTime } from '../common.js';
import { newNonce } from './store.js';
import { isRetryable } from './offline.js';

const OPERATOR = 'concertation.colloque.operator';

/** A badge code as scanned or typed: upper case letters and digits only. */
export function normalizeCode(text) {
  return (text ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Who is at the desk, as typed in the operator field (kept on this device). */
export function operatorName() {
  return document.getElementById('operator').value.trim();
}

/** Wires the operator field and the scan form; scan(code) and the result panel are for the desk's other parts. */
export function createScanner({ desk, store, connection }) {
  let lastResult = null;
  const panel = document.querySelector('[data-testid=scan-result]');

  const operator = document.getElementById('operator');
  operator.value = localStorage.getItem(OPERATOR) ?? '';
  operator.addEventListener('change', () => localStorage.setItem(OPERATOR, operator.value.trim()));

  document.querySelector('[data-testid=scan-form]').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = document.getElementById('scan-code');
    const code = normalizeCode(input.value);
    input.value = '';
    if (code.length >= 4 && code.length <= 32) {
      scan(code);
    } else if (code) {
      renderResult({ result: 'unknown', code });
    }
    input.focus();
  });

  async function scan(code, { admit = false } = {}) {
    const nonce = newNonce();
    const operator = operatorName();
    const scannedAt = new Date().toISOString();
    if (!connection.offline) {
      try {
        const answer = await api.post(`/api/colloques/${desk.colloqueId}/checkins`, { code, nonce, operator, scannedAt, override: admit || undefined });
        if (answer.result === 'checkedIn' || answer.result === 'alreadyCheckedIn') {
          store.applyArrival(answer);
        }
        renderResult(answer);
        return;
      } catch (error) {
        if (!isRetryable(error)) {
          renderError(error);
          return;
        }
        connection.goOffline(); // unreachable or failing: this scan is decided locally and queued with the SAME nonce
      }
    }
    const answer = store.scanOffline({ code, nonce, operator, deskName: desk.deskName, now: scannedAt });
    renderResult(answer);
    connection.renderStatus();
  }

  function renderResult(answer) {
    lastResult = answer;
    panel.dataset.result = answer.result;
    panel.querySelector('[data-headline]').textContent = t(`colloque.result.${answer.result}`);
    panel.querySelector('[data-who]').textContent = answer.name
      ? `${answer.name}${answer.organisation ? ` — ${answer.organisation}` : ''}${answer.category ? ` · ${categoryLabel(answer.category)}` : ''}`
      : '';
    let detail = '';
    if (answer.result === 'alreadyCheckedIn') {
      detail = t('colloque.result.alreadyDetail', {
        time: formatTime(answer.checkedInAt),
        desk: answer.deskName ?? answer.deskId ?? '?',
        by: byOperator(answer.operator, answer.deskName),
      });
    } else if (answer.result === 'unknown') {
      detail = t('colloque.result.unknownDetail', { code: answer.code });
    } else if (answer.result === 'cancelled') {
      detail = t('colloque.result.cancelledDetail');
    } else if (answer.result === 'waitlisted') {
      detail = t(desk.organiser ? 'colloque.result.waitlistedOrganiserDetail' : 'colloque.result.waitlistedDetail');
    }
    panel.querySelector('[data-detail]').textContent = detail;
    panel.querySelector('[data-offline-note]').textContent = answer.offline ? t('colloque.result.offline') : '';
    const actions = panel.querySelector('[data-actions]');
    actions.replaceChildren();
    if (answer.result === 'checkedIn' && !answer.offline) {
      const undo = el('button', { type: 'button', class: 'button', 'data-testid': 'undo', text: t('colloque.result.undo') });
      undo.addEventListener('click', () => undoCheckIn(answer.code));
      const badge = el('a', { class: 'button', href: `/colloque-badge.html?colloque=${desk.colloqueId}&code=${answer.code}`, target: '_blank', text: t('colloque.desk.badge') });
      actions.append(undo, badge);
    }
    if (answer.result === 'waitlisted' && desk.organiser && !answer.offline) {
      // The organiser's one-click override: a place is given and the badge checked in.
      const admit = el('button', { type: 'button', class: 'button button--primary', 'data-testid': 'admit-waitlisted', text: t('colloque.result.admitWaitlisted') });
      admit.addEventListener('click', () => scan(answer.code, { admit: true }));
      actions.append(admit);
    }
  }

  function renderError(error) {
    lastResult = null;
    panel.dataset.result = 'error';
    panel.querySelector('[data-headline]').textContent = error instanceof ApiError ? error.message : t('error.network');
    for (const part of ['[data-who]', '[data-detail]', '[data-offline-note]']) {
      panel.querySelector(part).textContent = '';
    }
    panel.querySelector('[data-actions]').replaceChildren();
  }

  async function undoCheckIn(code) {
    try {
      await api.delete(`/api/colloques/${desk.colloqueId}/checkins/${encodeURIComponent(code)}?operator=${encodeURIComponent(operatorName())}`);
      store.applyUndo(code);
      panel.dataset.result = 'undone';
      panel.querySelector('[data-headline]').textContent = t('colloque.result.undone');
      panel.querySelector('[data-detail]').textContent = '';
      panel.querySelector('[data-actions]').replaceChildren();
      lastResult = null;
    } catch (error) {
      renderError(error);
    }
  }

  return {
    scan,
    renderResult,
    renderError,
    /** The last answer again, in the current language. */
    rerender() {
      if (lastResult) {
        renderResult(lastResult);
      }
    },
  };
}
