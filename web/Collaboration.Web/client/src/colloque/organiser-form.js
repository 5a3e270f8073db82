// What the organiser's forms share: a Québec date-time field read or its format error shown beside it,
// and an API refusal shown next to the fields its problem details name (else in the form's error region).
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { showProblem } from './programme.js';
import { InputFormatError, parseDateTimeInput } from '../zoned-time.js';

export { showProblem };

/** The instant typed in form.elements[name] (Québec time); on a format error, says so beside the field, focuses it and throws. */
export function readDateTime(form, name) {
  const input = form.elements[name];
  try {
    return parseDateTimeInput(input.value);
  } catch (error) {
    if (!(error instanceof InputFormatError)) throw error;
    form.querySelector(`[data-error-for="${name}"]`).textContent = error.message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    throw error;
  }
}

/** A refused call: field errors next to their fields, anything else in errorRegion. */
export function showFailure(form, errorRegion, error) {
  if (error instanceof ApiError && error.problem?.errors) showProblem(form, errorRegion, error.problem);
  else errorRegion.textContent = error instanceof ApiError ? error.message : t('error.network');
}
