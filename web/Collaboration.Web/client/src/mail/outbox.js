// The organiser's view of one outbox (Pages/Mail/_Outbox.cshtml), shared by the workshop, table,
// meeting and colloque pages (a colloque's emails carry their registration's code): recipient, subject, state (with the server's answer when it failed), time, and a resend
// for a failed one. Refreshed on demand, after each action of the page (refresh()), and by itself while a
// message is still pending, so "en attente" turns into "envoyé" or "en échec" without a click.
import { api, ApiError } from '../api.js';
import { addMessages, onLangChange, t } from '../i18n.js';
import { h } from '../meetings/dom.js';
import { formatDateTime } from '../zoned-time.js';
import notifications from '../../../Messages/notifications.json' with { type: 'json' };

addMessages(notifications);

const PENDING_POLL_MS = 2000;
const PENDING_POLL_LIMIT = 60; // two minutes of retries at most, then the refresh button
const PAGE = 200; // a paged outbox (a colloque's) shows its newest emails, this many more at each "older" click

/**
 * Wires one outbox section. show(basePath) points it at an outbox ('/api/meetings/{id}') and loads it;
 * refresh() reloads it (call it after an action that records mail); hide() empties and hides it.
 * @param {HTMLElement} section the partial's [data-outbox] element
 */
export function createOutbox(section) {
  const body = section.querySelector('[data-testid="outbox"] tbody');
  const status = section.querySelector('[data-testid="outbox-status"]');
  const error = section.querySelector('[data-testid="outbox-error"]');
  const labels = [...section.querySelectorAll('thead th')];
  const older = section.querySelector('[data-action="older-outbox"]');
  let paged = false;
  let limit = PAGE;
  let base = null;
  let messages = null;
  let shownError = null;
  let shownStatus = null;
  let timer = null;
  let polls = 0;
  let generation = 0;

  const say = (key) => { shownStatus = key; status.textContent = key ? t(key) : ''; };
  const fail = (message) => { shownError = message; error.textContent = message ? message() : ''; };

  async function load({ focusMailId } = {}) {
    if (!base) return;
    const mine = ++generation;
    clearTimeout(timer);
    try {
      const answer = await api.get(paged ? `${base}/outbox?limit=${limit}` : `${base}/outbox`);
      if (mine !== generation) return;
      messages = answer;
      fail(null);
      render();
      if (focusMailId !== undefined) body.querySelector(`tr[data-mail-id="${CSS.escape(focusMailId)}"]`)?.focus();
      if (messages.some((m) => m.status === 'pending') && polls++ < PENDING_POLL_LIMIT) timer = setTimeout(() => load(), PENDING_POLL_MS);
    } catch (e) {
      if (mine === generation) fail(() => (e instanceof ApiError ? e.localizedMessage() : t('error.network')));
    }
  }

  function render() {
    section.hidden = !base;
    older.hidden = !(paged && messages !== null && messages.length >= limit);
    for (const th of labels) th.dataset.label = th.textContent; // the phone layout's labels, in the current language
    if (messages === null) return body.replaceChildren();
    body.replaceChildren(...(messages.length === 0
      ? [h('tr', {}, h('td', { colspan: String(labels.length), 'data-empty': '' }, t('notifications.outbox.empty')))]
      : messages.slice().reverse().map(row)));
  }

  /** One email, newest first. Each cell's content is one block, so the phone layout puts it beside its label. */
  function row(m) {
    const first = m.code === undefined ? 0 : 1; // a registration's code comes first when the emails have one
    const cell = (index, attrs, ...content) => h('td', { ...attrs, 'data-label': labels[index + first]?.textContent ?? '' },
      content.length ? h('div', {}, ...content) : null);
    const state = [t(`notifications.outbox.status.${m.status}`)];
    if (m.status === 'failed' && m.lastError) state.push(h('br'), h('small', {}, m.lastError));
    const resendButton = m.canResend ? h('button', {
      type: 'button', class: 'button button--quiet', 'data-action': 'resend',
      'aria-label': `${t('notifications.outbox.resend')} — ${m.toName} <${m.to}>${m.code === undefined ? '' : ` (${m.code})`}`,
      onclick: (event) => resend(m, event.currentTarget),
    }, t('notifications.outbox.resend')) : null;
    return h('tr', { 'data-mail-id': mailKey(m), 'data-kind': m.kind, tabindex: '-1' },
      ...(first ? [cell(-1, { class: 'outbox__code' }, m.code)] : []),
      cell(0, { class: 'outbox__to' }, m.to ? `${m.toName} <${m.to}>` : '—'),
      cell(1, {}, m.subject ?? '', h('span', { class: 'outbox__kind' }, t(`notifications.kind.${m.kind}`))),
      cell(2, { 'data-status': m.status }, ...state),
      cell(3, {}, formatDateTime(m.sentAt ?? m.createdAt)),
      resendButton ? cell(4, {}, resendButton) : cell(4, {}));
  }

  async function resend(m, button) {
    button.disabled = true;
    try {
      await api.post(`${base}/outbox/${m.code === undefined ? '' : `${encodeURIComponent(m.code)}/`}${m.id}/resend`);
      say('notifications.outbox.resent');
      polls = 0;
      await load({ focusMailId: mailKey(m) }); // the button is gone (the message is pending again): focus stays on its row
    } catch (e) {
      button.disabled = false;
      fail(() => (e instanceof ApiError ? e.localizedMessage() : t('error.network')));
    }
  }

  /** A message's id in the page: its outbox's id, after its registration's code when it has one. */
  function mailKey(m) { return m.code === undefined ? String(m.id) : `${m.code}/${m.id}`; }

  section.querySelector('[data-action="refresh-outbox"]').addEventListener('click', () => { polls = 0; say(null); load(); });
  older.addEventListener('click', () => { limit += PAGE; polls = 0; load(); });
  onLangChange(() => {
    render();
    if (shownStatus) status.textContent = t(shownStatus);
    if (shownError) error.textContent = shownError();
  });

  render(); // hidden until show()
  return {
    /** @param {{paged?: boolean}} [options] paged: the outbox answers ?limit= with its newest emails (a colloque's). */
    show(basePath, { paged: isPaged = false } = {}) {
      if (basePath !== base) { messages = null; limit = PAGE; say(null); fail(null); }
      paged = isPaged;
      base = basePath;
      polls = 0;
      render();
      return load();
    },
    refresh() { polls = 0; return load(); },
    hide() { base = null; messages = null; generation++; clearTimeout(timer); render(); },
  };
}
