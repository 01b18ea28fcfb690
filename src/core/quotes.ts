import { cueAfter, cueBefore, hasSpeechVerb, indexEntities, resolveCue, tokenize } from './attribution';
import type { Cue, ResolveContext } from './attribution';
import { throwIfAborted } from './abort';
import type { LanguagePack, QuoteLanguage } from './lang/pack';
import { ABBREVIATIONS } from './text';
import type { Entity, Quote, Span, Speaker } from './types';

/*
 * Quoted statements.
 *
 * One left-to-right scan over the text pairs quote marks with a small stack, paragraph by paragraph:
 *   - straight "…", curly “…” (and „…“), French « … » (the no-break spaces U+00A0/U+202F inside are not part of
 *     the quote text), single ‘…’ and ‹…› only when a closing mark follows within 300 characters of the same
 *     paragraph and is not followed by a letter (so apostrophes never open or close a quote);
 *   - marks nested inside an open quote belong to it: only the outermost quote is reported;
 *   - a quote left open at the end of a paragraph is cut there (never more). Paragraphs are blank-line blocks in
 *     hard-wrapped text (no line over 100 characters) and single lines otherwise;
 *   - a statement over several paragraphs (English convention: the paragraph ends inside the quote and the next
 *     one reopens it) is CHAINED, not joined: each paragraph keeps its own Quote, and the parts share one speaker
 *     (`via: 'continuation'` on the parts that are not attributed themselves, in either direction).
 *
 * Scare quotes: a closed quote of at most 6 words, inside a sentence, without sentence-final punctuation, is a
 * scare quote (`scare: true`, no speaker) — unless a speech verb attributes it within the sentence, in which case
 * it is a partial quotation (`She said she was "proud"` → scare: false, speaker She). A naming verb ("called",
 * "described as", "qualifié d’« … »") keeps the label a scare quote but records who applied it as its speaker.
 *
 * Speakers (attribution.ts): the words right after the quote (`"…," said X`, `"…," X said`, `« … », ajoute X`,
 * `conclut-elle`, `― Name`, or `…, she said.` ending the sentence), else the words before it in the same sentence
 * (`X said: "…"`, `X said that … "…"`, `According to X, "…"`, `Selon X, « … »`), else a paragraph ending in
 * `X continued:`. Continuations inherit the speaker (span = the words that attributed the earlier quote):
 *   - a quote that opens a sentence after an attributed quote of the same paragraph ("A," he said. "B.");
 *   - a mid-sentence quote only when it resumes after punctuation ("A," he said, "b.") or after a coordinated
 *     speech verb (said … and promised "…"), not when other words govern it ("under the slogan "…"");
 *   - a paragraph made only of a quote, right after a paragraph whose last statement was attributed;
 *   - a quote directly followed (nothing but punctuation between) by an attributed one ("A." "B," he said.).
 */

const MAX_SCARE_WORDS = 6;
const WINDOW = 320;
const SINGLE_LOOKAHEAD = 300;
const MAX_DEPTH = 8;

type Family = 'straight' | 'curly' | 'guillemet' | 'single' | 'angle' | 'low';

interface Open {
  family: Family;
  at: number;
}

