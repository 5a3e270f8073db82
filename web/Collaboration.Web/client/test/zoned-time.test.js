import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLang } from '../src/i18n.js';
import { formatDateTime, formatTime, parseDateInput, parseDateTimeInput, toDateTimeInput, InputFormatError } from '../src/zoned-time.js';

test('a typed date-time is read as Québec time, winter and summer', () => {
  assert.equal(parseDateTimeInput('2026-11-18 13:30'), '2026-11-18T18:30:00.000Z');
  assert.equal(parseDateTimeInput('2026-07-02T09:05'), '2026-07-02T13:05:00.000Z');
  assert.equal(parseDateTimeInput('2026-11-18 13 h 30'), '2026-11-18T18:30:00.000Z');
  assert.equal(parseDateTimeInput(''), null);
});

test('a malformed or impossible date is refused with a message', () => {
  assert.throws(() => parseDateTimeInput('18/11/2026 13:30'), InputFormatError);
  assert.throws(() => parseDateTimeInput('2026-02-30 10:00'), InputFormatError);
  assert.throws(() => parseDateInput('2026-13-01'), InputFormatError);
  assert.equal(parseDateInput('2026-1-5'), '2026-01-05');
});

test('times are shown in Québec time, English without a leading zero', () => {
  setLang('en');
  assert.equal(formatTime('2026-11-18T18:30:00Z'), '1:30 p.m.');
  assert.match(formatDateTime('2026-11-18T18:30:00Z'), /^November 18, 2026 at 1:30 p\.m\. \(Québec time\)$/);
  setLang('fr');
  assert.equal(formatTime('2026-11-18T18:30:00Z'), '13 h 30');
  assert.equal(toDateTimeInput('2026-07-02T13:05:00Z'), '2026-07-02 09:05');
});
