/** English date rules ("June 1", "last Tuesday", "ten days ago", "3 p.m.", holidays) and tense cues. */
import {
  B,
  E,
  lower,
  parseNum,
  isVague,
  durationValue,
  isUpper,
  futureCue,
  dayDir,
  weekdayDir,
  push,
  weekdayValue,
  prepBefore,
  yearRule,
  periodRule,
  agoRule,
  alt,
  type Ctx,
  type Handler,
  type Rule,
} from '../../dates/ruleKit';
import {
  addDays,
  fmtDate,
  isoWeek,
  resolveWeekday,
  resolveMonthDay,
  resolveMonth,
  validDay,
  ymd,
  ym,
  pad,
} from '../../dates/calendar';
import { EN_DAYPARTS, EN_MONTHS, EN_NUMBERS, EN_ORDINALS, EN_UNITS, EN_VAGUE, EN_WEEKDAYS } from './dateWords';

/** Cues that a weekday or month-day lies ahead of the reference (tense, schedule, deadline). */
export const EN_FUTURE =
  /(?:'ll|(?<![\p{L}])(?:will|won't|shall|next(?!\s+to\b)|upcoming|scheduled|is to|are to|going to|set to|plans? to|planned|planning|expected to|tomorrow|until|till|deadline|must|should|by))(?![\p{L}])/iu;

/** For weekdays the bar is higher: only tense and schedule words. */
export const EN_FUTURE_WD =
  /(?:'ll|(?<![\p{L}])(?:will|won't|shall|next(?!\s+to\b)|upcoming|is to|are to|going to|scheduled|would be|as soon as|as early as))(?![\p{L}])/iu;

/** Intentions before a weekday ("planned to leave … on Thursday"). */
export const EN_INTENT = /(?<![\p{L}])(?:plans?|planned|planning|set|expected|scheduled|due|ready)\s+to\s/iu;
/** Words before a bare year or ambiguous month that make it a date. */
export const EN_DATE_PREP =
  /(?:^|[^\p{L}])(?:in|since|until|till|by|from|of|during|before|after|through|between|and|to|or|early|late|mid|fiscal|year|around|circa|for|spring|summer|fall|autumn|winter|last|next|this|end|beginning|start|middle|the|on|as|than|at|year-end)[\s-]*$/iu;

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

