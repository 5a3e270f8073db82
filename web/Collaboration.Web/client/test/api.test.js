import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ApiError, api } from '../src/api.js';
import { setLang } from '../src/i18n.js';
import '../src/messages.js';

const realFetch = globalThis.fetch;
let requests = [];

function answer(status, body, contentType = 'application/json') {
  globalThis.fetch = async (path, init) => {
    requests.push({ path, ...init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { 'content-type': contentType },
    });
  };
}

afterEach(() => {
  globalThis.fetch = realFetch;
  requests = [];
  setLang('fr');
});

describe('api', () => {
  test('a read sends no CSRF header and returns the JSON body', async () => {
    answer(200, { email: 'a@b.ca' });
    const body = await api.get('/api/auth/me');
    assert.deepEqual(body, { email: 'a@b.ca' });
    assert.equal(requests[0].method, 'GET');
    assert.equal(requests[0].headers['X-CSRF'], undefined);
    assert.equal(requests[0].credentials, 'same-origin');
  });

  test('a state-changing call sends X-CSRF and JSON', async () => {
    answer(204);
    const body = await api.post('/api/auth/logout');
    assert.equal(body, null);
    assert.equal(requests[0].headers['X-CSRF'], '1');
    assert.equal(requests[0].headers['Content-Type'], 'application/json');

    answer(200, { ok: true });
    await api.post('/api/auth/login', { email: 'a@b.ca', password: 'x' });
    assert.equal(requests[1].body, JSON.stringify({ email: 'a@b.ca', password: 'x' }));
  });

  test('problem details become an ApiError in the current language', async () => {
    const problem = {
      title: 'Invalid credentials',
      status: 401,
      code: 'auth.invalid',
      messages: { fr: 'Courriel ou mot de passe incorrect.', en: 'Wrong email or password.' },
    };
    answer(401, problem, 'application/problem+json');
    const error = await api.post('/api/auth/login', {}).catch((e) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 401);
    assert.equal(error.code, 'auth.invalid');
    assert.equal(error.message, 'Courriel ou mot de passe incorrect.');
    setLang('en');
    assert.equal(error.localizedMessage(), 'Wrong email or password.');
  });

  test('without localized messages the title is shown, and without a body a generic message', async () => {
    answer(400, { title: 'Bad input', status: 400 }, 'application/problem+json');
    assert.equal((await api.get('/x').catch((e) => e)).message, 'Bad input');
    answer(500);
    assert.equal((await api.get('/x').catch((e) => e)).message, 'La requête a échoué (erreur 500).');
  });

  test('an unreachable server is a status-0 ApiError', async () => {
    globalThis.fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await api.get('/x').catch((e) => e);
    assert.equal(error.status, 0);
    assert.match(error.message, /injoignable/);
  });
});
