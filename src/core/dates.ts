/**
 * Date layer: finds date, time, duration and set expressions in English and French news text and
 * resolves them to TIMEX3-style values against the article's reference date.
 *
 * Design:
 * - A rule layer (regular expressions over a lexicon: the language pack's `dateRules.ts` and `dateWords.ts`)
 *   finds the expressions news uses ("June 1", "15 septembre", "Monday morning", "ten days ago", "début août", "within 90 days",
 *   "chaque année", "3 p.m.", "21 h 45") with TimeBank-style spans (signals such as "on", "within",
 *   "pendant" are not part of the span).
 * - `chrono-node` (EN `chrono.en`, FR `chrono.fr`) adds numeric forms the rules do not cover
 *   ("8/17/2020", "2020-08-17"); its word-only hits are not used, which removes its false hits on
 *   "Sun", "may", "March", "second", "now".
 * - Resolution (`dates/calendar.ts`, `dates/tense.ts`): an expression that does not say which way it points
 *   ("Tuesday", "Feb. 10", "May") takes the tense of its own clause: the nearest past cue ("said", "was",
 *   "-ed", "a annoncé", "était") or future cue ("will", "next", "until", "prochain", "jusqu'au", a French
 *   future tense) around it. Past → the most recent one on/before the reference; future → the first one
 *   on/after it (a month-day at most ~6 months ahead). Without any cue → the nearest occurrence with a past
 *   bias: a month-day goes ahead only when ≤ 92 days ahead (the past one is then 9+ months back), a bare
 *   month only when ≤ 2 months ahead, a weekday only when it is the day after the reference ("Tuesday" in a
 *   Monday article). "June 1" in an article of mid-August is always the past June 1.
 * - English values keep a part of day out of the value ("Friday night" → the day), French values keep it
 *   ("ce soir" → TEV), following each language's TimeBank (see EN_PART_OF_DAY_IN_VALUE).
 * - With only a year known (e.g. "© 2020"), "June 1" → "2020-06-01", "this year" → "2020", but a bare
 *   weekday or "yesterday" cannot be placed: a weekday gets "XXXX-WXX-1" (TIMEX3 "some Monday"),
 *   "yesterday" gets null; both are marked `resolvedFrom: 'none'`.
 * - A language without a pack gets the language-neutral part only: ISO dates ("2020-08-17").
 * - Work is done per paragraph (a long paragraph is cut into bounded pieces at white space), with a
 *   cancellation check between pieces. All regexes are linear (no nested quantifiers).
 */
import type { DateMention, ReferenceDate } from './types';
import { throwIfAborted } from './abort';
import { allPacks } from './lang/registry';
import type { DateLanguage, LanguagePack } from './lang/pack';
import { parseRef, refDate, fmtDate, resolveMonthDay, validDay, ymd, pad } from './dates/calendar';
import { B, E, alt, lower, push, type Cand, type Ctx, type From } from './dates/ruleKit';
import { chooseReferenceDate, HISTORY_BEFORE } from './referenceDate';

/** Longest piece of text handed to the rules and to chrono at once. */
const MAX_PIECE = 4000;

// ---------------------------------------------------------------------------------------------- chrono

/** Numeric dates chrono finds and the rules do not ("8/17/2020", "2020-08-17", "17.08.2020"). */
function chronoNumeric(c: Ctx): void {
  if (!/\d[/.-]\d/.test(c.s)) return;
  const parser = c.lang.chrono;
  const instant = c.rd ?? new Date(Date.UTC(c.ref?.y ?? 2000, 0, 1));
  let results: ReturnType<DateLanguage['chrono']['parse']>;
  try {
    results = parser.parse(c.s, { instant, timezone: 0 });
  } catch {
    return;
  }
  for (const r of results) {
    if (!/\d[/.-]\d/.test(r.text)) continue;
    const around =
      c.s.slice(Math.max(0, r.index - 2), r.index) +
      '|' +
      c.s.slice(r.index + r.text.trimEnd().length, r.index + r.text.trimEnd().length + 2);
    if (/[\d.,/-]\d|\d[.,/-]|[.,/-]\d/.test(around.replace('|', ' '))) continue; // part of a phone number or a longer figure
    const k = r.start;
    const y = k.get('year');
    const mo = k.get('month');
    const d = k.get('day');
    if (!k.isCertain('month') || !k.isCertain('day') || y === null || mo === null || d === null) continue;
    const text = r.text.trimEnd();
    const certainYear = k.isCertain('year');
    let v: string;
    let from: From = 'explicit';
    if (certainYear) v = ymd(y, mo, d);
    else if (c.ref) {
      v = ymd(resolveMonthDay(c.ref, mo, d, false)[0], mo, d);
      from = 'reference';
    } else {
      v = `XXXX-${pad(mo)}-${pad(d)}`;
      from = 'none';
    }
    if (k.isCertain('hour')) v += `T${pad(k.get('hour') ?? 0)}:${pad(k.get('minute') ?? 0)}`;
    push(c, r.index, r.index + text.length, k.isCertain('hour') ? 'time' : 'date', v, from, 0);
  }
}