interface RawQuote {
  open: number;
  /** Index of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  family: Family;
  para: number;
  paraStart: number;
  paraEnd: number;
}

const SPACE_INSIDE = /[\s\u00a0\u202f\u2009\u2007\u200b]/;

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2009 ||
    c === 0x2007 ||
    c === 0x200b ||
    c === 12 ||
    c === 11
  );
}

function isWordCode(c: number): boolean {
  // letters and digits (rough but cheap; covers Latin, accented, and most scripts)
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0xab && c !== 0xbb)
  );
}

/**
 * Paragraph spans. Every line break ends a paragraph, except in hard-wrapped text (no line longer than 100
 * characters), where only blank lines do. Quotes never run past a paragraph.
 */
function paragraphSpans(text: string): Span[] {
  const n = text.length;
  let maxLine = 0;
  let lines = 0;
  for (let i = 0; i <= n;) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? n : nl;
    if (end - i > maxLine) maxLine = end - i;
    lines++;
    if (nl < 0) break;
    i = nl + 1;
  }
  const wrapped = maxLine <= 100 && lines >= 3;
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < n) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    let j = nl + 1;
    if (wrapped) {
      while (
        j < n &&
        (text.charCodeAt(j) === 32 ||
          text.charCodeAt(j) === 9 ||
          text.charCodeAt(j) === 13 ||
          text.charCodeAt(j) === 0xa0)
      )
        j++;
      if (j < n && text.charCodeAt(j) !== 10) {
        i = nl + 1;
        continue;
      }
    }
    spans.push({ start, end: nl });
    start = j;
    i = j;
  }
  spans.push({ start, end: n });
  return spans.map((s) => trimSpan(text, s.start, s.end)).filter((s): s is Span => s !== null);
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

const MARK_SRC = '["“”„«»‘’‹›]';

/** Pairs quote marks inside one paragraph; pushes outermost quotes. Linear in the paragraph length. */
function scanParagraph(
  text: string,
  para: Span,
  paraIdx: number,
  out: RawQuote[],
  signal: AbortSignal | undefined,
): void {
  const stack: Open[] = [];
  const src = text;
  const MARK_RE = new RegExp(MARK_SRC, 'g');
  MARK_RE.lastIndex = para.start;
  let m: RegExpExecArray | null;
  let count = 0;
  // closing-mark lookahead cache for ‘ and ‹ (position of the next possible closer), keeps it linear
  const singleLook: CloserLookahead = { closer: '’', next: -2, scanned: 0 };
  const angleLook: CloserLookahead = { closer: '›', next: -2, scanned: 0 };
  while ((m = MARK_RE.exec(src)) !== null && m.index < para.end) {
    if ((++count & 1023) === 0) throwIfAborted(signal);
    const i = m.index;
    const c = m[0];
    // nesting deeper than a few levels is noise; keeps depth look-ups constant-time
    if (stack.length >= MAX_DEPTH && '"“„«‘‹'.includes(c) && !(c === '"' && stack.some((o) => o.family === 'straight')))
      continue;
    const prev = i > para.start ? src.charCodeAt(i - 1) : 32;
    const next = i + 1 < para.end ? src.charCodeAt(i + 1) : 32;
    const prevSpace =
      isSpaceCode(prev) ||
      '([{—–-/'.includes(String.fromCharCode(prev)) ||
      '"“«‘„‹'.includes(String.fromCharCode(prev));
    const nextSpace =
      isSpaceCode(next) ||
      '.,;:!?)]}—–…'.includes(String.fromCharCode(next)) ||
      '"”»’›'.includes(String.fromCharCode(next));
    const depthOf = (f: Family): number => {
      for (let k = stack.length - 1; k >= 0; k--) if (stack[k].family === f) return k;
      return -1;
    };
    const closeAt = (k: number): void => {
      const o = stack[k];
      stack.length = k;
      if (k === 0)
        out.push({ open: o.at, close: i, family: o.family, para: paraIdx, paraStart: para.start, paraEnd: para.end });
    };
    switch (c) {
      case '"': {
        const k = depthOf('straight');
        if (k >= 0 && !(prevSpace && !nextSpace && k < stack.length - 1)) closeAt(k);
        else if (!(nextSpace && !prevSpace)) stack.push({ family: 'straight', at: i });
        break;
      }
      case '“': {
        const k = depthOf('curly');
        // “ used as a closer by sloppy typesetting: closing context while a curly quote is open
        if (k >= 0 && nextSpace && !prevSpace) closeAt(k);
        else stack.push({ family: 'curly', at: i });
        break;
      }
      case '„':
        stack.push({ family: 'low', at: i });
        break;
      case '”': {
        let k = depthOf('curly');
        if (k < 0) k = depthOf('low');
        if (k >= 0) closeAt(k);
        else if (prevSpace && !nextSpace) stack.push({ family: 'curly', at: i }); // ” used as opener
        break;
      }
      case '«':
        stack.push({ family: 'guillemet', at: i });
        break;
      case '»': {
        const k = depthOf('guillemet');
        if (k >= 0) closeAt(k);
        break;
      }
      case '‘': {
        if (!prevSpace || nextSpace) break;
        if (stack.length === 0 && !closerAhead(src, i, Math.min(para.end, i + SINGLE_LOOKAHEAD), singleLook)) break;
        stack.push({ family: 'single', at: i });
        break;
      }
      case '’': {
        // an apostrophe unless in closing context ("don’t" has a letter after it)
        if (prevSpace || !nextSpace || isWordCode(next)) break;
        const k = depthOf('single');
        if (k >= 0) closeAt(k);
        break;
      }
      case '‹': {
        if (stack.length === 0 && !closerAhead(src, i, Math.min(para.end, i + SINGLE_LOOKAHEAD), angleLook)) break;
        stack.push({ family: 'angle', at: i });
        break;
      }
      case '›': {
        const k = depthOf('angle');
        if (k >= 0) closeAt(k);
        break;
      }
    }
  }
  if (stack.length > 0) {
    const o = stack[0];
    if (o.family === 'straight' || o.family === 'curly' || o.family === 'guillemet' || o.family === 'low') {
      out.push({ open: o.at, close: -1, family: o.family, para: paraIdx, paraStart: para.start, paraEnd: para.end });
    }
  }
}

