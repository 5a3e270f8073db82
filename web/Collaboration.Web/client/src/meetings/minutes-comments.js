// Comments and corrections on circulated minutes, under each item of the procès-verbal: the item's comments with what
// the chair decided (an accepted correction shows the text it replaced), the chair's accept/decline buttons, and the
// member's form. Nothing to comment on a draft; adopted minutes are locked.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import { norm } from './model.js';
import { formatDateTime, h } from './dom.js';

/**
 * The block for one agenda item. `ctx`: { meetingId, minutesStatus, comments, canDecide, memberId, act, reload, say }.
 * `entry`: the minutes' item ({ item, decisions }).
 */
export function commentsBlock(entry, index, ctx) {
  const mine = ctx.comments.filter((c) => c.agendaItemId === entry.item.id);
  const circulated = ctx.minutesStatus === 'circulated';
  const list = mine.length ? h('ul', { class: 'minutes-comments' }, mine.map((c) => commentLine(c, entry, ctx, circulated))) : null;
  const form = circulated && ctx.memberId ? commentForm(entry, index, ctx) : null;
  return list || form ? h('div', { class: 'minutes-comments-block no-print' }, list, form) : null;
}

function commentLine(c, entry, ctx, circulated) {
  const status = norm(c.status);
  const kind = norm(c.kind);
  const target = c.decisionId ? t('minutes.comments.onDecision') : kind === 'correction' ? t('minutes.comments.onNotes') : '';
  const decided = status === 'open' ? t('minutes.comments.open')
    : t(`minutes.comments.${status}`, { name: c.decidedBy ?? '', date: formatDateTime(c.decidedAt, getLang()) });
  return h('li', { 'data-testid': 'minutes-comment', 'data-status': status },
    h('p', {}, h('strong', {}, `${c.authorName} — ${t(`minutes.comments.kind.${kind}`)}${target ? ` (${target})` : ''} : `), c.text),
    h('p', { class: 'minutes-comment__status', 'data-testid': 'minutes-comment-status' }, decided),
    status === 'accepted' && kind === 'correction'
      ? h('p', { class: 'minutes-comment__previous', 'data-testid': 'minutes-comment-previous' }, t('minutes.comments.previous', { text: c.previousText ?? '' })) : null,
    circulated && ctx.canDecide && status === 'open' ? h('p', { class: 'room__actions' },
      h('button', { type: 'button', class: 'button button--primary', 'data-testid': 'accept-comment', 'data-key': `accept-${c.id}`,
        onclick: () => decide(c, true, ctx) }, t('minutes.comments.accept')),
      h('button', { type: 'button', class: 'button', 'data-testid': 'decline-comment', 'data-key': `decline-${c.id}`,
        onclick: () => decide(c, false, ctx) }, t('minutes.comments.decline'))) : null);
}

async function decide(c, accept, ctx) {
  const done = await ctx.act(() => api.put(`/api/meetings/${ctx.meetingId}/minutes/comments/${c.id}`, { accept, expectedVersion: c.version }));
  if (done) ctx.say(() => t(accept ? 'minutes.comments.acceptedSaid' : 'minutes.comments.declinedSaid'));
  await ctx.reload();
}

function commentForm(entry, index, ctx) {
  const kindId = `comment-kind-${index}`;
  const textId = `comment-text-${index}`;
  const decisions = entry.decisions.filter((d) => !d.motionId); // a vote's resolution says what was voted
  const form = h('form', { class: 'form', 'data-testid': 'comment-form' },
    h('div', { class: 'field' }, h('label', { for: kindId }, t('minutes.comments.kindLabel', { item: entry.item.title })),
      h('select', { id: kindId, name: 'kind' },
        h('option', { value: 'comment' }, t('minutes.comments.kind.comment')),
        h('option', { value: 'correction' }, t('minutes.comments.correctNotes')),
        decisions.map((d) => h('option', { value: `decision:${d.id}` }, t('minutes.comments.correctDecision', { text: d.text.slice(0, 60) }))))),
    h('div', { class: 'field' }, h('label', { for: textId }, t('minutes.comments.text')),
      h('textarea', { id: textId, name: 'text', rows: 3, required: true, maxlength: 2000 })),
    h('button', { type: 'submit', class: 'button button--primary' }, t('minutes.comments.send')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const d = Object.fromEntries(new FormData(form));
    const decisionId = d.kind.startsWith('decision:') ? d.kind.slice('decision:'.length) : null;
    const sent = await ctx.act(() => api.post(`/api/meetings/${ctx.meetingId}/minutes/comments`, {
      agendaItemId: entry.item.id, decisionId, kind: decisionId ? 'correction' : d.kind, text: d.text,
    }));
    if (!sent) return;
    form.reset(); // sent: a live refresh meanwhile must not put the text back
    ctx.say(() => t('minutes.comments.sent'));
    await ctx.reload();
  });
  return form;
}
