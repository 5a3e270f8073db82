// The organiser's room screens: per room, what its screen shows now, "next" and "follow the timetable",
// and a link opening the screen; the announcement every screen shows, published or cleared here.
import { api, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { el } from '../dom.js';
import { showFailure, showProblem } from './organiser-form.js';
import { formatTime } from '../zoned-time.js';
import { roomNow, roomsOf } from './programme-times.js';
import { titleOf } from './organiser-programme.js';

const $ = (selector) => document.querySelector(selector);

export function setupRooms(id, store) {
  const list = $('[data-testid=room-list]');
  const result = $('[data-testid=rooms-result]');
  const form = $('[data-testid=announcement-form]');
  const errorRegion = form.querySelector('[data-announcement-error]');
  const text = form.elements.text;

  const failed = (error) => {
    result.textContent = error instanceof ApiError ? error.message : t('error.network');
  };

  async function announce(value) {
    showProblem(form, errorRegion, null);
    try {
      await api.put(`/api/colloques/${id}/announcement`, { text: value });
      result.textContent = value ? t('colloque.org.rooms.published') : t('colloque.org.rooms.cleared');
      if (!value) text.value = '';
      text.focus();
    } catch (error) {
      showFailure(form, errorRegion, error);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      form.querySelector('[data-error-for=text]').textContent = t('colloque.org.rooms.emptyAnnouncement');
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    announce(text.value);
  });
  form.querySelector('[data-testid=announcement-clear]').addEventListener('click', () => announce(null));

  function roomItem(view, room) {
    const path = `/api/colloques/${id}/rooms/${encodeURIComponent(room.name)}`;
    const now = roomNow(view, room);
    const next = el('button', { type: 'button', class: 'button', 'data-testid': 'room-advance', text: t('colloque.org.rooms.next') });
    next.addEventListener('click', async () => {
      try {
        const advanced = await api.post(`${path}/advance`);
        const session = view.sessions.find((s) => s.sessionId === advanced?.sessionId);
        result.textContent = t('colloque.org.rooms.nowIs', { room: room.name, title: session ? titleOf(session) : t('colloque.org.rooms.nothing') });
      } catch (error) {
        failed(error);
      }
    });
    const follow = el('button', { type: 'button', class: 'button', 'data-testid': 'room-follow', text: t('colloque.org.rooms.follow'),
      'aria-pressed': String(room.followsTimetable) });
    follow.addEventListener('click', async () => {
      try {
        await api.put(`${path}/now`, { follow: true });
        result.textContent = t('colloque.org.rooms.following', { room: room.name });
      } catch (error) {
        failed(error);
      }
    });
    const nameId = `room-${encodeURIComponent(room.name).replace(/[^A-Za-z0-9_-]/g, '_')}`;
    next.setAttribute('aria-describedby', nameId);
    follow.setAttribute('aria-describedby', nameId);
    return el('li', { class: 'room-item', 'data-room': room.name, 'data-testid': 'room-item' },
      el('strong', { id: nameId, class: 'room-item__name', text: room.name }),
      el('span', { class: 'room-item__now', 'data-testid': 'room-now', 'data-session-id': now?.sessionId ?? '' },
        t('colloque.org.rooms.now', { title: now ? titleOf(now) : t('colloque.org.rooms.nothing') })),
      el('span', { class: 'room-item__mode', 'data-testid': 'room-mode' },
        room.followsTimetable ? t('colloque.org.rooms.byTimetable') : t('colloque.org.rooms.byHand', { time: formatTime(room.setAt) })),
      el('div', { class: 'organiser-actions' }, next, follow,
        el('a', { class: 'button', href: `/colloque/${id}/screen?room=${encodeURIComponent(room.name)}`, target: '_blank', rel: 'noopener',
          'data-testid': 'room-screen-link', 'aria-describedby': nameId }, t('colloque.org.rooms.openScreen'),
        el('span', { class: 'visually-hidden', text: ` ${t('colloque.org.rooms.newTab')}` }))));
  }

  function render({ view }) {
    const focused = document.activeElement;
    const focusKey = list.contains(focused) ? [focused.closest('[data-room]')?.dataset.room, focused.dataset.testid] : null;
    const rooms = roomsOf(view);
    list.replaceChildren(...(rooms.length ? rooms.map((room) => roomItem(view, room)) : [el('li', { text: t('colloque.org.rooms.none') })]));
    if (focusKey?.[0]) {
      [...list.querySelectorAll('[data-room]')].find((li) => li.dataset.room === focusKey[0])?.querySelector(`[data-testid="${focusKey[1]}"]`)?.focus();
    }
    const current = $('[data-testid=announcement-current]');
    current.textContent = view.announcement
      ? t('colloque.org.rooms.currentAnnouncement', { text: view.announcement.text, time: formatTime(view.announcement.at) })
      : t('colloque.org.rooms.noAnnouncement');
    current.dataset.text = view.announcement?.text ?? '';
  }

  store.subscribe(render);
  onLangChange(() => store.state.view && render(store.state));
  // A room that follows the timetable moves on by itself.
  setInterval(() => store.state.view && render(store.state), 30_000);
}
