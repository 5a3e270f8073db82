// The colloque's public page /colloque/{id}: programme, places left (live), the registration form,
// then the confirmation (code, QR, .ics, private manage link with the token in the URL fragment).
import { api, apiFetch, ApiError } from '../api.js';
import { onLangChange, t } from '../i18n.js';
import { wireLinkRequestForm } from '../link-request-form.js';
import { connectLive } from '../live.js';
import { el } from '../dom.js';
import {
  CATEGORIES, categoryLabel, chosen, choiceText, dateTime, day, kindLabel, mrcLabel, renderChoices, sessionDescription, sessionTitle,
  showProblem, showSvg, time,
} from '../colloque/programme.js';

const id = location.pathname.split('/')[2] ?? '';
const status = document.querySelector('[data-testid="public-status"]');
const article = document.querySelector('[data-testid="colloque"]');
const form = document.querySelector('[data-testid="signup-form"]');
const formError = document.querySelector('[data-testid="form-error"]');
const submit = form.querySelector('button[type="submit"]');
const choicesHost = form.querySelector('[data-choices]');
let colloque = null;
let created = null;
let problem = null;

function registrationState(r) {
  if (!r.opensAt) return { open: false, text: t('colloque.reg.notConfigured') };
  const now = Date.now();
  if (now < new Date(r.opensAt).getTime()) return { open: false, text: t('colloque.reg.notOpen', { date: dateTime(r.opensAt) }) };
  if (now >= new Date(r.closesAt).getTime()) return { open: false, text: t('colloque.reg.closed') };
  return { open: true, text: t('colloque.reg.open', { date: dateTime(r.closesAt, { deadline: true }) }) };
}

function placesText(p) {
  if (p.left === null || p.left === undefined) return t('colloque.reg.unlimited');
  if (p.left > 0) return p.left === 1 ? t('colloque.reg.placeLeft') : t('colloque.reg.placesLeft', { n: p.left });
  return t('colloque.reg.full', { n: p.waitlisted });
}

function renderPlaces() {
  const host = article.querySelector('[data-testid="places"]');
  host.replaceChildren(...CATEGORIES.map((c) => {
    const p = colloque.places.byCategory[c];
    return el('li', { 'data-category': c }, el('span', { class: 'places__category', text: categoryLabel(c) }), ' ',
      el('span', { class: 'places__left', 'data-testid': `places-${c}`, 'data-left': p?.left ?? '', text: p ? placesText(p) : '' }));
  }));
  const category = form.elements.namedItem('category').value;
  const left = colloque.places.byCategory[category]?.left;
  document.querySelector('[data-testid="waitlist-hint"]').hidden = !(left === 0);
  const seats = new Map(colloque.places.sessions.map((s) => [s.sessionId, s]));
  for (const hint of choicesHost.querySelectorAll('[data-seats-for]')) {
    const s = seats.get(hint.dataset.seatsFor);
    if (s && s.left !== null) hint.textContent = s.left > 0 ? t('colloque.reg.seatsLeft', { n: s.left }) : t('colloque.reg.atelierFull');
  }
}

function renderProgramme() {
  const host = article.querySelector('[data-testid="programme"]');
  host.replaceChildren(...colloque.sessions.map((s) => el('li', { class: 'programme__item', 'data-kind': s.kind },
    el('p', { class: 'programme__time', text: `${time(s.startsAt)} – ${time(s.endsAt)} · ${s.room} · ${kindLabel(s.kind)}` }),
    el('h3', { text: sessionTitle(s) }),
    sessionDescription(s) ? el('p', { text: sessionDescription(s) }) : '',
    s.speakers.length ? el('p', { class: 'programme__speakers', text: s.speakers.map((p) => (p.organisation ? `${p.name} (${p.organisation})` : p.name)).join(', ') }) : '')));
}

function render() {
  if (!colloque) return;
  const field = (name) => article.querySelector(`[data-field="${name}"]`);
  field('title').textContent = colloque.title;
  document.title = `${colloque.title} — Concertation`;
  field('when').textContent = day(colloque.date);
  field('where').textContent = [colloque.venue, colloque.venueAddress].filter(Boolean).join(', ');
  field('calendar').href = `/api/colloques/${id}/calendar.ics`;
  renderProgramme();
  const selected = new Set(chosen(choicesHost));
  renderChoices(choicesHost, colloque.sessions, new Map(colloque.places.sessions.map((s) => [s.sessionId, s])), selected);
  form.querySelector('[data-testid="choices"]').hidden = choicesHost.childElementCount === 0;
  renderPlaces();
  const window = registrationState(colloque.registration);
  article.querySelector('[data-testid="window"]').textContent = window.text;
  form.hidden = !window.open || created !== null;
  if (created) renderConfirmation();
  showProblem(form, formError, problem);
}