export function englishDateRules(): Rule[] {
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

  const monthDay = (
    c: Ctx,
    st: number,
    en: number,
    monWord: string,
    day: number,
    yearStr: string | undefined,
    wdWord: string | undefined,
  ) => {
    const month = EN_MONTHS[lower(monWord).replace('.', '')];
    if (!month || !isUpper(monWord[0])) return;
    // "the week of March 6": the ISO week of that day (TIMEX3 "2000-W10"), one expression.
    const weekOf = wdWord ? null : /the\s+week\s+of\s+$/i.exec(c.s.slice(Math.max(0, st - 16), st));
    if (weekOf) {
      const [y] = yearStr ? [Number(yearStr)] : c.ref ? resolveMonthDay(c.ref, month, day, dayDir(c, st, en)) : [null];
      if (y !== null && validDay(y, month, day)) {
        return push(
          c,
          st - weekOf[0].length,
          en,
          'date',
          isoWeek(new Date(Date.UTC(y, month - 1, day))),
          yearStr ? 'explicit' : 'reference',
          3,
        );
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
        if (validDay(cand, month, day) && new Date(Date.UTC(cand, month - 1, day)).getUTCDay() === wd) {
          y = cand;
          break;
        }
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
  R(
    `${B}(?:(${WD}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MON})\\.?(?:,?\\s+(\\d{4}))?${E}`,
    (m, c) => {
      const st = m.index!;
      monthDay(c, st, st + m[0].length, m[3], Number(m[2]), m[4], m[1] && isUpper(m[1][0]) ? m[1] : undefined);
    },
  );
  // "July 1997", "late November", "at the start of August", "last October", bare "April"
  R(
    `${B}(?:(early|mid|late|the\\s+(?:end|beginning|start|middle)\\s+of|(?:last|next|this))[\\s-]+)?(${MON})(\\.?)(?:,?\\s+(?:of\\s+)?(\\d{4}))?${E}`,
    (m, c) => {
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
    },
  );
  // bare years and decades: "in 2019", "fiscal 1998", "the 1990s"
  R(
    `(?<![\\p{L}\\p{N}_$€£][.,]?)(?:(the)\\s+)?(?:(fiscal|early|mid|late)[\\s-]+)?(1[5-9]\\d\\d|20\\d\\d)(s|'s)?(?![\\p{L}\\p{N}_%]|[.,]\\d)`,
    (m, c) => yearRule(m, c, Boolean(m[4] && m[4] === 's')),
  );
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
    if (mod === 'early' || mod === 'late' || mod === 'past') {
      s0 = st + m[1].length;
      s0 += c.s.slice(s0).length - c.s.slice(s0).trimStart().length;
      mod = '';
    }
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
  R(
    `${B}(yesterday|today|tomorrow|tonight|now|nowadays|these\\s+days|the\\s+future|the\\s+past|last\\s+night|this\\s+(?:morning|afternoon|evening)|overnight)(?:\\s+(${PART}))?${E}`,
    (m, c) => {
      const st = m.index!;
      const w = lower(m[1]);
      let part = m[2] ? EN_DAYPARTS[lower(m[2])] : '';
      let en = st + m[0].length;
      if (part && !/^(?:yesterday|tomorrow|today)$/.test(w)) {
        en = st + m[1].length;
        part = '';
      }
      if (w === 'now' && isUpper(m[1][0])) return; // discourse "Now, …"
      if (w === 'now' || w === 'nowadays' || w === 'these days')
        return push(c, st, en, 'relative', 'PRESENT_REF', 'explicit', 1);
      if (w === 'the future') return push(c, st, en, 'relative', 'FUTURE_REF', 'explicit', 1);
      if (w === 'the past') return push(c, st, en, 'relative', 'PAST_REF', 'explicit', 1);
      if (w === 'tomorrow' && !part && /(?:of|for)\s+$/i.test(c.s.slice(Math.max(0, st - 5), st)))
        return push(c, st, en, 'relative', 'FUTURE_REF', 'explicit', 1); // "the stars of tomorrow"
      let off = 0;
      let suffix = part;
      if (w === 'yesterday') off = -1;
      else if (w === 'tomorrow') off = 1;
      else if (w === 'tonight' || w === 'overnight') suffix = 'TNI';
      else if (w === 'last night') {
        off = -1;
        suffix = 'TNI';
      } else if (w.startsWith('this ')) suffix = EN_DAYPARTS[w.slice(5)];
      if (!EN_PART_OF_DAY_IN_VALUE) suffix = '';
      const v = c.rd ? fmtDate(addDays(c.rd, off)) + suffix : null;
      push(c, st, en, suffix ? 'time' : 'relative', v, 'reference', 2);
    },
  );
  // relative periods: "last week", "this year", "earlier this month", "the past decade", "next spring"
  R(
    `${B}(?:(earlier|later|early|late)\\s+)?(this|last|next|coming|past|previous|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|that)\\s+(week|month|year|weekend|decade|century|quarter|spring|summer|fall|autumn|winter)${E}`,
    (m, c) => periodRule(c, m.index!, m.index! + m[0].length, lower(m[2]).replace(/^the /, 'the-'), lower(m[3])),
  );
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
  R(`${B}(?:(?:${MOD}|almost|nearly|about|some|over)\\s+)?(?:(${NUM}|${VAGUE})\\s+)?(${UNIT})\\s+ago${E}`, (m, c) =>
    agoRule(m, c, m[1], m[2]),
  );
  // quarters: "the third quarter", "the first quarter of 1998"
  R(
    `${B}(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|last|final)[\\s-]+quarter(?:\\s+of\\s+(\\d{4}))?${E}`,
    (m, c) => {
      const st = m.index!;
      const w = lower(m[1]);
      const refQ = c.ref?.m !== undefined ? Math.ceil(c.ref.m / 3) : 4;
      const q = EN_ORDINALS[w] ?? (refQ === 1 ? 4 : refQ - 1);
      let y = m[2] ? Number(m[2]) : c.ref ? (q <= refQ ? c.ref.y : c.ref.y - 1) : null;
      if (!EN_ORDINALS[w] && !m[2] && c.ref && refQ === 1) y = c.ref.y - 1;
      push(
        c,
        st,
        st + m[0].length,
        'date',
        y === null ? `XXXX-Q${q}` : `${pad(y, 4)}-Q${q}`,
        m[2] ? 'explicit' : 'reference',
        2,
      );
    },
  );
  // sets: "every week", "each year", "daily", "twice a year"
  R(
    `${B}(?:(every|each|per)\\s+(?:other\\s+)?(day|week|month|year|morning|evening|night|summer|winter|spring|fall|decade|hour|minute)|(daily|weekly|monthly|yearly|annually|nightly|hourly|quarterly|biweekly)|(?:once|twice|(?:${NUM})\\s+times)\\s+(?:a|per)\\s+(day|week|month|year))${E}`,
    (m, c) => {
      const st = m.index!;
      if (m[3] && isUpper(m[3][0])) return; // "China Daily"
      if (m[3] && /^\s+\p{Lu}/u.test(c.s.slice(st + m[0].length, st + m[0].length + 3))) return; // "the party daily Granma"
      const w = lower(m[2] ?? m[4] ?? m[3]);
      const map: Record<string, string> = {
        day: 'P1D',
        daily: 'P1D',
        week: 'P1W',
        weekly: 'P1W',
        month: 'P1M',
        monthly: 'P1M',
        year: 'P1Y',
        yearly: 'P1Y',
        annually: 'P1Y',
        morning: 'XXXX-XX-XXTMO',
        evening: 'XXXX-XX-XXTEV',
        night: 'XXXX-XX-XXTNI',
        nightly: 'XXXX-XX-XXTNI',
        hour: 'PT1H',
        hourly: 'PT1H',
        minute: 'PT1M',
        quarterly: 'P3M',
        biweekly: 'P2W',
        decade: 'P10Y',
        summer: 'XXXX-SU',
        winter: 'XXXX-WI',
        spring: 'XXXX-SP',
        fall: 'XXXX-FA',
      };
      push(c, st, st + m[0].length, 'set', map[w] ?? null, 'explicit', 3);
    },
  );
  // durations: "90 days", "the next three years", "two weeks", "16-hour", "a year", "more than four decades"
  R(
    `${B}(?:(?:the\\s+)?(past|last|next|coming|first|previous|final|following|other)\\s+)?(?:${MOD}\\s+)?(${NUM}|${VAGUE}|a\\s+few)[\\s-]+(${UNIT})(?:[\\s-]+(?:long|old))?${E}`,
    (m, c) => {
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
      const vague = isVague(numW, c.lang) || numW === 'a few';
      const n = vague ? null : parseNum(numW, c.lang);
      if (!vague && n === null) return;
      if (
        n !== null &&
        n > 1 &&
        /^(?:year|month|week|day|hour|minute|second|decade|century)$/.test(unitW) &&
        !/-/.test(m[0]) &&
        !/\s(?:long|old)$/.test(m[0])
      ) {
        // "three year" without plural is fine in "a three year plan"; keep it.
      }
      push(c, st, m.index! + m[0].length, 'duration', durationValue(n, unit), 'explicit', 1);
    },
  );
  // vague plural units after a cue: "for months", "in recent years", "over the coming years", "decades-long"
  R(
    `${B}(?:(for|over|in|within|after|recent|coming|past|several|few|many|those|these)\\s+)(years|months|weeks|decades|days|hours)(-long)?${E}`,
    (m, c) => {
      let st = m.index!;
      const cue = lower(m[1]);
      if (!/^(?:recent|coming|past|several|few|many)$/.test(cue)) st += m[1].length;
      const unit = EN_UNITS[lower(m[2])];
      push(c, st, m.index! + m[0].length, 'duration', durationValue(null, unit), 'explicit', 0);
    },
  );
  R(`${B}(years|months|weeks|decades|days|hours)-long${E}`, (m, c) => {
    push(c, m.index!, m.index! + m[0].length, 'duration', durationValue(null, EN_UNITS[lower(m[1])]), 'explicit', 0);
  });
  // clock times: "3 p.m.", "10:35 a.m.", "noon", "midnight", "4 in the morning"
  R(
    `${B}(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.m\\.|p\\.m\\.|a\\.m|p\\.m|am|pm)(?![\\p{L}])|(\\d{1,2}):(\\d{2})(?:\\s+o'clock)?|(noon|midnight|midday)|(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(?:o'clock|in\\s+the\\s+(morning|afternoon|evening)))${E}`,
    (m, c) => {
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
        if (
          !/o'clock/i.test(m[0]) &&
          !/(?:at|by|until|from|before|after|around|about)\s+$/i.test(c.s.slice(Math.max(0, st - 10), st))
        )
          return;
      } else if (m[6]) {
        const w = lower(m[6]);
        if (isUpper(m[6][0]) && st > 0 && !/[.!?\n]\s*$/.test(c.s.slice(Math.max(0, st - 3), st))) return;
        if (/high\s+$/i.test(c.s.slice(Math.max(0, st - 6), st))) return;
        h = w === 'midnight' ? 24 : 12;
      } else {
        h = parseNum(m[7], c.lang) ?? -1;
        if (m[8] && lower(m[8]) !== 'morning' && h < 12) h += 12;
      }
      if (h < 0 || h > 24 || min > 59) return;
      push(c, st, st + m[0].length, 'time', null, 'reference', 1, `T${pad(h)}:${pad(min)}`);
    },
  );
  // holidays
  R(
    `${B}(Christmas(?:\\s+Day|\\s+Eve)?|New\\s+Year's(?:\\s+Day|\\s+Eve)|Thanksgiving(?:\\s+Day)?|Independence\\s+Day|Halloween)(?:,?\\s+(\\d{4}))?(?![\\p{L}])`,
    (m, c) => holidayRule(m, c),
  );
  return rules;
}

function holidayRule(m: RegExpMatchArray, c: Ctx): void {
  const st = m.index!;
  const w = lower(m[1]);
  const year = m[2] ? Number(m[2]) : null;
  let month = 12;
  let day = 25;
  if (w.startsWith('christmas eve')) day = 24;
  else if (w.startsWith("new year's eve")) day = 31;
  else if (w.startsWith('new year')) {
    month = 1;
    day = 1;
  } else if (w.startsWith('independence')) {
    month = 7;
    day = 4;
  } else if (w.startsWith('halloween')) {
    month = 10;
    day = 31;
  } else if (w.startsWith('thanksgiving')) {
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
