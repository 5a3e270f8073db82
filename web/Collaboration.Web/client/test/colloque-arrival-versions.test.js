import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createArrivalVersions } from '../src/colloque/arrivals.js';

describe('createArrivalVersions', () => {
  test('applies an arrival once, though it comes ahead and again in the topic\'s versions', () => {
    const versions = createArrivalVersions();
    assert.equal(versions.isNew({ code: 'A', checkInVersion: 1 }), true); // pushed ahead
    assert.equal(versions.isNew({ code: 'B', checkInVersion: 1 }), true);
    assert.equal(versions.isNew({ code: 'A', checkInVersion: 1 }), false); // the colloque's versioned event
  });

  test('never lets an older change undo a newer one, and applies again after a snapshot', () => {
    const versions = createArrivalVersions();
    assert.equal(versions.isNew({ code: 'A', checkInVersion: 2 }), true); // the undo
    assert.equal(versions.isNew({ code: 'A', checkInVersion: 1 }), false); // the arrival, late
    versions.forget();
    assert.equal(versions.isNew({ code: 'A', checkInVersion: 2 }), true);
  });
});
