// The procès-verbal of a closed meeting: printable (print CSS), with Markdown, CSV and .ics downloads.
import '../meetings/messages.js';
import { api, ApiError } from '../api.js';
import { loginUrl } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { norm } from '../meetings/model.js';
import { formatDateTime, formatTime, h, param, replaceChildren } from '../meetings/dom.js';

const id = param('id');
const $ = (selector) => document.querySelector(selector);
let minutes = null;
let failure = null;

function render() {
  if (failure) {
    $('[data-testid="minutes-error"]').textContent = failure();
    return;
  }
  if (!minutes) return;
  const m = minutes.meeting;
  $('[data-minutes]').hidden = false;
  $('[data-testid="minutes-title"]').textContent = `${t('minutes.heading')} — ${m.title}`;
  $('[data-minutes-meta]').textContent = `${m.tableName} · ${formatDateTime(m.startsAt, getLang())}${m.location ? ` · ${m.location}` : ''}`;
  $('[data-testid="minutes-quorum"]').textContent =
    `${t('room.quorum', m.quorum)} — ${t(m.quorum.reached ? 'room.quorumReached' : 'room.quorumNotReached')}`;
  $('[data-markdown]').href = `/api/meetings/${id}/minutes.md?lang=${getLang()}`;
  $('[data-csv]').href = `/api/meetings/${id}/action-items.csv`;
  $('[data-ics]').href = `/api/meetings/${id}/meeting.ics`;
  // "← Rencontres de la table": the table's list of meetings, as in the room.
  $('[data-back]').href = `/meetings.html?table=${m.tableId}`;
  replaceChildren($('[data-testid="minutes-attendance"]'), minutes.attendance.map((a) => h('li', {},
    h('strong', {}, a.member.name), ` (${a.member.organisation}) — `,
    a.status ? t(`attendance.${norm(a.status)}`) : t('room.notRecorded'),
    a.arrivedAt ? `, ${t('room.arrived', { time: formatTime(a.arrivedAt, getLang()) })}` : '')));
  replaceChildren($('[data-testid="minutes-items"]'), minutes.items.map((entry) => h('li', { class: 'minutes-item' },
    h('h3', {}, entry.item.title),
    entry.item.presenter ? h('p', {}, `${t('room.presenter')} ${entry.item.presenter}`) : null,
    entry.item.notes ? h('p', {}, entry.item.notes) : null,
    entry.decisions.length ? h('ul', {}, entry.decisions.map((d) => h('li', { 'data-testid': 'minutes-decision', 'data-motion': d.motionId ?? null },
      h('strong', {}, `${t(d.motionId ? 'room.motion.resolution' : 'room.decisionText')} : `), getLang() === 'en' ? d.textEn : d.text))) : null)));
  replaceChildren($('[data-testid="minutes-actions"]'), [...minutes.actionItems, ...minutes.followUps].map((a) => h('li', {},
    `${norm(a.status) === 'done' ? '☑' : '☐'} ${a.text} — ${a.ownerName}${a.due ? ` · ${t('room.due')} ${a.due}` : ''}${a.originMeetingTitle ? ` · ${t('room.from', { title: a.originMeetingTitle })}` : ''}`)));
}

async function main() {
  try {
    minutes = await api.get(`/api/meetings/${id}/minutes`);
  } catch (error) {
    // Nobody signed in on this device: the sign-in page offers a sign-in link by email, and comes back here.
    if (error instanceof ApiError && error.status === 401) return location.assign(loginUrl());
    failure = () => (error instanceof ApiError ? error.localizedMessage() : t('error.network'));
  }
  render();
}

$('[data-print]').addEventListener('click', () => window.print());
onLangChange(render);
main();
