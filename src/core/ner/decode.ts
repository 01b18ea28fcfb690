/**
 * Scoring and Viterbi decoding over BIO labels for the entity tagger (shared by training and inference).
 */
import type { FeatureMatrix } from './features';

/** Token ranges [start, end) decoded one at a time: lines, cut after sentence-final punctuation. */
export function segmentTokens(
  tokens: ReadonlyArray<{ text: string; start: number; end: number; word: boolean }>,
  text: string,
  maxLength = 200,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const prev = tokens[i - 1];
    const cut =
      i === tokens.length ||
      i - start >= maxLength ||
      text.slice(prev.end, tokens[i].start).includes('\n') ||
      (!prev.word && /^[.!?…]$/.test(prev.text) && tokens[i].start > prev.end);
    if (cut) {
      out.push([start, i]);
      start = i;
    }
  }
  return out;
}

/** allowed[from * L + to]: 0 where "to" is I-X and "from" is neither B-X nor I-X (from = L: segment start). */
export function bioTransitions(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const ok = new Uint8Array((L + 1) * L).fill(1);
  for (let to = 0; to < L; to++) {
    if (!labels[to].startsWith('I-')) continue;
    const type = labels[to].slice(2);
    for (let from = 0; from <= L; from++) {
      const f = from < L ? labels[from] : 'O';
      if (f !== `B-${type}` && f !== `I-${type}`) ok[from * L + to] = 0;
    }
  }
  return ok;
}

/** Emission scores of tokens [from, to): out[(i - from) * L + label] = Σ weights of the token's features. */
export function emissions(
  fm: FeatureMatrix,
  weights: ArrayLike<number>,
  L: number,
  from: number,
  to: number,
  out: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const base = (i - from) * L;
    for (let l = 0; l < L; l++) out[base + l] = 0;
    for (let k = fm.offsets[i]; k < fm.offsets[i + 1]; k++) {
      const row = fm.ids[k] * L;
      for (let l = 0; l < L; l++) out[base + l] += weights[row + l];
    }
  }
}

/**
 * Best label sequence for n tokens. `em` holds n × L emission scores (times `emScale`), `transitions`
 * (L + 1) × L, `valid` the BIO mask from `bioTransitions`, `allowed` (optional, n × L) per-token constraints.
 * Returns null when the constraints leave no valid sequence.
 */
export function viterbi(
  em: Float64Array,
  emScale: number,
  n: number,
  L: number,
  transitions: ArrayLike<number>,
  valid: Uint8Array,
  allowed?: Uint8Array,
  allowedOffset = 0,
): Int32Array | null {
  const out = new Int32Array(n);
  if (n === 0) return out;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++) {
    const ok = valid[L * L + l] && (!allowed || allowed[allowedOffset * L + l]);
    score[l] = ok ? transitions[L * L + l] + em[l] * emScale : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      if (!allowed || allowed[(allowedOffset + i) * L + l]) {
        for (let p = 0; p < L; p++) {
          if (!valid[p * L + l]) continue;
          const s = score[(i - 1) * L + p] + transitions[p * L + l];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[i * L + l] = best === -Infinity ? -Infinity : best + em[i * L + l] * emScale;
      back[i * L + l] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < L; l++)
    if (score[(n - 1) * L + l] > best) {
      best = score[(n - 1) * L + l];
      arg = l;
    }
  if (best === -Infinity) return null;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * L + arg];
  }
  return out;
}
