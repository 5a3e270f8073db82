// Strings of the shell, the home page and the login page (Messages/shell.json, also read by the server).
// Each feature imports its own Messages/<feature>.json and hands it to addMessages().
import { addMessages } from './i18n.js';
import messages from '../../Messages/shell.json' with { type: 'json' };

addMessages(messages);
