// The organiser's programme editor: sessions grouped by time slot (Québec time), each with its kind,
// room, FR/EN title, speakers and seat counts (taken / capacity / waitlisted, and per category), a CSV
// of an atelier's list; one form adds or edits a session, with speaker rows to add and remove.
// The list follows the live topic, so another organiser's edit shows at once.
import { api, ApiError } from '../api.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { el } from '../dom.js';
import { CATEGORIES, categoryLabel } from './common.js';
import { formatLongDate, formatTime, parseDateTimeInput, toDateTimeInput } from '../zoned-time.js';
import { readDateTime, showFailure, showProblem } from './organiser-form.js';
import { anHourAfter, nextFreeStart, timeSlots } from './programme-times.js';

const $ = (selector) => document.querySelector(selector);
const KINDS = ['plenary', 'panel', 'atelier'];

export const kindLabel = (kind) => t(`colloque.org.kind.${KINDS.includes(kind) ? kind : 'plenary'}`);
export const titleOf = (session) => (getLang() === 'en' ? session.titleEn : session.titleFr);

export function setupProgramme(id, store) {
  const form = $('[data-testid=session-form]');
  const errorRegion = form.querySelector('[data-session-error]');
  const result = $('[data-testid=session-result]');
  const list = $('[data-testid=session-list]');
  const addButton = $('[data-testid=session-new]');
  const speakers = form.querySelector('[data-testid=speaker-rows]');
  let editing = null; // null: closed; '': a new session; else the id of the session being edited
  let opener = null; // the session whose "edit" opened the form (null: "add a session"), where focus goes back

  // ---- the form ----

  function speakerRow(speaker = { name: '', organisation: '' }) {
    const name = el('input', { type: 'text', maxlength: '150', 'data-speaker': 'name', autocomplete: 'off' });
    const organisation = el('input', { type: 'text', maxlength: '150', 'data-speaker': 'organisation', autocomplete: 'off' });
    name.value = speaker.name;
    organisation.value = speaker.organisation;
    const remove = el('button', { type: 'button', class: 'button button--quiet', 'data-testid': 'speaker-remove' });
    const row = el('li', { class: 'speaker-row', 'data-testid': 'speaker-row' },
      el('div', { class: 'field' }, el('label', { 'data-part': 'name' }), name, el('p', { class: 'field-error', 'data-part': 'name-error' })),
      el('div', { class: 'field' }, el('label', { 'data-part': 'organisation' }), organisation, el('p', { class: 'field-error', 'data-part': 'organisation-error' })),
      remove);
    remove.addEventListener('click', () => {
      const rows = [...speakers.children];
      const index = rows.indexOf(row);
      row.remove();
      numberSpeakers();
      // Focus the row that took its place, else the previous one, else "add a speaker".
      const next = speakers.children[Math.min(index, speakers.children.length - 1)];
      (next?.querySelector('input') ?? form.querySelector('[data-testid=speaker-add]')).focus();
      result.textContent = t('colloque.org.prog.speakerRemoved');
    });
    return row;
  }

  /** Labels and error targets follow the rows' order: speakers[i].name is the API's name for the row's errors. */
  function numberSpeakers() {
    [...speakers.children].forEach((row, i) => {
      const n = i + 1;
      for (const part of ['name', 'organisation']) {
        const input = row.querySelector(`[data-speaker=${part}]`);
        input.id = `s-speaker-${i}-${part}`;
        const error = row.querySelector(`[data-part=${part}-error]`);
        error.id = `s-speaker-${i}-${part}-error`;
        error.dataset.errorFor = `speakers[${i}].${part}`;
        input.setAttribute('aria-describedby', error.id);
        const label = row.querySelector(`label[data-part=${part}]`);
        label.htmlFor = input.id;
        label.textContent = t(`colloque.org.prog.speaker.${part}`, { n });
      }
      row.querySelector('[data-testid=speaker-remove]').textContent = t('colloque.org.prog.removeSpeaker', { n });
    });
  }

  form.querySelector('[data-testid=speaker-add]').addEventListener('click', () => {
    const row = speakerRow();
    speakers.append(row);
    numberSpeakers();
    row.querySelector('input').focus();
  });

  function showCapacity() {
    form.querySelector('[data-capacity-field]').hidden = form.elements.kind.value !== 'atelier';
  }
  form.elements.kind.addEventListener('change', showCapacity);

  /** After the last session, else 09:00 on the colloque's day. */
  function defaultStart() {
    const after = nextFreeStart(store.state.view?.sessions ?? []);
    if (after) return toDateTimeInput(after);
    const date = store.state.view?.date;
    return date ? `${date} 09:00` : '';
  }

  // A new session's end follows its start (an hour later) until the organiser types an end of their own.
  let endFollowsStart = false;
  function followStart() {
    if (!endFollowsStart) return;
    try {
      const start = parseDateTimeInput(form.elements.startsAt.value);
      if (start) form.elements.endsAt.value = toDateTimeInput(anHourAfter(start));
    } catch {
      // not a whole date and time yet; the format error is shown on submit
    }
  }
  form.elements.startsAt.addEventListener('input', followStart);
  form.elements.endsAt.addEventListener('input', () => { endFollowsStart = false; });

  function openForm(session) {
    editing = session?.sessionId ?? '';
    opener = session?.sessionId ?? null;
    showProblem(form, errorRegion, null);
    result.textContent = '';
    const f = form.elements;
    f.kind.value = session?.kind ?? 'atelier';
    f.room.value = session?.room ?? '';
    f.startsAt.value = session ? toDateTimeInput(session.startsAt) : defaultStart();
    f.endsAt.value = session ? toDateTimeInput(session.endsAt) : '';
    endFollowsStart = !session;
    followStart();
    f.capacity.value = session?.capacity ?? '';
    f.titleFr.value = session?.titleFr ?? '';
    f.titleEn.value = session?.titleEn ?? '';
    f.descriptionFr.value = session?.descriptionFr ?? '';
    f.descriptionEn.value = session?.descriptionEn ?? '';
    speakers.replaceChildren(...(session?.speakers ?? []).map((s) => speakerRow(s)));
    numberSpeakers();
    showCapacity();
    headings();
    form.hidden = false;
    form.querySelector('#session-form-heading').focus();
  }

  function headings() {
    const session = editing ? store.state.view?.sessions.find((s) => s.sessionId === editing) : null;
    form.querySelector('#session-form-heading').textContent = editing
      ? t('colloque.org.prog.editHeading', { title: session ? titleOf(session) : '' }) : t('colloque.org.prog.newHeading');
    form.querySelector('[data-testid=session-save]').textContent = t(editing ? 'colloque.org.prog.save' : 'colloque.org.prog.create');
  }

  /** The opener's button, looked up now: a live re-render may have replaced the one that was clicked. */
  function openerButton() {
    return (opener && list.querySelector(`[data-session-id="${opener}"] [data-testid=session-edit]`)) || addButton;
  }

  function closeForm(focus) {
    editing = null;
    form.hidden = true;
    focus?.focus();
  }

  addButton.addEventListener('click', () => openForm(null));
  form.querySelector('[data-testid=session-cancel]').addEventListener('click', () => closeForm(openerButton()));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeForm(openerButton());
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showProblem(form, errorRegion, null);
    const f = form.elements;
    let startsAt;
    let endsAt;
    try {
      startsAt = readDateTime(form, 'startsAt');
      endsAt = readDateTime(form, 'endsAt');
    } catch {
      return;
    }
    const kind = f.kind.value;
    const body = {
      kind, room: f.room.value, startsAt, endsAt,
      capacity: kind === 'atelier' && f.capacity.value.trim() !== '' ? Number(f.capacity.value) : null,
      titleFr: f.titleFr.value, titleEn: f.titleEn.value, descriptionFr: f.descriptionFr.value, descriptionEn: f.descriptionEn.value,
      speakers: [...speakers.children].map((row) => ({
        name: row.querySelector('[data-speaker=name]').value, organisation: row.querySelector('[data-speaker=organisation]').value,
      })),
    };
    // A row left empty is no speaker; dropping it would shift the rows' error names, so drop only trailing blanks.
    while (body.speakers.length && !body.speakers.at(-1).name.trim() && !body.speakers.at(-1).organisation.trim()) body.speakers.pop();
    const wasEditing = editing;
    try {
      let sessionId = wasEditing;
      if (wasEditing) await api.put(`/api/colloques/${id}/sessions/${wasEditing}`, body);
      else sessionId = (await api.post(`/api/colloques/${id}/sessions`, body)).sessionId;
      closeForm(null);
      await store.reload();
      result.textContent = t(wasEditing ? 'colloque.org.prog.saved' : 'colloque.org.prog.created', { title: body.titleFr.trim() });
      list.querySelector(`[data-session-id="${sessionId}"] [data-testid=session-edit]`)?.focus();
    } catch (error) {
      showFailure(form, errorRegion, error);
    }
  });

  // ---- the list ----

  function sessionCard(session, stats) {
    const headingId = `session-${session.sessionId}`;
    const seats = stats ?? session.seats;
    const atelier = session.kind === 'atelier';
    const edit = el('button', { type: 'button', class: 'button', 'data-testid': 'session-edit',
      'aria-describedby': headingId, text: t('colloque.org.prog.edit') });
    edit.addEventListener('click', () => openForm(store.state.view.sessions.find((s) => s.sessionId === session.sessionId) ?? session));
    const remove = el('button', { type: 'button', class: 'button button--danger', 'data-testid': 'session-delete',
      'aria-describedby': headingId, text: t('colloque.org.prog.delete') });
    remove.addEventListener('click', async () => {
      if (!confirm(t('colloque.org.prog.deleteConfirm', { title: titleOf(session) }))) return;
      try {
        await api.delete(`/api/colloques/${id}/sessions/${session.sessionId}`);
        if (editing === session.sessionId) closeForm(null);
        await store.reload();
        result.textContent = t('colloque.org.prog.deleted', { title: titleOf(session) });
        addButton.focus();
      } catch (error) {
        result.textContent = error instanceof ApiError ? error.message : t('error.network');
      }
    });
    const counts = el('p', { class: 'session-card__counts', 'data-testid': 'session-counts',
      'data-taken': seats?.taken ?? 0, 'data-waitlisted': seats?.waitlisted ?? 0, 'data-capacity': session.capacity ?? '' },
    atelier ? seatsText(session, seats) : t('colloque.org.prog.noSeats'));
    const byCategory = stats && atelier && Object.keys(stats.byCategory).length
      ? el('p', { class: 'session-card__categories', 'data-testid': 'session-categories' },
        CATEGORIES.filter((c) => stats.byCategory[c]).map((c) => `${categoryLabel(c)} ${stats.byCategory[c]}`).join(' · '))
      : null;
    return el('article', { class: `session-card session-card--${session.kind}`, 'data-session-id': session.sessionId, 'data-testid': 'session-item', 'aria-labelledby': headingId },
      el('h5', { id: headingId, class: 'session-card__title', 'data-testid': 'session-title' }, titleOf(session)),
      el('p', { class: 'session-card__meta' },
        `${formatTime(session.startsAt)} – ${formatTime(session.endsAt)} · ${kindLabel(session.kind)} · ${t('colloque.org.prog.inRoom', { room: session.room })}`),
      el('p', { class: 'session-card__other', lang: getLang() === 'en' ? 'fr' : 'en' }, getLang() === 'en' ? session.titleFr : session.titleEn),
      session.speakers.length ? el('p', { class: 'session-card__speakers' },
        session.speakers.map((s) => (s.organisation ? `${s.name} (${s.organisation})` : s.name)).join(', ')) : null,
      counts,
      byCategory,
      el('div', { class: 'organiser-actions' }, edit, remove,
        atelier ? el('a', { class: 'button', 'data-testid': 'session-csv', href: `/api/colloques/${id}/sessions/${session.sessionId}/attendees.csv`,
          'aria-describedby': headingId, text: t('colloque.org.prog.csv') }) : null));
  }

  function seatsText(session, seats) {
    const taken = seats?.taken ?? 0;
    const waitlisted = seats?.waitlisted ?? 0;
    return session.capacity ? t('colloque.org.prog.seats', { taken, capacity: session.capacity, waitlisted })
      : t('colloque.org.prog.seatsNoLimit', { taken, waitlisted });
  }

  function render({ view, stats }) {
    const byId = new Map((stats?.sessions ?? []).map((s) => [s.sessionId, s]));
    const focused = document.activeElement;
    const focusKey = list.contains(focused) ? [focused.closest('[data-session-id]')?.dataset.sessionId, focused.dataset.testid] : null;
    const slots = timeSlots(view.sessions);
    list.replaceChildren(...(slots.length ? slots.map((slot) => el('div', { class: 'session-slot' },
    el('h4', { class: 'session-slot__time', 'data-testid': 'slot-heading' },
      `${formatLongDate(slot.startsAt.toISOString())} · ${formatTime(slot.startsAt.toISOString())} – ${formatTime(slot.endsAt.toISOString())}`),
    el('div', { class: 'session-slot__sessions' }, ...slot.sessions.map((s) => sessionCard(s, byId.get(s.sessionId))))))
      : [el('p', { text: t('colloque.org.prog.empty') })]));
    // A live re-render keeps the keyboard where it was.
    if (focusKey?.[0]) list.querySelector(`[data-session-id="${focusKey[0]}"] [data-testid="${focusKey[1]}"]`)?.focus();
    form.querySelector('[data-room-options]').replaceChildren(...[...new Set(view.sessions.map((s) => s.room))].sort().map((room) => el('option', { value: room })));
    if (editing && !view.sessions.some((s) => s.sessionId === editing)) {
      errorRegion.textContent = t('colloque.org.prog.goneWhileEditing');
      editing = '';
    }
    if (editing !== null) headings();
  }

  store.subscribe(render);
  onLangChange(() => {
    numberSpeakers();
    if (editing !== null) headings();
    if (store.state.view) render(store.state);
  });
}
