/**
 * The language-neutral part of the date rules: the context a rule sees, the helpers rules share (number words,
 * tense and direction, candidates) and the rule bodies every language uses (years, relative periods, "ago").
 * Each language pack builds its own rules from these (src/core/lang/<code>/dateRules.ts).
 */
import type { DateKind, DateMention } from '../types';
import type { DateLanguage } from '../lang/pack';
import {
  type RefDate,
  addDays,
  fmtDate,
  isoWeek,
  addMonths,
  resolveWeekday,
  ym,
  pad,
  type Direction,
} from './calendar';
import { clauseTense } from './tense';

/** Duration units: TIMEX3 letter, multiplier, and whether they are time units (PT…). */
export interface Unit {
  letter: 'Y' | 'M' | 'W' | 'D' | 'H' | 'S';
  mult: number;
  time: boolean;
}
export const U = (letter: Unit['letter'], mult = 1, time = false): Unit => ({ letter, mult, time });

/** Alternation of the keys, longest first, escaped for a RegExp. */
export function alt(keys: Iterable<string>): string {
  return [...new Set(keys)]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Canonical season names of the relative-period rule ("last spring", "l'été dernier") → TIMEX3 codes. */
export const SEASON_CODES: Readonly<Record<string, string>> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

export type From = DateMention['resolvedFrom'];

/** A date expression found by a rule, before overlapping candidates are resolved. */
export interface Cand {
  start: number;
  end: number;
  kind: DateKind;
  value: string | null;
  from: From;
  /** Higher wins among equally long overlapping candidates. */
  prio: number;
  /** A clock time or part of day without its own day ("3 p.m.", "la nuit"): anchored afterwards. */
  timeOnly?: string;
}

/** What a rule sees: one piece of text, the language's date words and the reference date. */
export interface Ctx {
  s: string;
  base: number;
  lang: DateLanguage;
  ref: RefDate | null;
  rd: Date | null;
  out: Cand[];
}

export type Handler = (m: RegExpMatchArray, c: Ctx) => void;
export interface Rule {
  re: RegExp;
  fn: Handler;
}

export const B = '(?<![\\p{L}\\p{N}_])';
export const E = '(?![\\p{L}\\p{N}_])';
export const APOS = "['’]";

// ---------------------------------------------------------------------------------------------- helpers

export function lower(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

export function parseNum(word: string, lang: DateLanguage): number | null {
  const w = lower(word).replace(/^(?:a|an|une?)\s+(?=(?:dizaine|quinzaine|vingtaine|centaine|couple|dozen))/, (x) => x);
  if (/^\d+(?:[.,]\d+)?$/.test(w)) return Number(w.replace(',', '.'));
  const table = lang.numbers;
  if (table[w] !== undefined) return table[w];
  let sum = 0;
  for (const part of w.split(/[-\s]+/)) {
    if (part === 'et' || part === 'and') continue;
    const v = table[part];
    if (v === undefined) return null;
    sum += v;
  }
  return sum || null;
}

export function isVague(word: string, lang: DateLanguage): boolean {
  const w = lower(word);
  return lang.vague.includes(w);
}

export function durationValue(n: number | null, unit: Unit): string {
  if (n === null) return unit.time ? `PTX${unit.letter}` : `PX${unit.mult >= 10 ? 'Y' : unit.letter}`;
  const total = Math.round(n * unit.mult * 1000) / 1000;
  if (!Number.isInteger(total) && !unit.time) {
    // "a year and a half" style values: express in the next smaller unit where simple.
    if (unit.letter === 'Y') return `P${Math.round(total * 12)}M`;
    if (unit.letter === 'D') return `PT${Math.round(total * 24)}H`;
  }
  return unit.time ? `PT${total}${unit.letter}` : `P${total}${unit.letter}`;
}

export function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Start of the sentence containing `pos` (bounded look-back). */
export function sentenceBefore(s: string, pos: number): string {
  const from = Math.max(0, pos - 160);
  const seg = s.slice(from, pos);
  // A sentence end: . ! ? after a word of 2+ letters without inner periods ("a.m.", "U.S." do not end one).
  let cut = seg.lastIndexOf('\n');
  for (const m of seg.matchAll(/(?:(?<![\p{L}.])\p{L}{2,}|\d|["”'’)])[.!?]+["”'’)]*\s/gu))
    cut = Math.max(cut, m.index! + m[0].length - 1);
  return cut >= 0 ? seg.slice(cut + 1) : seg;
}

export function sentenceAfter(s: string, pos: number): string {
  const seg = s.slice(pos, pos + 80);
  const cut = seg.search(/[.!?](?:\s|$)|\n/);
  return cut >= 0 ? seg.slice(0, cut) : seg;
}

/** Whether the sentence around [start, end) speaks of the future. */
export function futureCue(c: Ctx, start: number, end: number, weekday = false): boolean {
  const re = weekday ? c.lang.futureWeekday : c.lang.future;
  const before = sentenceBefore(c.s, start);
  const after = sentenceAfter(c.s, end);
  // A weekday takes its tense from its own clause: a short window.
  if (weekday)
    return (
      re.test(before.slice(-70)) || re.test(after.slice(0, 30)) || (c.lang.intent?.test(before.slice(-70)) ?? false)
    );
  return re.test(before) || re.test(after);
}

/**
 * Direction for a month-day or month without a year: the tense of its own clause (nearest past or future cue,
 * `dates/tense.ts`), else a future cue anywhere in the sentence, else 'near' (the nearest occurrence with a past
 * bias: ahead only within ~3 months, `dates/calendar.ts`).
 */
export function dayDir(c: Ctx, start: number, end: number): Direction {
  const t = clauseTense(c.s, start, end, c.lang.pastCues, [c.lang.future]);
  if (t) return t;
  return futureCue(c, start, end) ? 'future' : 'near';
}

/** Direction for a bare weekday: the tense of its own clause, else 'near' (see `resolveWeekday`). */
export function weekdayDir(c: Ctx, start: number, end: number): Direction {
  const intent = c.lang.intent;
  return clauseTense(c.s, start, end, c.lang.pastCues, [c.lang.futureWeekday], intent ? [intent] : []) ?? 'near';
}

export function push(
  c: Ctx,
  start: number,
  end: number,
  kind: DateKind,
  value: string | null,
  from: From,
  prio = 0,
  timeOnly?: string,
): void {
  // Trim white space the patterns may have taken at the edges.
  const text = c.s.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  start += lead;
  end -= trail;
  if (end <= start) return;
  c.out.push({
    start: c.base + start,
    end: c.base + end,
    kind,
    value,
    from: value === null ? 'none' : from,
    prio,
    timeOnly,
  });
}

export function seasonOf(month: number): string {
  if (month >= 3 && month <= 5) return 'SP';
  if (month >= 6 && month <= 8) return 'SU';
  if (month >= 9 && month <= 11) return 'FA';
  return 'WI';
}

export const SEASON_END: Record<string, number> = { SP: 5, SU: 8, FA: 11, WI: 2 };

/** Day-level value for a weekday, or an unanchored TIMEX3 weekday. */
export function weekdayValue(c: Ctx, wd: number, dir: Direction | 'last' | 'next'): [string, From] {
  if (!c.rd) return [`XXXX-WXX-${wd === 0 ? 7 : wd}`, 'none'];
  return [fmtDate(resolveWeekday(c.rd, wd, dir)), 'reference'];
}

export function yearOf2(d: string): number {
  const n = Number(d);
  if (d.length === 4) return n;
  return n >= 30 ? 1900 + n : 2000 + n;
}

export function prepBefore(c: Ctx, start: number): boolean {
  const before = c.s.slice(Math.max(0, start - 24), start);
  return c.lang.datePrepositions.test(before);
}

// ---------------------------------------------------------------------------------------------- shared rule bodies

export function yearRule(m: RegExpMatchArray, c: Ctx, decade: boolean, index?: number): void {
  const st = index ?? m.index!;
  const en = st + m[0].length;
  const yearStr = m[3];
  const mod = m[2];
  if (decade) {
    if (!yearStr.endsWith('0')) return;
    return push(c, st + m[0].indexOf(yearStr), en, 'date', yearStr.slice(0, 3), 'explicit', 1);
  }
  // TimeBank leaves "the", "early", "late", "fiscal" out of a year's span.
  const s0 = st + m[0].indexOf(yearStr);
  const after = c.s.slice(en, en + 24);
  const ok = Boolean(mod) || prepBefore(c, s0) || /^\s*(?:[.,;:)\]]|$|'s|\s-)/.test(after) || /^\s*$/.test(after);
  if (!ok) return;
  // A year followed by a plural noun is a count ("2000 people").
  const next = /^\s+(\p{Ll}+)/u.exec(after);
  if (
    next &&
    /s$/.test(next[1]) &&
    !/^(?:was|has|is|as|its|his|this|does|says|tous|les|des|dans|mais|depuis|plus|sous|sans|chez|vers|alors|puis)$/.test(
      next[1],
    ) &&
    !prepBefore(c, s0)
  )
    return;
  push(c, s0, en, 'date', yearStr, 'explicit', 1);
}

/** The nearest date value before `st` (piece-relative) within ~600 characters that `re` extracts a part from. */
export function antecedent(c: Ctx, st: number, re: RegExp): string | null {
  let best: { end: number; v: string } | null = null;
  for (const cd of c.out) {
    if (cd.end > c.base + st || cd.end < c.base + st - 600 || !cd.value || cd.kind === 'duration' || cd.kind === 'set')
      continue;
    const m = re.exec(cd.value);
    if (m && (!best || cd.end > best.end || (cd.end === best.end && m[1].length > best.v.length)))
      best = { end: cd.end, v: m[1] };
  }
  return best?.v ?? null;
}

export function periodRule(c: Ctx, st: number, en: number, det: string, unit: string): void {
  const r = c.ref;
  const rd = c.rd;
  const durationDet =
    det === 'past' || det === 'the-past' || det === 'the-coming' || det === 'coming' || det === 'the-next';
  if (durationDet) {
    const u: Record<string, string> = {
      week: 'P1W',
      month: 'P1M',
      year: 'P1Y',
      weekend: 'P2D',
      decade: 'P10Y',
      century: 'P100Y',
      quarter: 'P3M',
    };
    if (u[unit]) return push(c, st, en, 'duration', u[unit], 'explicit', 2);
  }
  const dir = det === 'last' || det === 'previous' || det === 'the-last' ? -1 : det === 'next' ? 1 : 0;
  if (det === 'that' && (unit === 'year' || unit === 'month')) {
    // Anaphoric "that year", "later that month": the year (month) of the nearest date named before it in the
    // same piece ("fled in June 1998 and returned later that year" → 1998), else the reference's.
    const prev = antecedent(c, st, unit === 'year' ? /^(\d{4})/ : /^(\d{4}-\d{2})/);
    if (prev) return push(c, st, en, 'relative', prev, 'explicit', 2);
  }
  let v: string | null = null;
  switch (unit) {
    case 'week':
      v = rd ? isoWeek(addDays(rd, 7 * dir)) : null;
      break;
    case 'weekend': {
      // Early in the week, "this weekend" in past-tense news is the one just gone.
      const back = dir === 0 && rd && rd.getUTCDay() >= 1 && rd.getUTCDay() <= 3 && !futureCue(c, st, en) ? -7 : 0;
      v = rd ? isoWeek(addDays(rd, 7 * dir + back)) + '-WE' : null;
      break;
    }
    case 'month':
      if (r?.m !== undefined) {
        const [y, mo] = addMonths(r.y, r.m, dir);
        v = ym(y, mo);
      }
      break;
    case 'year':
      v = r ? pad(r.y + dir, 4) : null;
      break;
    case 'decade':
      v = r ? String(Math.floor(r.y / 10) + dir) : null;
      break;
    case 'century':
      v = r ? String(Math.floor(r.y / 100) + dir) : null;
      break;
    case 'quarter':
      if (r?.m !== undefined) {
        let q = Math.ceil(r.m / 3) + dir;
        let y = r.y;
        if (q < 1) {
          q = 4;
          y--;
        }
        if (q > 4) {
          q = 1;
          y++;
        }
        v = `${pad(y, 4)}-Q${q}`;
      }
      break;
    default: {
      const code = SEASON_CODES[unit];
      if (!code || !r) break;
      let y = r.y;
      if (r.m !== undefined) {
        const cur = seasonOf(r.m);
        if (dir === -1) y = r.m > SEASON_END[code] && cur !== code ? r.y : r.y - 1;
        else if (dir === 1) y = r.m < SEASON_END[code] - 2 ? r.y : r.y + 1;
        if (code === 'WI' && r.m === 12 && dir === 0) y = r.y;
      }
      v = `${pad(y, 4)}-${code}`;
    }
  }
  push(c, st, en, 'relative', v, 'reference', 2);
}

export function agoRule(m: RegExpMatchArray, c: Ctx, numW: string | undefined, unitW: string): void {
  const st = m.index!;
  const en = st + m[0].length;
  const units = c.lang.units;
  const unit = units[lower(unitW)];
  if (!unit) return;
  const n = numW && !isVague(numW, c.lang) && lower(numW) !== 'a few' ? parseNum(numW, c.lang) : null;
  if (n === null || !Number.isInteger(n * unit.mult)) return push(c, st, en, 'relative', 'PAST_REF', 'explicit', 2);
  const k = n * unit.mult;
  const r = c.ref;
  let v: string | null = null;
  if (unit.time) {
    v = c.rd ? fmtDate(c.rd) : null;
  } else if (unit.letter === 'D') {
    v = c.rd ? fmtDate(addDays(c.rd, -k)) : null;
  } else if (unit.letter === 'W') {
    v = c.rd ? isoWeek(addDays(c.rd, -7 * k)) : null;
  } else if (unit.letter === 'M') {
    if (r?.m !== undefined) {
      const [y, mo] = addMonths(r.y, r.m, -k);
      v = ym(y, mo);
    }
  } else if (r) {
    v = pad(r.y - k, 4);
  }
  push(c, st, en, 'relative', v, 'reference', 2);
}