/** Next `closer` in [from, to) not followed by a letter (so not an apostrophe); -1 when none. Bounded. */
/** Where the next possible closer of one mark family was found, and how far the text was scanned for it. */
interface CloserLookahead {
  closer: string;
  next: number;
  scanned: number;
}

/** Whether a closer may follow the opener at `i` before `lim`; scans each stretch of text once (stays linear). */
function closerAhead(text: string, i: number, lim: number, look: CloserLookahead): boolean {
  if (look.next <= i) {
    look.next = findCloser(text, Math.max(i + 1, look.scanned), lim, look.closer);
    look.scanned = lim;
  }
  return look.next >= 0 && look.next < lim;
}

function findCloser(text: string, from: number, to: number, closer: string): number {
  const c = closer.charCodeAt(0);
  for (let j = from; j < to; j++) {
    if (text.charCodeAt(j) !== c) continue;
    const n = j + 1 < text.length ? text.charCodeAt(j + 1) : 32;
    if (!isWordCode(n)) return j;
  }
  return -1;
}

function markKind(f: Family): Quote['mark'] {
  switch (f) {
    case 'straight':
      return 'straight';
    case 'curly':
      return 'curly';
    case 'guillemet':
      return 'guillemet';
    case 'single':
      return 'single';
    default:
      return 'other';
  }
}

/** Start of the sentence containing `pos`, looking back at most `limit` characters and not before `floor`. */
function sentenceStartBefore(text: string, pos: number, floor: number, limit = WINDOW): number {
  const lo = Math.max(floor, pos - limit);
  for (let i = pos - 1; i > lo; i--) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) continue;
    // i is a space: is there a sentence end just before it (. ! ? … then optional closing marks)?
    let j = i - 1;
    while (j >= lo && ')”"»’'.includes(text[j])) j--;
    if (j < lo) continue;
    const e = text[j];
    if (e === '!' || e === '?' || e === '…') return i + 1;
    if (e === '.') {
      // not after an abbreviation or an initial
      let w = j - 1;
      while (w >= lo && (isWordCode(text.charCodeAt(w)) || text[w] === '.')) w--;
      const word = text.slice(w + 1, j).toLowerCase();
      if (word.length === 1 && /\p{Lu}/u.test(text[j - 1])) continue;
      if (ABBREVIATIONS.has(word)) continue;
      return i + 1;
    }
  }
  return lo;
}

