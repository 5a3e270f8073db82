// The organiser's live dashboard: arrivals by category and desk, per 10 minutes (an SVG drawn here),
// the latest arrivals and who has not arrived yet. Follows colloque:{id} on the hub; no reload needed.
import { api, ApiError } from '../api.js';
import { requireUser } from '../auth.js';
import { connectLive } from '../live.js';
import { onLangChange, t } from '../i18n.js';
import { el } from '../dom.js';
import { CATEGORIES, categoryLabel, formatTime } from '../colloque/common.js';
import { arrivalItem, followArrivals } from '../colloque/arrivals.js';
import { fold } from '../colloque/fold.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const attendees = new Map(); // code → { code, name, organisation, category, checkedInAt, deskId }
let desks = []; // [{ deskId, name }]
let title = '';
let recent = [];

start();

async function start() {
  await requireUser();
  followArrivals(connectLive(), id, {
    arrived,
    undone,
    other: (type, data) => {
      if (type === 'DeskAdded') {
        // before the organisers' own "Organisation" desk, which the snapshot lists last
        const own = desks.filter((d) => d.deskId === 'organiser');
        desks = [...desks.filter((d) => d.deskId !== 'organiser' && d.deskId !== data.deskId), { deskId: data.deskId, name: data.name, count: 0 }, ...own];
      }
    },
    changed: render,
    snapshot: (snapshot) => {
      title = snapshot.title ?? '';
      desks = snapshot.byDesk ?? [];
      recent = snapshot.recent ?? [];
      loadAttendees();
    },
    onError: (error) => {
      document.querySelector('[data-error]').textContent = error?.message ?? String(error);
    },
  });
  document.getElementById('waiting-filter').addEventListener('input', render);
  onLangChange(render);
}

async function loadAttendees() {
  try {
    const { attendees: list } = await api.get(`/api/colloques/${id}/attendees`);
    for (const a of list) {
      const known = attendees.get(a.code);
      attendees.set(a.code, { ...a, checkedInAt: known?.checkedInAt ?? a.checkedInAt, deskId: known?.deskId ?? a.deskId });
    }
  } catch (error) {
    document.querySelector('[data-error]').textContent = error instanceof ApiError ? error.message : String(error);
  }
  render();
}

function arrived(data) {
  // Events carry no names (see AttendeeArrived): they come from the attendee list.
  const known = attendees.get(data.code);
  if (!known) {
    loadSoon(); // a walk-in registered since the list was loaded
  }
  attendees.set(data.code, { code: data.code, name: '', organisation: '', cancelled: false, ...known, category: data.category, checkedInAt: data.at, deskId: data.deskId });
  recent = [{ code: data.code, category: data.category, deskId: data.deskId, at: data.at },
    ...recent.filter((r) => r.code !== data.code)].slice(0, 30);
}

function undone(data) {
  const known = attendees.get(data.code);
  if (known) {
    attendees.set(data.code, { ...known, checkedInAt: null, deskId: null });
  }
  recent = recent.filter((r) => r.code !== data.code);
}

let loadTimer = null;

function loadSoon() {
  clearTimeout(loadTimer);
  loadTimer = setTimeout(loadAttendees, 500);
}

