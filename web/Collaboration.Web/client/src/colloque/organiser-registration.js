// The organiser's registration settings: the window (typed and shown in Québec time), the total and the
// quota per category, each beside its live confirmed / waitlisted counts; the API's problem details
// shown next to the field they name.
import { api } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { CATEGORIES } from './common.js';
import { formatDateTime, toDateTimeInput } from '../zoned-time.js';
import { readDateTime, showFailure, showProblem } from './organiser-form.js';

const $ = (selector) => document.querySelector(selector);

export function setupRegistration(id, store) {
  const form = $('[data-testid=settings-form]');
  const result = $('[data-testid=settings-result]');
  const errorRegion = form.querySelector('[data-settings-error]');
  $('[data-public-link]').href = `/colloque/${id}`;
  // The form shows the saved settings until the organiser types; another organiser's save then refreshes it only if untouched.
  let dirty = false;
  let filled = false;
  form.addEventListener('input', () => { dirty = true; });

  function fill(view) {
    const r = view.registration;
    form.elements.opensAt.value = toDateTimeInput(r.opensAt);
    form.elements.closesAt.value = toDateTimeInput(r.closesAt);
    form.elements.totalCapacity.value = r.totalCapacity ?? '';
    form.elements.waitlistCapacity.value = r.waitlistCapacity ?? '';
    for (const c of CATEGORIES) form.elements[`categoryCapacity.${c}`].value = r.categoryCapacity[c] ?? '';
    form.elements.venueAddress.value = view.venueAddress ?? '';
    dirty = false;
    filled = true;
  }

  function render({ view }) {
    if (!filled || !dirty) fill(view);
    const r = view.registration;
    const p = view.places;
    const summary = $('[data-testid=registration-summary]');
    summary.dataset.state = windowState(r);
    summary.textContent = [
      r.opensAt ? `${t(`colloque.org.reg.state.${windowState(r)}`)} ${t('colloque.org.reg.window', { opens: formatDateTime(r.opensAt), closes: formatDateTime(r.closesAt) })}`
        : t('colloque.org.reg.notSet'),
      t('colloque.org.reg.totals', { confirmed: p.confirmed, waitlisted: p.waitlisted }),
    ].join(' ');
    $('[data-testid=count-waitlist]').textContent = t('colloque.org.reg.waiting', { waitlisted: p.waitlisted });
    const total = $('[data-testid=count-total]');
    total.textContent = countText(p);
    Object.assign(total.dataset, { confirmed: p.confirmed, waitlisted: p.waitlisted });
    for (const c of CATEGORIES) {
      const counts = p.byCategory[c] ?? { confirmed: 0, waitlisted: 0, left: null };
      const line = $(`[data-testid=count-${c}]`);
      line.textContent = countText(counts);
      Object.assign(line.dataset, { confirmed: counts.confirmed, waitlisted: counts.waitlisted });
    }
  }

  function windowState(r) {
    const now = Date.now();
    if (!r.opensAt) return 'notSet';
    return now < Date.parse(r.opensAt) ? 'notYet' : now < Date.parse(r.closesAt) ? 'open' : 'closed';
  }

  function countText(counts) {
    return t(counts.left === null || counts.left === undefined ? 'colloque.org.reg.countNoLimit' : 'colloque.org.reg.count',
      { confirmed: counts.confirmed, waitlisted: counts.waitlisted, left: counts.left });
  }

  function number(value) {
    return value.trim() === '' ? null : Number(value);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.textContent = '';
    showProblem(form, errorRegion, null);
    let body;
    try {
      body = { opensAt: readDateTime(form, 'opensAt'), closesAt: readDateTime(form, 'closesAt') };
    } catch {
      return;
    }
    body.totalCapacity = number(form.elements.totalCapacity.value);
    body.waitlistCapacity = number(form.elements.waitlistCapacity.value);
    body.categoryCapacity = {};
    for (const c of CATEGORIES) {
      const quota = number(form.elements[`categoryCapacity.${c}`].value);
      if (quota !== null) body.categoryCapacity[c] = quota;
    }
    body.venueAddress = form.elements.venueAddress.value;
    try {
      await api.put(`/api/colloques/${id}/registration-settings`, body);
      dirty = false;
      await store.reload();
      result.textContent = t('colloque.org.reg.saved');
    } catch (error) {
      showFailure(form, errorRegion, error);
    }
  });

  store.subscribe(render);
  onLangChange(() => store.state.view && render(store.state));
}
