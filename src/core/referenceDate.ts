import { validDay, ymd } from './dates/calendar';
import type { ReferenceDate } from './types';

/**
 * Chooses an article's reference date ("today" for its relative dates) among the full dates near its top.
 *
 * Order of preference:
 *   1. a dateline: a full date on a short line of its own or with a place or an agency ("WASHINGTON, Aug. 17, 2020");
 *   2. a weekday with its date, the way news dates the events it reports ("on Thursday 31 October", "lundi 17 août
 *      2020"); without a year, the year is the one (next to the latest year the article mentions) in which that day
 *      falls on that weekday;
 *   3. the first full date that is not history.
 * A date is history when the article names a past event by it ("les attentats du 11 septembre 2001", "since June
 * 2, 1998") or when it lies in a year before the latest year the article's top mentions. History never becomes the
 * reference date: with nothing else, there is none (the caller then falls back on a copyright line or on today).
 */

/** A full date found in the text (day, month, year), with its span. */
export interface FullDate {
  y: number;
  m: number;
  d: number;
  start: number;
  end: number;
}

/** The words the choice reads, per language (lower case). */
export interface ReferenceWords {
  months: Readonly<Record<string, number>>;
  /** Weekday name → 0 (Sunday) … 6. */
  weekdays: Readonly<Record<string, number>>;
  /**
   * Words right before a date that make it the name of a past event or a starting point, not the date of the news:
   * "since", "depuis", "of" / "du" after a noun ("the attacks of", "les attentats du").
   */
  historyBefore: RegExp;
}

const AGENCY = /\((?:AFP|AP|Reuters|UPI|dpa|ANSA|EFE|Xinhua|Bloomberg)\)/i;

/** Line of `text` around [start, end). */
function lineAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  return text.slice(lineStart, lineEnd);
}

