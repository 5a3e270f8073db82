// Motions and votes in the meeting room. The chair opens a motion (proposer and seconder among the members marked
// present or remote), counts hands in the room, closes or withdraws it; each member votes from their own device
// and sees their choice, and may change it until the vote closes. Totals show live where the chair allows it.
import { t, getLang } from '../i18n.js';
import { h, replaceChildren } from './dom.js';

const CHOICES = ['for', 'against', 'abstain'];
const here = (meeting, memberId) => meeting.attendance.some((a) => a.memberId === memberId && (a.status === 'present' || a.status === 'remote'));

/** The wording of a closed motion in the page's language ("Sur proposition de…" / "On a motion by…"). */
export const wording = (motion) => (getLang() === 'en' ? motion.wordingEn : motion.wordingFr);

function tallyText(motion) {
  const tally = motion.tally;
  if (!tally) return t('room.motion.received', { ballots: motion.ballotCount ?? 0 });
  const hands = tally.hands ? tally.hands.for + tally.hands.against + tally.hands.abstain : 0;
  return `${t('room.motion.tally', { for: tally.for, against: tally.against, abstain: tally.abstain })} (${t('room.motion.tallyDetail', { ballots: tally.ballots, hands })})`;
}

/**
 * Renders the motions panel. ctx: { meeting, canRun, myMemberId, myBallots, vote(motion, choice), countHands(motion, form),
 * closeMotion(motion), withdraw(motion) }.
 */
export function renderMotions(ctx) {
  const { meeting } = ctx;
  const open = meeting.motions.find((m) => m.status === 'open');
  const host = document.querySelector('[data-testid="motion-current"]');
  replaceChildren(host, open ? openMotion(ctx, open) : null);
  const form = document.querySelector('[data-motion-form]');
  form.hidden = !(ctx.canRun && meeting.status === 'inProgress' && !open);
  if (!form.hidden) {
    const present = meeting.members.filter((m) => here(meeting, m.id)).map((m) => [m.id, m.name]);
    fillMembers(form.querySelector('[name="proposerId"]'), present);
    fillMembers(form.querySelector('[name="seconderId"]'), present);
  }
  const past = meeting.motions.filter((m) => m.status !== 'open').slice().reverse();
  replaceChildren(document.querySelector('[data-testid="motions"]'), past.length === 0 && !open
    ? [h('li', { class: 'empty' }, t('room.motion.none'))]
    : past.map((m) => h('li', { 'data-testid': 'motion-result', 'data-status': m.status },
      h('span', { class: `badge badge--${m.status}` }, t(`room.motion.status.${m.status}`)), ' ', wording(m))));
}

function openMotion(ctx, motion) {
  const { meeting, myMemberId } = ctx;
  const mine = ctx.myBallots[motion.id];
  const canVote = myMemberId && here(meeting, myMemberId);
  return h('article', { class: 'motion', 'data-testid': 'open-motion-card', 'aria-labelledby': `motion-${motion.id}` },
    h('h3', { id: `motion-${motion.id}` }, t('room.motion.current')),
    h('p', { class: 'motion__text', 'data-testid': 'motion-text' }, motion.text),
    h('p', { class: 'motion__meta' }, `${t('room.motion.by', { proposer: motion.proposerName, seconder: motion.seconderName })} · `
      + `${t(motion.kind === 'secret' ? 'room.motion.secret' : 'room.motion.openVote')} · `
      + t('room.motion.quorumAtOpen', { present: motion.presentAtOpen, required: motion.quorumRequired })),
    h('p', { class: 'motion__tally', 'data-testid': 'motion-tally', role: 'status', 'aria-live': 'polite' }, tallyText(motion)),
    myMemberId ? (canVote
      ? h('fieldset', { class: 'ballot' }, h('legend', {}, t('room.motion.voteGroup')),
        CHOICES.map((choice) => h('button', {
          type: 'button', class: `button${mine === choice ? ' button--primary' : ''}`, 'aria-pressed': String(mine === choice),
          'data-key': `ballot-${choice}`, 'data-testid': `vote-${choice}`, onclick: () => ctx.vote(motion, choice),
        }, t(`room.motion.${choice}`))))
      : h('p', { class: 'warning' }, t('room.motion.cannotVote'))) : null,
    myMemberId ? h('p', { 'data-testid': 'my-vote', role: 'status', 'aria-live': 'polite' },
      mine ? t('room.motion.yourVote', { choice: t(`room.motion.${mine}`) }) : t('room.motion.notVoted')) : null,
    ctx.canRun ? chairControls(ctx, motion) : null);
}

function chairControls(ctx, motion) {
  const hands = motion.tally?.hands ?? { for: 0, against: 0, abstain: 0 };
  const form = h('form', { class: 'form', 'data-testid': 'hands-form' },
    h('p', { class: 'field__hint' }, t('room.motion.hands')),
    h('div', { class: 'hands' }, CHOICES.map((choice) => {
      const inputId = `hands-${choice}`;
      return h('div', { class: 'field' }, h('label', { for: inputId }, t(`room.motion.${choice}`)),
        h('input', { id: inputId, name: choice, type: 'number', min: 0, step: 1, inputmode: 'numeric', value: hands[choice] ?? 0, 'data-key': inputId }));
    })),
    h('button', { type: 'submit', class: 'button', 'data-key': 'hands-save' }, t('room.motion.handsSave')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.countHands(motion, Object.fromEntries(CHOICES.map((c) => [c, Number(form.elements[c].value || 0)])));
  });
  return h('div', {},
    form,
    h('div', { class: 'motion__controls' },
      h('button', { type: 'button', class: 'button button--primary', 'data-testid': 'close-motion', 'data-key': 'close-motion', onclick: () => ctx.closeMotion(motion) }, t('room.motion.close')),
      h('button', { type: 'button', class: 'button button--quiet', 'data-testid': 'withdraw-motion', 'data-key': 'withdraw-motion', onclick: () => ctx.withdraw(motion) }, t('room.motion.withdraw'))));
}

function fillMembers(select, options) {
  const previous = select.value;
  select.replaceChildren(h('option', { value: '' }, t('room.motion.choose')), ...options.map(([value, label]) => h('option', { value }, label)));
  if (options.some(([v]) => v === previous)) select.value = previous;
}
