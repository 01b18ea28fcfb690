/**
 * Re-attaching a correction to a text, as the Hypothesis client re-anchors an annotation with a W3C
 * TextQuoteSelector (exact + prefix + suffix) and a TextPositionSelector (start, a hint):
 *
 * 1. Candidates are the occurrences of `exact` in the folded text (see foldedText.ts: accents, apostrophes and
 *    white-space runs do not matter; case does), as whole words when it was made on whole words. A long exact text (FUZZY_MIN_LENGTH characters or more, a quote
 *    rather than a name) that no longer occurs is also looked for with up to 10% of its characters edited.
 * 2. Each candidate is scored as Hypothesis scores them — quote 50, prefix 20, suffix 20, position 2 — where the
 *    quote score is the share of its characters unchanged, a context score the share of the stored context still
 *    next to it (edit distance, so a changed word costs its letters), and the position score its nearness to `start`.
 * 3. The principled part — when the words around it changed too much it is not the same place: a candidate is
 *    acceptable only when the context it has kept averages CONTEXT_MIN (half) over the sides the target records. A
 *    target without context accepts any candidate (hand-written: the first occurrence, or the one nearest `start`).
 *    White space at the edges of `exact` is treated as context (it merges with the run of white space around it).
 * 4. The best acceptable candidate wins; ties go to the one nearest `start`, then the first. None: the correction is
 *    orphaned, with `notFound` (the text is gone) or `contextChanged` (it is there, elsewhere).
 */
import type { Span } from '../types';
import { bestApproximateMatch, contextScore } from './editDistance';
import { foldPattern, foldedOffset, isWordChar, originalSpan, type FoldedText } from './foldedText';
import type { TextTarget } from './model';

/** Exact texts at least this long are also matched approximately (quotes and passages, not names). */
export const FUZZY_MIN_LENGTH = 16;
/** Share of characters of `exact` that may have been edited for an approximate match. */
export const FUZZY_MAX_ERROR_RATE = 0.1;
/** Mean share of the stored context that must still be there. */
export const CONTEXT_MIN = 0.5;
/** Context recorded on each side by `targetFromSpan`. */
export const CONTEXT_LENGTH = 32;

const MAX_CANDIDATES = 5000;
const MAX_FUZZY_WINDOWS = 16;
const MAX_FUZZY_ERRORS = 32;

export interface Anchored extends Span {
  /** 0..1 (1: exact text, intact context, at the recorded position). */
  score: number;
  /** Found with edits inside the exact text. */
  fuzzy: boolean;
}

export type AnchorResult =
  ({ ok: true } & Anchored) | { ok: false; reason: 'notFound' | 'contextChanged'; candidates: number };

export interface AnchorOptions {
  /** Only candidates overlapping this span of the text (a new span must cover the text it corrects). */
  within?: Span;
}

interface Candidate {
  from: number;
  to: number;
  errors: number;
}

function exactCandidates(folded: string, pattern: string): Candidate[] {
  const out: Candidate[] = [];
  for (let i = folded.indexOf(pattern); i >= 0 && out.length < MAX_CANDIDATES; i = folded.indexOf(pattern, i + 1)) {
    out.push({ from: i, to: i + pattern.length, errors: 0 });
  }
  return out;
}

/** Approximate occurrences: windows around exact pieces of the pattern (one of k+1 pieces survives k edits). */
function fuzzyCandidates(folded: string, pattern: string): Candidate[] {
  const m = pattern.length;
  const k = Math.min(MAX_FUZZY_ERRORS, Math.max(1, Math.floor(m * FUZZY_MAX_ERROR_RATE)));
  const pieceLength = Math.floor(m / (k + 1));
  if (pieceLength < 4) return [];
  const hits = new Map<number, number>();
  for (let p = 0; p <= k; p++) {
    const piece = pattern.slice(p * pieceLength, (p + 1) * pieceLength);
    let found = 0;
    for (let i = folded.indexOf(piece); i >= 0 && found < 50; i = folded.indexOf(piece, i + 1), found++) {
      const origin = Math.max(0, i - p * pieceLength);
      // Windows are bucketed so that pieces of one occurrence count together.
      const bucket = Math.floor(origin / (k + 1));
      hits.set(bucket, (hits.get(bucket) ?? 0) + 1);
    }
  }
  const windows = [...hits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_FUZZY_WINDOWS);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const [bucket] of windows) {
    const origin = bucket * (k + 1);
    const from = Math.max(0, origin - 2 * k - 1);
    const to = Math.min(folded.length, origin + m + 2 * k + 1);
    const match = bestApproximateMatch(pattern, folded, from, to, k);
    if (!match || seen.has(`${match.start}:${match.end}`)) continue;
    seen.add(`${match.start}:${match.end}`);
    out.push({ from: match.start, to: match.end, errors: match.errors });
  }
  return out;
}

