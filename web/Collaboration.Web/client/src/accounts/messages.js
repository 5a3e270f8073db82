// Strings of the organiser account pages (team, invitation, password reset, second factor, sign-in code).
import { addMessages } from '../i18n.js';
import messages from '../../../Messages/accounts.json' with { type: 'json' };

addMessages(messages);
