import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fold } from '../src/colloque/fold.js';

describe('fold', () => {
  test('folds like the server (NameFolding.Fold): no accents, lower case, one space between words', () => {
    assert.equal(fold('TREMBLAY-Côté'), 'tremblay cote');
    assert.equal(fold("  L'Assomption — Économie  "), 'l assomption economie');
    assert.equal(fold('Cœur Bærum'), 'coeur baerum');
    assert.equal(fold(null), '');
  });
});