function render() {
  document.querySelector('[data-title]').textContent = title ? `${t('colloque.dashboard.heading')} — ${title}` : t('colloque.dashboard.heading');
  const all = [...attendees.values()];
  const arrived = all.filter((a) => a.checkedInAt);
  const total = document.querySelector('[data-testid=arrived-total]');
  total.dataset.arrived = String(arrived.length);
  total.textContent = t('colloque.dashboard.total', { arrived: arrived.length, registered: all.filter((a) => !a.cancelled).length });

  const byCategory = CATEGORIES.map((c) => ({ key: c, label: categoryLabel(c), count: arrived.filter((a) => a.category === c).length }));
  renderBars(document.querySelector('[data-testid=by-category]'), byCategory, (b) => `cat-${b.key}`);
  // Every arrival under one desk: a desk the list does not know yet (or none) counts with the organisers'.
  const known = new Set(desks.map((d) => d.deskId));
  const deskOf = (a) => (known.has(a.deskId) ? a.deskId : 'organiser');
  const byDesk = desks.map((d) => ({ key: d.deskId, label: deskLabel(d), count: arrived.filter((a) => deskOf(a) === d.deskId).length }));
  renderBars(document.querySelector('[data-testid=by-desk]'), byDesk, () => 'desk-bar');

  renderChart(arrived);

  const recentList = document.querySelector('[data-testid=recent-arrivals]');
  const deskNames = new Map(desks.map((d) => [d.deskId, deskLabel(d)]));
  recentList.replaceChildren(...(recent.length === 0 ? [el('li', { text: t('colloque.dashboard.noArrivals') })] : recent
    .map((r) => arrivalItem({
      ...r,
      name: attendees.get(r.code)?.name || r.name,
      organisation: attendees.get(r.code)?.organisation || r.organisation,
      deskName: deskNames.get(r.deskId),
    }))));

  const filter = fold(document.getElementById('waiting-filter').value);
  const waiting = all.filter((a) => !a.checkedInAt && !a.cancelled).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  document.querySelector('[data-testid=waiting-count]').textContent = String(waiting.length);
  document.querySelector('[data-testid=not-arrived]').replaceChildren(...waiting
    .filter((a) => !filter || fold(`${a.name} ${a.organisation}`).includes(filter))
    .slice(0, 300)
    .map((a) => el('li', { 'data-code': a.code, class: `cat-${a.category}` },
      el('span', { class: 'waiting__name', text: a.name }), ` — ${a.organisation} · ${categoryLabel(a.category)}`)));
}

function deskLabel(desk) {
  return desk.deskId === 'organiser' ? t('colloque.desk.organiserDesk') : desk.name;
}

function renderBars(list, bars, className) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  list.replaceChildren(...bars.map((b) => el('li', { class: 'bar', 'data-key': b.key, 'data-count': b.count },
    el('span', { class: 'bar__label', text: b.label }),
    el('span', { class: 'bar__track' }, svgBar(b.count / max, className(b))),
    el('span', { class: 'bar__count', text: String(b.count) }))));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  return node;
}

function svgBar(fraction, className) {
  const root = svg('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none', class: 'bar__svg', 'aria-hidden': 'true' });
  root.append(svg('rect', { x: 0, y: 0, width: Math.max(0.5, fraction * 100), height: 10, class: className }));
  return root;
}

/** Arrivals per 10 minutes, from the first to the last arrival, as an inline SVG bar chart. */
function renderChart(arrived) {
  const host = document.querySelector('[data-testid=chart]');
  const slot = 10 * 60 * 1000;
  const times = arrived.map((a) => Date.parse(a.checkedInAt)).filter((n) => !Number.isNaN(n));
  if (times.length === 0) {
    host.replaceChildren(el('p', { text: t('colloque.dashboard.noArrivals') }));
    return;
  }
  const first = Math.floor(Math.min(...times) / slot) * slot;
  const last = Math.floor(Math.max(...times) / slot) * slot;
  const count = Math.min(48, (last - first) / slot + 1);
  const start = last - (count - 1) * slot;
  const bins = Array.from({ length: count }, (_, i) => ({ at: start + i * slot, n: 0 }));
  for (const time of times) {
    const i = Math.floor((time - start) / slot);
    if (i >= 0 && i < count) {
      bins[i].n += 1;
    }
  }
  const max = Math.max(...bins.map((b) => b.n));
  const width = 600;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const barWidth = (width - left) / count;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': t('colloque.dashboard.chartLabel') });
  root.append(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'chart__axis' }));
  const maxLabel = svg('text', { x: left - 6, y: 14, class: 'chart__label', 'text-anchor': 'end' });
  maxLabel.textContent = String(max);
  root.append(maxLabel);
  bins.forEach((b, i) => {
    const h = max === 0 ? 0 : (b.n / max) * (height - bottom - 10);
    const x = left + i * barWidth + 2;
    const rect = svg('rect', { x, y: height - bottom - h, width: Math.max(1, barWidth - 4), height: h, class: 'chart__bar', 'data-count': b.n });
    const tip = svg('title');
    tip.textContent = `${formatTime(new Date(b.at).toISOString())} : ${b.n}`;
    rect.append(tip);
    root.append(rect);
    if (count <= 12 || i % Math.ceil(count / 12) === 0) {
      const label = svg('text', { x: x + barWidth / 2 - 2, y: height - 8, class: 'chart__label', 'text-anchor': 'middle' });
      label.textContent = formatTime(new Date(b.at).toISOString());
      root.append(label);
    }
  });
  host.replaceChildren(root);
}
