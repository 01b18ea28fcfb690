/**
 * Edit distances for re-anchoring: how much of a correction's context is still around a candidate, and where a long
 * quoted text that was slightly edited now is. Plain dynamic programming on short strings (contexts are ~32
 * characters; long patterns are searched only in windows found by exact pieces of them).
 */

/**
 * Smallest edit distance between `pattern` and a prefix of `text` (the text may go on: the suffix side of a
 * context), or, with `fromEnd`, a suffix of `text` (the prefix side).
 */
export function anchoredDistance(pattern: string, text: string, fromEnd = false): number {
  const p = fromEnd ? [...pattern].reverse().join('') : pattern;
  const t = fromEnd ? [...text].reverse().join('') : text;
  const m = p.length;
  const n = t.length;
  if (m === 0) return 0;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m];
  for (let j = 1; j <= n; j++) {
    cur[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (p.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1);
      cur[i] = Math.min(sub, prev[i] + 1, cur[i - 1] + 1);
    }
    if (cur[m] < best) best = cur[m];
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** 0..1: how much of `stored` context is still there (1 = intact), compared to the text next to a candidate. */
export function contextScore(stored: string, actual: string, side: 'prefix' | 'suffix'): number {
  if (stored.length === 0) return 1;
  return Math.max(0, 1 - anchoredDistance(stored, actual, side === 'prefix') / stored.length);
}

export interface ApproximateMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The best occurrence of `pattern` in `text[from, to)` with at most `maxErrors` edits (Sellers' algorithm: free start
 * and end in the text), or null.
 */
export function bestApproximateMatch(
  pattern: string,
  text: string,
  from: number,
  to: number,
  maxErrors: number,
): ApproximateMatch | null {
  const m = pattern.length;
  if (m === 0 || to <= from) return null;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = from;
  }
  let best: ApproximateMatch | null = null;
  for (let j = from; j < to; j++) {
    cur[0] = 0;
    curStart[0] = j + 1;
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      if (sub <= del && sub <= ins) {
        cur[i] = sub;
        curStart[i] = prevStart[i - 1];
      } else if (del <= ins) {
        cur[i] = del;
        curStart[i] = prevStart[i];
      } else {
        cur[i] = ins;
        curStart[i] = curStart[i - 1];
      }
    }
    if (cur[m] <= maxErrors && (!best || cur[m] < best.errors))
      best = { start: curStart[m], end: j + 1, errors: cur[m] };
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}
