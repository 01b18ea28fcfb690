/** Scoring helpers shared by the eval sections: P/R/F1, one-to-one overlap matching, result rows. */

export interface Span {
  start: number;
  end: number;
}

export interface Prf {
  gold: number;
  pred: number;
  tp: number;
  p: number;
  r: number;
  f1: number;
}

/** One line of the results table. */
export interface Row {
  /** `entities`, `dates`, `quotes`, `alignment`, … */
  task: string;
  /** Human-readable dataset name, e.g. `CoNLL-2003 en dev`. */
  dataset: string;
  /** `article-lens` or the name of a baseline. */
  system: string;
  /** What the numbers are about: `PER`, `micro`, `span strict`, … */
  slice: string;
  gold?: number;
  pred?: number;
  tp?: number;
  p?: number;
  r?: number;
  f1?: number;
  /** A secondary metric (value accuracy, speaker accuracy) over `n` items. */
  extra?: { name: string; value: number; n: number };
  /** Target as text ("F1 ≥ 0.65"); `met` says whether this row reaches it. */
  target?: string;
  met?: boolean;
  note?: string;
}

/** Precision, recall and F1 from counts; 0 when a denominator is 0. */
export function prf(gold: number, pred: number, tp: number): Prf {
  const p = pred > 0 ? tp / pred : 0;
  const r = gold > 0 ? tp / gold : 0;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { gold, pred, tp, p, r, f1 };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * One-to-one matching of predictions to gold spans that overlap (relaxed match).
 * Pairs are taken greedily by decreasing overlap length (ties: earlier gold, then earlier prediction).
 * Returns [goldIndex, predIndex] pairs sorted by gold index. Meant for one document at a time (quadratic worst case).
 */
export function matchOverlapping(gold: readonly Span[], pred: readonly Span[]): Array<[number, number]> {
  const cands: Array<[number, number, number]> = [];
  for (let gi = 0; gi < gold.length; gi++) {
    const g = gold[gi]!;
    for (let pi = 0; pi < pred.length; pi++) {
      const len = overlapLength(g, pred[pi]!);
      if (len > 0) cands.push([len, gi, pi]);
    }
  }
  cands.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, gi, pi] of cands) {
    if (usedG.has(gi) || usedP.has(pi)) continue;
    usedG.add(gi);
    usedP.add(pi);
    out.push([gi, pi]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Formats a ratio with 3 decimals, or `–` when absent. */
export function fmt(x: number | undefined): string {
  return x === undefined || Number.isNaN(x) ? '–' : x.toFixed(3);
}
