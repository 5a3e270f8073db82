// A table's meeting series on the Table's page: its rule in words, its next date, "create the next meeting"
// (organisers), its calendar file, and the organisers' form for the rule and the standing items.
import { api } from '../api.js';
import { getLang, t } from '../i18n.js';
import { formatDateTime, formatTime } from './dom.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "Comité accueil | 15" → { title, plannedMinutes }; a line without a bar plans 15 minutes. */
export function parseStandingItems(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const match = /^(.*?)\s*\|\s*(\d{1,3})$/.exec(line);
    return match ? { title: match[1], plannedMinutes: Number(match[2]) } : { title: line, plannedMinutes: 15 };
  });
}

export function createSeriesPanel(root, { act, onCreated }) {
  const $ = (selector) => root.querySelector(selector);
  const form = $('[data-series-form]');
  let tableId = null;
  let answer = null; // { series, recurrence, canManage }
  let status = null; // () => text, shown in the panel's status line

  function setStatus(message) {
    status = message;
    const line = $('[data-testid="series-status"]');
    line.hidden = !message;
    line.textContent = message ? message() : '';
  }

  async function load(id) {
    tableId = id;
    answer = await act(() => api.get(`/api/tables/${id}/series`));
    render();
  }

  function render() {
    const series = answer?.series;
    const summary = $('[data-testid="series-summary"]');
    if (!series) summary.textContent = t('series.none');
    else {
      const day = typeof series.rule.day === 'number' ? DAYS[series.rule.day] : String(series.rule.day).toLowerCase();
      summary.textContent = t('series.summary', {
        week: t(`series.week.${series.rule.week}`), day: t(`series.day.${day}`), time: formatTime(series.nextStartsAt, getLang()),
        location: series.location ? ` · ${series.location}` : '',
      });
    }
    const next = $('[data-testid="series-next"]');
    next.hidden = !series;
    next.textContent = series ? t('series.next', { date: formatDateTime(series.nextStartsAt, getLang()) }) : '';
    $('[data-testid="series-create-next"]').hidden = !series || !answer?.canManage;
    const calendar = $('[data-testid="series-calendar"]');
    calendar.hidden = !series;
    if (series) calendar.href = `/api/tables/${tableId}/series.ics`;
    $('[data-series-edit]').hidden = !answer?.canManage;
    if (series && !form.dataset.filled) fill(series);
    if (status) $('[data-testid="series-status"]').textContent = status();
  }

  function fill(series) {
    form.dataset.filled = '1';
    form.elements.title.value = series.title;
    form.elements.location.value = series.location;
    form.elements.week.value = String(series.rule.week);
    form.elements.day.value = typeof series.rule.day === 'number' ? DAYS[series.rule.day] : String(series.rule.day).toLowerCase();
    form.elements.time.value = `${series.rule.hour}:${String(series.rule.minute).padStart(2, '0')}`;
    form.elements.standing.value = series.standingItems.map((i) => `${i.title} | ${i.plannedMinutes}`).join('\n');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setStatus(null);
    const d = Object.fromEntries(new FormData(form));
    const saved = await act(() => api.put(`/api/tables/${tableId}/series`, {
      title: d.title, location: d.location, week: Number(d.week), day: d.day, time: d.time, standingItems: parseStandingItems(d.standing),
    }));
    if (!saved) return;
    setStatus(() => t('series.saved'));
    await load(tableId);
  });

  $('[data-testid="series-create-next"]').addEventListener('click', async () => {
    setStatus(null);
    const startsAt = answer?.series?.nextStartsAt;
    const created = await act(() => api.post(`/api/tables/${tableId}/series/next`, { startsAt }));
    if (!created) return;
    setStatus(() => t('series.created', { date: formatDateTime(startsAt, getLang()) }));
    await load(tableId);
    onCreated?.(created.id);
  });

  return { load, render };
}
