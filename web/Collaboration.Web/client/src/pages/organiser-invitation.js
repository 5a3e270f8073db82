// An invited organiser chooses a password from the emailed link, and is signed in.
import '../accounts/messages.js';
import { mountNewPasswordForm } from '../accounts/new-password.js';

mountNewPasswordForm('/api/organisers/invitations/accept', () => location.assign('/equipe'));
