// Every time the product shows or accepts is in America/Toronto (Québec's zone), whatever the device's
// zone, and says so. Dates are typed as AAAA-MM-JJ (the numeric format of fr-CA and en-CA), times as
// HH:MM on the 24-hour clock ("13:30", "13 h 30"); the label carries the expected format.
import { getLang, t, addMessages } from './i18n.js';
import messages from '../../Messages/time.json' with { type: 'json' };

addMessages(messages);

export const ZONE = 'America/Toronto';

const locale = (lang) => (lang === 'en' ? 'en-CA' : 'fr-CA');

/** "18 novembre 2026 à 13 h 30 (heure du Québec)" / "November 18, 2026 at 1:30 p.m. (Québec time)". */
export function formatDateTime(iso, lang = getLang()) {
  if (!iso) return '';
  const text = new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  return `${text} (${zoneLabel(lang)})`;
}

/** "13 h 30" / "1:30 p.m.", Québec time (no leading zero on the hour). */
export function formatTime(iso, lang = getLang()) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** "jeudi 3 décembre 2026" / "Thursday, December 3, 2026", Québec's calendar day. */
export function formatLongDate(iso, lang = getLang()) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** A calendar date "2026-11-18" (no time, no zone) as "18 novembre 2026" / "November 18, 2026". */
export function formatCalendarDate(date, lang = getLang()) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return date ?? '';
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(utc));
}

/** "heure du Québec" / "Québec time". */
export function zoneLabel(lang = getLang()) {
  return lang === getLang() ? t('time.zone') : messages[lang]['time.zone'];
}

/** A typed value refused before it reaches the server; localizedMessage() like ApiError. */
export class InputFormatError extends Error {
  constructor(key) {
    super(t(key));
    this.key = key;
  }

  localizedMessage() {
    return t(this.key);
  }
}

/** "2026-11-18" (also "2026-11-18 " or "2026/11/18") → "2026-11-18"; '' → null; anything else throws InputFormatError. */
export function parseDateInput(text) {
  const value = (text ?? '').trim();
  if (!value) return null;
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!match || !validDate(+match[1], +match[2], +match[3])) throw new InputFormatError('time.invalidDate');
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/**
 * "2026-11-18 13:30" (also "2026-11-18T13:30", "2026-11-18 13 h 30") read as Québec time → the instant
 * as an ISO string (UTC); '' → null; anything else throws InputFormatError.
 */
export function parseDateTimeInput(text) {
  const value = (text ?? '').trim();
  if (!value) return null;
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*[T ,]\s*|\s+à\s+|\s+at\s+)(\d{1,2})\s*(?::|h)\s*(\d{2})?$/i.exec(value);
  if (!match) throw new InputFormatError('time.invalidDateTime');
  const [year, month, day, hour, minute] = [+match[1], +match[2], +match[3], +match[4], +(match[5] ?? 0)];
  if (!validDate(year, month, day) || hour > 23 || minute > 59) throw new InputFormatError('time.invalidDateTime');
  return new Date(zonedToUtc(year, month, day, hour, minute)).toISOString();
}

/** The instant iso as "2026-11-18 13:30", Québec time: the value a date-time field shows. */
export function toDateTimeInput(iso) {
  if (!iso) return '';
  const p = zonedParts(Date.parse(iso));
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

const pad = (n) => String(n).padStart(2, '0');

function validDate(year, month, day) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
});

function zonedParts(utcMs) {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(utcMs)).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** Minutes the zone is ahead of UTC at the instant utcMs (−300 in winter, −240 in summer). */
function offsetMinutes(utcMs) {
  const p = zonedParts(utcMs);
  return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000) / 60000;
}

/** The instant of a Québec wall-clock time (the offset in force then; twice, for the days the clocks change). */
function zonedToUtc(year, month, day, hour, minute) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutes(wall) * 60000;
  return wall - offsetMinutes(first) * 60000;
}
