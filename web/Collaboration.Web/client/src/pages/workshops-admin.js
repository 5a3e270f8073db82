// Organiser view: sessions with counts, the registrant list live (topic workshop-admin:{id}),
// attendance on the day, capacity and status, CSV export, the session's emails (sent, pending, failed; resend).
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { addMessages, onLangChange, t } from '../i18n.js';
import { connectLive } from '../live.js';
import { createOutbox } from '../mail/outbox.js';
import { el } from '../dom.js';
import { renderAvailability, title, when } from '../workshops.js';
import { InputFormatError, parseDateTimeInput } from '../zoned-time.js';
import evaluationMessages from '../../../Messages/evaluations.json' with { type: 'json' };

addMessages(evaluationMessages);

const picker = document.querySelector('[data-testid="session-picker"]');
const detail = document.querySelector('[data-testid="admin-detail"]');
const placeholder = document.querySelector('[data-testid="admin-placeholder"]');
const tbody = document.querySelector('[data-testid="registrants"] tbody');
const updateForm = document.querySelector('[data-testid="update-form"]');
const adminError = document.querySelector('[data-testid="admin-error"]');
const createForm = document.querySelector('[data-testid="create-form"]');
const createError = document.querySelector('[data-testid="create-error"]');
const outbox = createOutbox(document.querySelector('[data-outbox]'));

let sessions = [];
let current = null; // { summary, registrants: Map(code → registrant), subscription }

function renderPicker() {
  picker.replaceChildren(...sessions.map((s) => {
    const badge = el('span', { class: 'availability' });
    renderAvailability(badge, s);
    const button = el('button', { type: 'button', 'aria-pressed': String(current?.summary.id === s.id), 'data-session-id': s.id },
      el('strong', { text: title(s) }), el('br'), el('span', { text: when(s) }), el('br'),
      el('span', { text: `${s.confirmedSeats}/${s.capacity} · ${t('ws.admin.waitlisted')} ${s.waitlisted}` }), el('br'), badge);
    button.addEventListener('click', () => select(s.id));
    return el('li', {}, button);
  }));
}

function renderDetail() {
  if (!current) return;
  const s = current.summary;
  detail.querySelector('[data-field="title"]').textContent = title(s);
  detail.querySelector('[data-field="when"]').textContent = when(s);
  for (const key of ['confirmedSeats', 'seatsLeft', 'waitlisted']) {
    detail.querySelector(`[data-count="${key}"]`).textContent = String(s[key]);
  }
  detail.querySelector('[data-testid="csv-link"]').href = `/api/workshops/${encodeURIComponent(s.id)}/registrations.csv`;
  const rows = [...current.registrants.values()].sort((a, b) => a.sequence - b.sequence);
  let position = 0;
  tbody.replaceChildren(...rows.map((r) => {
    if (r.status === 'waitlisted') position += 1;
    const statusText = r.status === 'waitlisted' ? t('ws.reg.waitlisted', { position }) : t(`ws.reg.${r.status}`);
    const attendance = el('td');
    if (r.status === 'confirmed') {
      const box = el('input', { type: 'checkbox', 'aria-label': `${t('ws.present')} — ${r.organisation}` });
      box.checked = r.attended === true;
      box.addEventListener('change', () => markAttendance(r.code, box.checked, box));
      attendance.append(el('label', { class: 'checkbox' }, box, el('span', { text: t('ws.present') })));
    }
    const code = r.code.length === 8 ? `${r.code.slice(0, 4)}-${r.code.slice(4)}` : r.code;
    // The person, their address and phone in one cell: the table fits its column on a laptop, status and attendance in sight.
    const contact = el('td', { class: 'registrants__contact' }, el('span', { text: r.contactName }),
      el('a', { text: r.email, href: `mailto:${r.email}` }), ...(r.phone ? [el('span', { text: r.phone })] : []));
    return el('tr', { 'data-code': r.code, 'data-status': r.status },
      el('td', { text: code }), el('td', { text: r.organisation }), contact, el('td', { text: r.seats }),
      el('td', { text: r.sector }), el('td', { text: statusText }), attendance);
  }));
}

