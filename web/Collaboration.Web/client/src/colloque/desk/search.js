// Finding someone without their badge: by name or organisation (the server's search online, the desk's own
// list offline), and registering a walk-in who is not on the list (online only).
import { api, ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { categoryLabel, formatTime } from '../common.js';
import { fold } from '../fold.js';
import { newNonce } from './store.js';
import { operatorName } from './scan.js';

/** The search field: results as one types, each with a button that checks the person in (scan(code)). */
export function setupSearch({ desk, store, connection, scan }) {
  const input = document.getElementById('search');
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 200);
  });

  async function search(query) {
    const list = document.querySelector('[data-testid=search-results]');
    if (!query.trim()) {
      list.replaceChildren();
      return;
    }
    let results;
    if (!connection.offline) {
      try {
        results = await api.get(`/api/colloques/${desk.colloqueId}/search?q=${encodeURIComponent(query)}`);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 0) {
          return;
        }
        connection.goOffline();
      }
    }
    if (!results) {
      const words = fold(query).split(' ').filter(Boolean);
      results = store.all().filter((a) => words.every((w) => fold(`${a.name} ${a.organisation}`).includes(w))).slice(0, 20);
    }
    list.replaceChildren(...(results.length === 0 ? [el('li', { text: t('colloque.desk.noResults') })] : results.map((a) => {
      const button = el('button', { type: 'button', class: 'button', text: t('colloque.desk.checkInThis') });
      button.addEventListener('click', () => scan(a.code));
      return el('li', { class: `result-item cat-${a.category}`, 'data-code': a.code },
        el('span', { class: 'result-item__name', text: a.name }),
        el('span', { class: 'result-item__meta', text: `${a.organisation} · ${categoryLabel(a.category)}${a.checkedInAt ? ` · ✓ ${formatTime(a.checkedInAt)}` : ''}` }),
        button);
    })));
  }
}

/** The walk-in form: registers and checks in at once, the answer shown like a scan's (showResult). */
export function setupWalkIn({ desk, store, connection, showResult }) {
  const form = document.querySelector('[data-testid=walkin-form]');
  const error = form.querySelector('[data-walkin-error]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (connection.offline) {
      error.textContent = t('colloque.desk.walkInOffline');
      return;
    }
    const data = Object.fromEntries(new FormData(form));
    try {
      const answer = await api.post(`/api/colloques/${desk.colloqueId}/walkins`, { ...data, nonce: newNonce(), operator: operatorName() });
      store.applyArrival(answer);
      showResult(answer);
      form.reset();
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : t('error.network');
    }
  });
}
