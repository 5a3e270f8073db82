// The organiser's colloque page: create a colloque, the registration settings, the programme editor and
// the room screens (../colloque/organiser-*.js), the attendee list (sorted, filtered, counted, live),
// import the list (preview, then slices with a progress bar), desks and their pairing codes, one
// attendee's badge, data export and erasure, and the colloque's emails (../mail/outbox.js).
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { el } from '../dom.js';
import { CATEGORIES, categoryLabel, fillCategories, formatTime } from '../colloque/common.js';
import { followArrivals } from '../colloque/arrivals.js';
import { MRCS, attendeeCounts, visibleAttendees } from '../colloque/attendee-list.js';
import { formatCalendarDate, InputFormatError, parseDateInput } from '../zoned-time.js';
import { watchProgramme } from '../colloque/organiser-store.js';
import { setupRegistration } from '../colloque/organiser-registration.js';
import { setupProgramme } from '../colloque/organiser-programme.js';
import { setupRooms } from '../colloque/organiser-rooms.js';
import { createOutbox } from '../mail/outbox.js';

const SLICE = 250;
const id = new URLSearchParams(location.search).get('id');

start();

async function start() {
  await requireUser();
  if (id) {
    createOutbox(document.querySelector('[data-outbox]')).show(`/api/colloques/${encodeURIComponent(id)}`, { paged: true }); // the colloque's emails
    await showColloque();
  } else {
    await showList();
  }
}

function message(error) {
  return error instanceof ApiError || error instanceof InputFormatError ? error.message : t('error.network');
}

async function showList() {
  const list = document.querySelector('[data-testid=colloque-list]');
  const colloques = await api.get('/api/colloques');
  list.replaceChildren(...colloques.map((c) => el('li', {}, el('a', { href: `/colloque.html?id=${c.id}`, text: `${c.title} — ${formatCalendarDate(c.date)} — ${c.venue}` }))));
  const form = document.querySelector('[data-testid=create-colloque]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const fields = Object.fromEntries(new FormData(form));
      const created = await api.post('/api/colloques', { ...fields, date: parseDateInput(fields.date) });
      location.assign(`/colloque.html?id=${created.id}`);
    } catch (error) {
      form.querySelector('[data-create-error]').textContent = message(error);
    }
  });
}

async function showColloque() {
  document.querySelector('[data-list-section]').hidden = true;
  document.querySelector('[data-colloque-section]').hidden = false;
  const colloque = await api.get(`/api/colloques/${id}`);
  document.querySelector('[data-colloque-title]').textContent = `${colloque.title} — ${formatCalendarDate(colloque.date)} — ${colloque.venue}`;
  document.querySelector('[data-dashboard-link]').href = `/colloque-dashboard.html?id=${id}`;
  document.querySelector('[data-csv-link]').href = `/api/colloques/${id}/attendance.csv`;
  document.querySelector('[data-badges-link]').href = `/colloque-badge.html?colloque=${id}`;
  document.querySelector('[data-own-desk-link]').href = `/colloque-desk.html?colloque=${id}`;
  const programme = watchProgramme(id);
  setupRegistration(id, programme);
  setupProgramme(id, programme);
  setupRooms(id, programme);
  setupAttendees(colloque.desks);
  renderDesks(colloque.desks, {});
  setupImport();
  setupDesks(colloque.desks);
  setupPeople();
}

// ---- import ---------------------------------------------------------------------------------------

async function postFile(path, file) {
  const response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF': '1', 'Content-Type': 'text/csv' }, body: file });
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response.json();
}

