// Shared by the workshop pages: messages, date formatting, availability of a session.
import { addMessages, getLang, t } from './i18n.js';

addMessages({
  fr: {
    'ws.catalogue.pageTitle': 'Ateliers employeurs — Concertation',
    'ws.catalogue.heading': 'Ateliers pour les employeurs',
    'ws.catalogue.lead': 'Des ateliers de sensibilisation pour accueillir des travailleuses et travailleurs immigrants. Les places se mettent à jour en direct.',
    'ws.catalogue.empty': 'Aucun atelier à venir pour le moment.',
    'ws.details': 'Détails et inscription',
    'ws.seatsLeft': '{n} places restantes',
    'ws.seatLeft': '1 place restante',
    'ws.full': 'Complet — liste d’attente ({n})',
    'ws.fullNoWait': 'Complet — liste d’attente',
    'ws.closed': 'Inscriptions fermées',
    'ws.cancelled': 'Atelier annulé',
    'ws.done': 'Atelier terminé',
    'ws.online': 'En ligne',
    'ws.calendar': 'Ajouter à mon agenda (.ics)',
    'ws.loading': 'Chargement…',
    'ws.notFound': 'Cet atelier est introuvable.',
    'ws.session.pageTitle': 'Atelier — Concertation',
    'ws.form.heading': 'S’inscrire',
    'ws.form.organisation': 'Entreprise ou organisme',
    'ws.form.contactName': 'Personne-ressource',
    'ws.form.email': 'Courriel',
    'ws.form.phone': 'Téléphone (facultatif)',
    'ws.form.seats': 'Nombre de places (1 à 5)',
    'ws.form.sector': 'Secteur d’activité',
    'ws.form.consent': 'J’accepte que ces renseignements servent uniquement à organiser cet atelier (ils ne sont pas transmis à des tiers).',
    'ws.form.submit': 'M’inscrire',
    'ws.form.submitting': 'Inscription…',
    'ws.form.waitlistHint': 'L’atelier est complet : vous serez inscrit·e sur la liste d’attente, dans l’ordre d’arrivée.',
    'ws.form.already': 'Cette adresse courriel est déjà inscrite à cet atelier (code {code}). Utilisez le lien privé reçu lors de votre inscription pour la consulter ou la modifier.',
    'ws.form.fixErrors': 'Corrigez les champs indiqués.',
    'ws.manage.pageTitle': 'Mon inscription — Concertation',
    'ws.manage.heading': 'Mon inscription',
    'ws.manage.new': 'Inscription reçue. Gardez ce lien privé : il permet de consulter, modifier ou annuler votre inscription.',
    'ws.manage.code': 'Code d’inscription',
    'ws.manage.confirmed': 'Confirmée — {seats} place(s)',
    'ws.manage.waitlisted': 'Liste d’attente — position {position} ({seats} place(s) demandée(s))',
    'ws.manage.cancelled': 'Annulée',
    'ws.manage.promoted': 'Bonne nouvelle : une place s’est libérée, votre inscription est confirmée.',
    'ws.manage.privateLink': 'Votre lien privé',
    'ws.manage.copy': 'Copier le lien',
    'ws.manage.copied': 'Lien copié.',
    'ws.manage.seats': 'Changer le nombre de places',
    'ws.manage.saveSeats': 'Enregistrer',
    'ws.manage.seatsSaved': 'Nombre de places enregistré.',
    'ws.manage.cancel': 'Annuler mon inscription',
    'ws.manage.cancelConfirm': 'Annuler votre inscription ? Votre place ira à la prochaine personne en attente.',
    'ws.manage.cancelledNotice': 'Votre inscription est annulée.',
    'ws.manage.badLink': 'Ce lien n’est pas valide. Vérifiez le lien privé reçu lors de l’inscription.',
    'ws.manage.workshop': 'Atelier',
    'ws.admin.pageTitle': 'Ateliers (organisation) — Concertation',
    'ws.admin.heading': 'Ateliers — organisation',
    'ws.admin.sessions': 'Séances',
    'ws.admin.create': 'Nouvelle séance',
    'ws.admin.titleFr': 'Titre (français)',
    'ws.admin.titleEn': 'Titre (anglais)',
    'ws.admin.descriptionFr': 'Description (français)',
    'ws.admin.descriptionEn': 'Description (anglais)',
    'ws.admin.startsAt': 'Début',
    'ws.admin.endsAt': 'Fin',
    'ws.admin.place': 'Lieu',
    'ws.admin.onlineLink': 'Lien en ligne (https://)',
    'ws.admin.capacity': 'Capacité (places)',
    'ws.admin.createSubmit': 'Créer la séance',
    'ws.admin.choose': 'Choisissez une séance pour voir les inscriptions en direct.',
    'ws.admin.confirmedSeats': 'places confirmées',
    'ws.admin.waitlisted': 'en attente',
    'ws.admin.seatsLeft': 'places libres',
    'ws.admin.save': 'Enregistrer',
    'ws.admin.status': 'Statut',
    'ws.admin.csv': 'Exporter en CSV',
    'ws.admin.registrants': 'Inscriptions',
    'ws.admin.outbox': 'Avis à envoyer (promotions)',
    'ws.admin.refresh': 'Actualiser',
    'ws.admin.outboxEmpty': 'Aucun avis.',
    'ws.admin.saved': 'Enregistré.',
    'ws.col.code': 'Code', 'ws.col.organisation': 'Entreprise', 'ws.col.contact': 'Contact', 'ws.col.email': 'Courriel',
    'ws.col.phone': 'Téléphone', 'ws.col.seats': 'Places', 'ws.col.sector': 'Secteur', 'ws.col.status': 'Statut',
    'ws.col.attended': 'Présence',
    'ws.status.Open': 'Ouvert', 'ws.status.Closed': 'Fermé', 'ws.status.Cancelled': 'Annulé', 'ws.status.Done': 'Terminé',
    'ws.reg.Confirmed': 'Confirmée', 'ws.reg.Waitlisted': 'Attente n° {position}', 'ws.reg.Cancelled': 'Annulée',
    'ws.present': 'Présent·e',
  },
  en: {
    'ws.catalogue.pageTitle': 'Employer workshops — Concertation',
    'ws.catalogue.heading': 'Workshops for employers',
    'ws.catalogue.lead': 'Awareness workshops on welcoming immigrant workers. Seats update live.',
    'ws.catalogue.empty': 'No upcoming workshop for now.',
    'ws.details': 'Details and registration',
    'ws.seatsLeft': '{n} seats left',
    'ws.seatLeft': '1 seat left',
    'ws.full': 'Full — waiting list ({n})',
    'ws.fullNoWait': 'Full — waiting list',
    'ws.closed': 'Registration closed',
    'ws.cancelled': 'Workshop cancelled',
    'ws.done': 'Workshop over',
    'ws.online': 'Online',
    'ws.calendar': 'Add to my calendar (.ics)',
    'ws.loading': 'Loading…',
    'ws.notFound': 'This workshop cannot be found.',
    'ws.session.pageTitle': 'Workshop — Concertation',
    'ws.form.heading': 'Register',
    'ws.form.organisation': 'Company or organisation',
    'ws.form.contactName': 'Contact person',
    'ws.form.email': 'Email',
    'ws.form.phone': 'Phone (optional)',
    'ws.form.seats': 'Number of seats (1 to 5)',
    'ws.form.sector': 'Sector',
    'ws.form.consent': 'I agree that this information is used only to organise this workshop (it is not shared with third parties).',
    'ws.form.submit': 'Register',
    'ws.form.submitting': 'Registering…',
    'ws.form.waitlistHint': 'The workshop is full: you will be put on the waiting list, in order of arrival.',
    'ws.form.already': 'This email is already registered for this workshop (code {code}). Use the private link you received when registering to see or change it.',
    'ws.form.fixErrors': 'Correct the fields shown.',
    'ws.manage.pageTitle': 'My registration — Concertation',
    'ws.manage.heading': 'My registration',
    'ws.manage.new': 'Registration received. Keep this private link: it lets you see, change or cancel your registration.',
    'ws.manage.code': 'Registration code',
    'ws.manage.confirmed': 'Confirmed — {seats} seat(s)',
    'ws.manage.waitlisted': 'Waiting list — position {position} ({seats} seat(s) asked)',
    'ws.manage.cancelled': 'Cancelled',
    'ws.manage.promoted': 'Good news: a seat was freed, your registration is confirmed.',
    'ws.manage.privateLink': 'Your private link',
    'ws.manage.copy': 'Copy the link',
    'ws.manage.copied': 'Link copied.',
    'ws.manage.seats': 'Change the number of seats',
    'ws.manage.saveSeats': 'Save',
    'ws.manage.seatsSaved': 'Number of seats saved.',
    'ws.manage.cancel': 'Cancel my registration',
    'ws.manage.cancelConfirm': 'Cancel your registration? Your seat will go to the next person waiting.',
    'ws.manage.cancelledNotice': 'Your registration is cancelled.',
    'ws.manage.badLink': 'This link is not valid. Check the private link you received when registering.',
    'ws.manage.workshop': 'Workshop',
    'ws.admin.pageTitle': 'Workshops (organiser) — Concertation',
    'ws.admin.heading': 'Workshops — organiser',
    'ws.admin.sessions': 'Sessions',
    'ws.admin.create': 'New session',
    'ws.admin.titleFr': 'Title (French)',
    'ws.admin.titleEn': 'Title (English)',
    'ws.admin.descriptionFr': 'Description (French)',
    'ws.admin.descriptionEn': 'Description (English)',
    'ws.admin.startsAt': 'Start',
    'ws.admin.endsAt': 'End',
    'ws.admin.place': 'Place',
    'ws.admin.onlineLink': 'Online link (https://)',
    'ws.admin.capacity': 'Capacity (seats)',
    'ws.admin.createSubmit': 'Create the session',
    'ws.admin.choose': 'Choose a session to see its registrations live.',
    'ws.admin.confirmedSeats': 'confirmed seats',
    'ws.admin.waitlisted': 'waiting',
    'ws.admin.seatsLeft': 'seats free',
    'ws.admin.save': 'Save',
    'ws.admin.status': 'Status',
    'ws.admin.csv': 'Export as CSV',
    'ws.admin.registrants': 'Registrations',
    'ws.admin.outbox': 'Notices to send (promotions)',
    'ws.admin.refresh': 'Refresh',
    'ws.admin.outboxEmpty': 'No notice.',
    'ws.admin.saved': 'Saved.',
    'ws.col.code': 'Code', 'ws.col.organisation': 'Company', 'ws.col.contact': 'Contact', 'ws.col.email': 'Email',
    'ws.col.phone': 'Phone', 'ws.col.seats': 'Seats', 'ws.col.sector': 'Sector', 'ws.col.status': 'Status',
    'ws.col.attended': 'Attendance',
    'ws.status.Open': 'Open', 'ws.status.Closed': 'Closed', 'ws.status.Cancelled': 'Cancelled', 'ws.status.Done': 'Over',
    'ws.reg.Confirmed': 'Confirmed', 'ws.reg.Waitlisted': 'Waiting no. {position}', 'ws.reg.Cancelled': 'Cancelled',
    'ws.present': 'Present',
  },
});

