// One session: details, live seats, and the registration form. On success → the private page.
import { api, ApiError } from '../api.js';
import { getLang, onLangChange, t } from '../i18n.js';
import { wireLinkRequestForm } from '../link-request-form.js';
import { connectLive } from '../live.js';
import { description, renderAvailability, title, when, where } from '../workshops.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const status = document.querySelector('[data-testid="session-status"]');
const article = document.querySelector('[data-testid="session"]');
const form = document.querySelector('[data-testid="registration-form"]');
const formError = document.querySelector('[data-testid="form-error"]');
const submit = form.querySelector('button[type="submit"]');
const hint = document.querySelector('[data-testid="waitlist-hint"]');
let summary = null;
let shownProblem = null;

function render() {
  if (!summary) return;
  const field = (name) => article.querySelector(`[data-field="${name}"]`);
  field('title').textContent = title(summary);
  document.title = `${title(summary)} — Concertation`;
  field('when').textContent = when(summary);
  field('where').textContent = where(summary);
  field('description').textContent = description(summary);
  field('calendar').href = `/api/workshops/${encodeURIComponent(summary.id)}/calendar.ics`;
  const link = field('onlineLink');
  link.hidden = !summary.onlineLink;
  if (summary.onlineLink) {
    link.href = summary.onlineLink;
    link.textContent = summary.onlineLink;
  }
  const badge = article.querySelector('[data-testid="availability"]');
  renderAvailability(badge, summary);
  const state = badge.dataset.state;
  hint.hidden = state !== 'full';
  form.hidden = !(state === 'open' || state === 'full');
}

function showProblem(problem) {
  shownProblem = problem;
  for (const p of form.querySelectorAll('[data-error-for]')) {
    p.textContent = '';
    form.elements.namedItem(p.dataset.errorFor)?.removeAttribute?.('aria-invalid');
  }
  formError.textContent = '';
  if (!problem) return;
  const lang = getLang();
  if (problem.errors) {
    let first = null;
    for (const [name, messages] of Object.entries(problem.errors)) {
      const target = form.querySelector(`[data-error-for="${name}"]`);
      const text = messages[lang] ?? messages.fr;
      if (target) {
        target.textContent = text;
        const input = form.elements.namedItem(name);
        input?.setAttribute?.('aria-invalid', 'true');
        first ??= input;
      } else {
        formError.textContent = text;
      }
    }
    if (!formError.textContent) formError.textContent = t('ws.form.fixErrors');
    first?.focus?.();
  } else if (problem.message) {
    formError.textContent = problem.message();
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showProblem(null);
  const value = (name) => form.elements.namedItem(name).value;
  submit.disabled = true;
  submit.textContent = t('ws.form.submitting');
  try {
    const created = await api.post(`/api/workshops/${encodeURIComponent(id)}/registrations`, {
      organisation: value('organisation'), contactName: value('contactName'), email: value('email'),
      phone: value('phone') || null, seats: Number(value('seats')), sector: value('sector'),
      consent: form.elements.namedItem('consent').checked, website: value('website'),
      language: getLang(), // every email follows the language the person used
    });
    if (created.alreadyRegistered) {
      showProblem({ message: () => t('ws.form.already') });
    } else {
      // The token goes in the fragment: browsers never send it to the server with the page request.
      location.assign(`/workshops/manage.html?id=${encodeURIComponent(created.id)}#token=${encodeURIComponent(created.manageToken)}&new=1`);
      return;
    }
  } catch (error) {
    if (error instanceof ApiError && error.problem?.errors) {
      showProblem({ errors: error.problem.errors });
    } else {
      showProblem({ message: () => (error instanceof ApiError ? error.localizedMessage() : t('error.network')) });
    }
  }
  submit.disabled = false;
  submit.textContent = t('ws.form.submit');
});

// "Find my registration": one answer for any address, so the page tells nobody who is registered.
wireLinkRequestForm(document.querySelector('[data-testid="find-form"]'), {
  url: `/api/workshops/${encodeURIComponent(id)}/manage-link`, submit: 'ws.find.submit', sending: 'ws.find.sending', sent: 'ws.find.sent',
});

onLangChange(() => {
  render();
  showProblem(shownProblem);
});

async function load() {
  try {
    summary = await api.get(`/api/workshops/${encodeURIComponent(id)}`);
  } catch {
    status.textContent = t('ws.notFound');
    return;
  }
  status.hidden = true;
  article.hidden = false;
  render();
  connectLive().subscribe(`workshop:${summary.id}`, (envelope) => {
    if (envelope.data?.counts) {
      Object.assign(summary, envelope.data.counts);
      render();
    }
  }, {
    onSnapshot: (snapshot) => {
      if (snapshot && !snapshot.missing) {
        summary = snapshot;
        render();
      }
    },
  });
}

load();