/** Finds where `target` is in the text now. */
export function anchorTarget(ft: FoldedText, target: TextTarget, options: AnchorOptions = {}): AnchorResult {
  // White space at the edges of the quoted text is context, not text: it folds into the run around it.
  const exact = foldPattern(target.exact);
  const pattern = exact.trim();
  if (pattern === '') return { ok: false, reason: 'notFound', candidates: 0 };
  const prefix = foldPattern((target.prefix ?? '') + (exact.startsWith(' ') ? ' ' : ''));
  const suffix = foldPattern((exact.endsWith(' ') ? ' ' : '') + (target.suffix ?? ''));
  const folded = ft.folded;
  // Whole words stay whole words: a name that began (ended) a word then must begin (end) one now ("Paz" is not in
  // "Pazos"), unless the stored context shows it was cut out of a word.
  const prefixCut = isWordChar(prefix.slice(-1)) && isWordChar(pattern[0]);
  const suffixCut = isWordChar(suffix[0]) && isWordChar(pattern[pattern.length - 1]);
  const bounded = (c: Candidate): boolean =>
    (prefixCut || !isWordChar(pattern[0]) || !isWordChar(folded[c.from - 1])) &&
    (suffixCut || !isWordChar(pattern[pattern.length - 1]) || !isWordChar(folded[c.to]));
  let cands = exactCandidates(folded, pattern).filter(bounded);
  const within = options.within;
  const overlaps = (c: Candidate): boolean => {
    if (!within) return true;
    const s = originalSpan(ft, c.from, c.to);
    return s.start < within.end && within.start < s.end;
  };
  cands = cands.filter(overlaps);
  if (cands.length === 0 && pattern.length >= FUZZY_MIN_LENGTH)
    cands = fuzzyCandidates(folded, pattern).filter((c) => overlaps(c) && bounded(c));
  if (cands.length === 0) return { ok: false, reason: 'notFound', candidates: 0 };

  const hint = target.start !== undefined ? foldedOffset(ft, Math.min(target.start, ft.text.length)) : undefined;
  const slack = 8;
  let best: { c: Candidate; score: number; distance: number } | null = null;
  for (const c of cands) {
    const sides: number[] = [];
    if (prefix)
      sides.push(contextScore(prefix, folded.slice(Math.max(0, c.from - prefix.length - slack), c.from), 'prefix'));
    if (suffix) sides.push(contextScore(suffix, folded.slice(c.to, c.to + suffix.length + slack), 'suffix'));
    const context = sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : 1;
    if (context < CONTEXT_MIN) continue;
    const quoteScore = 1 - c.errors / pattern.length;
    const prefixScore = prefix ? sides[0] : 1;
    const suffixScore = suffix ? sides[sides.length - 1] : 1;
    const distance = hint === undefined ? 0 : Math.abs(c.from - hint);
    const posScore = hint === undefined ? 1 : 1 - distance / Math.max(1, folded.length);
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && distance < best.distance))
      best = { c, score, distance };
  }
  if (!best) return { ok: false, reason: 'contextChanged', candidates: cands.length };
  const span = originalSpan(ft, best.c.from, best.c.to);
  return { ok: true, ...span, score: Math.round(best.score * 1000) / 1000, fuzzy: best.c.errors > 0 };
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The target the extension records when the reader acts on `span` of `text`: the exact text, CONTEXT_LENGTH
 * characters of context on each side cut back to whole words (a context that starts mid-word would be half a word
 * after any edit there), and the position.
 */
export function targetFromSpan(text: string, span: Span, context = CONTEXT_LENGTH): TextTarget {
  let start = Math.max(0, Math.min(span.start, text.length));
  let end = Math.max(start, Math.min(span.end, text.length));
  // Whole characters only: a span cutting a surrogate pair takes the whole pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start--;
  if (end < text.length && end > 0 && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1)))
    end++;
  let from = Math.max(0, start - context);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (from > 0 && WORD.test(text[from - 1] ?? '') && WORD.test(text[from] ?? '')) {
    let k = from;
    while (k < start && WORD.test(text[k])) k++;
    if (k < start) from = k;
  }
  let to = Math.min(text.length, end + context);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  if (to < text.length && WORD.test(text[to] ?? '') && WORD.test(text[to - 1] ?? '')) {
    let k = to;
    while (k > end && WORD.test(text[k - 1])) k--;
    if (k > end) to = k;
  }
  const target: TextTarget = { exact: text.slice(start, end) };
  if (from < start) target.prefix = text.slice(from, start);
  if (end < to) target.suffix = text.slice(end, to);
  target.start = start;
  return target;
}
