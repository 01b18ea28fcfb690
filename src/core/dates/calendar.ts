/**
 * Calendar arithmetic for the date layer: a parsed reference date and TIMEX3 value builders.
 * Pure functions on plain numbers (UTC, no time zones, no clock).
 */

/** The anchor used to resolve relative expressions. `m`/`d` are missing when only the year is known. */
export interface RefDate {
  y: number;
  m?: number;
  d?: number;
}

/** Parses "YYYY-MM-DD", "YYYY-MM-DDThh:mm…" or "YYYY"; null for anything else. */
export function parseRef(value: string | null | undefined): RefDate | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(value.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return { y };
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return { y };
  return { y, m: mo, d };
}

export function pad(n: number, width = 2): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function ym(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** A full reference as a UTC Date, or null when only the year is known. */
export function refDate(ref: RefDate | null): Date | null {
  if (!ref || ref.m === undefined || ref.d === undefined) return null;
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d));
}

export function addDays(date: Date, n: number): Date {
  return new Date(date.getTime() + n * 86400000);
}

export function fmtDate(date: Date): string {
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** ISO-8601 week ("2020-W34") of a date. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${pad(d.getUTCFullYear(), 4)}-W${pad(week)}`;
}

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): [number, number] {
  const idx = y * 12 + (m - 1) + n;
  return [Math.floor(idx / 12), (idx % 12) + 1];
}

/**
 * Without a tense cue, a bare weekday goes ahead only when it is at most this many days ahead (the past one
 * then lies 6 days back, earlier in the same week): "Tuesday" in a Monday article is the next day, but
 * "Friday" in a Monday article is the one just gone. News reports the past, hence the bias.
 */
export const NEAR_WEEKDAY_AHEAD = 1;

/**
 * Resolves a weekday (0 = Sunday … 6 = Saturday) against the reference.
 * `dir`: 'past' → on/before the reference (0…6 days back, the news default);
 * 'future' → on/after (0…6 days ahead); 'near' → the reference day itself, else ahead when at most
 * NEAR_WEEKDAY_AHEAD days ahead, else back; 'last' → strictly before (1…7 back);
 * 'next' → strictly after (1…7 ahead).
 */
export function resolveWeekday(ref: Date, weekday: number, dir: 'past' | 'future' | 'near' | 'last' | 'next'): Date {
  const cur = ref.getUTCDay();
  let back = (cur - weekday + 7) % 7;
  let ahead = (weekday - cur + 7) % 7;
  if (dir === 'near') return back === 0 || ahead > NEAR_WEEKDAY_AHEAD ? addDays(ref, -back) : addDays(ref, ahead);
  if (dir === 'past') return addDays(ref, -back);
  if (dir === 'future') return addDays(ref, ahead);
  if (dir === 'last') {
    if (back === 0) back = 7;
    return addDays(ref, -back);
  }
  if (ahead === 0) ahead = 7;
  return addDays(ref, ahead);
}

/**
 * Which way an expression without a year (or week) points: 'past' (on/before the reference), 'future'
 * (on/after it, within a bound), or 'near' when the clause gives no tense: the nearest occurrence with a
 * past bias (see NEAR_AHEAD_DAYS).
 */
export type Direction = 'past' | 'future' | 'near';

/** With a future cue, a month-day or month resolves ahead only within this many days (else the past one). */
export const FUTURE_AHEAD_DAYS = 183;
/**
 * Without any tense cue, a month-day resolves ahead only when that is at most ~3 months away (then the past
 * candidate is 9+ months back, and news that far back names its year). Everything else stays in the past:
 * a 3:1 bias towards the past, as news reports mostly what happened. A bare month goes ahead only when the
 * whole month lies within that window, i.e. at most 2 months after the reference month.
 */
export const NEAR_AHEAD_DAYS = 92;
export const NEAR_AHEAD_MONTHS = 2;

function daysBetween(y1: number, m1: number, d1: number, y2: number, m2: number, d2: number): number {
  return (Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86400000;
}

/**
 * Resolves a month-day without a year: the most recent such date on/before the reference ('past'); with
 * 'future', the first one on/after it if that is at most FUTURE_AHEAD_DAYS ahead; with 'near', the one ahead
 * if it is at most NEAR_AHEAD_DAYS ahead. With a year-only reference the year is used as is.
 */
export function resolveMonthDay(
  ref: RefDate,
  month: number,
  day: number,
  dir: Direction | boolean,
): [number, number, number] {
  if (ref.m === undefined || ref.d === undefined) return [ref.y, month, day];
  const d = dir === true ? 'future' : dir === false ? 'past' : dir;
  const key = month * 100 + day;
  const refKey = ref.m * 100 + ref.d;
  const past = key <= refKey ? ref.y : ref.y - 1;
  if (d === 'past') return [past, month, day];
  // "by Jan. 14" written on Jan. 15 is still the one just gone.
  const y = key >= refKey ? ref.y : ref.y + 1;
  const ahead = daysBetween(ref.y, ref.m, ref.d, y, month, day);
  return [ahead <= (d === 'future' ? FUTURE_AHEAD_DAYS : NEAR_AHEAD_DAYS) ? y : past, month, day];
}

/** Same for a bare month: the reference month itself counts as the past one; ahead up to 6 months ('future') or NEAR_AHEAD_MONTHS ('near'). */
export function resolveMonth(ref: RefDate, month: number, dir: Direction | boolean): [number, number] {
  if (ref.m === undefined) return [ref.y, month];
  const d = dir === true ? 'future' : dir === false ? 'past' : dir;
  const past = month <= ref.m ? ref.y : ref.y - 1;
  if (d === 'past') return [past, month];
  const y = month >= ref.m ? ref.y : ref.y + 1;
  return [
    (y - ref.y) * 12 + month - ref.m <= (d === 'future' ? 6 : NEAR_AHEAD_MONTHS) && month !== ref.m ? y : past,
    month,
  ];
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y || 2000, m);
}
