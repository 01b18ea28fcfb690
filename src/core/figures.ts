import { throwIfAborted } from './abort';
import type { FigureLanguage, LanguagePack } from './lang/pack';
import type { Figure } from './types';

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
};
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  francs: 'CHF',
  franc: 'CHF',
  usd: 'USD',
  eur: 'EUR',
  gbp: 'GBP',
  cny: 'CNY',
  jpy: 'JPY',
  chf: 'CHF',
  cad: 'CAD',
};
// Calendar words: "15 septembre", "June 1", "2020", "45 days" belong to the date layer, not to figures.
const TIME_UNITS =
  /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|ans?|années?|mois|semaines?|jours?|heures?|h|minutes?|secondes?|siècles?|p\.?m\.?|a\.?m\.?|january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;
const MONTH_BEFORE =
  /(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+$/i;

/** Without a language pack: digits, currency symbols and codes, percentages; no number or scale words. */
const NEUTRAL: FigureLanguage = {
  scales: {},
  numberWords: {},
  decimalComma: false,
  nounAfterDe: false,
  notUnits: new Set(),
};

const PATTERN_SOURCES = new WeakMap<FigureLanguage, string>();

/** The number pattern of a language: digits with thousands separators and decimals, or one of its number words. */
function numberPattern(lang: FigureLanguage): RegExp {
  let source = PATTERN_SOURCES.get(lang);
  if (source === undefined) PATTERN_SOURCES.set(lang, (source = numberSource(lang.numberWords)));
  return new RegExp(source, 'giu');
}

function numberSource(words: FigureLanguage['numberWords']): string {
  const alternatives = Object.keys(words).sort((a, b) => b.length - a.length);
  const wordPart = alternatives.length ? `|\\b(?:${alternatives.join('|')})\\b` : '';
  return `(?:(US\\$|C\\$|A\\$|[$€£¥])\\s?)?(\\d{1,3}(?:[,\\u00a0\\u202f ]\\d{3})+(?![\\d])(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?${wordPart})`;
}

/**
 * Finds money amounts, percentages and counts with their unit:
 * "$1.5 billion", "20%", "175 millions de téléchargements", "1,500 employees", "nearly one billion users".
 * Bare years and calendar numbers are left to the date layer.
 */
export function findFigures(text: string, pack: LanguagePack | undefined, signal?: AbortSignal): Figure[] {
  const lang = pack?.figures ?? NEUTRAL;
  const scales = lang.scales;
  const out: Figure[] = [];
  const re = numberPattern(lang);
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = re.exec(text)) !== null) {
    if ((++count & 1023) === 0) throwIfAborted(signal);
    const start = m.index;
    const symbol = m[1];
    const numText = m[2];
    const isWord = /^\p{L}/u.test(numText);
    // Skip digits glued to letters or other digits (model names, codes, times like 10:30, ranges handled as two).
    const before = text[start - 1] ?? ' ';
    if (!symbol && /[\p{L}\d_\-/:#.%=&?+@]/u.test(before)) continue; // codes, URLs (%22, ?id=5), model names
    const afterIdx = start + m[0].length;
    const afterChar = text[afterIdx] ?? ' ';
    if (/[\p{L}\d_]/u.test(afterChar) && !isWord) {
      // "45km", "10m", "5bn", "20%": allow an attached short unit below; otherwise skip.
      const glued = /^(bn|m|mn|k|tn|km|kg|cm|mm|%)\b/i.exec(text.slice(afterIdx, afterIdx + 4));
      if (!glued) continue;
    }
    if (!isWord && /[:/]\d/.test(text.slice(afterIdx, afterIdx + 2))) continue; // 10:30, 1/2
    let value = isWord ? (lang.numberWords[numText.toLowerCase()] ?? null) : parseNumber(numText, lang.decimalComma);
    if (value === null || !Number.isFinite(value)) continue;
    if (!lang.decimalComma && !isWord && / \d/.test(numText)) continue; // "in 2019 300 people": EN groups thousands with commas
    if (isWord && !symbol) {
      // Number words only count when a scale or noun follows ("one billion users", "dix mille"); "one of" is not a
      // figure, and "un"/"une"/"one" are articles unless a scale follows ("un milliard").
      const next = /^\s+([\p{L}]+)/u.exec(text.slice(afterIdx, afterIdx + 40));
      if (!next || lang.notUnits.has(next[1].toLowerCase())) continue;
      if (/^(?:un|une|one|a)$/i.test(numText) && !scales[next[1].toLowerCase()]) continue;
    }
    // Scale words: "1.5 billion", "175 millions", "800 millions".
    let end = afterIdx;
    const scaleMatch = /^\s?([\p{L}]+)\.?/u.exec(text.slice(afterIdx, afterIdx + 20));
    if (
      scaleMatch &&
      scales[scaleMatch[1].toLowerCase()] &&
      !(scaleMatch[1].length === 1 && /^\s/.test(scaleMatch[0]))
    ) {
      value *= scales[scaleMatch[1].toLowerCase()];
      end = afterIdx + scaleMatch[0].length;
      if (scaleMatch[0].endsWith('.') && !/^(?:m|bn|mn|md|mds|k)\.$/i.test(scaleMatch[1] + '.')) end--;
    }
    let kind: Figure['kind'] = 'number';
    let unit: string | null = null;
    if (symbol) {
      kind = 'money';
      unit = CURRENCY_SYMBOLS[symbol] ?? symbol;
    }
    const rest = text.slice(end, end + 60);
    const pct = /^\s?(%|per ?cent\b|pour ?cent\b|percent\b|points? de pourcentage|percentage points?)/iu.exec(rest);
    if (!symbol && pct) {
      kind = 'percent';
      unit = '%';
      end += pct[0].length;
    } else if (!symbol) {
      const cur = /^\s?(?:de\s|d['’])?\s?([$€£¥]|[\p{L}]+)/u.exec(rest);
      const curKey = cur?.[1].toLowerCase();
      if (cur && curKey && (CURRENCY_WORDS[curKey] || CURRENCY_SYMBOLS[curKey])) {
        kind = 'money';
        unit = CURRENCY_WORDS[curKey] ?? CURRENCY_SYMBOLS[curKey];
        end += cur[0].length;
      } else {
        // A unit noun: "1,500 American employees", "175 millions de téléchargements", "10,000 additional jobs".
        const unitWord = findUnitNoun(rest, lang);
        if (unitWord === 'time') continue; // a duration or a date: the date layer's
        if (unitWord) {
          unit = unitWord.word;
          kind = 'count';
          end += unitWord.end;
        }
      }
    }
    if (symbol && scaleMatch === null) {
      // "$5" fine; nothing else to extend.
    }
    // Money with the scale after the currency symbol: "$1.5bn" handled by glued scale above.
    if (kind === 'number') {
      // Bare numbers: keep only those that are not years, days of month or list numbers.
      if (!isWord && /^\d{4}$/.test(numText) && value >= 1000 && value <= 2100) continue;
      if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      if (!isWord && value < 100 && !/[.,]/.test(numText)) continue;
    }
    if (MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && kind === 'count') continue;
    if (kind === 'number' && scaleMatch && value >= 1000) {
      // Ellipsis: "175 millions de téléchargements … et environ 800 millions" counts the same thing.
      const prev = out[out.length - 1];
      if (
        prev &&
        prev.unit &&
        prev.kind !== 'percent' &&
        start - prev.end < 80 &&
        !/[.!?]\s/.test(text.slice(prev.end, start))
      ) {
        kind = prev.kind;
        unit = prev.unit;
      }
    }
    if (!Number.isFinite(value)) continue; // "1e308 billion" overflows: not a figure anyone can check
    const trimmed = text.slice(start, end).replace(/[\s\u00a0]+$/u, '');
    out.push({ start, end: start + trimmed.length, text: trimmed, value: round(value), unit, kind });
    re.lastIndex = Math.max(re.lastIndex, start + trimmed.length);
  }
  return out;
}

/**
 * The counted noun after a number: up to three words before a stop word or punctuation; the last plural-looking one
 * ("1,500 American employees" → employees, "one billion users worldwide" → users), else the first.
 * Returns 'time' for calendar/duration units, which belong to the date layer.
 */
function findUnitNoun(rest: string, lang: FigureLanguage): { word: string; end: number } | 'time' | null {
  const re = lang.nounAfterDe ? /^\s(?:d['’]|de\s)?/u : /^\s/u;
  const lead = re.exec(rest);
  if (!lead) return null;
  let pos = lead[0].length;
  const words: { word: string; end: number }[] = [];
  const wordRe = /^([\p{L}][\p{L}'’-]*)/u;
  for (let i = 0; i < 3; i++) {
    const m = wordRe.exec(rest.slice(pos));
    if (!m) break;
    const w = m[1];
    if (lang.notUnits.has(w.toLowerCase())) break;
    words.push({ word: w, end: pos + w.length });
    pos += w.length;
    if (rest[pos] !== ' ') break;
    pos++;
    if (lang.nounAfterDe) break; // French puts adjectives after the noun: "175 millions de téléchargements supplémentaires"
  }
  if (words.length === 0) return null;
  if (TIME_UNITS.test(words[0].word) || words.some((w) => TIME_UNITS.test(w.word))) return 'time';
  const plural = [...words].reverse().find((w) => /[sx]$/i.test(w.word) && /^\p{Ll}/u.test(w.word));
  const chosen = plural ?? words.find((w) => /^\p{Ll}/u.test(w.word));
  return chosen ?? null;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** "1,500" → 1500 (EN), "1 500" / "1.500" → 1500 and "1,5" → 1.5 (FR). */
export function parseNumber(s: string, decimalComma: boolean): number | null {
  const compact = s.replace(/[\u00a0\u202f ]/g, ' ');
  if (/^\d{1,3}(?: \d{3})+(?:,\d+)?$/.test(compact)) return Number(compact.replace(/ /g, '').replace(',', '.'));
  if (decimalComma) {
    if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(compact)) return Number(compact.replace(/\./g, '').replace(',', '.'));
    if (/^\d+,\d+$/.test(compact)) return Number(compact.replace(',', '.'));
    if (/^\d{1,3}(?:,\d{3})+$/.test(compact)) return Number(compact.replace(/,/g, ''));
    return Number(compact);
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(compact)) return Number(compact.replace(',', '.'));
  const n = Number(compact);
  return Number.isNaN(n) ? null : n;
}
