/** Date eval: TIMEX3 span P/R/F1 (strict = exact span, relaxed = overlap, one-to-one) and value accuracy. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { DateMention } from '../../src/core/types';
import { matchOverlapping, prf, type Prf, type Row } from './score';
import { DocErrors, type EvalContext, type Section, type SectionResult } from './section';
import { readTimeml, referenceFromDct, type TimemlDoc } from './timeml';

export interface DateScore {
  strict: Prf;
  relaxed: Prf;
  /** Relaxed-matched pairs whose predicted value equals the gold value. */
  valueCorrect: number;
  valueAccuracy: number;
  /** Value accuracy by raw string equality, without `normValue`. */
  valueAccuracyRaw: number;
  /** Per gold TIMEX3 type: gold count, relaxed matches, value-correct. */
  byType: Record<string, { gold: number; matched: number; valueCorrect: number }>;
  errors: { fp: string[]; fn: string[]; value: string[] };
}

type PredDate = Pick<DateMention, 'start' | 'end' | 'value'>;

/**
 * Normalises notations that mean the same TIMEX3 value, applied to gold and prediction alike:
 * - ISO week numbers without or with a leading zero: gold "2000-W7" = "2000-W07" (ISO 8601 writes two digits);
 * - a decade or century written with trailing X digits: gold "198X" = "198" (the TimeML guidelines' form for
 *   "the 1980s"), "19XX" = "19".
 * Nothing else is relaxed: "1968-XX" (some month of 1968) is not the year "1968".
 */
export function normValue(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v
    .trim()
    .replace(/^(\d{4})-W0(\d)(?!\d)/, '$1-W$2')
    .replace(/^(\d{3})X$/, '$1')
    .replace(/^(\d{2})XX$/, '$1');
}

/** Scores predictions against the TIMEX3 of each document. */
export function scoreDates(docs: TimemlDoc[], preds: PredDate[][], maxErrors = 100): DateScore {
  let gold = 0;
  let pred = 0;
  let strictTp = 0;
  let relaxedTp = 0;
  let valueCorrect = 0;
  let valueRaw = 0;
  const byType: DateScore['byType'] = {};
  const fp: string[] = [];
  const fn: string[] = [];
  const value: string[] = [];
  docs.forEach((doc, di) => {
    const g = doc.timexes;
    const p = preds[di] ?? [];
    gold += g.length;
    pred += p.length;
    const exact = new Set(g.map((t) => `${t.start}:${t.end}`));
    const seen = new Set<string>();
    for (const x of p) {
      const k = `${x.start}:${x.end}`;
      if (exact.has(k) && !seen.has(k)) strictTp++;
      seen.add(k);
    }
    const pairs = matchOverlapping(g, p);
    relaxedTp += pairs.length;
    const matchedG = new Set(pairs.map(([gi]) => gi));
    const matchedP = new Set(pairs.map(([, pi]) => pi));
    for (const t of g) byType[t.type] ??= { gold: 0, matched: 0, valueCorrect: 0 };
    for (const t of g) byType[t.type]!.gold++;
    for (const [gi, pi] of pairs) {
      const t = g[gi]!;
      const x = p[pi]!;
      byType[t.type]!.matched++;
      if (x.value === t.value) valueRaw++;
      if (normValue(x.value) === normValue(t.value)) {
        valueCorrect++;
        byType[t.type]!.valueCorrect++;
      } else if (value.length < maxErrors) {
        value.push(
          `${doc.id} ${JSON.stringify(t.text)} gold=${t.value} ours=${JSON.stringify(doc.text.slice(x.start, x.end))}→${x.value} (dct ${doc.dct})`,
        );
      }
    }
    g.forEach((t, i) => {
      if (!matchedG.has(i) && fn.length < maxErrors)
        fn.push(`${doc.id} ${t.type} ${JSON.stringify(t.text)} ${t.value}`);
    });
    p.forEach((x, i) => {
      if (!matchedP.has(i) && fp.length < maxErrors)
        fp.push(`${doc.id} ${JSON.stringify(doc.text.slice(x.start, x.end))} ${x.value}`);
    });
  });
  return {
    strict: prf(gold, pred, strictTp),
    relaxed: prf(gold, pred, relaxedTp),
    valueCorrect,
    valueAccuracy: relaxedTp > 0 ? valueCorrect / relaxedTp : 0,
    valueAccuracyRaw: relaxedTp > 0 ? valueRaw / relaxedTp : 0,
    byType,
    errors: { fp, fn, value },
  };
}

async function runDates(ctx: EvalContext, lang: 'en' | 'fr'): Promise<SectionResult> {
  const dir = path.join(ctx.dataDir, lang === 'en' ? 'tempeval3-aquaint-en' : 'fr-timebank-even', 'tml');
  const dataset = lang === 'en' ? 'TempEval-3 AQUAINT en' : 'French TimeBank (even half)';
  let files = readdirSync(dir)
    .filter((f) => f.endsWith('.tml') && !f.startsWith('.'))
    .sort();
  if (ctx.limit !== undefined) files = files.slice(0, ctx.limit);
  const docs = files.map((f) => readTimeml(readFileSync(path.join(dir, f), 'utf8'), f.replace(/\.tml$/, '')));
  const t0 = Date.now();
  const crashes = new DocErrors();
  const preds = docs.map((d) => {
    const ref = referenceFromDct(d.dct);
    return crashes.run(d.id, () => analyze(d.text, ref ? { lang, referenceDate: ref } : { lang }).dates, []);
  });
  if (crashes.count) ctx.log(`  ${crashes.note()}`);
  const ms = Date.now() - t0;
  ctx.log(`  article-lens analyze(): ${ms} ms`);
  const s = scoreDates(docs, preds);
  const spanOk = s.strict.f1 >= 0.8;
  const valueOk = s.valueAccuracy >= 0.85;
  const rows: Row[] = [
    {
      task: 'dates',
      dataset,
      system: 'article-lens',
      slice: 'TIMEX3 span strict',
      ...s.strict,
      target: 'F1 ≥ 0.80',
      met: spanOk,
    },
    {
      task: 'dates',
      dataset,
      system: 'article-lens',
      slice: 'TIMEX3 span relaxed',
      ...s.relaxed,
      extra: { name: 'value acc', value: s.valueAccuracy, n: s.relaxed.tp },
      target: 'value acc ≥ 0.85',
      met: valueOk,
      note: `value accuracy over relaxed-matched pairs: string equality with the gold value after normalising equivalent notations (ISO week "2000-W7" = "2000-W07", decade "198X" = "198", century "19XX" = "19"); raw string equality: ${s.valueAccuracyRaw.toFixed(3)}${crashes.count ? `; ${crashes.note()}` : ''}`,
    },
  ];
  return {
    rows,
    details: {
      docs: docs.length,
      crashes: { count: crashes.count, samples: crashes.samples },
      emptyTimex: docs.reduce((n, d) => n + d.emptyTimex, 0),
      ms,
      ...s,
    },
  };
}

export const datesEn: Section = { name: 'dates-en', run: (ctx) => runDates(ctx, 'en') };
export const datesFr: Section = { name: 'dates-fr', run: (ctx) => runDates(ctx, 'fr') };
