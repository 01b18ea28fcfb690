/**
 * Averaged structured perceptron (Collins 2002) over BIO labels, trained with the core's own feature extractor and
 * Viterbi decoder (src/core/ner), so that training and inference cannot drift apart.
 */
import { bioTransitions, emissions, segmentTokens, viterbi } from '../../src/core/ner/decode';
import { extractFeatures, type FeatureGroup, type FeatureMatrix, type LexiconProbe } from '../../src/core/ner/features';
import { rng } from '../bench/timing';
import type { PreparedDoc } from './corpus';

export interface StageOptions {
  labels: readonly string[];
  groups: readonly FeatureGroup[];
  vocabulary: ReadonlySet<string>;
  bits: number;
  lexicons: readonly LexiconProbe[];
  epochs: number;
  seed: number;
  /** Probability of hiding a token's word identity in one epoch (word dropout). */
  wordDropout: number;
  /** Learn a copy of every feature per training source (see FeatureInput.domain). */
  adapt: boolean;
}

export interface TrainedStage {
  weights: Float32Array;
  transitions: Float32Array;
}

function featuresOf(
  doc: PreparedDoc,
  opts: StageOptions,
  firstPass: readonly string[] | undefined,
  hide?: (i: number) => boolean,
): FeatureMatrix {
  return extractFeatures(
    {
      tokens: doc.tokens,
      text: doc.built.text,
      ruleLabels: doc.rules,
      firstPass,
      hideWord: hide,
      domain: opts.adapt ? doc.source : undefined,
    },
    { groups: new Set(opts.groups), vocabulary: opts.vocabulary, bits: opts.bits, lexicons: opts.lexicons },
  );
}

/** Trains one stage; `firstPass[d]` are the labels a first stage gave document d (for the `passone` group). */
export function trainStage(
  docs: readonly PreparedDoc[],
  opts: StageOptions,
  firstPass?: ReadonlyArray<readonly string[]>,
): TrainedStage {
  const L = opts.labels.length;
  const index = new Map(opts.labels.map((l, i) => [l, i]));
  const size = (1 << opts.bits) * L;
  const w = new Float64Array(size);
  const u = new Float64Array(size); // Σ c · Δw, for averaging
  const tw = new Float64Array((L + 1) * L);
  const tu = new Float64Array((L + 1) * L);
  const valid = bioTransitions(opts.labels);
  // Seeded: the same seed gives the same shuffles and dropouts, hence the same model bytes.
  const random = rng(opts.seed);
  const gold = docs.map((d) => Int32Array.from(d.gold, (g) => index.get(g) ?? 0));
  const segments: Array<[number, number, number]> = [];
  docs.forEach((d, di) => {
    for (const [a, b] of segmentTokens(d.tokens, d.built.text)) segments.push([di, a, b]);
  });
  const fixed = opts.wordDropout > 0 ? null : docs.map((d, di) => featuresOf(d, opts, firstPass?.[di]));
  let c = 1;
  let em = new Float64Array(256 * L);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const feats = fixed ?? docs.map((d, di) => featuresOf(d, opts, firstPass?.[di], () => random() < opts.wordDropout));
    // Fisher–Yates with the seeded generator.
    for (let i = segments.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [segments[i], segments[j]] = [segments[j], segments[i]];
    }
    for (const [di, a, b] of segments) {
      const n = b - a;
      if (em.length < n * L) em = new Float64Array(n * L * 2);
      const fm = feats[di];
      emissions(fm, w, L, a, b, em);
      const path = viterbi(em, 1, n, L, tw, valid);
      const g = gold[di];
      if (path) {
        for (let i = 0; i < n; i++) {
          const gi = g[a + i];
          const pi = path[i];
          if (gi !== pi) {
            for (let k = fm.offsets[a + i]; k < fm.offsets[a + i + 1]; k++) {
              const row = fm.ids[k] * L;
              w[row + gi] += 1;
              u[row + gi] += c;
              w[row + pi] -= 1;
              u[row + pi] -= c;
            }
          }
          const gPrev = i === 0 ? L : g[a + i - 1];
          const pPrev = i === 0 ? L : path[i - 1];
          if (gPrev !== pPrev || gi !== pi) {
            tw[gPrev * L + gi] += 1;
            tu[gPrev * L + gi] += c;
            tw[pPrev * L + pi] -= 1;
            tu[pPrev * L + pi] -= c;
          }
        }
      }
      c++;
    }
  }
  const weights = new Float32Array(size);
  for (let k = 0; k < size; k++) weights[k] = w[k] - u[k] / c;
  const transitions = new Float32Array((L + 1) * L);
  for (let k = 0; k < transitions.length; k++) transitions[k] = tw[k] - tu[k] / c;
  return { weights, transitions };
}

/** Quantizes weights to int8 or int16 with one scale; weights that round to zero are pruned. */
export function quantize(weights: Float32Array, width: 1 | 2): { values: Int8Array | Int16Array; scale: number } {
  let max = 0;
  for (let k = 0; k < weights.length; k++) max = Math.max(max, Math.abs(weights[k]));
  const top = width === 1 ? 127 : 32767;
  const scale = max > 0 ? max / top : 1;
  const values = width === 1 ? new Int8Array(weights.length) : new Int16Array(weights.length);
  for (let k = 0; k < weights.length; k++) values[k] = Math.max(-top, Math.min(top, Math.round(weights[k] / scale)));
  return { values, scale };
}
