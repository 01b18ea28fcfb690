/**
 * Word-level differences between two wordings of the same statement (quote fidelity, rewrite alignment).
 * Case, accents and punctuation are ignored; "any US data … if asked" vs "any US information … if requested
 * to do so" gives [{a:"data", b:"information"}, {a:"asked", b:"requested to do so"}].
 */
import type { WordDifference } from './crossRefTypes';

export interface WordToken {
  start: number;
  end: number;
  /** Folded form: lower case, no accents, curly apostrophes straightened. */
  key: string;
}

/** Words (letters/digits with inner apostrophes, hyphens and digit separators) with their offsets. */
export function wordTokens(text: string, offset = 0): WordToken[] {
  const out: WordToken[] = [];
  const re = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, key: foldWord(m[0]) });
  }
  return out;
}

/** Lower-cases, strips accents and unifies apostrophes. */
export function foldWord(w: string): string {
  return w
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .toLowerCase();
}

export interface WordDiffResult {
  /** Same words in the same order (case, accents and punctuation aside). */
  identical: boolean;
  /** 0..1: matched words / longer wording. */
  similarity: number;
  differences: WordDifference[];
}

/** Above this many cells the LCS table is skipped and only common prefix/suffix are matched. */
const MAX_CELLS = 250_000;

/**
 * Matched token index pairs of a longest common subsequence of `a` and `b` (by key).
 * Linear memory is not needed at these sizes; very long inputs fall back to prefix/suffix matching.
 */
export function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < pre; i++) pairs.push([i, i]);
  const an = n - pre - suf;
  const bm = m - pre - suf;
  if (an > 0 && bm > 0 && an * bm <= MAX_CELLS) {
    // dp[i][j] = LCS of a[pre+i..] and b[pre+j..]
    const w = bm + 1;
    const dp = new Uint16Array((an + 1) * w);
    for (let i = an - 1; i >= 0; i--) {
      for (let j = bm - 1; j >= 0; j--) {
        dp[i * w + j] =
          a[pre + i] === b[pre + j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < an && j < bm) {
      if (a[pre + i] === b[pre + j]) {
        pairs.push([pre + i, pre + j]);
        i++;
        j++;
      } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
      else j++;
    }
  }
  for (let k = suf; k > 0; k--) pairs.push([n - k, m - k]);
  return pairs;
}

/** Word differences between two texts: runs of unmatched words on either side, in order. */
export function wordDiff(a: string, b: string): WordDiffResult {
  const ta = wordTokens(a);
  const tb = wordTokens(b);
  return diffTokens(a, ta, b, tb);
}

/** Same as `wordDiff` over pre-computed tokens (offsets into `a`/`b`). */
export function diffTokens(
  a: string,
  ta: WordToken[],
  b: string,
  tb: WordToken[],
  base: { a: number; b: number } = { a: 0, b: 0 },
): WordDiffResult {
  const pairs = lcsPairs(
    ta.map((t) => t.key),
    tb.map((t) => t.key),
  );
  const differences: WordDifference[] = [];
  const run = (text: string, toks: WordToken[], from: number, to: number, off: number): string =>
    from < to ? text.slice(toks[from].start - off, toks[to - 1].end - off) : '';
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...pairs, [ta.length, tb.length] as [number, number]]) {
    if (i > pi || j > pj) differences.push({ a: run(a, ta, pi, i, base.a), b: run(b, tb, pj, j, base.b) });
    pi = i + 1;
    pj = j + 1;
  }
  const longer = Math.max(ta.length, tb.length);
  return {
    identical: differences.length === 0,
    similarity: longer === 0 ? 1 : pairs.length / longer,
    differences,
  };
}
