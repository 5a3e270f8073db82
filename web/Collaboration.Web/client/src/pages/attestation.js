// The public verification page /attestation/{code}: rendered by the server (valid or not); this script only loads its
// messages so the language switch re-translates it.
import { addMessages } from '../i18n.js';
import messages from '../../../Messages/attestations.json' with { type: 'json' };

addMessages(messages);