function setupImport() {
  const input = document.querySelector('[data-testid=import-file]');
  const preview = document.querySelector('[data-testid=import-preview]');
  const apply = document.querySelector('[data-testid=import-apply]');
  const progress = document.querySelector('[data-testid=import-progress]');
  const result = document.querySelector('[data-import-result]');
  let file = null;
  let total = 0;
  input.addEventListener('change', async () => {
    file = input.files?.[0] ?? null;
    apply.hidden = true;
    result.textContent = '';
    preview.replaceChildren();
    if (!file) {
      return;
    }
    try {
      const p = await postFile(`/api/colloques/${id}/registrations/import?mode=preview`, file);
      total = p.total;
      preview.append(el('p', { text: t('colloque.admin.preview', { total: p.total, valid: p.valid, errors: p.errors.length, encoding: p.encoding, delimiter: p.delimiter }) }));
      preview.append(el('ul', { class: 'import-errors', 'data-testid': 'import-errors' }, ...p.errors.map((e) =>
        el('li', { 'data-line': e.line, text: t('colloque.admin.line', { line: e.line, message: e.messages.map((m) => m[getLang()]).join(' ') }) }))));
      apply.hidden = p.valid === 0;
    } catch (error) {
      preview.append(el('p', { class: 'form-error', text: message(error) }));
    }
  });
  apply.addEventListener('click', async () => {
    apply.disabled = true;
    progress.hidden = false;
    progress.max = Math.max(1, total);
    progress.value = 0;
    const sum = { created: 0, updated: 0, errors: 0 };
    try {
      for (let from = 0; from < total; from += SLICE) {
        const r = await postFile(`/api/colloques/${id}/registrations/import?mode=apply&from=${from}&count=${SLICE}`, file);
        sum.created += r.created;
        sum.updated += r.updated;
        sum.errors += r.errors.length;
        progress.value = r.processed;
      }
      result.textContent = t('colloque.admin.importDone', sum);
      await reloadAttendees();
    } catch (error) {
      result.textContent = message(error);
    } finally {
      apply.disabled = false;
    }
  });
}

// ---- desks ----------------------------------------------------------------------------------------

function renderDesks(desks, codes) {
  document.querySelector('[data-testid=desk-list]').replaceChildren(...desks.map((d) => {
    const again = el('button', { type: 'button', class: 'button', text: t('colloque.admin.newCode') });
    again.addEventListener('click', async () => {
      const issued = await api.post(`/api/colloques/${id}/desks/${d.deskId}/pairing-code`);
      codes[d.deskId] = issued;
      renderDesks(desks, codes);
    });
    const code = codes[d.deskId];
    const deskUrl = `${location.origin}/colloque-desk.html`;
    // The devices signed in as this desk, and the button that signs them all out at once.
    const devices = el('span', { class: 'desk-devices', 'data-testid': 'desk-devices' });
    const revoke = el('button', { type: 'button', class: 'button', 'data-testid': 'desk-revoke', text: t('colloque.admin.revokeDesk'), hidden: true });
    revoke.addEventListener('click', async () => {
      await api.post(`/api/colloques/${id}/desks/${d.deskId}/revoke`);
      renderDesks(desks, codes);
    });
    return el('li', { 'data-desk-id': d.deskId },
      el('strong', { text: d.name }),
      devices,
      revoke,
      code ? el('span', { class: 'pairing-code', 'data-testid': 'pairing-code', text: t('colloque.admin.pairingCode', { code: code.pairingCode, time: formatTime(code.expiresAt) }) }) : null,
      again,
      code ? el('p', { class: 'pairing-where' }, `${t('colloque.admin.pairingWhere')} `,
        el('a', { href: '/colloque-desk.html', 'data-testid': 'pairing-link', text: deskUrl })) : null);
  }));
  showDeskDevices();
}

async function showDeskDevices() {
  const active = await api.get(`/api/colloques/${id}/desks`);
  for (const desk of active) {
    const item = document.querySelector(`[data-desk-id="${desk.deskId}"]`);
    if (!item) continue;
    const count = desk.devices.length;
    item.querySelector('[data-testid=desk-devices]').textContent = count === 0
      ? t('colloque.admin.noDevice')
      : t('colloque.admin.devices', { count, time: formatTime(desk.devices[0].pairedAt) });
    item.querySelector('[data-testid=desk-revoke]').hidden = count === 0;
  }
}

function setupDesks(initial) {
  const desks = [...initial];
  const codes = {};
  const form = document.querySelector('[data-testid=create-desk]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api.post(`/api/colloques/${id}/desks`, Object.fromEntries(new FormData(form)));
      desks.push({ deskId: created.deskId, name: created.name });
      codes[created.deskId] = created;
      renderDesks(desks, codes);
      form.reset();
    } catch (error) {
      alert(message(error));
    }
  });
}

// ---- one person -----------------------------------------------------------------------------------

function fillMrcs(select) {
  const previous = select.value;
  select.replaceChildren(el('option', { value: '', text: mrcLabel(null) }), ...MRCS.map((m) => el('option', { value: m, text: mrcLabel(m) })));
  select.value = previous;
}

function setupPeople() {
  fillCategories(document.getElementById('a-cat'));
  fillMrcs(document.getElementById('a-mrc'));
  onLangChange(() => fillMrcs(document.getElementById('a-mrc')));
  const form = document.querySelector('[data-testid=add-attendee]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const r = await api.post(`/api/colloques/${id}/registrations`, Object.fromEntries(new FormData(form)));
      document.querySelector('[data-add-result]').textContent = t('colloque.admin.added', { code: r.code });
      form.reset();
      await reloadAttendees();
    } catch (error) {
      document.querySelector('[data-add-result]').textContent = message(error);
    }
  });
  const search = document.getElementById('people-search');
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => findPeople(search.value), 200);
  });
}

