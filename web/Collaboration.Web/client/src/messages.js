// Strings of the shell, the home page and the login page. Feature pages add theirs with addMessages().
import { addMessages } from './i18n.js';

addMessages({
  fr: {
    'product.name': 'Concertation',
    'shell.skipToContent': 'Aller au contenu principal',
    'shell.home': 'Concertation — accueil',
    'shell.switchLanguage': 'English',
    'shell.switchLanguageLabel': 'Display in English',
    'shell.signIn': 'Connexion',
    'shell.signOut': 'Déconnexion',
    'shell.account': 'Compte\u00a0:',
    'shell.footer': 'Partenariat régional en immigration',
    'live.label': 'Mises à jour en direct\u00a0:',
    'live.connecting': 'Connexion…',
    'live.connected': 'En ligne',
    'live.reconnecting': 'Reconnexion…',
    'live.offline': 'Hors ligne',

    'home.pageTitle': 'Concertation — Partenariat régional en immigration',
    'home.heading': 'Concertation',
    'home.lead':
      'L’espace de travail du partenariat régional en immigration : la Table régionale s’y réunit, ' +
      'les employeurs s’inscrivent aux ateliers et le colloque accueille ses participantes et participants, ' +
      'le tout mis à jour en direct sur chaque écran.',
    'home.areas': 'Les espaces',
    'home.table.title': 'Table régionale',
    'home.table.text': 'Ordre du jour, présences, décisions et suivis des rencontres des partenaires.',
    'home.workshops.title': 'Ateliers employeurs',
    'home.workshops.text': 'Ateliers de sensibilisation : places restantes, inscription, liste d’attente.',
    'home.colloque.title': 'Colloque',
    'home.colloque.text': 'Liste des personnes inscrites, accueil aux tables d’inscription, arrivées en direct.',
    'home.colloque.open': 'Organiser',
    'home.colloque.desk': 'Ouvrir un accueil',
    'home.soon': 'Bientôt',

    'login.pageTitle': 'Connexion — Concertation',
    'login.heading': 'Connexion',
    'login.intro': 'Connectez-vous avec le courriel et le mot de passe de votre compte.',
    'login.email': 'Courriel',
    'login.password': 'Mot de passe',
    'login.submit': 'Se connecter',
    'login.submitting': 'Connexion en cours…',
    'login.missingFields': 'Entrez votre courriel et votre mot de passe.',
    'login.invalidEmail': 'Entrez un courriel valide, par exemple nom@organisme.qc.ca.',

    'error.network': 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.',
    'error.http': 'La requête a échoué (erreur {status}).',
    'error.signOut': 'La déconnexion a échoué. Réessayez.',
  },
  en: {
    'product.name': 'Concertation',
    'shell.skipToContent': 'Skip to main content',
    'shell.home': 'Concertation — home',
    'shell.switchLanguage': 'Français',
    'shell.switchLanguageLabel': 'Afficher en français',
    'shell.signIn': 'Sign in',
    'shell.signOut': 'Sign out',
    'shell.account': 'Account:',
    'shell.footer': 'Regional immigration partnership',
    'live.label': 'Live updates:',
    'live.connecting': 'Connecting…',
    'live.connected': 'Online',
    'live.reconnecting': 'Reconnecting…',
    'live.offline': 'Offline',

    'home.pageTitle': 'Concertation — Regional immigration partnership',
    'home.heading': 'Concertation',
    'home.lead':
      'The workspace of the regional immigration partnership: the regional Table meets here, ' +
      'employers register for workshops and the colloque welcomes its attendees, ' +
      'with every screen updated live.',
    'home.areas': 'Areas',
    'home.table.title': 'Regional Table',
    'home.table.text': 'Agenda, attendance, decisions and follow-ups of the partners’ meetings.',
    'home.workshops.title': 'Employer workshops',
    'home.workshops.text': 'Awareness workshops: seats left, registration, waiting list.',
    'home.colloque.title': 'Colloque',
    'home.colloque.text': 'Attendee list, check-in at the registration desks, arrivals as they happen.',
    'home.colloque.open': 'Organise',
    'home.colloque.desk': 'Open a desk',
    'home.soon': 'Coming soon',

    'login.pageTitle': 'Sign in — Concertation',
    'login.heading': 'Sign in',
    'login.intro': 'Sign in with your account’s email and password.',
    'login.email': 'Email',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.submitting': 'Signing in…',
    'login.missingFields': 'Enter your email and your password.',
    'login.invalidEmail': 'Enter a valid email, for example name@organisation.ca.',

    'error.network': 'The server cannot be reached. Check your connection, then try again.',
    'error.http': 'The request failed (error {status}).',
    'error.signOut': 'Signing out failed. Try again.',
  },
});
