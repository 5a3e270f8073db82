// fetch wrapper for the JSON API: same-origin cookies, X-CSRF on state-changing calls,
// RFC 7807 problem details turned into an ApiError whose message is in the current language.
import { getLang, t } from './i18n.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, 0 when the server could not be reached.
   * @param {object|null} problem the problem details body, when there was one.
   */
  constructor(status, problem = null, options = undefined) {
    super('', options);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? null;
    this.messages = problem?.messages ?? null;
    this.message = this.localizedMessage();
  }

  /** The message in lang (default: the current language): messages[lang], else the title, else a generic one. */
  localizedMessage(lang = getLang()) {
    if (this.status === 0) {
      return t('error.network');
    }
    return this.messages?.[lang] || this.problem?.title || t('error.http', { status: this.status });
  }

  static async fromResponse(response) {
    let problem = null;
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) {
      try {
        problem = await response.json();
      } catch {
        problem = null;
      }
    }
    return new ApiError(response.status, problem);
  }
}

/**
 * Calls the API. Returns the parsed JSON body (null for 204 or an empty body); throws ApiError otherwise.
 * @param {string} path e.g. '/api/auth/me'
 * @param {{method?: string, body?: unknown, headers?: Record<string,string>, signal?: AbortSignal}} [options]
 */
export async function apiFetch(path, { method = 'GET', body, headers = {}, signal } = {}) {
  const verb = method.toUpperCase();
  const init = {
    method: verb,
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...headers },
    signal,
  };
  if (!SAFE_METHODS.has(verb)) {
    init.headers['X-CSRF'] = '1';
    init.headers['Content-Type'] = 'application/json';
  }
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error?.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, null, { cause: error });
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  if (!text) {
    return null;
  }
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}

/** Shorthands: api.get(path), api.post(path, body), api.put(path, body), api.patch(path, body), api.delete(path). */
export const api = Object.freeze({
  get: (path, options) => apiFetch(path, { ...options, method: 'GET' }),
  post: (path, body, options) => apiFetch(path, { ...options, method: 'POST', body }),
  put: (path, body, options) => apiFetch(path, { ...options, method: 'PUT', body }),
  patch: (path, body, options) => apiFetch(path, { ...options, method: 'PATCH', body }),
  delete: (path, options) => apiFetch(path, { ...options, method: 'DELETE' }),
});