async function findPeople(query) {
  const list = document.querySelector('[data-testid=people-results]');
  if (!query.trim()) {
    list.replaceChildren();
    return;
  }
  const results = await api.get(`/api/colloques/${id}/search?q=${encodeURIComponent(query)}`);
  list.replaceChildren(...results.map((a) => {
    const erase = el('button', { type: 'button', class: 'button button--danger', text: t('colloque.admin.erase') });
    erase.addEventListener('click', async () => {
      if (!confirm(t('colloque.admin.eraseConfirm', { name: a.name }))) {
        return;
      }
      await api.delete(`/api/colloques/${id}/registrations/${a.code}`);
      erase.replaceWith(el('span', { text: t('colloque.admin.erased') }));
      await reloadAttendees();
    });
    let undo = null;
    if (a.checkedInAt) {
      undo = el('button', { type: 'button', class: 'button', text: t('colloque.admin.undo') });
      undo.addEventListener('click', async () => {
        try {
          await api.delete(`/api/colloques/${id}/checkins/${a.code}`);
          undo.replaceWith(el('span', { text: t('colloque.admin.undone') }));
        } catch (error) {
          undo.replaceWith(el('span', { class: 'form-error', text: message(error) }));
        }
      });
    }
    let cancelled = a.cancelled;
    const cancel = el('button', { type: 'button', class: 'button', text: t(cancelled ? 'colloque.admin.reinstate' : 'colloque.admin.cancel') });
    cancel.addEventListener('click', async () => {
      try {
        await api.post(`/api/colloques/${id}/registrations/${a.code}/cancel`, { cancelled: !cancelled });
        cancelled = !cancelled;
        cancel.textContent = t(cancelled ? 'colloque.admin.reinstate' : 'colloque.admin.cancel');
        await reloadAttendees();
      } catch (error) {
        cancel.replaceWith(el('span', { class: 'form-error', text: message(error) }));
      }
    });
    return el('li', { class: `result-item cat-${a.category}`, 'data-code': a.code },
      el('span', { class: 'result-item__name', text: `${a.name} (${a.code})` }),
      el('span', { class: 'result-item__meta', text: `${a.organisation} · ${categoryLabel(a.category)}${a.checkedInAt ? ` · ✓ ${formatTime(a.checkedInAt)}` : ''}` }),
      el('a', { class: 'button', href: `/colloque-badge.html?colloque=${id}&code=${a.code}`, text: t('colloque.admin.badge') }),
      el('a', { class: 'button', href: `/api/colloques/${id}/registrations/${a.code}`, download: `inscription-${a.code}.json`, text: t('colloque.admin.export') }),
      undo,
      cancel,
      erase);
  }));
}

// ---- the attendee list ----------------------------------------------------------------------------

const PAGE = 200;
const people = new Map(); // code → attendee (GET …/attendees), kept live by the colloque topic
const list = { sort: { key: 'name', descending: false }, limit: PAGE, desks: new Map() };

const mrcLabel = (mrc) => (mrc ? t(`colloque.attendees.mrc.${mrc}`) : t('colloque.attendees.noMrc'));

function setupAttendees(desks) {
  for (const d of desks) list.desks.set(d.deskId, d.name);
  const section = document.querySelector('[data-testid=attendees]');
  for (const control of section.querySelectorAll('input, select')) {
    control.addEventListener(control.tagName === 'INPUT' ? 'input' : 'change', () => {
      list.limit = PAGE;
      renderAttendees();
    });
  }
  for (const th of section.querySelectorAll('th[data-sort]')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.sort;
      list.sort = { key, descending: list.sort.key === key ? !list.sort.descending : key === 'arrival' };
      renderAttendees();
    });
  }
  section.querySelector('[data-testid=attendees-more]').addEventListener('click', () => {
    list.limit += PAGE;
    renderAttendees();
  });
  onLangChange(renderAttendees);
  reloadAttendees();
  followArrivals(connectLive(), id, {
    arrived: (data) => {
      const known = people.get(data.code);
      if (known) people.set(data.code, { ...known, checkedInAt: data.at, deskId: data.deskId });
      else reloadAttendees(); // a walk-in registered at a desk since the list was loaded
    },
    undone: (data) => {
      const known = people.get(data.code);
      if (known) people.set(data.code, { ...known, checkedInAt: null, deskId: null });
    },
    other: (type, data) => {
      if (type === 'DeskAdded') list.desks.set(data.deskId, data.name);
    },
    changed: renderAttendees,
    snapshot: reloadAttendees,
  });
}

