// A room's big screen /colloque/{id}/screen?room=…: the session now and the next one, in large type,
// with a clock. "Now" is what the organiser (or a paired desk) set for the room, or else the
// timetable; both, and the announcement, arrive live on the screens topic, the programme on the public
// one. Organisers and desks see
// two buttons to advance the room or give it back to the timetable.
import { api, ApiError } from '../api.js';
import { getCurrentUser } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { sessionTitle, time } from '../colloque/programme.js';
import { formatCalendarDate, formatTime, ZONE } from '../zoned-time.js';
import { roomNow } from '../colloque/programme-times.js';
import { followScreens, withScreens } from '../colloque/screens-live.js';

const id = location.pathname.split('/')[2] ?? '';
const room = new URLSearchParams(location.search).get('room') ?? '';
const $ = (testid) => document.querySelector(`[data-testid="${testid}"]`);
let state = null;

function render() {
  $('screen-clock').textContent = new Date().toLocaleTimeString(getLang() === 'en' ? 'en-CA' : 'fr-CA',
    { timeZone: 'America/Toronto', hour: '2-digit', minute: '2-digit' });
  if (!room) {
    $('screen-room').textContent = t('colloque.screen.noRoom');
    return;
  }
  $('screen-room').textContent = t('colloque.screen.room', { room });
  if (!state) return;
  const now = new Date();
  const inRoom = state.sessions.filter((s) => s.room === room).sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt));
  const roomState = state.rooms.find((r) => r.name === room) ?? { name: room, followsTimetable: true };
  // Before the day (or after it) a room following the timetable says when the colloque is, not "now: break".
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const offDay = roomState.followsTimetable && state.date && today !== state.date ? (today < state.date ? 'before' : 'after') : null;
  $('screen-day').hidden = !offDay;
  $('screen-now-section').hidden = Boolean(offDay);
  $('screen-next-section').hidden = Boolean(offDay);
  if (offDay) {
    const first = inRoom[0] ?? [...state.sessions].sort((a, b) => new Date(a.startsAt) - new Date(b.startsAt))[0];
    $('screen-day-text').textContent = offDay === 'before'
      ? (first ? t('colloque.screen.startsOn', { date: formatCalendarDate(state.date), time: formatTime(first.startsAt) })
        : t('colloque.screen.startsOnDay', { date: formatCalendarDate(state.date) }))
      : t('colloque.screen.ended');
    $('screen-day-first').textContent = offDay === 'before' && inRoom[0]
      ? t('colloque.screen.firstHere', { title: sessionTitle(inRoom[0]), time: formatTime(inRoom[0].startsAt) }) : '';
  }
  const shown = roomNow(state, roomState, now);
  const next = shown ? inRoom[inRoom.indexOf(shown) + 1] : inRoom.find((s) => new Date(s.startsAt) > now);
  $('screen-now').textContent = shown ? sessionTitle(shown) : t('colloque.screen.nothing');
  $('screen-now').dataset.sessionId = shown?.sessionId ?? '';
  $('screen-now-meta').textContent = shown ? `${time(shown.startsAt)} – ${time(shown.endsAt)}${speakers(shown)}` : '';
  $('screen-next').textContent = next ? sessionTitle(next) : t('colloque.screen.nothingNext');
  $('screen-next').dataset.sessionId = next?.sessionId ?? '';
  $('screen-next-meta').textContent = next ? `${time(next.startsAt)}${speakers(next)}` : '';
  const announcement = $('screen-announcement');
  announcement.hidden = !state.announcement;
  announcement.textContent = state.announcement?.text ?? '';
}

function speakers(session) {
  return session.speakers.length ? ` · ${session.speakers.map((p) => p.name).join(', ')}` : '';
}

function apply(envelope) {
  const data = envelope.data;
  if (!state || !data?.sessions) return;
  state.sessions = data.sessions;
  render();
}

async function showControls() {
  const user = await getCurrentUser().catch(() => null);
  if (!user || !room) return;
  $('screen-controls').hidden = false;
  const path = `/api/colloques/${id}/rooms/${encodeURIComponent(room)}`;
  $('screen-advance').addEventListener('click', () => api.post(`${path}/advance`).catch((e) => console.warn(e instanceof ApiError ? e.message : e)));
  $('screen-follow').addEventListener('click', () => api.put(`${path}/now`, { follow: true }).catch((e) => console.warn(e instanceof ApiError ? e.message : e)));
}

onLangChange(render);
setInterval(render, 10_000);
render();
const screens = followScreens(id, () => {
  withScreens(state, screens);
  render();
});
connectLive().subscribe(`colloque-public:${id}`, apply, {
  onSnapshot: (snapshot) => {
    if (snapshot && !snapshot.missing) {
      state = withScreens(snapshot, screens);
      render();
    }
  },
});
showControls();