/** True when the quoted text ends like a sentence (. ! ? …, possibly before inner closing marks). */
function endsSentence(inner: string): boolean {
  let k = inner.length - 1;
  while (k >= 0 && ')”"»’›\u00a0\u202f '.includes(inner[k])) k--;
  return k >= 0 && '.!?…'.includes(inner[k]);
}

/** At most 6 words, all capitalised except small function words ("Fox News Sunday", "Contract with America."). */
function isTitleLike(s: string): boolean {
  const words = s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  if (!words || words.length > MAX_SCARE_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0])) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

/** Words a Title Case phrase leaves in lower case. */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'for',
  'with',
  'in',
  'on',
  'at',
  'to',
  'by',
  'from',
  'as',
  'vs',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'en',
  'à',
  'au',
  'aux',
  'sur',
  'pour',
  'd’',
  'l’',
]);

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const w = isWordCode(s.charCodeAt(i)) || s[i] === "'" || s[i] === '’' || s[i] === '-';
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

interface Work {
  raw: RawQuote;
  quote: Quote;
  cue: Cue | null;
  /** Paragraph of this quote opens with the quote's mark. */
  opensParagraph: boolean;
  /** The quote (plus trailing punctuation) makes up all of its paragraph. */
  wholeParagraph: boolean;
  chainedFromPrev: boolean;
  /** Words of the same sentence come before the quote (it does not open a sentence). */
  midSentence: boolean;
}

/**
 * Finds quoted statements (straight, curly, « » and nested), marks scare quotes, and attributes speakers.
 * `entities` may be empty: speakers are then returned by name with `entityId: null`.
 * Called by `analyze()`; throws an AbortError when `signal` is aborted.
 */