async function reloadAttendees() {
  try {
    const { attendees } = await api.get(`/api/colloques/${id}/attendees`);
    people.clear();
    for (const a of attendees) people.set(a.code, a);
  } catch (error) {
    document.querySelector('[data-testid=attendee-counts]').textContent = message(error);
    return;
  }
  renderAttendees();
}

function fillFilter(select, options) {
  const previous = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value, text: label })));
  select.value = options.some(([v]) => v === previous) ? previous : '';
}

function renderAttendees() {
  const all = [...people.values()];
  const counts = attendeeCounts(all);
  const option = (label, c) => t('colloque.attendees.option', { label, arrived: c?.arrived ?? 0, registered: c?.registered ?? 0 });
  fillFilter(document.getElementById('att-category'), [['', t('colloque.attendees.all', { count: counts.registered })],
    ...CATEGORIES.map((c) => [c, option(categoryLabel(c), counts.byCategory[c])])]);
  fillFilter(document.getElementById('att-mrc'), [['', t('colloque.attendees.all', { count: counts.registered })],
    ...MRCS.map((m) => [m, option(mrcLabel(m), counts.byMrc[m])]), ['none', option(mrcLabel(null), counts.byMrc.none)]]);
  fillFilter(document.getElementById('att-arrival'), [['', t('colloque.attendees.arrivalAll', { count: counts.registered })],
    ['arrived', t('colloque.attendees.arrived', { count: counts.arrived })], ['waiting', t('colloque.attendees.waiting', { count: counts.waiting })],
    ['cancelled', t('colloque.attendees.cancelledFilter', { count: counts.cancelled })]]);

  const filters = {
    text: document.getElementById('att-text').value,
    category: document.getElementById('att-category').value,
    mrc: document.getElementById('att-mrc').value,
    arrival: document.getElementById('att-arrival').value,
  };
  const shown = visibleAttendees(all, filters, list.sort, { category: categoryLabel, mrc: mrcLabel });
  const countsLine = document.querySelector('[data-testid=attendee-counts]');
  countsLine.textContent = t('colloque.attendees.counts', { ...counts, shown: shown.length });
  Object.assign(countsLine.dataset, { registered: counts.registered, arrived: counts.arrived, waiting: counts.waiting, shown: shown.length });

  for (const th of document.querySelectorAll('[data-testid=attendees] th[data-sort]')) {
    const sorted = th.dataset.sort === list.sort.key;
    if (sorted) th.setAttribute('aria-sort', list.sort.descending ? 'descending' : 'ascending');
    else th.removeAttribute('aria-sort');
  }
  const deskName = (deskId) => (deskId === 'organiser' ? t('colloque.desk.organiserDesk') : list.desks.get(deskId) ?? '');
  const rows = shown.slice(0, list.limit).map((a) => el('tr', {
    class: `cat-${a.category}`, 'data-code': a.code, 'data-testid': 'attendee-row',
    'data-arrived': String(Boolean(a.checkedInAt)), 'data-cancelled': String(Boolean(a.cancelled)),
  },
  el('td', {}, el('span', { text: a.name }), el('span', { class: 'attendee__code', text: a.code })),
  el('td', { text: a.organisation }),
  el('td', { text: categoryLabel(a.category) }),
  el('td', { text: mrcLabel(a.mrc) }),
  el('td', { class: 'attendee__arrival', text: a.cancelled ? t('colloque.attendees.cancelled')
    : a.checkedInAt ? [formatTime(a.checkedInAt), deskName(a.deskId)].filter(Boolean).join(' · ') : t('colloque.attendees.notYet') }),
  el('td', {}, el('a', { href: `/colloque-badge.html?colloque=${id}&code=${a.code}` },
    t(a.badgePrinted ? 'colloque.attendees.printed' : 'colloque.attendees.notPrinted'),
    el('span', { class: 'visually-hidden', text: ` — ${a.name}` })))));
  document.querySelector('[data-testid=attendee-table] tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: '6', text: t('colloque.attendees.none') }))]));
  const more = document.querySelector('[data-testid=attendees-more]');
  more.closest('[data-attendees-more]').hidden = shown.length <= list.limit;
  more.textContent = t('colloque.attendees.more', { count: Math.min(PAGE, Math.max(0, shown.length - list.limit)) });
}
