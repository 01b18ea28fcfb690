/**
 * Adversarial table (printed by `npm run bench`, numbers for reading, never asserted): analyze() on each hostile
 * generator of adversarialTexts.ts at four sizes, the growth exponent fitted on them (slope of log time against log
 * size: 1 is linear, 2 quadratic), and the largest size's time against real news of the same size and language,
 * measured in the same process. Each time is the least CPU time of five runs (see cpuTime and ROUNDS).
 *
 * Sizes: ARTICLE_LENS_BENCH_ADVERSARIAL_KB (comma-separated KB, default 12.5,25,50,100). A generator whose run takes
 * longer than ARTICLE_LENS_BENCH_BUDGET_S seconds (default 60) is not run at the larger sizes;
 * ARTICLE_LENS_BENCH_ADVERSARIAL_ONLY=<text> runs only the generators whose name contains it.
 * Run alone: `npm run build && node dist/bench.js --only adversarial`.
 */
import { analyze } from '../../src/core/analyze';
import { ADVERSARIAL_GENERATORS } from './adversarialTexts';
import { corpusText, sized, type BenchLang } from './realNews';

/** Rounds of measurements over all sizes of a generator after the first pass. */
const ROUNDS = 4;

/**
 * CPU time (user + system, ms) of one call. CPU time, not wall time, and the least of several (see the rounds
 * below): analyze() is synchronous, so on an idle machine they agree, and on a shared one the least CPU time is the
 * one least disturbed by other processes.
 */
function cpuTime(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** Least-squares slope of log(ms) against log(bytes). */
export function growthExponent(points: Array<[bytes: number, ms: number]>): number {
  const xs = points.map(([b]) => Math.log(b));
  const ys = points.map(([, ms]) => Math.log(Math.max(ms, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

function sizesKb(): number[] {
  const env = process.env.ARTICLE_LENS_BENCH_ADVERSARIAL_KB;
  const list = env
    ? env
        .split(',')
        .map(Number)
        .filter((x) => x > 0)
    : [12.5, 25, 50, 100];
  return list.sort((a, b) => a - b);
}

export function runAdversarialBench(root: string): void {
  const kbs = sizesKb();
  const largest = Math.round(kbs[kbs.length - 1] * 1024);
  const budgetMs = (Number(process.env.ARTICLE_LENS_BENCH_BUDGET_S) || 60) * 1000;
  const real: Record<BenchLang, string> = { en: '', fr: '' };
  const realMs: Record<BenchLang, number[]> = { en: [], fr: [] };
  for (const lang of ['en', 'fr'] as BenchLang[]) {
    real[lang] = sized(corpusText(root, lang), largest);
  }
  const timeReal = (runs: number): void => {
    for (let k = 0; k < runs; k++)
      for (const lang of ['en', 'fr'] as BenchLang[]) realMs[lang].push(cpuTime(() => analyze(real[lang], { lang })));
  };
  // Real news before and after the generators, so the baseline sees the machine as the generators did.
  console.error('adversarial: real news…');
  timeReal(3);

  interface Row {
    name: string;
    lang: BenchLang;
    cells: string[];
    exponent: number;
    /** Time at the largest size, or null when the budget stopped the generator earlier. */
    largestMs: number | null;
  }
  const rows: Row[] = [];
  const only = process.env.ARTICLE_LENS_BENCH_ADVERSARIAL_ONLY;
  for (const g of ADVERSARIAL_GENERATORS.filter((x) => !only || x.name.includes(only))) {
    console.error(`adversarial: ${g.name}…`);
    const points: Array<[number, number]> = [];
    const texts: string[] = [];
    for (const kb of kbs) {
      if (points.length > 0 && points[points.length - 1][1] > budgetMs) break;
      const text = g.make(Math.round(kb * 1024));
      texts.push(text);
      points.push([Buffer.byteLength(text), cpuTime(() => analyze(text, { lang: g.lang }))]);
    }
    // Then rounds over all sizes, keeping each size's least time: a busy spell on the machine then hits every size
    // alike instead of one, and the first, colder pass does not count against the small sizes.
    if (points.length === kbs.length) {
      for (let round = 0; round < ROUNDS; round++) {
        for (let i = 0; i < points.length; i++)
          points[i][1] = Math.min(
            points[i][1],
            cpuTime(() => analyze(texts[i], { lang: g.lang })),
          );
      }
    }
    const cells = kbs.map((_, i) => (i < points.length ? fmt(points[i][1]) : 'not run'));
    rows.push({
      name: g.name,
      lang: g.lang,
      cells,
      exponent: points.length >= 2 ? growthExponent(points) : NaN,
      largestMs: points.length === kbs.length ? points[points.length - 1][1] : null,
    });
  }
  timeReal(4);
  const realBest = { en: Math.min(...realMs.en), fr: Math.min(...realMs.fr) };

  const header = kbs.map((kb) => `${kb} KB`);
  console.log(
    `\n### Adversarial input: analyze() time by size, growth exponent, and ${kbs[kbs.length - 1]} KB against real news\n`,
  );
  console.log(
    `Real news, ${kbs[kbs.length - 1]} KB (least of ${realMs.en.length} runs, before and after the generators): en ${fmt(realBest.en)}, fr ${fmt(realBest.fr)}.\n`,
  );
  console.log(`| generator | lang | ${header.join(' | ')} | exponent | × real news |`);
  console.log(`|---|---|${header.map(() => '---').join('|')}|---|---|`);
  for (const r of rows) {
    const ratio = r.largestMs === null ? 'not run' : `${(r.largestMs / realBest[r.lang]).toFixed(2)}×`;
    const exponent = Number.isFinite(r.exponent) ? `**${r.exponent.toFixed(2)}**` : '—';
    console.log(`| ${r.name} | ${r.lang} | ${r.cells.join(' | ')} | ${exponent} | ${ratio} |`);
  }
  const fitted = rows.filter((r) => Number.isFinite(r.exponent));
  const stopped = rows.filter((r) => r.largestMs === null).map((r) => r.name);
  const worst = fitted.reduce((a, b) => (b.exponent > a.exponent ? b : a), fitted[0]);
  const ratios = rows.filter((r) => r.largestMs !== null).map((r) => (r.largestMs as number) / realBest[r.lang]);
  console.log(
    `\nLargest exponent ${worst ? `${worst.exponent.toFixed(2)} (${worst.name})` : '—'}; largest ratio to real news ` +
      `${ratios.length ? Math.max(...ratios).toFixed(2) : '—'}×` +
      (stopped.length ? `; stopped by the ${budgetMs / 1000} s budget: ${stopped.join(', ')}.` : '.'),
  );
}