/** The title in the current language. */
export function title(workshop) {
  return getLang() === 'en' ? workshop.titleEn : workshop.titleFr;
}

export function description(workshop) {
  return getLang() === 'en' ? workshop.descriptionEn : workshop.descriptionFr;
}

/** "jeudi 3 décembre 2026, 13 h 30 – 16 h 30" in the current language, Québec time. */
export function when(workshop) {
  const locale = getLang() === 'en' ? 'en-CA' : 'fr-CA';
  const options = { timeZone: 'America/Toronto' };
  const day = new Date(workshop.startsAt).toLocaleDateString(locale, { ...options, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = (d) => new Date(d).toLocaleTimeString(locale, { ...options, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time(workshop.startsAt)} – ${time(workshop.endsAt)}`;
}

export function where(workshop) {
  return [workshop.place, workshop.onlineLink ? t('ws.online') : null].filter(Boolean).join(' · ');
}

/** { state: 'open' | 'full' | 'closed' | 'cancelled' | 'done', text } from a summary or counts. */
export function availability(counts) {
  if (counts.status === 'Cancelled') return { state: 'cancelled', text: t('ws.cancelled') };
  if (counts.status === 'Done') return { state: 'done', text: t('ws.done') };
  const now = Date.now();
  if (counts.status === 'Closed' ||
      (counts.registrationClosesAt && new Date(counts.registrationClosesAt).getTime() <= now) ||
      (counts.registrationOpensAt && new Date(counts.registrationOpensAt).getTime() > now)) {
    return { state: 'closed', text: t('ws.closed') };
  }
  if (counts.seatsLeft > 0) {
    return { state: 'open', text: counts.seatsLeft === 1 ? t('ws.seatLeft') : t('ws.seatsLeft', { n: counts.seatsLeft }) };
  }
  return { state: 'full', text: counts.waitlisted > 0 ? t('ws.full', { n: counts.waitlisted }) : t('ws.fullNoWait') };
}

/** Shows an availability badge in element. */
export function renderAvailability(element, counts) {
  const { state, text } = availability(counts);
  element.dataset.state = state;
  element.textContent = text;
}

/** Creates an element with text content (never HTML: names are shown exactly). */
export function el(tag, { text, className, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
