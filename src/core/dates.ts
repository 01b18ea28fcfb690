/**
 * Date layer: finds date, time, duration and set expressions in English and French news text and
 * resolves them to TIMEX3-style values against the article's reference date.
 *
 * Design:
 * - A rule layer (regular expressions over a lexicon, `dates-lexicon.ts`) finds the expressions news
 *   uses ("June 1", "15 septembre", "Monday morning", "ten days ago", "début août", "within 90 days",
 *   "chaque année", "3 p.m.", "21 h 45") with TimeBank-style spans (signals such as "on", "within",
 *   "pendant" are not part of the span).
 * - `chrono-node` (EN `chrono.en`, FR `chrono.fr`) adds numeric forms the rules do not cover
 *   ("8/17/2020", "2020-08-17"); its word-only hits are not used, which removes its false hits on
 *   "Sun", "may", "March", "second", "now".
 * - Resolution (`dates-calendar.ts`, `dates-tense.ts`): an expression that does not say which way it points
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
 * - Work is done per paragraph (a long paragraph is cut into bounded pieces at white space), with a
 *   cancellation check between pieces. All regexes are linear (no nested quantifiers).
 */
import * as chrono from 'chrono-node';
import { chooseReferenceDate, HISTORY_BEFORE } from './referenceDate';
import type { DateKind, DateMention, ReferenceDate } from './types';
import { throwIfAborted } from './text';
import {
  EN_MONTHS, FR_MONTHS, EN_WEEKDAYS, FR_WEEKDAYS, EN_NUMBERS, FR_NUMBERS, EN_VAGUE, FR_VAGUE, EN_UNITS, FR_UNITS,
  EN_DAYPARTS, FR_DAYPARTS, SEASONS, ORDINALS, alt, type Unit,
} from './dates-lexicon';
import {
  type RefDate, parseRef, refDate, addDays, fmtDate, isoWeek, addMonths, resolveWeekday, resolveMonthDay,
  resolveMonth, validDay, ymd, ym, pad, type Direction,
} from './dates-calendar';
import { clauseTense } from './dates-tense';

type From = DateMention['resolvedFrom'];