export function findQuotes(
  text: string,
  pack: LanguagePack | undefined,
  entities: Entity[],
  signal?: AbortSignal,
): Quote[] {
  // Without a pack: the quotes by their marks only (speech words are a language's).
  const lang = pack?.quotes;
  throwIfAborted(signal);
  if (!text) return [];
  const paras = paragraphSpans(text);
  const raws: RawQuote[] = [];
  for (let p = 0; p < paras.length; p++) {
    if ((p & 255) === 0) throwIfAborted(signal);
    scanParagraph(text, paras[p], p, raws, signal);
  }
  if (raws.length === 0) return [];

  // build quotes
  const works: Work[] = [];
  for (const r of raws) {
    const outerEnd = r.close >= 0 ? r.close + 1 : r.paraEnd;
    let s = r.open + 1;
    let e = r.close >= 0 ? r.close : r.paraEnd;
    while (s < e && SPACE_INSIDE.test(text[s])) s++;
    while (e > s && SPACE_INSIDE.test(text[e - 1])) e--;
    if (e <= s) continue;
    const quote: Quote = {
      start: s,
      end: e,
      text: text.slice(s, e),
      outer: { start: r.open, end: outerEnd },
      mark: markKind(r.family),
      scare: false,
      speaker: null,
    };
    const tail = trimSpan(text, outerEnd, r.paraEnd);
    const tailText = tail ? text.slice(tail.start, tail.end) : '';
    works.push({
      raw: r,
      quote,
      cue: null,
      opensParagraph: r.open === r.paraStart,
      wholeParagraph: r.open === r.paraStart && /^[\s.,;:!?…)\]]*$/.test(tailText),
      chainedFromPrev: false,
      midSentence: false,
    });
  }

  // spans of all quotes, for "inside a quote" tests (sorted, non-overlapping)
  const outers = works.map((w) => w.quote.outer);
  const insideQuote = (pos: number): boolean => {
    let lo = 0;
    let hi = outers.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (outers[mid].end <= pos) lo = mid + 1;
      else if (outers[mid].start > pos) hi = mid - 1;
      else return true;
    }
    return false;
  };
  const sentenceStarts = new Map<number, number>();
  const ctx: ResolveContext = {
    text,
    index: indexEntities(entities),
    insideQuote,
    sentenceStart: (pos) => {
      let v = sentenceStarts.get(pos);
      if (v === undefined) {
        v = sentenceStartBefore(text, pos, 0, 600);
        sentenceStarts.set(pos, v);
      }
      return v;
    },
  };

  let consumedUpTo = 0; // text before this offset was already used by an earlier quote's attribution
  for (let qi = 0; qi < works.length; qi++) {
    if ((qi & 255) === 0) throwIfAborted(signal);
    const w = works[qi];
    const q = w.quote;
    const r = w.raw;
    const prevW = qi > 0 ? works[qi - 1] : null;

    // multi-paragraph chain: the previous paragraph ended inside an open quote and this one reopens it
    if (prevW && prevW.raw.close < 0 && prevW.raw.para === r.para - 1 && w.opensParagraph) w.chainedFromPrev = true;

    // scare quote: a few words, inside a sentence, no sentence-final punctuation
    const sentStart = sentenceStartBefore(text, r.open, r.paraStart);
    const floor = Math.max(
      sentStart,
      r.paraStart,
      prevW && prevW.raw.para === r.para ? prevW.quote.outer.end : 0,
      consumedUpTo,
    );
    const before = text.slice(Math.max(sentStart, r.paraStart), r.open);
    const insideSentence = /[\p{L}\p{N}]/u.test(before);
    w.midSentence = insideSentence;
    // a short phrase inside a sentence is a scare quote unless a speech verb attributes it (then it is a partial
    // quotation: "She said she was "proud""); labels ("called it "X"", "qualifié d’« X »") stay scare quotes
    const short = r.close >= 0 && insideSentence && !endsSentence(q.text) && countWords(q.text) <= MAX_SCARE_WORDS;

    // attribution after the quote (same paragraph, until the next quote)
    let cue: Cue | null = null;
    if (lang && r.close >= 0) {
      const nextOpen = qi + 1 < works.length && works[qi + 1].raw.para === r.para ? works[qi + 1].raw.open : r.paraEnd;
      const to = Math.min(nextOpen, q.outer.end + WINDOW);
      cue = cueAfter(tokenize(text, q.outer.end, to, lang), !short);
    }
    // attribution before the quote (same sentence, not reusing an earlier quote's words)
    if (lang && !cue && floor < r.open) {
      const toks = tokenize(text, Math.max(floor, r.open - WINDOW), r.open, lang);
      cue = cueBefore(toks, short ? 14 : 40, lang);
    }
    // a paragraph that opens with the quote, after a paragraph ending in "X said:" / "Caddell continued:"
    if (lang && !cue && w.opensParagraph && !short) {
      let k = r.paraStart - 1;
      while (k > 0 && isSpaceCode(text.charCodeAt(k))) k--;
      if (k > 0 && text[k] === ':' && k > consumedUpTo) {
        const s0 = sentenceStartBefore(text, k, Math.max(0, consumedUpTo));
        cue = cueBefore(tokenize(text, s0, k, lang), 12, lang);
      }
    }
    q.scare = short && (!cue || cue.naming === true);
    // a short Title Case phrase inside a sentence is a title or a slogan ("MSNBC’s “Morning Joe”", "the slogan
    // “The Internet’s Last Sunshine.”"), not a statement, even with a final period inside the marks
    if (r.close >= 0 && insideSentence && isTitleLike(q.text)) {
      q.scare = true;
      cue = null;
    }
    if (q.scare && !cue) continue;
    if (cue) {
      w.cue = cue;
      consumedUpTo = Math.max(consumedUpTo, cue.verbEnd, cue.end);
      const res = resolveCue(ctx, cue, q.outer.start);
      q.speaker = { name: res.name, entityId: res.entityId, start: cue.start, end: cue.end, via: cue.kind };
    }
  }

  // continuations: inherit the speaker of the quote before (same paragraph, chained, or a whole quote paragraph)
  for (let qi = 1; qi < works.length; qi++) {
    const w = works[qi];
    if (w.quote.speaker || w.quote.scare) continue;
    const pi = findPrevStatement(works, qi);
    const prev = pi >= 0 ? works[pi] : null;
    if (!prev || !prev.quote.speaker) continue;
    // a quote in the middle of a sentence continues only a coordinated attribution ("said … and promised "…"")
    const sameParagraph =
      prev.raw.para === w.raw.para &&
      noAttributionBetween(text, prev, w) &&
      (!w.midSentence || (lang !== undefined && continuesAttribution(text, prev, w, lang)));
    const nextParagraph =
      prev.raw.para === w.raw.para - 1 && (w.chainedFromPrev || (w.wholeParagraph && isLastInParagraph(works, pi)));
    if (sameParagraph || nextParagraph) w.quote.speaker = inherit(prev.quote.speaker);
  }
  // backwards: the first part of a chain, or a quote directly followed by an attributed one ("A." "B," he said.)
  for (let qi = works.length - 2; qi >= 0; qi--) {
    const w = works[qi];
    if (w.quote.speaker || w.quote.scare) continue;
    const next = works[qi + 1];
    if (!next.quote.speaker || next.quote.scare) continue;
    const chain = next.chainedFromPrev;
    const adjacent =
      next.raw.para === w.raw.para && /^[\s,;:—–-]*$/.test(text.slice(w.quote.outer.end, next.quote.outer.start));
    if (chain || adjacent) w.quote.speaker = inherit(next.quote.speaker);
  }
  return works.map((w) => w.quote);
}

