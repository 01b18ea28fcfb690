import type { Span } from './types';

/** Removes a leading byte-order mark, as VS Code does for `document.getText()`. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Paragraphs: runs of non-blank lines separated by blank lines (CRLF-safe). */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  // NOTE: split on the separators and trim each block: one linear pass. A lazy "anything up to a blank line"
  // pattern rescans long whitespace runs from every position (a hang on a megabyte of spaces).
  const separator = /\r?\n(?:[ \t\u00a0]*\r?\n)+/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = separator.exec(text)) !== null) {
    pushTrimmed(text, start, m.index, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/**
 * Lower-cased words that a full stop follows without ending the sentence ("Mr.", "Inc.", "Sept.", "U.S.", "Mme.").
 * Shared by the sentence splitter, the quote scanner and the entity tokenizer.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'st',
  'ste',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'vs',
  'etc',
  'rev',
  'mt',
  'ft',
  'mgr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'mm',
  'mme',
  'mlle',
  'me',
  'm',
  'pr',
  'av',
  'bd',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'ave',
  'fig',
  'p',
]);

/**
 * Sentences inside paragraphs. A sentence ends at . ! ? … (plus closing quotes/brackets) followed by
 * white space and an upper-case letter, a digit or an opening quote; abbreviations and initials do not end one.
 */
export function splitSentences(text: string, paragraphs: Span[] = splitParagraphs(text)): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    let start = p.start;
    // The look-behind makes a run of punctuation a single candidate (without it, "……" is retried at every mark).
    const re = /(?<![.!?…])[.!?…]+["'”»’)\]]*(?=\s+["'“«‘([]?\s?[\p{Lu}\d])/gu;
    re.lastIndex = p.start;
    const para = text.slice(0, p.end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(para)) !== null) {
      const end = m.index + m[0].length;
      if (m[0] === '.') {
        const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index));
        const w = word ? word[1].toLowerCase() : '';
        if (ABBREVIATIONS.has(w) || /^\p{L}$/u.test(w) || /^(\p{L}\.)+\p{L}$/u.test(w)) continue;
      }
      pushTrimmed(text, start, end, out);
      start = end;
    }
    pushTrimmed(text, start, p.end, out);
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/** True when the text looks binary (NUL bytes or many control characters), so it should not be analysed. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) && c !== 27) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Lower-cases and strips diacritics: "États-Unis" → "etats-unis". Used for alias and cross-language keys. */
export function foldKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’']/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
