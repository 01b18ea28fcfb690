/**
 * Small helpers shared by the benchmarks (scripts/bench/*) and the alignment evaluation (scripts/eval/align.ts):
 * the median of samples, the median time of a function, and a seeded PRNG so generated data is the same on every run.
 */
import { performance } from 'node:perf_hooks';

/** The median (upper middle for an even count) of `xs`; does not reorder `xs`. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time in ms of `runs` calls of `fn`, after one untimed warm-up call when `warmUp` is set. */
export function time(fn: () => void, runs: number, warmUp = false): number {
  if (warmUp) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Deterministic PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
