// The signed-in user, as the server sees it.
import { ApiError, api } from './api.js';

let current = null;

/** Resolves to { email, displayName, role } or null when nobody is signed in. Fetched once per page; refresh: true fetches again. */
export function getCurrentUser({ refresh = false } = {}) {
  if (!current || refresh) {
    // The server answers 200 { signedIn: false } to a visitor (no console error on public pages).
    current = api.get('/api/auth/me').then((me) => (me?.signedIn ? me : null), (error) => {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        return null; // a session the server no longer accepts
      }
      throw error;
    });
  }
  return current;
}

/** Resolves to the user, or sends the browser to the login page (coming back here afterwards) and never resolves. */
export async function requireUser() {
  const user = await getCurrentUser();
  if (!user) {
    location.assign(loginUrl());
    return new Promise(() => {});
  }
  return user;
}

/** Signs in (code: the second factor's, when the account has one); resolves to { email, displayName, role } or throws an ApiError with a localized message. */
export async function signIn(email, password, code = undefined) {
  const user = await api.post('/api/auth/login', { email, password, code });
  current = Promise.resolve(user);
  return user;
}

/** Signs out (the server drops the cookie). */
export async function signOut() {
  await api.post('/api/auth/logout');
  current = Promise.resolve(null);
}

/** The login page's address, with a returnUrl to the current page. */
export function loginUrl(returnUrl = location.pathname + location.search + location.hash) {
  return `/login.html?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/**
 * Where to go after signing in: value when it is a path on this site, else '/'. Checked after the browser resolves it: '/.//evil.example',
 * '/..//evil.example', '/%2e//evil.example' all become '//evil.example', another site.
 */
export function localPath(value) {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  try {
    const url = new URL(value, location.origin);
    if (url.origin !== location.origin || url.pathname.startsWith('//') || url.pathname === '/login.html') {
      return '/';
    }
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