function fillSelects() {
  const category = form.elements.namedItem('category');
  const mrc = form.elements.namedItem('mrc');
  // Nothing preselected: a default answer would be counted as the person's own.
  const [c, m] = [category.value, mrc.value];
  const choose = () => el('option', { value: '', text: t('colloque.reg.choose') });
  category.replaceChildren(choose(), ...CATEGORIES.map((value) => el('option', { value, text: categoryLabel(value) })));
  mrc.replaceChildren(choose(), ...(colloque?.mrcs ?? []).map((value) => el('option', { value, text: mrcLabel(value) })));
  category.value = c;
  mrc.value = m;
}

function renderConfirmation() {
  const section = document.querySelector('[data-testid="confirmation"]');
  section.hidden = false;
  section.querySelector('[data-field="confirmationHeading"]').textContent = created.status === 'confirmed'
    ? t('colloque.reg.confirmedHeading') : t('colloque.reg.waitlistedHeading', { position: created.position });
  section.querySelector('[data-testid="signup-code"]').textContent = created.code;
  section.querySelector('[data-testid="email-sent"]').textContent = t('colloque.reg.emailSent', { email: created.email });
  const sessions = new Map(colloque.sessions.map((s) => [s.sessionId, s]));
  section.querySelector('[data-testid="signup-choices"]').replaceChildren(...created.choices.filter((c) => sessions.has(c.sessionId))
    .map((c) => el('li', { text: `${sessionTitle(sessions.get(c.sessionId))} — ${choiceText(c)}` })));
  section.querySelector('[data-field="confirmationCalendar"]').href = `/api/colloques/${id}/calendar.ics`;
  const link = `${location.origin}${created.manageUrl}`;
  section.querySelector('[data-testid="manage-link"]').textContent = link;
  section.querySelector('[data-testid="open-manage"]').href = created.manageUrl;
}

// "Find my registration": one answer for any address, so the page tells nobody who is registered.
wireLinkRequestForm(document.querySelector('[data-testid="find-form"]'), {
  url: `/api/colloques/${id}/manage-link`, submit: 'colloque.find.submit', sending: 'colloque.find.sending', sent: 'colloque.find.sent',
});

form.elements.namedItem('category').addEventListener('change', () => colloque && renderPlaces());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  problem = null;
  showProblem(form, formError, null);
  const value = (name) => form.elements.namedItem(name).value;
  submit.disabled = true;
  submit.textContent = t('colloque.reg.submitting');
  try {
    const body = {
      name: value('name'), organisation: value('organisation'), email: value('email'), category: value('category'), mrc: value('mrc'),
      needs: { accessibility: value('accessibility'), dietary: value('dietary') }, consent: form.elements.namedItem('consent').checked,
      choices: chosen(choicesHost), language: document.documentElement.lang === 'en' ? 'en' : 'fr', website: value('website'),
    };
    const answer = await api.post(`/api/colloques/${id}/signups`, body);
    if (answer.alreadyRegistered) {
      // The same words whether or not the address was registered: its manage link went to it.
      const already = document.querySelector('[data-testid="already"]');
      already.hidden = false;
      already.dataset.i18n = 'colloque.reg.already';
      already.textContent = t('colloque.reg.already');
      return;
    }
    created = { ...answer, email: body.email };
    render();
    const confirmation = document.querySelector('[data-testid="confirmation"]');
    confirmation.focus();
    const svg = await apiFetch(`/api/signups/${encodeURIComponent(created.code)}/qr.svg`, { headers: { 'X-Manage-Token': created.manageToken } });
    showSvg(confirmation.querySelector('[data-testid="signup-qr"]'), svg, `QR ${created.code}`);
  } catch (error) {
    problem = error instanceof ApiError && error.problem ? error.problem : { messages: { fr: t('error.network'), en: t('error.network') } };
    showProblem(form, formError, problem);
  } finally {
    submit.disabled = false;
    submit.textContent = t('colloque.reg.submit');
  }
});

onLangChange(() => {
  fillSelects();
  render();
});

function apply(envelope) {
  const data = envelope.data;
  if (!colloque || !data) return;
  if (data.places) colloque.places = data.places;
  if (data.sessions) {
    colloque.sessions = data.sessions;
    colloque.registration = data.registration;
    colloque.venueAddress = data.venueAddress;
    render();
  } else if (data.places) {
    renderPlaces();
  }
}

async function load() {
  try {
    colloque = await api.get(`/api/colloques/${id}/public`);
  } catch (error) {
    status.textContent = error instanceof ApiError && error.status === 404 ? t('colloque.reg.notFound') : t('error.network');
    return;
  }
  status.hidden = true;
  article.hidden = false;
  fillSelects();
  render();
  connectLive().subscribe(`colloque-public:${id}`, apply, {
    onSnapshot: (snapshot) => {
      if (snapshot && !snapshot.missing) {
        colloque = snapshot;
        render();
      }
    },
  });
}

load();