function isDateline(text: string, f: FullDate): boolean {
  const line = lineAround(text, f.start, f.end);
  // "PARIS, 14 septembre 2020 (AFP) - Le ministre…": the dateline may open the first paragraph
  const lineStart = text.lastIndexOf('\n', f.start) + 1;
  const lead = text.slice(lineStart, Math.min(f.end + 12, lineStart + line.length));
  if (f.start - lineStart < 60 && (AGENCY.test(lead) || /^\s*\p{Lu}[\p{Lu} .'-]*,/u.test(lead))) return true;
  if (line.length >= 120) return false;
  if (AGENCY.test(line) || /^\s*\p{Lu}[\p{Lu}\p{L} .'-]*,/u.test(line) || /[—–-]\s*$/.test(line)) return true;
  // a line that is little more than the date ("Published Monday 17 August 2020, 10:32"), not a sentence
  const rest = line.replace(text.slice(f.start, f.end), '').trim();
  return rest.length < 40 && !/[.!?]["”»]?$/.test(line.trim());
}

/** Years from 1800 to 2200 written in the text (four digits). */
function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\d.,/-])(1[89]\d\d|2[01]\d\d)(?![\d])/g)) out.push(Number(m[1]));
  return out;
}

function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function alt(keys: Iterable<string>): string {
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

interface WeekdayDate {
  weekday: number;
  m: number;
  d: number;
  y: number | null;
  start: number;
  end: number;
}

/** "Thursday 31 October", "Thursday, Oct. 31, 2019", "jeudi 31 octobre 2019", "lundi 1er juin". */
function weekdayDates(head: string, words: ReferenceWords): WeekdayDate[] {
  const WD = alt(Object.keys(words.weekdays));
  const MON = alt(Object.keys(words.months));
  const B = '(?<![\\p{L}\\p{N}_])';
  const E = '(?![\\p{L}\\p{N}_])';
  const out: WeekdayDate[] = [];
  const dayFirst = new RegExp(
    `${B}(${WD}),?\\s+(?:the\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\.?(?:,?\\s+(\\d{4}))?${E}`,
    'giu',
  );
  const monthFirst = new RegExp(
    `${B}(${WD}),?\\s+(${MON})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`,
    'giu',
  );
  const push = (m: RegExpMatchArray, wd: string, mon: string, day: string, year: string | undefined): void => {
    const month = words.months[mon.toLowerCase().replace('.', '')];
    const weekday = words.weekdays[wd.toLowerCase()];
    if (!month || weekday === undefined) return;
    out.push({
      weekday,
      m: month,
      d: Number(day),
      y: year ? Number(year) : null,
      start: m.index!,
      end: m.index! + m[0].length,
    });
  };
  for (const m of head.matchAll(dayFirst)) push(m, m[1], m[3], m[2], m[4]);
  for (const m of head.matchAll(monthFirst)) push(m, m[1], m[2], m[3], m[4]);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The reference date among `full` (full dates found in `head`, the top of `text`), or null when there is none that
 * is not history. `head` is a prefix of `text`; offsets are offsets in both.
 */
export function chooseReferenceDate(
  text: string,
  head: string,
  full: readonly FullDate[],
  words: ReferenceWords,
): ReferenceDate | null {
  const mk = (
    value: string,
    source: ReferenceDate['source'],
    start: number,
    end: number,
    reason: string,
  ): ReferenceDate => ({
    value,
    source,
    span: { start, end, text: text.slice(start, end) },
    reason,
  });
  const sorted = [...full].sort((a, b) => a.start - b.start);
  const dateline = sorted.find((f) => isDateline(head, f));
  if (dateline)
    return mk(ymd(dateline.y, dateline.m, dateline.d), 'dateline', dateline.start, dateline.end, 'the dateline');

  const years = yearsIn(head);
  const latest = years.length ? Math.max(...years) : null;
  for (const w of weekdayDates(head, words)) {
    if (w.y !== null) {
      if (validDay(w.y, w.m, w.d) && weekdayOf(w.y, w.m, w.d) === w.weekday && (latest === null || w.y >= latest)) {
        return mk(ymd(w.y, w.m, w.d), 'text', w.start, w.end, 'the weekday and date of the reported events');
      }
      continue;
    }
    // no year written: the year of the article's latest year mention, or one next to it, that fits the weekday
    const anchor = latest ?? (sorted.length ? Math.max(...sorted.map((f) => f.y)) : null);
    if (anchor === null) continue;
    for (const y of [anchor, anchor + 1, anchor - 1]) {
      if (validDay(y, w.m, w.d) && weekdayOf(y, w.m, w.d) === w.weekday) {
        return mk(
          ymd(y, w.m, w.d),
          'text',
          w.start,
          w.end,
          'the weekday and date of the reported events (the year is the one in which that day has that weekday)',
        );
      }
    }
  }

  for (const f of sorted) {
    if (latest !== null && f.y < latest) continue;
    const before = head.slice(Math.max(0, f.start - 40), f.start);
    if (words.historyBefore.test(before)) continue;
    // "the Aug. 7, 1998, bombings": a date used as the name of an event
    if (/(?:^|\s)the\s*$/i.test(before) && /^,?\s+\p{Ll}/u.test(head.slice(f.end, f.end + 3))) continue;
    return mk(ymd(f.y, f.m, f.d), 'text', f.start, f.end, 'the first date of the text that is not history');
  }
  return null;
}

/**
 * History cues of English and French (the words before a date that name a past event by it). A date after "du" /
 * "of" counts as history only after a noun ("les attentats du", "the attacks of"), not after "le" / "on".
 */
export const HISTORY_BEFORE = new RegExp(
  [
    "(?:^|[^\\p{L}])(?:since|until|till|depuis|jusqu[’']?au|anniversary\\s+of|anniversaire\\s+du)(?:\\s+(?:the|le|on))?\\s*$",
    // births and deaths: "born in Ohio on", "née à Valleroy le"
    '(?:^|[^\\p{L}])(?:born|died|née?|morte?|décédée?)(?:\\s+[^\\s.!?]+){0,4}\\s*$',
    '\\p{L}{3,}\\s+(?:of|du|from)\\s+(?:the\\s+)?$',
  ].join('|'),
  'iu',
);