function applyEvent(envelope) {
  const d = envelope.data;
  if (!current || !d) return;
  if (d.counts) {
    Object.assign(current.summary, d.counts);
    const listed = sessions.find((s) => s.id === current.summary.id);
    if (listed) Object.assign(listed, d.counts);
  }
  const registrant = (code) => current.registrants.get(code);
  switch (envelope.type) {
    case 'RegistrationReceived': current.registrants.set(d.registrant.code, d.registrant); break;
    case 'RegistrationCancelled': if (registrant(d.code)) registrant(d.code).status = 'cancelled'; break;
    case 'RegistrationSeatsChanged': if (registrant(d.code)) registrant(d.code).seats = d.seats; break;
    case 'WaitlistPromoted': for (const code of d.codes) if (registrant(code)) registrant(code).status = 'confirmed'; break;
    case 'AttendanceMarked': if (registrant(d.code)) registrant(d.code).attended = d.attended; break;
    default: break;
  }
  renderDetail();
  renderPicker();
}

async function select(id) {
  current?.subscription.unsubscribe();
  const summary = sessions.find((s) => s.id === id);
  current = { summary: { ...summary }, registrants: new Map(), subscription: null };
  document.querySelector('[data-testid="evaluation-link"]').href = `/evaluations/admin?event=workshop:${id.replaceAll('-', '')}`;
  placeholder.hidden = true;
  detail.hidden = false;
  adminError.textContent = '';
  updateForm.elements.namedItem('capacity').value = String(summary.capacity);
  updateForm.elements.namedItem('status').value = summary.status;
  renderPicker();
  renderDetail();
  const selected = current;
  selected.subscription = connectLive().subscribe(`workshop-admin:${id}`, applyEvent, {
    onSnapshot: (snapshot) => {
      if (current !== selected || snapshot.missing) return;
      Object.assign(selected.summary, snapshot.workshop);
      selected.registrants = new Map(snapshot.registrants.map((r) => [r.code, r]));
      renderDetail();
    },
    onError: (error) => { adminError.textContent = error.message; },
  });
  outbox.show(`/api/workshops/${encodeURIComponent(id)}`);
}

async function markAttendance(code, attended, box) {
  try {
    await api.post(`/api/workshops/${encodeURIComponent(current.summary.id)}/registrants/${encodeURIComponent(code)}/attendance`, { attended });
  } catch (error) {
    box.checked = !attended;
    adminError.textContent = error instanceof ApiError ? error.message : t('error.network');
  }
}

updateForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  adminError.textContent = '';
  try {
    const updated = await api.patch(`/api/workshops/${encodeURIComponent(current.summary.id)}`, {
      capacity: Number(updateForm.elements.namedItem('capacity').value),
      status: updateForm.elements.namedItem('status').value,
    });
    Object.assign(current.summary, updated);
    renderDetail();
    outbox.refresh(); // a cancelled session emails every registrant
  } catch (error) {
    adminError.textContent = error instanceof ApiError ? error.message : t('error.network');
  }
});

createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  createError.textContent = '';
  const value = (name) => createForm.elements.namedItem(name).value;
  try {
    const date = (name) => parseDateTimeInput(value(name));
    const created = await api.post('/api/workshops', {
      titleFr: value('titleFr'), titleEn: value('titleEn'), descriptionFr: value('descriptionFr'), descriptionEn: value('descriptionEn'),
      startsAt: date('startsAt'), endsAt: date('endsAt'), place: value('place') || null, onlineLink: value('onlineLink') || null,
      capacity: Number(value('capacity')),
    });
    createForm.reset();
    sessions.push(created);
    sessions.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    await select(created.id);
  } catch (error) {
    if (error instanceof ApiError && error.problem?.errors) {
      createError.textContent = Object.values(error.problem.errors).map((m) => m[document.documentElement.lang] ?? m.fr).join(' ');
    } else {
      createError.textContent = error instanceof ApiError || error instanceof InputFormatError ? error.message : t('error.network');
    }
  }
});

onLangChange(() => { renderPicker(); renderDetail(); });

async function load() {
  if (!(await requireUser())) return;
  sessions = await api.get('/api/workshops?all=true');
  renderPicker();
}

load();
