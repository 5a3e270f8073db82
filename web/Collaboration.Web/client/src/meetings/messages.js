// Strings of the meetings pages (tables list, meeting room, minutes, member sign-in).
import { addMessages } from '../i18n.js';
import messages from '../../../Messages/meetings.json' with { type: 'json' };

addMessages(messages);
