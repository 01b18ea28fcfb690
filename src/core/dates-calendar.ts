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
 * Resolves a weekday (0 = Sunday … 6 = Saturday) against the reference.
 * `dir`: 'past' → on/before the reference (0…6 days back, the news default);
 * 'future' → on/after (0…6 days ahead); 'last' → strictly before (1…7 back);
 * 'next' → strictly after (1…7 ahead).
 */
export function resolveWeekday(ref: Date, weekday: number, dir: 'past' | 'future' | 'last' | 'next'): Date {
  const cur = ref.getUTCDay();
  let back = (cur - weekday + 7) % 7;
  let ahead = (weekday - cur + 7) % 7;
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
 * Resolves a month-day without a year: the most recent such date on/before the reference
 * (or, with `future`, the first one on/after it if that is at most ~6 months ahead). With a year-only
 * reference the year is used as is.
 */
export function resolveMonthDay(ref: RefDate, month: number, day: number, future: boolean): [number, number, number] {
  if (ref.m === undefined || ref.d === undefined) return [ref.y, month, day];
  const key = month * 100 + day;
  const refKey = ref.m * 100 + ref.d;
  const past = key <= refKey ? ref.y : ref.y - 1;
  if (future) {
    // Only the coming half-year: "by Jan. 14" written on Jan. 15 is still the one just gone.
    const y = key >= refKey ? ref.y : ref.y + 1;
    const ahead = (Date.UTC(y, month - 1, day) - Date.UTC(ref.y, ref.m - 1, ref.d)) / 86400000;
    return [ahead <= 183 ? y : past, month, day];
  }
  return [past, month, day];
}

/** Same for a bare month: the most recent one on/before the reference month (or on/after, ≤ 6 months, with `future`). */
export function resolveMonth(ref: RefDate, month: number, future: boolean): [number, number] {
  if (ref.m === undefined) return [ref.y, month];
  const past = month <= ref.m ? ref.y : ref.y - 1;
  if (future) {
    const y = month >= ref.m ? ref.y : ref.y + 1;
    return [(y - ref.y) * 12 + month - ref.m <= 6 ? y : past, month];
  }
  return [past, month];
}

export function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y || 2000, m);
}