// ---------------------------------------------------------------------------------------------- driver

/** Pieces of at most MAX_PIECE characters, cut at paragraph breaks, then at white space. */
function pieces(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let end = Math.min(n, i + MAX_PIECE);
    if (end < n) {
      const para = text.lastIndexOf('\n', end);
      if (para > i + MAX_PIECE / 4) end = para + 1;
      else {
        let j = end;
        while (j > i + MAX_PIECE / 2 && !/\s/.test(text[j])) j--;
        if (j > i + MAX_PIECE / 2) end = j + 1;
      }
    }
    out.push([i, end]);
    i = end;
  }
  return out;
}

function select(cands: Cand[]): Cand[] {
  const sorted = cands
    .slice()
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
  const kept: Cand[] = [];
  // Interval check against kept spans (kept is small per piece; sorted insertion keeps this near-linear).
  const starts: Cand[] = [];
  for (const cd of sorted) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].start < cd.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = starts[lo - 1];
    const next = starts[lo];
    if ((prev && prev.end > cd.start) || (next && next.start < cd.end)) continue;
    starts.splice(lo, 0, cd);
    kept.push(cd);
  }
  return starts;
}

/** "9 a.m. Tuesday", "4 a.m. EDT Thursday", "hier à 10 h": a clock time next to its day is one expression. */
function mergeTimeDay(cands: Cand[], text: string, lang: DateLanguage): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (
      lang.dayThenTime &&
      a.value &&
      /^\d{4}-\d{2}-\d{2}$/.test(a.value) &&
      b?.timeOnly &&
      /^T\d/.test(b.timeOnly) &&
      lang.dayThenTime.test(text.slice(a.end, b.start))
    ) {
      // "hier à 10 h"
      out.push({ start: a.start, end: b.end, kind: 'time', value: a.value + b.timeOnly, from: a.from, prio: a.prio });
      i++;
      continue;
    }
    if (
      lang.timeThenDay &&
      a.timeOnly &&
      /^T\d/.test(a.timeOnly) &&
      b &&
      b.value &&
      /^\d{4}-\d{2}-\d{2}$/.test(b.value) &&
      lang.timeThenDay.test(text.slice(a.end, b.start))
    ) {
      out.push({ start: a.start, end: b.end, kind: 'time', value: b.value + a.timeOnly, from: b.from, prio: b.prio });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Gives clock times and parts of day the day of the nearest preceding day-level date in the same piece. */
function anchorTimes(cands: Cand[], text: string, rd: Date | null): void {
  let lastDay: { value: string; end: number } | null = null;
  for (let i = 0; i < cands.length; i++) {
    const cd = cands[i];
    if (cd.timeOnly) {
      let day: string | null = rd ? fmtDate(rd) : null;
      let from: From = 'reference';
      const next = cands[i + 1];
      const nextDay = next?.value ? /^(\d{4}-\d{2}-\d{2})/.exec(next.value) : null;
      if (nextDay && /^,?\s{0,2}$/.test(text.slice(cd.end, next.start)))
        day = nextDay[1]; // "vers 0 h 40, jeudi"
      else if (lastDay && cd.start - lastDay.end < 1500) day = lastDay.value;
      if (!day) {
        cd.value = null;
        from = 'none';
      } else cd.value = day + cd.timeOnly;
      cd.from = from;
      continue;
    }
    const m = cd.value ? /^(\d{4}-\d{2}-\d{2})/.exec(cd.value) : null;
    if (m) lastDay = { value: m[1], end: cd.end };
  }
}

/**
 * Finds date, time, duration and set expressions and resolves them against `reference` (YYYY-MM-DD or YYYY).
 * Without a language pack, ISO dates only.
 */
export function findDates(
  text: string,
  pack: LanguagePack | undefined,
  reference: string | null,
  signal?: AbortSignal,
): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  if (!pack) return isoDates(text, signal);
  const L = pack.dates;
  const ref = parseRef(reference);
  const rd = refDate(ref);
  const rules = L.rules();
  const all: Cand[] = [];
  for (const [a, b] of pieces(text)) {
    throwIfAborted(signal);
    const c: Ctx = { s: text.slice(a, b), base: a, lang: L, ref, rd, out: [] };
    for (const rule of rules) {
      for (const m of c.s.matchAll(rule.re)) rule.fn(m, c);
    }
    chronoNumeric(c);
    const kept = mergeTimeDay(select(c.out), text, L);
    anchorTimes(kept, text, rd);
    all.push(...kept);
  }
  return all.map((cd) => ({
    start: cd.start,
    end: cd.end,
    text: text.slice(cd.start, cd.end),
    kind: cd.kind,
    value: cd.value,
    resolvedFrom: cd.value === null ? 'none' : cd.from,
  }));
}

