// The speaking queue in the meeting room: who has the floor and for how long (against the optional limit), the
// queue in order of request; a member raises or lowers their own hand; the chair gives the floor and adds hands
// raised in the room.
import { t } from '../i18n.js';
import { clock } from './model.js';
import { h, replaceChildren } from './dom.js';

/** The speaker line, refreshed every second by the room's clock. */
export function renderSpeaker(meeting, nowMs) {
  const line = document.querySelector('[data-testid="speaker"]');
  const speaker = meeting.floor.speaker;
  if (!speaker) {
    line.textContent = t('room.floor.nobody');
    line.dataset.over = 'false';
    return;
  }
  const seconds = Math.max(0, (nowMs - Date.parse(speaker.since)) / 1000);
  const limit = meeting.floor.limitSeconds;
  const over = Boolean(limit && seconds > limit);
  line.dataset.over = String(over);
  line.textContent = (limit
    ? t('room.floor.speakingLimit', { name: speaker.name, time: clock(seconds), limit: clock(limit) })
    : t('room.floor.speaking', { name: speaker.name, time: clock(seconds) })) + (over ? ` — ${t('room.floor.over')}` : '');
}

/** ctx: { meeting, canRun, myMemberId, nowMs, raise(memberId), lower(memberId), give(memberId) }. */
export function renderFloor(ctx) {
  const { meeting, canRun, myMemberId } = ctx;
  const live = meeting.status === 'inProgress';
  renderSpeaker(meeting, ctx.nowMs);
  const queue = meeting.floor.queue;
  replaceChildren(document.querySelector('[data-testid="speaking-queue"]'), queue.length === 0
    ? [h('li', { class: 'empty' }, t('room.floor.empty'))]
    : queue.map((hand) => h('li', { 'data-testid': 'queued-speaker', 'data-member-id': hand.memberId },
      h('span', {}, hand.name, hand.memberId === myMemberId ? ` ${t('room.you')}` : '', hand.addedByChair ? ` ${t('room.floor.inRoom')}` : ''),
      canRun && live ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `give-${hand.memberId}`,
        onclick: () => ctx.give(hand.memberId) }, t('room.floor.give')) : null,
      canRun && live ? h('button', { type: 'button', class: 'button button--quiet', 'data-key': `remove-hand-${hand.memberId}`,
        'aria-label': `${t('room.floor.remove')} : ${hand.name}`, onclick: () => ctx.lower(hand.memberId) }, t('room.floor.remove')) : null)));

  const self = document.querySelector('[data-self-floor]');
  self.hidden = !(myMemberId && live);
  const position = queue.findIndex((hand) => hand.memberId === myMemberId);
  self.querySelector('[data-testid="raise-hand"]').hidden = position >= 0;
  self.querySelector('[data-testid="lower-hand"]').hidden = position < 0;
  self.querySelector('[data-testid="floor-position"]').textContent = position >= 0 ? t('room.floor.waiting', { position: position + 1 }) : '';

  const chair = document.querySelector('[data-chair-floor]');
  chair.hidden = !(canRun && live);
  if (!chair.hidden) {
    chair.querySelector('[data-testid="next-speaker"]').disabled = queue.length === 0;
    chair.querySelector('[data-testid="end-speaker"]').disabled = !meeting.floor.speaker;
    const select = chair.querySelector('select[name="memberId"]');
    const previous = select.value;
    select.replaceChildren(h('option', { value: '' }, t('room.motion.choose')),
      ...meeting.members.filter((m) => !queue.some((hand) => hand.memberId === m.id)).map((m) => h('option', { value: m.id }, m.name)));
    if ([...select.options].some((o) => o.value === previous)) select.value = previous;
    const limit = chair.querySelector('input[name="minutes"]');
    if (document.activeElement !== limit) limit.value = meeting.floor.limitSeconds ? String(Math.round(meeting.floor.limitSeconds / 60)) : '';
  }
}
