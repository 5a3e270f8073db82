import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCurrentUser, localPath } from '../src/auth.js';

globalThis.location = new URL('https://concertation.test/login.html');

test('returnUrl is followed only to a local path', () => {
  const cases = {
    '?returnUrl=%2Fateliers%2F3%3Fx%3D1%23a': '/ateliers/3?x=1#a',
    '?returnUrl=%2F': '/',
    '': '/',
    '?returnUrl=https%3A%2F%2Fevil.test%2F': '/',
    '?returnUrl=%2F%2Fevil.test%2F': '/',
    '?returnUrl=%2F%5Cevil.test': '/',
    '?returnUrl=javascript%3Aalert(1)': '/',
    '?returnUrl=%2Flogin.html': '/',
    '?returnUrl=%2F.%2F%2Fevil.example%2Fphish': '/',
    '?returnUrl=%2F..%2F%2Fevil.example%2F': '/',
    '?returnUrl=%2Fx%2F..%2F%2Fevil.example%2F': '/',
    '?returnUrl=%2F%252e%2F%2Fevil.example%2F': '/',
  };
  for (const [search, expected] of Object.entries(cases)) {
    assert.equal(localPath(new URLSearchParams(search).get('returnUrl')), expected, search);
  }
});

test('a visitor is { signedIn: false } from the server, and nobody (null) for the pages', async () => {
  const realFetch = globalThis.fetch;
  try {
    globalThis.fetch = async () => new Response(JSON.stringify({ signedIn: false }), { status: 200, headers: { 'content-type': 'application/json' } });
    assert.equal(await getCurrentUser({ refresh: true }), null);
    const me = { email: 'a@b.ca', displayName: 'A', role: 'organiser', signedIn: true };
    globalThis.fetch = async () => new Response(JSON.stringify(me), { status: 200, headers: { 'content-type': 'application/json' } });
    assert.deepEqual(await getCurrentUser({ refresh: true }), me);
  } finally {
    globalThis.fetch = realFetch;
  }
});