/**
 * A mid-sentence quote continues the previous quote's attribution when it resumes after punctuation
 * ("“A,” he said, “B.”", "“A,” he told CNN on Monday, “but B.”") or after a coordinated speech verb
 * ("said … and promised “…”"); not when it is the object of other words ("…, under the slogan “…”").
 */
function continuesAttribution(text: string, prev: Work, w: Work, lang: QuoteLanguage): boolean {
  const from = Math.max(prev.quote.outer.end, prev.cue ? Math.max(prev.cue.end, prev.cue.verbEnd) : 0);
  const toks = tokenize(text, from, w.quote.outer.start, lang);
  if (!toks.some((t) => t.word)) return true;
  // a split quote resumes after a comma, colon or dash ("“A,” Schiff told CNN on Wednesday, “but B.”")
  const last = toks[toks.length - 1];
  if (last && /^[,:;—–]$/.test(last.text)) return true;
  return hasSpeechVerb(toks);
}

function inherit(s: Speaker): Speaker {
  return { name: s.name, entityId: s.entityId, start: s.start, end: s.end, via: 'continuation' };
}

function findPrevStatement(works: Work[], qi: number): number {
  for (let k = qi - 1; k >= 0 && qi - k <= 8; k--) {
    if (!works[k].quote.scare) return k;
  }
  return -1;
}

function isLastInParagraph(works: Work[], i: number): boolean {
  const w = works[i];
  for (let k = i + 1; k < works.length && works[k].raw.para === w.raw.para; k++) {
    if (!works[k].quote.scare) return false;
  }
  return true;
}

/** Between two quotes of one paragraph: nothing that could be another speaker's attribution. */
function noAttributionBetween(text: string, a: Work, b: Work): boolean {
  const between = text.slice(a.quote.outer.end, b.quote.outer.start);
  if (between.length > 400) return false;
  // a new sentence that names someone else would have produced its own cue; here we only refuse very long gaps
  return true;
}