interface Cand {
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

interface Ctx {
  s: string;
  base: number;
  lang: 'en' | 'fr';
  ref: RefDate | null;
  rd: Date | null;
  out: Cand[];
}

type Handler = (m: RegExpMatchArray, c: Ctx) => void;
interface Rule {
  re: RegExp;
  fn: Handler;
}

const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
const APOS = "['’]";

/** Longest piece of text handed to the rules and to chrono at once. */
const MAX_PIECE = 4000;

// ---------------------------------------------------------------------------------------------- helpers

function lower(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

function parseNum(word: string, lang: 'en' | 'fr'): number | null {
  const w = lower(word).replace(/^(?:a|an|une?)\s+(?=(?:dizaine|quinzaine|vingtaine|centaine|couple|dozen))/, (x) => x);
  if (/^\d+(?:[.,]\d+)?$/.test(w)) return Number(w.replace(',', '.'));
  const table = lang === 'en' ? EN_NUMBERS : FR_NUMBERS;
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

function isVague(word: string, lang: 'en' | 'fr'): boolean {
  const w = lower(word);
  return (lang === 'en' ? EN_VAGUE : FR_VAGUE).includes(w);
}

function durationValue(n: number | null, unit: Unit): string {
  if (n === null) return unit.time ? `PTX${unit.letter}` : `PX${unit.mult >= 10 ? 'Y' : unit.letter}`;
  const total = Math.round(n * unit.mult * 1000) / 1000;
  if (!Number.isInteger(total) && !unit.time) {
    // "a year and a half" style values: express in the next smaller unit where simple.
    if (unit.letter === 'Y') return `P${Math.round(total * 12)}M`;
    if (unit.letter === 'D') return `PT${Math.round(total * 24)}H`;
  }
  return unit.time ? `PT${total}${unit.letter}` : `P${total}${unit.letter}`;
}

function isUpper(ch: string | undefined): boolean {
  return !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Start of the sentence containing `pos` (bounded look-back). */
function sentenceBefore(s: string, pos: number): string {
  const from = Math.max(0, pos - 160);
  const seg = s.slice(from, pos);
  // A sentence end: . ! ? after a word of 2+ letters without inner periods ("a.m.", "U.S." do not end one).
  let cut = seg.lastIndexOf('\n');
  for (const m of seg.matchAll(/(?:(?<![\p{L}.])\p{L}{2,}|\d|["”'’)])[.!?]+["”'’)]*\s/gu)) cut = Math.max(cut, m.index! + m[0].length - 1);
  return cut >= 0 ? seg.slice(cut + 1) : seg;
}

function sentenceAfter(s: string, pos: number): string {
  const seg = s.slice(pos, pos + 80);
  const cut = seg.search(/[.!?](?:\s|$)|\n/);
  return cut >= 0 ? seg.slice(0, cut) : seg;
}

/** Cues that a weekday or month-day lies ahead of the reference (tense, schedule, deadline). */
const EN_FUTURE =
  /(?:'ll|(?<![\p{L}])(?:will|won't|shall|next(?!\s+to\b)|upcoming|scheduled|is to|are to|going to|set to|plans? to|planned|planning|expected to|tomorrow|until|till|deadline|must|should|by))(?![\p{L}])/iu;
const FR_FUTURE =
  /(?<![\p{L}])(?:prochaine?s?|jusqu['’]au|jusqu['’]à|d['’]ici|avant\s+le|sera|seront|aura|auront|fera|feront|devra|devront|pourra|pourront|va|vont|doit|doivent|prévue?s?|programmée?s?|demain|\p{L}{2,}(?:era|eront|ira|iront|dra|dront))(?![\p{L}])/iu;
/** For weekdays the bar is higher: only tense and schedule words. */
const EN_FUTURE_WD =
  /(?:'ll|(?<![\p{L}])(?:will|won't|shall|next(?!\s+to\b)|upcoming|is to|are to|going to|scheduled|would be|as soon as|as early as))(?![\p{L}])/iu;

/** French weekdays: tense only (deadline words such as "jusqu'à 17 h" say nothing about the day). */
const FR_FUTURE_WD =
  /(?<![\p{L}])(?:prochaine?s?|sera|seront|aura|auront|fera|feront|devra|devront|pourra|pourront|va|vont|prévue?s?|programmée?s?|\p{L}{2,}(?:era|eront|ira|iront|dra|dront))(?![\p{L}])/iu;

/** Intentions before a weekday ("planned to leave … on Thursday"). */
const EN_INTENT = /(?<![\p{L}])(?:plans?|planned|planning|set|expected|scheduled|due|ready)\s+to\s/iu;

/** Whether the sentence around [start, end) speaks of the future. */
function futureCue(c: Ctx, start: number, end: number, weekday = false): boolean {
  const re = c.lang === 'en' ? (weekday ? EN_FUTURE_WD : EN_FUTURE) : weekday ? FR_FUTURE_WD : FR_FUTURE;
  const before = sentenceBefore(c.s, start);
  const after = sentenceAfter(c.s, end);
  // A weekday takes its tense from its own clause: a short window.
  if (weekday) return re.test(before.slice(-70)) || re.test(after.slice(0, 30)) || (c.lang === 'en' && EN_INTENT.test(before.slice(-70)));
  return re.test(before) || re.test(after);
}

/**
 * Direction for a month-day or month without a year: the tense of its own clause (nearest past or future cue,
 * `dates-tense.ts`), else a future cue anywhere in the sentence, else 'near' (the nearest occurrence with a past
 * bias: ahead only within ~3 months, `dates-calendar.ts`).
 */
function dayDir(c: Ctx, start: number, end: number): Direction {
  const t = clauseTense(c.s, start, end, c.lang, [c.lang === 'en' ? EN_FUTURE : FR_FUTURE]);
  if (t) return t;
  return futureCue(c, start, end) ? 'future' : 'near';
}

/** Direction for a bare weekday: the tense of its own clause, else 'near' (see `resolveWeekday`). */
function weekdayDir(c: Ctx, start: number, end: number): Direction {
  return clauseTense(c.s, start, end, c.lang, [c.lang === 'en' ? EN_FUTURE_WD : FR_FUTURE_WD], c.lang === 'en' ? [EN_INTENT] : []) ?? 'near';
}

function push(c: Ctx, start: number, end: number, kind: DateKind, value: string | null, from: From, prio = 0, timeOnly?: string): void {
  // Trim white space the patterns may have taken at the edges.
  const text = c.s.slice(start, end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  start += lead;
  end -= trail;
  if (end <= start) return;
  c.out.push({ start: c.base + start, end: c.base + end, kind, value, from: value === null ? 'none' : from, prio, timeOnly });
}

function seasonOf(month: number): string {
  if (month >= 3 && month <= 5) return 'SP';
  if (month >= 6 && month <= 8) return 'SU';
  if (month >= 9 && month <= 11) return 'FA';
  return 'WI';
}

const SEASON_END: Record<string, number> = { SP: 5, SU: 8, FA: 11, WI: 2 };

/** Day-level value for a weekday, or an unanchored TIMEX3 weekday. */
function weekdayValue(c: Ctx, wd: number, dir: Direction | 'last' | 'next'): [string, From] {
  if (!c.rd) return [`XXXX-WXX-${wd === 0 ? 7 : wd}`, 'none'];
  return [fmtDate(resolveWeekday(c.rd, wd, dir)), 'reference'];
}

function yearOf2(d: string): number {
  const n = Number(d);
  if (d.length === 4) return n;
  return n >= 30 ? 1900 + n : 2000 + n;
}

/** Words before a bare year or ambiguous month that make it a date. */
const EN_DATE_PREP =
  /(?:^|[^\p{L}])(?:in|since|until|till|by|from|of|during|before|after|through|between|and|to|or|early|late|mid|fiscal|year|around|circa|for|spring|summer|fall|autumn|winter|last|next|this|end|beginning|start|middle|the|on|as|than|at|year-end)[\s-]*$/iu;
const FR_DATE_PREP =
  /(?:^|[^\p{L}])(?:en|depuis|dès|de|d['’]|jusqu['’]en|jusqu['’]à|année|l['’]année|an|fin|début|mi|entre|et|ou|pour|avant|après|vers|courant|printemps|été|automne|hiver|au|à|le|du|depuis)[\s-]*$/iu;

function prepBefore(c: Ctx, start: number): boolean {
  const before = c.s.slice(Math.max(0, start - 24), start);
  return (c.lang === 'en' ? EN_DATE_PREP : FR_DATE_PREP).test(before);
}

// ---------------------------------------------------------------------------------------------- English

/**
 * Whether an English part of day goes into the value ("Thursday morning" → "1999-10-07TMO") or not
 * ("1999-10-07"). The TimeML guidelines allow both; the English TimeBank-style annotation (TempEval-3) mostly
 * types these expressions DATE at day granularity: on the English dev data 15 of 26 weekday + part-of-day
 * expressions have the plain date (5 of them leave the part of day out of the span), and the others split
 * TNI/TEV for the same "night". A day-level value is right in most cases and never wrong about the day.
 * French TimeBank is consistent the other way ("ce soir" → TEV, "hier matin" → TMO, "la nuit" → TNI), so the
 * French rules keep the part of day.
 */
const EN_PART_OF_DAY_IN_VALUE = false;

function enRules(): Rule[] {
  const MON = alt(Object.keys(EN_MONTHS));
  const WD = alt(Object.keys(EN_WEEKDAYS));
  const NUMW = alt(Object.keys(EN_NUMBERS));
  const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${NUMW})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)`;
  const VAGUE = alt(EN_VAGUE);
  const UNIT = alt(Object.keys(EN_UNITS));
  const PART = alt(Object.keys(EN_DAYPARTS));
  const MOD = '(?:more\\s+than|less\\s+than|at\\s+least|up\\s+to|another)';
  const rules: Rule[] = [];
  const R = (src: string, fn: Handler) => rules.push({ re: new RegExp(src, 'giu'), fn });

  const monthDay = (c: Ctx, st: number, en: number, monWord: string, day: number, yearStr: string | undefined, wdWord: string | undefined) => {
    const month = EN_MONTHS[lower(monWord).replace('.', '')];
    if (!month || !isUpper(monWord[0])) return;
    // "the week of March 6": the ISO week of that day (TIMEX3 "2000-W10"), one expression.
    const weekOf = wdWord ? null : /the\s+week\s+of\s+$/i.exec(c.s.slice(Math.max(0, st - 16), st));
    if (weekOf) {
      const [y] = yearStr ? [Number(yearStr)] : c.ref ? resolveMonthDay(c.ref, month, day, dayDir(c, st, en)) : [null];
      if (y !== null && validDay(y, month, day)) {
        return push(c, st - weekOf[0].length, en, 'date', isoWeek(new Date(Date.UTC(y, month - 1, day))), yearStr ? 'explicit' : 'reference', 3);
      }
    }
    if (yearStr) {
      const y = Number(yearStr);
      if (!validDay(y, month, day)) return;
      push(c, st, en, 'date', ymd(y, month, day), 'explicit', 3);
      return;
    }
    if (!validDay(2000, month, day)) return;
    if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}-${pad(day)}`, 'none', 3);
    let [y] = resolveMonthDay(c.ref, month, day, dayDir(c, st, en));
    if (wdWord && c.rd) {
      // A weekday fixes the year: pick the nearest year where the day falls on that weekday.
      const wd = EN_WEEKDAYS[lower(wdWord)];
      for (const cand of [c.ref.y, c.ref.y - 1, c.ref.y + 1]) {
        if (validDay(cand, month, day) && new Date(Date.UTC(cand, month - 1, day)).getUTCDay() === wd) { y = cand; break; }
      }
    }
    push(c, st, en, 'date', ymd(y, month, day), 'reference', 3);
  };

  // "Friday, August 14", "Aug. 7, 1998", "June 1"
  R(`${B}(?:(${WD}),?\\s+)?(${MON})(\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    monthDay(c, st, st + m[0].length, m[2], Number(m[4]), m[5], m[1] && isUpper(m[1][0]) ? m[1] : undefined);
  });
  // "Monday 17 August", "17 August 2020", "the 4th of July"
  R(`${B}(?:(${WD}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\.?(?:,?\\s+(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    monthDay(c, st, st + m[0].length, m[3], Number(m[2]), m[4], m[1] && isUpper(m[1][0]) ? m[1] : undefined);
  });
  // "July 1997", "late November", "at the start of August", "last October", bare "April"
  R(`${B}(?:(early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of|(?:last|next|this))[\\s-]+)?(${MON})(\\.?)(?:,?\\s+(?:of\\s+)?(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    let en = st + m[0].length;
    const monWord = m[2];
    const key = lower(monWord);
    if (m[3] && !m[4] && (key.length > 3 ? key !== 'sept' : key === 'may')) en -= 1; // sentence-final period after a full name
    const month = EN_MONTHS[key];
    if (!isUpper(monWord[0])) return;
    const full = key.length > 3 ? key !== 'sept' : key === 'may';
    const mod = m[1] ? lower(m[1]) : '';
    if (m[4]) return push(c, st, en, 'date', ym(Number(m[4]), month), 'explicit', 2);
    if (!full) return; // "Jan", "Dec" alone are too often names
    if ((key === 'may' || key === 'march') && !mod && !prepBefore(c, st)) return;
    if (!mod && /^\s*\d/.test(c.s.slice(en, en + 3))) return; // left to the month-day rules
    if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}`, 'none', 2);
    let y: number;
    if (mod === 'last') y = c.ref.m !== undefined && month < c.ref.m ? c.ref.y : c.ref.y - 1;
    else if (mod === 'next') y = c.ref.m !== undefined && month > c.ref.m ? c.ref.y : c.ref.y + 1;
    else if (mod === 'this') y = c.ref.y;
    else [y] = resolveMonth(c.ref, month, dayDir(c, st, en));
    push(c, st, en, 'date', ym(y, month), 'reference', 2);
  });
  // bare years and decades: "in 2019", "fiscal 1998", "the 1990s"
  R(`(?<![\\p{L}\\p{N}_$€£][.,]?)(?:(the)\\s+)?(?:(fiscal|early|mid|late)[\\s-]+)?(1[5-9]\\d\\d|20\\d\\d)(s|'s)?(?![\\p{L}\\p{N}_%]|[.,]\\d)`, (m, c) => yearRule(m, c, Boolean(m[4] && m[4] === 's')));
  R(`${B}(?:the\\s+)?'(\\d0)s${E}`, (m, c) => {
    const st = m.index!;
    const d = Number(m[1]);
    push(c, st, st + m[0].length, 'date', String(d >= 30 ? 190 + d / 10 : 200 + d / 10), 'explicit', 1);
  });
  // weekdays: "Monday", "last Wednesday", "Friday morning", "Wednesday night"
  R(`${B}(?:(last|this|next|coming|past|early|late)\\s+)?(${WD})(?:\\s+(${PART}))?${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    if (!isUpper(m[2][0])) return;
    const wd = EN_WEEKDAYS[lower(m[2])];
    let mod = m[1] ? lower(m[1]) : '';
    let s0 = st;
    if (mod === 'early' || mod === 'late' || mod === 'past') { s0 = st + m[1].length; s0 += c.s.slice(s0).length - c.s.slice(s0).trimStart().length; mod = ''; }
    const dir = mod === 'last' ? 'last' : mod === 'next' || mod === 'coming' ? 'next' : weekdayDir(c, st, en);
    let [v, from] = weekdayValue(c, wd, dir);
    // The part of day stays in the span but not in the value: see EN_PART_OF_DAY_IN_VALUE.
    const part = m[3] && EN_PART_OF_DAY_IN_VALUE ? EN_DAYPARTS[lower(m[3])] : '';
    if (part) v = v.startsWith('XXXX') ? v : v + part;
    push(c, s0, en, part ? 'time' : 'relative', v, from, 2);
  });
  // plural weekdays as sets: "on Mondays", "every Monday"
  R(`${B}(?:(every|each)\\s+)?(${WD})(s)?${E}`, (m, c) => {
    if (!m[1] && !m[3]) return;
    if (!isUpper(m[2][0])) return;
    const st = m.index!;
    const wd = EN_WEEKDAYS[lower(m[2])];
    push(c, st, st + m[0].length, 'set', `XXXX-WXX-${wd === 0 ? 7 : wd}`, 'explicit', 3);
  });
  // deictic words
  R(`${B}(yesterday|today|tomorrow|tonight|now|nowadays|these\\s+days|the\\s+future|the\\s+past|last\\s+night|this\\s+(?:morning|afternoon|evening)|overnight)(?:\\s+(${PART}))?${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    let part = m[2] ? EN_DAYPARTS[lower(m[2])] : '';
    let en = st + m[0].length;
    if (part && !/^(?:yesterday|tomorrow|today)$/.test(w)) { en = st + m[1].length; part = ''; }
    if (w === 'now' && isUpper(m[1][0])) return; // discourse "Now, …"
    if (w === 'now' || w === 'nowadays' || w === 'these days') return push(c, st, en, 'relative', 'PRESENT_REF', 'explicit', 1);
    if (w === 'the future') return push(c, st, en, 'relative', 'FUTURE_REF', 'explicit', 1);
    if (w === 'the past') return push(c, st, en, 'relative', 'PAST_REF', 'explicit', 1);
    if (w === 'tomorrow' && !part && /(?:of|for)\s+$/i.test(c.s.slice(Math.max(0, st - 5), st))) return push(c, st, en, 'relative', 'FUTURE_REF', 'explicit', 1); // "the stars of tomorrow"
    let off = 0;
    let suffix = part;
    if (w === 'yesterday') off = -1;
    else if (w === 'tomorrow') off = 1;
    else if (w === 'tonight' || w === 'overnight') suffix = 'TNI';
    else if (w === 'last night') { off = -1; suffix = 'TNI'; }
    else if (w.startsWith('this ')) suffix = EN_DAYPARTS[w.slice(5)];
    if (!EN_PART_OF_DAY_IN_VALUE) suffix = '';
    const v = c.rd ? fmtDate(addDays(c.rd, off)) + suffix : null;
    push(c, st, en, suffix ? 'time' : 'relative', v, 'reference', 2);
  });
  // relative periods: "last week", "this year", "earlier this month", "the past decade", "next spring"
  R(`${B}(?:(earlier|later|early|late)\\s+)?(this|last|next|coming|past|previous|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|that)\\s+(week|month|year|weekend|decade|century|quarter|spring|summer|fall|autumn|winter)${E}`, (m, c) =>
    periodRule(c, m.index!, m.index! + m[0].length, lower(m[2]).replace(/^the /, 'the-'), lower(m[3])));
  // "the weekend", "over the weekend": the one on/before the reference (or the coming one with a future cue)
  R(`${B}the\\s+weekend${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    if (!c.rd) return push(c, st, en, 'relative', null, 'none', 1);
    const fut = futureCue(c, st, en, true);
    const sat = resolveWeekday(c.rd, 6, fut ? 'future' : 'past');
    const day = c.rd.getUTCDay();
    const base = !fut && day === 0 ? c.rd : sat; // a Sunday reference is still inside its weekend
    push(c, st, en, 'relative', isoWeek(base) + '-WE', 'reference', 1);
  });
  // "ten days ago", "two months ago", "years ago"
  R(`${B}(?:(?:${MOD}|almost|nearly|about|some|over)\\s+)?(?:(${NUM}|${VAGUE})\\s+)?(${UNIT})\\s+ago${E}`, (m, c) => agoRule(m, c, m[1], m[2]));
  // quarters: "the third quarter", "the first quarter of 1998"
  R(`${B}(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\\s-]+quarter(?:\\s+of\\s+(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const refQ = c.ref?.m !== undefined ? Math.ceil(c.ref.m / 3) : 4;
    const q = ORDINALS[w] ?? (refQ === 1 ? 4 : refQ - 1);
    let y = m[2] ? Number(m[2]) : c.ref ? (q <= refQ ? c.ref.y : c.ref.y - 1) : null;
    if (!ORDINALS[w] && !m[2] && c.ref && refQ === 1) y = c.ref.y - 1;
    push(c, st, st + m[0].length, 'date', y === null ? `XXXX-Q${q}` : `${pad(y, 4)}-Q${q}`, m[2] ? 'explicit' : 'reference', 2);
  });
  // sets: "every week", "each year", "daily", "twice a year"
  R(`${B}(?:(every|each|per)\\s+(?:other\\s+)?(day|week|month|year|morning|evening|night|summer|winter|spring|fall|decade|hour|minute)|(daily|weekly|monthly|yearly|annually|nightly|hourly|quarterly|biweekly)|(?:once|twice|(?:${NUM})\\s+times)\\s+(?:a|per)\\s+(day|week|month|year))${E}`, (m, c) => {
    const st = m.index!;
    if (m[3] && isUpper(m[3][0])) return; // "China Daily"
    if (m[3] && /^\s+\p{Lu}/u.test(c.s.slice(st + m[0].length, st + m[0].length + 3))) return; // "the party daily Granma"
    const w = lower(m[2] ?? m[4] ?? m[3]);
    const map: Record<string, string> = {
      day: 'P1D', daily: 'P1D', week: 'P1W', weekly: 'P1W', month: 'P1M', monthly: 'P1M', year: 'P1Y', yearly: 'P1Y',
      annually: 'P1Y', morning: 'XXXX-XX-XXTMO', evening: 'XXXX-XX-XXTEV', night: 'XXXX-XX-XXTNI', nightly: 'XXXX-XX-XXTNI',
      hour: 'PT1H', hourly: 'PT1H', minute: 'PT1M', quarterly: 'P3M', biweekly: 'P2W', decade: 'P10Y',
      summer: 'XXXX-SU', winter: 'XXXX-WI', spring: 'XXXX-SP', fall: 'XXXX-FA',
    };
    push(c, st, st + m[0].length, 'set', map[w] ?? null, 'explicit', 3);
  });
  // durations: "90 days", "the next three years", "two weeks", "16-hour", "a year", "more than four decades"
  R(`${B}(?:(?:the\\s+)?(past|last|next|coming|first|previous|final|following|other)\\s+)?(?:${MOD}\\s+)?(${NUM}|${VAGUE}|a\\s+few)[\\s-]+(${UNIT})(?:[\\s-]+(?:long|old))?${E}`, (m, c) => {
    let st = m.index!;
    const numW = lower(m[2]);
    const unitW = lower(m[3]);
    const the = /^the\s+/i.exec(m[0]);
    if (the && m[1]) st += the[0].length; // TimeBank: "the past 20 years" → "past 20 years"
    if ((numW === 'a' || numW === 'an' || numW === 'one') && /^seconds?$/.test(unitW) && numW !== 'one') return;
    if (/^(?:a|an)$/.test(numW) && /^(?:hour|minute|second|day|week|month|year)$/.test(unitW)) {
      // "twice a day" is a set (handled above); "a day earlier" etc. remain durations.
      const before = c.s.slice(Math.max(0, st - 12), st);
      if (/(?:once|twice|times|per)\s+$/i.test(before)) return;
    }
    if (/old$/i.test(m[0])) return; // ages ("a 44-year-old protester") are not durations
    if (isUpper(m[3][0])) return; // titles ("60 Minutes")
    const unit = EN_UNITS[unitW];
    const vague = isVague(numW, 'en') || numW === 'a few';
    const n = vague ? null : parseNum(numW, 'en');
    if (!vague && n === null) return;
    if (n !== null && n > 1 && /^(?:year|month|week|day|hour|minute|second|decade|century)$/.test(unitW) && !/-/.test(m[0]) && !/\s(?:long|old)$/.test(m[0])) {
      // "three year" without plural is fine in "a three year plan"; keep it.
    }
    push(c, st, m.index! + m[0].length, 'duration', durationValue(n, unit), 'explicit', 1);
  });
  // vague plural units after a cue: "for months", "in recent years", "over the coming years", "decades-long"
  R(`${B}(?:(for|over|in|within|after|recent|coming|past|several|few|many|those|these)\\s+)(years|months|weeks|decades|days|hours)(-long)?${E}`, (m, c) => {
    let st = m.index!;
    const cue = lower(m[1]);
    if (!/^(?:recent|coming|past|several|few|many)$/.test(cue)) st += m[1].length;
    const unit = EN_UNITS[lower(m[2])];
    push(c, st, m.index! + m[0].length, 'duration', durationValue(null, unit), 'explicit', 0);
  });
  R(`${B}(years|months|weeks|decades|days|hours)-long${E}`, (m, c) => {
    push(c, m.index!, m.index! + m[0].length, 'duration', durationValue(null, EN_UNITS[lower(m[1])]), 'explicit', 0);
  });
  // clock times: "3 p.m.", "10:35 a.m.", "noon", "midnight", "4 in the morning"
  R(`${B}(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm)(?![\\p{L}])|(\\d{1,2}):(\\d{2})(?:\\s+o'clock)?|(noon|midnight|midday)|(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:o'clock|in\\s+the\\s+(morning|afternoon|evening)))${E}`, (m, c) => {
    const st = m.index!;
    let h: number;
    let min = 0;
    if (m[1]) {
      h = Number(m[1]);
      min = m[2] ? Number(m[2]) : 0;
      if (h < 1 || h > 12) return;
      const pm = /^p/i.test(m[3]);
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    } else if (m[4]) {
      h = Number(m[4]);
      min = Number(m[5]);
      if (!/o'clock/i.test(m[0]) && !/(?:at|by|until|from|before|after|around|about)\s+$/i.test(c.s.slice(Math.max(0, st - 10), st))) return;
    } else if (m[6]) {
      const w = lower(m[6]);
      if (isUpper(m[6][0]) && st > 0 && !/[.!?\n]\s*$/.test(c.s.slice(Math.max(0, st - 3), st))) return;
      if (/high\s+$/i.test(c.s.slice(Math.max(0, st - 6), st))) return;
      h = w === 'midnight' ? 24 : 12;
    } else {
      h = parseNum(m[7], 'en') ?? -1;
      if (m[8] && lower(m[8]) !== 'morning' && h < 12) h += 12;
    }
    if (h < 0 || h > 24 || min > 59) return;
    push(c, st, st + m[0].length, 'time', null, 'reference', 1, `T${pad(h)}:${pad(min)}`);
  });
  // holidays
  R(`${B}(Christmas(?:\\s+Day|\\s+Eve)?|New\\s+Year's(?:\\s+Day|\\s+Eve)|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|Halloween)(?:,?\\s+(\\d{4}))?(?![\\p{L}])`, (m, c) => holidayRule(m, c));
  return rules;
}

// ---------------------------------------------------------------------------------------------- French

function frRules(): Rule[] {
  const MONFULL = alt(Object.keys(FR_MONTHS).filter((k) => k.length > 4 || k === 'mai' || k === 'juin' || k === 'mars' || k === 'août' || k === 'aout'));
  const MONABBR = alt(Object.keys(FR_MONTHS).filter((k) => !(k.length > 4 || k === 'mai' || k === 'juin' || k === 'mars' || k === 'août' || k === 'aout')));
  const MON = `(?:${MONFULL}|(?:${MONABBR})\\.)`;
  const WD = alt(Object.keys(FR_WEEKDAYS));
  const NUMW = alt(Object.keys(FR_NUMBERS));
  const NUM = `(?:\\d+(?:[.,]\\d+)?|(?:${NUMW})(?:[-\\s](?:et[-\\s])?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?))*)`;
  const VAGUE = alt(FR_VAGUE);
  const UNIT = alt(Object.keys(FR_UNITS));
  const PART = alt(Object.keys(FR_DAYPARTS));
  const MOD = `(?:près\\s+d(?:e\\s+|${APOS})|plus\\s+d(?:e\\s+|${APOS})|moins\\s+d(?:e\\s+|${APOS})|environ\\s+|au\\s+moins\\s+|presque\\s+|quelque\\s+|pas\\s+moins\\s+d(?:e\\s+|${APOS})|une\\s+bonne\\s+|au\\s+bout\\s+d(?:e\\s+|${APOS}))`;
  const rules: Rule[] = [];
  const R = (src: string, fn: Handler) => rules.push({ re: new RegExp(src, 'giu'), fn });
  const monthOf = (w: string) => FR_MONTHS[lower(w).replace('.', '')];

  // "le 27 mai 1998", "15 septembre", "lundi 17 août", "le mercredi 1er mai", "le 6 mai dernier", "13 avril prochains"
  R(`${B}(?:(le)\\s+)?(?:(${WD})\\s+)?(\\d{1,2}|1er|premier)\\s+(${MON})(?:\\s+(\\d{4}|\\d{2}(?![\\p{N}\\s]*(?:h|heures?|%|ans?|mois|jours?)(?![\\p{L}]))))?(?:\\s+(derniers?|prochains?))?${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    const month = monthOf(m[4]);
    const day = /^\d+$/.test(m[3]) ? Number(m[3]) : 1;
    if (!month || isUpper(m[4][0]) && !m[2] && !m[5]) {
      if (!month) return;
    }
    const dir = m[6] ? lower(m[6]) : '';
    if (m[5]) {
      const y = yearOf2(m[5]);
      if (!validDay(y, month, day)) return;
      return push(c, st, en, 'date', ymd(y, month, day), 'explicit', 3);
    }
    if (!validDay(2000, month, day)) return;
    if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}-${pad(day)}`, 'none', 3);
    const future: Direction = dir.startsWith('prochain') ? 'future' : dir.startsWith('dernier') ? 'past' : dayDir(c, st, en);
    let [y] = resolveMonthDay(c.ref, month, day, future);
    if (m[2] && c.rd) {
      const wd = FR_WEEKDAYS[lower(m[2])];
      for (const cand of [c.ref.y, c.ref.y - 1, c.ref.y + 1]) {
        if (validDay(cand, month, day) && new Date(Date.UTC(cand, month - 1, day)).getUTCDay() === wd) { y = cand; break; }
      }
    }
    push(c, st, en, 'date', ymd(y, month, day), 'reference', 3);
  });
  // "août 2001", "octobre 98", "juin prochain", "septembre dernier", "début août", "fin août", "mois de juin", bare "juillet"
  R(`${B}(?:(début|fin|mi|courant|(?:(?:le|au)\\s+)?mois\\s+d(?:e\\s+|${APOS}))[\\s-]*)?(${MON})(?:\\s+(\\d{4}|\\d{2}(?![\\p{N}\\s]*(?:h|heures?|%|ans?|mois|jours?|millions?|milliards?)(?![\\p{L}]))))?(?:\\s+(derniers?|prochains?))?${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    const month = monthOf(m[2]);
    if (!month) return;
    if (isUpper(m[2][0]) && !m[1] && !m[3] && !m[4]) {
      // A capitalised bare month is a name ("Mai", "Mars") unless it opens a sentence after a preposition.
      if (!prepBefore(c, st)) return;
    }
    if (!m[1] && !m[3] && /^\s*\d/.test(c.s.slice(en, en + 3))) return;
    if (m[3]) return push(c, st, en, 'date', ym(yearOf2(m[3]), month), 'explicit', 2);
    if (!c.ref) return push(c, st, en, 'date', `XXXX-${pad(month)}`, 'none', 2);
    const dir = m[4] ? lower(m[4]) : '';
    let y: number;
    if (dir.startsWith('dernier')) y = c.ref.m !== undefined && month < c.ref.m ? c.ref.y : c.ref.y - 1;
    else if (dir.startsWith('prochain')) y = c.ref.m !== undefined && month > c.ref.m ? c.ref.y : c.ref.y + 1;
    else [y] = resolveMonth(c.ref, month, dayDir(c, st, en));
    push(c, st, en, 'date', ym(y, month), 'reference', 2);
  });
  // years: "en 2019", "l'année 2001", "les années 90"
  R(`(?<![\\p{L}\\p{N}_$€£][.,]?)(?:(l${APOS}année|l${APOS}an)\\s+)?(1[5-9]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}_%]|[.,]\\d)`, (m, c) => {
    if (m[1]) {
      const st = m.index!;
      return push(c, st, st + m[0].length, 'date', m[2], 'explicit', 2);
    }
    yearRule([m[0], undefined, undefined, m[2], undefined] as unknown as RegExpMatchArray, c, false, m.index!);
  });
  R(`${B}les\\s+années\\s+(\\d\\d|19\\d0|20\\d0)${E}`, (m, c) => {
    const st = m.index!;
    const d = m[1];
    const v = d.length === 4 ? d.slice(0, 3) : String(Number(d) >= 30 ? 190 + Number(d) / 10 : 200 + Number(d) / 10);
    push(c, st, st + m[0].length, 'date', v, 'explicit', 2);
  });
  // weekdays: "lundi", "ce dimanche", "mercredi dernier", "lundi matin", "ce même lundi après-midi"
  R(`${B}(?:(ce|cet)\\s+)?(?:(même)\\s+)?(${WD})(?:\\s+(dernier|prochain|passé|suivant|précédent))?(?:\\s+(${PART}))?${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    const wd = FR_WEEKDAYS[lower(m[3])];
    if (isUpper(m[3][0]) && !m[1] && st > 0 && !/[.!?\n«"“]\s*$/.test(c.s.slice(Math.max(0, st - 3), st))) {
      // Capitalised mid-sentence weekday: still a weekday in headlines; accept.
    }
    const mod = m[4] ? lower(m[4]) : '';
    const dir = mod === 'dernier' || mod === 'passé' || mod === 'précédent' ? 'last' : mod === 'prochain' || mod === 'suivant' ? 'next' : weekdayDir(c, st, en);
    let [v, from] = weekdayValue(c, wd, dir);
    const part = m[5] ? FR_DAYPARTS[lower(m[5])] : '';
    if (part && !v.startsWith('XXXX')) v += part;
    push(c, st, en, part ? 'time' : 'relative', v, from, 2);
  });
  // sets: "chaque année", "tous les jeudis", "tous les deux ans", "quotidiennement", "annuel"
  R(`${B}(?:(chaque|tous\\s+les|toutes\\s+les)\\s+(?:(${NUM})\\s+)?(jours?|semaines?|mois|années?|ans|matins?|soirs?|nuits?|${WD}s?|week-ends?|étés?|hivers?)|(quotidiennement|hebdomadairement|mensuellement|annuellement)|(quotidien(?:ne)?s?|hebdomadaires?|mensuel(?:le)?s?|annuel(?:le)?s?|bimensuel(?:le)?s?|trimestriel(?:le)?s?)|par\\s+(jour|semaine|mois|an|année|heure))${E}`, (m, c) => {
    const st = m.index!;
    if (m[5] && /(?:^|[^\p{L}])(?:le|du|au|un|ce|des|les|l['’]|d['’]|son|sa|leur|notre|votre)\s+$/iu.test(c.s.slice(Math.max(0, st - 8), st))) return; // "le quotidien" (newspaper)
    const w = lower(m[3] ?? m[4] ?? m[5] ?? m[6]).replace(/s$/, '');
    const n = m[2] ? parseNum(m[2], 'fr') ?? 1 : 1;
    let v: string | null = null;
    const wd = FR_WEEKDAYS[w];
    if (wd !== undefined) v = `XXXX-WXX-${wd === 0 ? 7 : wd}`;
    else if (/^(?:jour|quotidien|quotidienne|quotidiennement)$/.test(w)) v = `P${n}D`;
    else if (/^(?:semaine|hebdomadaire|hebdomadairement)$/.test(w)) v = `P${n}W`;
    else if (/^(?:moi|mensuel|mensuelle|mensuellement)$/.test(w)) v = `P${n}M`;
    else if (/^(?:année|an|annuel|annuelle|annuellement)$/.test(w)) v = `P${n}Y`;
    else if (/^(?:bimensuel|bimensuelle)$/.test(w)) v = 'P2W';
    else if (/^(?:trimestriel|trimestrielle)$/.test(w)) v = 'P3M';
    else if (w === 'heure') v = 'PT1H';
    else if (w === 'matin') v = 'XXXX-XX-XXTMO';
    else if (w === 'soir') v = 'XXXX-XX-XXTEV';
    else if (w === 'nuit') v = 'XXXX-XX-XXTNI';
    else if (w === 'week-end') v = 'XXXX-WXX-WE';
    else if (w === 'été') v = 'XXXX-SU';
    else if (w === 'hiver') v = 'XXXX-WI';
    push(c, st, st + m[0].length, 'set', v, 'explicit', 3);
  });
  // deictic words: "hier", "aujourd'hui", "demain matin", "hier soir", "aujourd'hui vendredi", "ce soir", "cette nuit"
  R(`${B}(avant-hier|après-demain|hier|aujourd${APOS}hui|demain|ce\\s+matin|ce\\s+soir|cet\\s+après-midi|cette\\s+nuit|ce\\s+midi|cette\\s+(?:matinée|soirée)|la\\s+(?:nuit|soirée|matinée|veille))(?:\\s+(${PART}))?(?:\\s+(${WD}))?${E}`, (m, c) => {
    const st = m.index!;
    const en = st + m[0].length;
    const w = lower(m[1]).replace(/\s+/g, ' ');
    let off = 0;
    let suffix = m[2] ? FR_DAYPARTS[lower(m[2])] : '';
    if (w === 'hier') off = -1;
    else if (w === 'avant-hier') off = -2;
    else if (w === 'demain') off = 1;
    else if (w === 'après-demain') off = 2;
    else if (w === 'la veille') off = -1;
    else if (w.startsWith('ce ') || w.startsWith('cet ') || w.startsWith('cette ')) suffix = FR_DAYPARTS[w.split(' ')[1]] ?? '';
    else if (w === 'la journée') return push(c, st, en, 'time', null, 'reference', 0, 'TDT');
    else if (w.startsWith('la ')) return push(c, st, en, 'time', null, 'reference', 0, FR_DAYPARTS[w.slice(3)]);
    const v = c.rd ? fmtDate(addDays(c.rd, off)) + suffix : null;
    push(c, st, en, suffix ? 'time' : 'relative', v, 'reference', 2);
  });
  // present / past / future references
  R(`${B}(maintenant|désormais|actuellement|à\\s+présent|de\\s+nos\\s+jours|à\\s+l${APOS}heure\\s+actuelle|auparavant|autrefois|jadis|à\\s+l${APOS}avenir|l${APOS}avenir)${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const v = /^(?:auparavant|autrefois|jadis)$/.test(w) ? 'PAST_REF' : /avenir/.test(w) ? 'FUTURE_REF' : 'PRESENT_REF';
    push(c, st, st + m[0].length, 'relative', v, 'explicit', 1);
  });
  // relative periods: "cette semaine", "l'année dernière", "le mois prochain", "ce week-end", "cet été", "la fin de l'année dernière"
  R(`${B}(?:(?:le\\s+|la\\s+)?(début|fin|milieu)\\s+(?:de\\s+|d${APOS}|du\\s+)?)?(?:(cette|ce|cet|la|le|l${APOS})\\s*)(semaine|mois|année|an|week-end|été|hiver|automne|printemps|trimestre|siècle|décennie)(?:-ci)?(?:\\s+(dernière|dernier|prochaine|prochain|passée|passé|précédente|précédent|suivante|suivant|en\\s+cours))?${E}`, (m, c) => {
    const det = lower(m[2]);
    const unit = lower(m[3]);
    let mod = m[4] ? lower(m[4]) : '';
    if (!mod && !/^(?:cette|ce|cet)$/.test(det)) return; // "la semaine" alone is not a date
    if (mod === 'en cours') mod = '';
    const map: Record<string, string> = { 'semaine': 'week', mois: 'month', 'année': 'year', an: 'year', 'week-end': 'weekend', 'été': 'summer', hiver: 'winter', automne: 'fall', printemps: 'spring', trimestre: 'quarter', 'siècle': 'century', 'décennie': 'decade' };
    const dir = /^dern|^pass|^préc/.test(mod) ? 'last' : /^proch|^suiv/.test(mod) ? 'next' : 'this';
    periodRule(c, m.index!, m.index! + m[0].length, dir, map[unit]);
  });
  // "il y a dix jours", "il y a deux ans"
  R(`${B}il\\s+y\\s+a\\s+(?:${MOD})?(${NUM}|${VAGUE})\\s+(${UNIT})${E}`, (m, c) => agoRule(m, c, m[1], m[2]));
  // "ces derniers jours", "les trois prochaines années"
  R(`${B}(?:ces|les|des)\\s+(?:(${NUM})\\s+)?(derniers|dernières|prochains|prochaines)\\s+(${UNIT})${E}`, (m, c) => {
    const st = m.index!;
    const n = m[1] ? parseNum(m[1], 'fr') : null;
    push(c, st, st + m[0].length, 'duration', durationValue(n, FR_UNITS[lower(m[3])]), 'explicit', 2);
  });
  // durations: "six mois", "près d'un an", "plusieurs années", "30,4 secondes", "un quart de siècle"
  R(`${B}(?:${MOD})?(?:(${NUM}|${VAGUE})\\s+|(un\\s+quart\\s+de|une\\s+demi-|un\\s+demi-))(${UNIT})(?:\\s+et\\s+demie?)?${E}`, (m, c) => {
    const st = m.index!;
    const unitW = lower(m[3]);
    const unit = FR_UNITS[unitW];
    let n: number | null;
    if (m[2]) n = /quart/.test(m[2]) ? 0.25 : 0.5;
    else if (isVague(m[1], 'fr')) n = null;
    else n = parseNum(m[1], 'fr');
    if (!m[2] && n === null && !isVague(m[1], 'fr')) return;
    if (/^ans?$/.test(unitW) && (frAge(c, st, st + m[0].length) || (/^(?:moins|plus)\s/i.test(m[0]) && /(?:^|[^\p{L}])(?:les|des|aux)\s+$/iu.test(c.s.slice(Math.max(0, st - 6), st))))) return;
    if (m[1] && lower(m[1]) === 'des' && unit.time) return; // "des heures scolaires"
    if (m[1] && lower(m[1]) === 'des' && !/s$/.test(unitW) && unitW !== 'mois') return;
    if (n !== null && /et\s+demie?$/.test(m[0])) n += 0.5;
    push(c, st, st + m[0].length, 'duration', durationValue(n, unit), 'explicit', 1);
  });
  R(`${B}(quinquennat|septennat|mandat\\s+de\\s+(\\d+|${NUMW})\\s+ans)${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const v = w === 'quinquennat' ? 'P5Y' : w === 'septennat' ? 'P7Y' : `P${parseNum(m[2], 'fr')}Y`;
    push(c, st, st + m[0].length, 'duration', v, 'explicit', 1);
  });
  // clock times: "21 h 45", "18 h", "18h30", "vers 15 h 30", "14 heures", "midi", "minuit"
  R(`${B}(?:(vers|dès|jusqu${APOS}à)\\s+)?(?:(\\d{1,2})\\s*(?:h|heures?)(?:\\s*(\\d{2}))?(?![\\p{L}\\p{N}])|(?<![-'’])(midi|minuit)${E})`, (m, c) => {
    let st = m.index!;
    if (m[1]) st += m[1].length; // "vers", "dès" are signals, not part of the time
    const h = m[2] !== undefined ? Number(m[2]) : lower(m[4]) === 'midi' ? 12 : 24;
    const min = m[3] ? Number(m[3]) : 0;
    if (h > 24 || min > 59) return;
    if (m[4] && isUpper(m[4][0]) && !/^[.!?\n]?\s*$/.test(c.s.slice(Math.max(0, st - 2), st))) return; // "le Midi"
    if (m[2] !== undefined && /^\s*(?:de|d['’])\s/iu.test(c.s.slice(st + m[0].length, st + m[0].length + 4)) && !m[3]) return; // "24 heures de garde à vue"
    if (/heures?/i.test(m[0]) && !m[1] && /(?:^|[^\p{L}])(?:pendant|durant|de|en|plus\s+de|moins\s+de|depuis|les|des|ces|environ)\s+$/iu.test(c.s.slice(Math.max(0, st - 14), st))) return;
    push(c, st, m.index! + m[0].length, 'time', null, 'reference', 1, `T${pad(h)}:${pad(min)}`);
  });
  // seasons: "été", "l'hiver" (without modifiers they are unanchored: XXXX-SU)
  R(`${B}(?:en\\s+|l${APOS}|le\\s+)?(été|hiver|automne|printemps)(?:\\s+(\\d{4}))?${E}`, (m, c) => {
    const st = m.index!;
    const w = lower(m[1]);
    const lead = c.s.slice(Math.max(0, st - 30), st);
    if (w === 'été' && !/^(?:en|l['’]|le)/i.test(lower(m[0])) && !/(?:d['’]|pendant\s+l['’]|durant\s+l['’]|cet\s+)$/iu.test(lead)) return; // participle "été"
    if (/\p{Lu}\p{L}*\s+d['’]$/u.test(lead)) return; // "Jeux olympiques d'hiver"
    const code = SEASONS[w];
    const s0 = st + (m[0].length - m[0].replace(/^(?:en\s+|le\s+)/i, '').length);
    push(c, s0, st + m[0].length, 'date', m[2] ? `${m[2]}-${code}` : `XXXX-${code}`, 'explicit', 0);
  });
  return rules;
}

/** "Alain Parmentier, 53 ans,", "âgé de 54 ans", "une fillette de 6 ans", "les 6-16 ans": ages, not durations. */
function frAge(c: Ctx, st: number, en: number): boolean {
  const before = c.s.slice(Math.max(0, st - 40), st);
  const after = c.s.slice(en, en + 3);
  if (/[âa]g[ée]e?s?\s+d(?:e\s+|['’])$/iu.test(before)) return true;
  if (/,\s*$/.test(before) && /^\s*[,.;)]/.test(after)) return true;
  if (/\d\s*[-–]\s*$/.test(before)) return true;
  if (/(?:les|des)\s+(?:moins|plus)\s+de\s+$/iu.test(before)) return true;
  if (/(?:^|[^\p{L}])(?:une?|la|le)\s+\p{L}+(?:\s+de\s+\p{L}+)?\s+de\s+$/iu.test(before)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------- shared rule bodies

function yearRule(m: RegExpMatchArray, c: Ctx, decade: boolean, index?: number): void {
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
  if (next && /s$/.test(next[1]) && !/^(?:was|has|is|as|its|his|this|does|says|tous|les|des|dans|mais|depuis|plus|sous|sans|chez|vers|alors|puis)$/.test(next[1]) && !prepBefore(c, s0)) return;
  push(c, s0, en, 'date', yearStr, 'explicit', 1);
}

/** The nearest date value before `st` (piece-relative) within ~600 characters that `re` extracts a part from. */
function antecedent(c: Ctx, st: number, re: RegExp): string | null {
  let best: { end: number; v: string } | null = null;
  for (const cd of c.out) {
    if (cd.end > c.base + st || cd.end < c.base + st - 600 || !cd.value || cd.kind === 'duration' || cd.kind === 'set') continue;
    const m = re.exec(cd.value);
    if (m && (!best || cd.end > best.end || (cd.end === best.end && m[1].length > best.v.length))) best = { end: cd.end, v: m[1] };
  }
  return best?.v ?? null;
}

function periodRule(c: Ctx, st: number, en: number, det: string, unit: string): void {
  const r = c.ref;
  const rd = c.rd;
  const durationDet = det === 'past' || det === 'the-past' || det === 'the-coming' || det === 'coming' || det === 'the-next';
  if (durationDet) {
    const u: Record<string, string> = { week: 'P1W', month: 'P1M', year: 'P1Y', weekend: 'P2D', decade: 'P10Y', century: 'P100Y', quarter: 'P3M' };
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
      if (r?.m !== undefined) { const [y, mo] = addMonths(r.y, r.m, dir); v = ym(y, mo); }
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
        if (q < 1) { q = 4; y--; }
        if (q > 4) { q = 1; y++; }
        v = `${pad(y, 4)}-Q${q}`;
      }
      break;
    default: {
      const code = SEASONS[unit];
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

function agoRule(m: RegExpMatchArray, c: Ctx, numW: string | undefined, unitW: string): void {
  const st = m.index!;
  const en = st + m[0].length;
  const units = c.lang === 'en' ? EN_UNITS : FR_UNITS;
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
    if (r?.m !== undefined) { const [y, mo] = addMonths(r.y, r.m, -k); v = ym(y, mo); }
  } else if (r) {
    v = pad(r.y - k, 4);
  }
  push(c, st, en, 'relative', v, 'reference', 2);
}

function holidayRule(m: RegExpMatchArray, c: Ctx): void {
  const st = m.index!;
  const w = lower(m[1]);
  const year = m[2] ? Number(m[2]) : null;
  let month = 12;
  let day = 25;
  if (w.startsWith('christmas eve')) day = 24;
  else if (w.startsWith("new year's eve")) day = 31;
  else if (w.startsWith('new year')) { month = 1; day = 1; }
  else if (w.startsWith('independence')) { month = 7; day = 4; }
  else if (w.startsWith('halloween')) { month = 10; day = 31; }
  else if (w.startsWith('thanksgiving')) {
    month = 11;
    const y = year ?? c.ref?.y;
    if (!y) return push(c, st, st + m[0].length, 'date', null, 'none', 1);
    const first = new Date(Date.UTC(y, 10, 1)).getUTCDay();
    day = 1 + ((4 - first + 7) % 7) + 21;
    if (!year && c.ref?.m !== undefined && (c.ref.m < 11 || (c.ref.m === 11 && c.ref.d! < day))) {
      const y2 = y - 1;
      const f2 = new Date(Date.UTC(y2, 10, 1)).getUTCDay();
      return push(c, st, st + m[0].length, 'date', ymd(y2, 11, 1 + ((4 - f2 + 7) % 7) + 21), 'reference', 1);
    }
    return push(c, st, st + m[0].length, 'date', ymd(y, month, day), year ? 'explicit' : 'reference', 1);
  }
  if (year) return push(c, st, st + m[0].length, 'date', ymd(year, month, day), 'explicit', 1);
  if (!c.ref) return push(c, st, st + m[0].length, 'date', `XXXX-${pad(month)}-${pad(day)}`, 'none', 1);
  const [y] = resolveMonthDay(c.ref, month, day, dayDir(c, st, st + m[0].length));
  push(c, st, st + m[0].length, 'date', ymd(y, month, day), 'reference', 1);
}

// ---------------------------------------------------------------------------------------------- chrono

/** Numeric dates chrono finds and the rules do not ("8/17/2020", "2020-08-17", "17.08.2020"). */
function chronoNumeric(c: Ctx): void {
  if (!/\d[/.-]\d/.test(c.s)) return;
  const parser = c.lang === 'fr' ? chrono.fr.casual : chrono.en.casual;
  const instant = c.rd ?? new Date(Date.UTC(c.ref?.y ?? 2000, 0, 1));
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(c.s, { instant, timezone: 0 });
  } catch {
    return;
  }
  for (const r of results) {
    if (!/\d[/.-]\d/.test(r.text)) continue;
    const around = c.s.slice(Math.max(0, r.index - 2), r.index) + '|' + c.s.slice(r.index + r.text.trimEnd().length, r.index + r.text.trimEnd().length + 2);
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
    else if (c.ref) { v = ymd(resolveMonthDay(c.ref, mo, d, false)[0], mo, d); from = 'reference'; }
    else { v = `XXXX-${pad(mo)}-${pad(d)}`; from = 'none'; }
    if (k.isCertain('hour')) v += `T${pad(k.get('hour') ?? 0)}:${pad(k.get('minute') ?? 0)}`;
    push(c, r.index, r.index + text.length, k.isCertain('hour') ? 'time' : 'date', v, from, 0);
  }
}

// ---------------------------------------------------------------------------------------------- driver

/** Rules are built per call (RegExp objects carry state); building them costs well under a millisecond. */
function rulesFor(lang: 'en' | 'fr'): Rule[] {
  return lang === 'fr' ? frRules() : enRules();
}

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
  const sorted = cands.slice().sort((a, b) => (b.end - b.start) - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
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
function mergeTimeDay(cands: Cand[], text: string, lang: 'en' | 'fr'): Cand[] {
  const out: Cand[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (lang === 'fr' && a.value && /^\d{4}-\d{2}-\d{2}$/.test(a.value) && b?.timeOnly && /^T\d/.test(b.timeOnly) &&
      /^\s{1,3}à\s{1,3}$/.test(text.slice(a.end, b.start))) {
      // "hier à 10 h"
      out.push({ start: a.start, end: b.end, kind: 'time', value: a.value + b.timeOnly, from: a.from, prio: a.prio });
      i++;
      continue;
    }
    if (lang === 'en' && a.timeOnly && /^T\d/.test(a.timeOnly) && b && b.value && /^\d{4}-\d{2}-\d{2}$/.test(b.value) &&
      /^,?\s{1,3}(?:(?:[ECMP][SD]T|GMT|UTC)\s{1,3})?(?:on\s{1,3})?$/.test(text.slice(a.end, b.start))) {
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
      if (nextDay && /^,?\s{0,2}$/.test(text.slice(cd.end, next.start))) day = nextDay[1]; // "vers 0 h 40, jeudi"
      else if (lastDay && cd.start - lastDay.end < 1500) day = lastDay.value;
      if (!day) { cd.value = null; from = 'none'; }
      else cd.value = day + cd.timeOnly;
      cd.from = from;
      continue;
    }
    const m = cd.value ? /^(\d{4}-\d{2}-\d{2})/.exec(cd.value) : null;
    if (m) lastDay = { value: m[1], end: cd.end };
  }
}

/** Finds date, time, duration and set expressions and resolves them against `reference` (YYYY-MM-DD or YYYY). */
export function findDates(text: string, lang: string, reference: string | null, signal?: AbortSignal): DateMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const L: 'en' | 'fr' = lang === 'fr' ? 'fr' : 'en';
  const ref = parseRef(reference);
  const rd = refDate(ref);
  const rules = rulesFor(L);
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

// ---------------------------------------------------------------------------------------------- reference date

const HEAD = 1500;

/** Finds the article's own reference date: a dateline, an explicit full date, a "© 2020" line. */
export function findReferenceDate(text: string, lang: string): ReferenceDate | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const L: 'en' | 'fr' = lang === 'fr' ? 'fr' : 'en';
  const head = text.slice(0, HEAD);
  const months = { ...EN_MONTHS, ...FR_MONTHS };
  const MON = alt(Object.keys(months));
  const mk = (value: string, source: ReferenceDate['source'], start: number, end: number): ReferenceDate => ({
    value, source, span: { start, end, text: text.slice(start, end) },
  });
  const full: Array<{ y: number; m: number; d: number; start: number; end: number }> = [];
  const reMD = new RegExp(`${B}(${MON})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${E}`, 'giu');
  const reDM = new RegExp(`${B}(\\d{1,2})(?:er|st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\.?,?\\s+(\\d{4})${E}`, 'giu');
  const reISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
  const reNum = /(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d])/g;
  for (const m of head.matchAll(reMD)) full.push({ y: Number(m[3]), m: months[lower(m[1]).replace('.', '')], d: Number(m[2]), start: m.index!, end: m.index! + m[0].length });
  for (const m of head.matchAll(reDM)) full.push({ y: Number(m[3]), m: months[lower(m[2]).replace('.', '')], d: Number(m[1]), start: m.index!, end: m.index! + m[0].length });
  for (const m of head.matchAll(reISO)) full.push({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), start: m.index!, end: m.index! + m[0].length });
  for (const m of head.matchAll(reNum)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    // Day first in French and when the first number cannot be a month; month first otherwise (US style).
    const [mo, d] = L === 'fr' || a > 12 ? [b, a] : [a, b];
    full.push({ y: Number(m[3]), m: mo, d, start: m.index!, end: m.index! + m[0].length });
  }
  const valid = full.filter((f) => f.m && f.y >= 1800 && f.y <= 2200 && validDay(f.y, f.m, f.d)).sort((a, b) => a.start - b.start);
  // dateline, then the weekday and date of the reported events, then a date that is not history (referenceDate.ts)
  const chosen = chooseReferenceDate(text, head, valid, { months, weekdays: { ...EN_WEEKDAYS, ...FR_WEEKDAYS }, historyBefore: HISTORY_BEFORE });
  if (chosen) return chosen;
  // "© 2020 AFP", "Copyright 2020", "(c) 2020"
  const reCopy = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(\d{4})(?!\d)/gi;
  let last: RegExpMatchArray | null = null;
  for (const m of text.slice(0, HEAD).matchAll(reCopy)) { last = m; break; }
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
