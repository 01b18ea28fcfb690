/**
 * Tense of the clause around a date expression, for resolving dates that do not say which way they point
 * ("Tuesday", "Feb. 10", "May"). Cheap regex scan over a short window; no parsing, no state.
 *
 * The clause's tense is the tense cue NEAREST to the expression inside a short window (70 characters before,
 * 40 after, cut at sentence ends), because news sentences often mix tenses ("Since the decision was announced
 * Wednesday, they have said they will appeal"): the verb a date modifies is usually the closest one.
 * - past cues: simple past and past perfect ("was", "had", "said", "announced", irregular pasts), French passé
 *   composé / plus-que-parfait (auxiliary + participle), imparfait and passé simple plural;
 * - future cues: the word lists passed in by the caller (tense, schedule, intent words).
 * An "-ed" word is not a past cue when it is a passive or perfect participle after a present/future auxiliary
 * ("will be decided", "is expected", "has scheduled"), or when it introduces an intention ("planned to").
 */

export type Tense = 'past' | 'future' | null;

/**
 * A language's past-tense cues in `text` (a clause window; `before`: the window before the date expression):
 * each as its position and length. Supplied by the language pack (lang/<code>/tense.ts).
 */
export type PastCueFinder = (text: string, before: boolean) => Array<{ index: number; length: number }>;

const WINDOW_BEFORE = 70;
const WINDOW_AFTER = 40;

/**
 * The clause window around [start, end): cut at the nearest sentence or paragraph end on each side, and at a
 * quote mark (an attribution after a quote, "…,'' Castro said", is not the clause of a date inside the quote).
 */
function window(s: string, start: number, end: number): { before: string; after: string } {
  let before = s.slice(Math.max(0, start - WINDOW_BEFORE), start);
  let cut = before.lastIndexOf('\n');
  for (const m of before.matchAll(/(?:\p{L}{2,}|\d|["”'’)])[.!?;]\s|["“”«»]|``|''/gu))
    cut = Math.max(cut, m.index! + m[0].length - 1);
  if (cut >= 0) before = before.slice(cut + 1);
  let after = s.slice(end, end + WINDOW_AFTER);
  const cut2 = after.search(/[.!?;](?:\s|$)|\n|["“”«»]|``|''/);
  if (cut2 >= 0) after = after.slice(0, cut2);
  return { before, after };
}

interface Hit {
  dist: number;
  tense: 'past' | 'future';
}

function pastHits(text: string, cues: PastCueFinder, before: boolean, out: Hit[]): void {
  const len = text.length;
  for (const m of cues(text, before)) out.push({ dist: before ? len - (m.index + m.length) : m.index, tense: 'past' });
}

function futureHits(text: string, re: RegExp, before: boolean, out: Hit[], len: number): void {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (const m of text.matchAll(g)) {
    const pos = m.index!;
    out.push({ dist: before ? len - (pos + m[0].length) : pos, tense: 'future' });
  }
}

/**
 * Tense of the clause around [start, end) in `s`: the nearest past or future cue, or null when there is none.
 * `future` lists the future cues to use (they differ for weekdays and month-days); `futureBefore` those that count
 * only before the expression (an intention, "planned to leave on Thursday", but not "On Friday, X planned to pay"). A tie goes to the future cue
 * (an intention word is both: "planned a rally on Saturday" is not decided here).
 */
export function clauseTense(
  s: string,
  start: number,
  end: number,
  pastCues: PastCueFinder,
  future: RegExp[],
  futureBefore: RegExp[] = [],
): Tense {
  const { before, after } = window(s, start, end);
  const hits: Hit[] = [];
  pastHits(before, pastCues, true, hits);
  pastHits(after, pastCues, false, hits);
  for (const re of future) {
    futureHits(before, re, true, hits, before.length);
    futureHits(after, re, false, hits, after.length);
  }
  for (const re of futureBefore) futureHits(before, re, true, hits, before.length);
  if (!hits.length) return null;
  hits.sort((a, b) => a.dist - b.dist || (a.tense === 'future' ? -1 : 1));
  return hits[0].tense;
}
