// What the colloque pages share: their messages (French first), category names and colours, time formatting.
import { addMessages, getLang, t } from './i18n.js';

export const CATEGORIES = ['employer', 'electedOfficial', 'communityOrganisation', 'institution', 'mrc', 'other'];

addMessages({
  fr: {
    'colloque.category.employer': 'Employeur',
    'colloque.category.electedOfficial': 'Élu·e',
    'colloque.category.communityOrganisation': 'Organisme communautaire',
    'colloque.category.institution': 'Institution',
    'colloque.category.mrc': 'MRC',
    'colloque.category.other': 'Autre',
    'colloque.result.checked-in': 'Bienvenue !',
    'colloque.result.already-checked-in': 'Déjà enregistré·e',
    'colloque.result.unknown': 'Code inconnu',
    'colloque.result.cancelled': 'Inscription annulée',
    'colloque.result.alreadyDetail': 'Arrivé·e à {time} à {desk}{by}.',
    'colloque.result.by': ' par {operator}',
    'colloque.result.offline': 'Hors ligne : décision locale, confirmée au retour du réseau.',
    'colloque.result.unknownDetail': 'Aucune inscription sous le code {code}. Cherchez la personne par son nom, ou inscrivez-la sur place.',
    'colloque.result.cancelledDetail': 'Cette inscription a été annulée. Dirigez la personne vers l’organisation.',
    'colloque.result.undo': 'Annuler cet enregistrement',
    'colloque.result.undone': 'Enregistrement annulé.',
    'colloque.desk.pageTitle': 'Accueil — Colloque — Concertation',
    'colloque.desk.pairHeading': 'Jumeler cet appareil à un accueil',
    'colloque.desk.pairIntro': 'Entrez le code affiché par l’organisation (page Colloque → Accueils).',
    'colloque.desk.pairingCode': 'Code de jumelage',
    'colloque.desk.pair': 'Jumeler',
    'colloque.desk.operator': 'Votre prénom (opérateur·trice)',
    'colloque.desk.scanLabel': 'Code du badge (lecteur ou clavier, puis Entrée)',
    'colloque.desk.scan': 'Enregistrer',
    'colloque.desk.camera': 'Scanner avec la caméra',
    'colloque.desk.cameraStop': 'Arrêter la caméra',
    'colloque.desk.cameraUnavailable': 'Caméra indisponible sur cet appareil.',
    'colloque.desk.online': 'En ligne',
    'colloque.desk.offline': 'Hors ligne — l’accueil continue avec la liste locale',
    'colloque.desk.pending': '{count} lecture(s) en attente d’envoi',
    'colloque.desk.listCount': 'Liste locale : {count} personnes',
    'colloque.desk.syncReport': 'Retour du réseau : {admitted} admission(s) confirmée(s), {conflicts} conflit(s).',
    'colloque.desk.conflict': '{name} ({code}) : déjà admis·e à {time} à {desk}{by} — vérifiez auprès de la personne.',
    'colloque.desk.searchHeading': 'Chercher par nom',
    'colloque.desk.searchLabel': 'Nom ou organisation',
    'colloque.desk.checkInThis': 'Enregistrer l’arrivée',
    'colloque.desk.noResults': 'Personne ne correspond.',
    'colloque.desk.walkInHeading': 'Inscription sur place',
    'colloque.desk.walkInSubmit': 'Inscrire et enregistrer l’arrivée',
    'colloque.desk.walkInOffline': 'L’inscription sur place demande le réseau.',
    'colloque.desk.arrivalsHeading': 'Dernières arrivées (tous les accueils)',
    'colloque.desk.badge': 'Imprimer le badge',
    'colloque.field.name': 'Nom complet',
    'colloque.field.organisation': 'Organisation',
    'colloque.field.category': 'Catégorie',
    'colloque.field.email': 'Courriel (facultatif)',
  },
  en: {
    'colloque.category.employer': 'Employer',
    'colloque.category.electedOfficial': 'Elected official',
    'colloque.category.communityOrganisation': 'Community organisation',
    'colloque.category.institution': 'Institution',
    'colloque.category.mrc': 'RCM (MRC)',
    'colloque.category.other': 'Other',
    'colloque.result.checked-in': 'Welcome!',
    'colloque.result.already-checked-in': 'Already checked in',
    'colloque.result.unknown': 'Unknown code',
    'colloque.result.cancelled': 'Registration cancelled',
    'colloque.result.alreadyDetail': 'Arrived at {time} at {desk}{by}.',
    'colloque.result.by': ' by {operator}',
    'colloque.result.offline': 'Offline: local decision, confirmed when the network is back.',
    'colloque.result.unknownDetail': 'No registration under code {code}. Search the person by name, or register them on the spot.',
    'colloque.result.cancelledDetail': 'This registration was cancelled. Send the person to the organisers.',
    'colloque.result.undo': 'Undo this check-in',
    'colloque.result.undone': 'Check-in undone.',
    'colloque.desk.pageTitle': 'Desk — Colloque — Concertation',
    'colloque.desk.pairHeading': 'Pair this device with a desk',
    'colloque.desk.pairIntro': 'Enter the code shown by the organisers (Colloque page → Desks).',
    'colloque.desk.pairingCode': 'Pairing code',
    'colloque.desk.pair': 'Pair',
    'colloque.desk.operator': 'Your first name (operator)',
    'colloque.desk.scanLabel': 'Badge code (scanner or keyboard, then Enter)',
    'colloque.desk.scan': 'Check in',
    'colloque.desk.camera': 'Scan with the camera',
    'colloque.desk.cameraStop': 'Stop the camera',
    'colloque.desk.cameraUnavailable': 'No camera available on this device.',
    'colloque.desk.online': 'Online',
    'colloque.desk.offline': 'Offline — the desk keeps going with its local list',
    'colloque.desk.pending': '{count} scan(s) waiting to be sent',
    'colloque.desk.listCount': 'Local list: {count} people',
    'colloque.desk.syncReport': 'Network back: {admitted} check-in(s) confirmed, {conflicts} conflict(s).',
    'colloque.desk.conflict': '{name} ({code}): already admitted at {time} at {desk}{by} — check with the person.',
    'colloque.desk.searchHeading': 'Search by name',
    'colloque.desk.searchLabel': 'Name or organisation',
    'colloque.desk.checkInThis': 'Check in',
    'colloque.desk.noResults': 'Nobody matches.',
    'colloque.desk.walkInHeading': 'Walk-in registration',
    'colloque.desk.walkInSubmit': 'Register and check in',
    'colloque.desk.walkInOffline': 'Walk-in registration needs the network.',
    'colloque.desk.arrivalsHeading': 'Latest arrivals (all desks)',
    'colloque.desk.badge': 'Print the badge',
    'colloque.field.name': 'Full name',
    'colloque.field.organisation': 'Organisation',
    'colloque.field.category': 'Category',
    'colloque.field.email': 'Email (optional)',
  },
});

export function categoryLabel(category) {
  return t(`colloque.category.${CATEGORIES.includes(category) ? category : 'other'}`);
}

export function formatTime(iso) {
  if (!iso) {
    return '';
  }
  return new Date(iso).toLocaleTimeString(getLang() === 'en' ? 'en-CA' : 'fr-CA', { hour: '2-digit', minute: '2-digit' });
}

/** Fills a <select> with the categories, in the current language. */
export function fillCategories(select, selected = 'other') {
  select.replaceChildren(...CATEGORIES.map((c) => {
    const option = document.createElement('option');
    option.value = c;
    option.textContent = categoryLabel(c);
    option.selected = c === selected;
    return option;
  }));
}

/** document.createElement with text and attributes, for pages that build lists. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