const ISO_DATE = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;

/** The language-neutral dates: ISO 8601 calendar dates, which read the same in every language. */
function isoDates(text: string, signal?: AbortSignal): DateMention[] {
  const out: DateMention[] = [];
  for (const [a, b] of pieces(text)) {
    throwIfAborted(signal);
    for (const m of text.slice(a, b).matchAll(ISO_DATE)) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!validDay(y, mo, d)) continue;
      const start = a + m.index!;
      const value = ymd(y, mo, d);
      out.push({ start, end: start + m[0].length, text: m[0], kind: 'date', value, resolvedFrom: 'explicit' });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- reference date

const HEAD = 1500;

/**
 * Finds the article's own reference date: a dateline, an explicit full date, a "© 2020" line. A dateline may name
 * its month in any language with a pack ("WASHINGTON, Aug. 17, 2020" heads French articles too); without a pack
 * only ISO dates and the copyright year are read.
 */
export function findReferenceDate(text: string, pack: LanguagePack | undefined): ReferenceDate | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const head = text.slice(0, HEAD);
  const months: Record<string, number> = pack ? Object.assign({}, ...allPacks().map((p) => p.dates.months)) : {};
  const MON = alt(Object.keys(months));
  const mk = (value: string, source: ReferenceDate['source'], start: number, end: number): ReferenceDate => ({
    value,
    source,
    span: { start, end, text: text.slice(start, end) },
  });
  const full: Array<{ y: number; m: number; d: number; start: number; end: number }> = [];
  const reMD = new RegExp(`${B}(${MON})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`, 'giu');
  const reDM = new RegExp(`${B}(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\.?,?\\s+(\\d{4})${E}`, 'giu');
  const reISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
  const reNum = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d])/g;
  if (pack)
    for (const m of head.matchAll(reMD))
      full.push({
        y: Number(m[3]),
        m: months[lower(m[1]).replace('.', '')],
        d: Number(m[2]),
        start: m.index!,
        end: m.index! + m[0].length,
      });
  if (pack)
    for (const m of head.matchAll(reDM))
      full.push({
        y: Number(m[3]),
        m: months[lower(m[2]).replace('.', '')],
        d: Number(m[1]),
        start: m.index!,
        end: m.index! + m[0].length,
      });
  for (const m of head.matchAll(reISO))
    full.push({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), start: m.index!, end: m.index! + m[0].length });
  for (const m of pack ? head.matchAll(reNum) : []) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Day first in French and when the first number cannot be a month; month first otherwise (US style).
    const [mo, d] = pack?.dates.dayFirst || a > 12 ? [b, a] : [a, b];
    full.push({ y: Number(m[3]), m: mo, d, start: m.index!, end: m.index! + m[0].length });
  }
  const valid = full
    .filter((f) => f.m && f.y >= 1800 && f.y <= 2200 && validDay(f.y, f.m, f.d))
    .sort((a, b) => a.start - b.start);
  // dateline, then the weekday and date of the reported events, then a date that is not history (referenceDate.ts)
  const chosen = chooseReferenceDate(text, head, valid, {
    months,
    weekdays: pack ? Object.assign({}, ...allPacks().map((p) => p.dates.weekdays)) : {},
    historyBefore: HISTORY_BEFORE,
  });
  if (chosen) return chosen;
  // "© 2020 AFP", "Copyright 2020", "(c) 2020"
  const reCopy = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(\d{4})(?!\d)/gi;
  let last: RegExpMatchArray | null = null;
  for (const m of text.slice(0, HEAD).matchAll(reCopy)) {
    last = m;
    break;
  }
  if (!last && text.length > HEAD) {
    const tailStart = Math.max(HEAD, text.length - 3000);
    for (const m of text.slice(tailStart).matchAll(reCopy)) last = Object.assign(m, { index: m.index! + tailStart });
  } else if (!last) {
    for (const m of text.slice(0, HEAD).matchAll(reCopy)) last = m;
  }
  if (last) {
    const y = Number(last[1]);
    if (y >= 1800 && y <= 2200) return mk(String(y), 'copyright', last.index!, last.index! + last[0].length);
  }
  return null;
}
