// A new password from the emailed reset link; every session of the account has ended, so sign in again.
import '../accounts/messages.js';
import { mountNewPasswordForm } from '../accounts/new-password.js';

mountNewPasswordForm('/api/auth/password-reset/complete', () => {
  document.querySelector('[data-new-password-form]').hidden = true;
  document.querySelector('[data-testid="reset-done"]').hidden = false;
});
