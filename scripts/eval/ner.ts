/** Entity eval: conlleval-style exact span+type P/R/F1 on CoNLL-2003 en dev and WikiNEuRal fr val. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { EntityType } from '../../src/core/types';
import { rawEntities, type CharEntity } from './baseline';
import { batchSentences, buildDoc, readConll2003, readWikiNeural, tokenAligner, type BuiltDoc, type ConllDoc } from './conll';
import { prf, type Prf, type Row } from './score';
import { DocErrors, type EvalContext, type Section, type SectionResult } from './section';

export const NER_TYPES = ['PER', 'ORG', 'LOC'] as const;
const TYPE_MAP: Record<EntityType, CharEntity['type']> = { person: 'PER', organization: 'ORG', place: 'LOC' };
/** WikiNEuRal sentences per analysed text (joined by blank lines). */
export const WIKINEURAL_BATCH = 40;

export interface NerScore {
  perType: Record<string, Prf>;
  micro: Prf;
  /** Predictions whose span does not fall on token boundaries (counted as false positives). */
  unaligned: number;
  /** False positives whose token span equals a MISC gold span (MISC is excluded from gold). */
  onMiscGold: number;
  errors: { fp: string[]; fn: string[] };
}

/** Scores predicted character spans against the gold chunks of each document (MISC gold excluded). */
export function scoreNer(docs: BuiltDoc[], preds: CharEntity[][], maxErrors = 100): NerScore {
  const counts: Record<string, { gold: number; pred: number; tp: number }> = {};
  for (const t of NER_TYPES) counts[t] = { gold: 0, pred: 0, tp: 0 };
  let unaligned = 0;
  let onMiscGold = 0;
  const fp: string[] = [];
  const fn: string[] = [];
  docs.forEach((doc, di) => {
    const align = tokenAligner(doc);
    const gold = new Set<string>();
    const misc = new Set<string>();
    for (const c of doc.chunks) {
      if ((NER_TYPES as readonly string[]).includes(c.type)) gold.add(`${c.type}:${c.start}:${c.end}`);
      else misc.add(`${c.start}:${c.end}`);
    }
    const predKeys = new Set<string>();
    for (const p of preds[di] ?? []) {
      const tok = align(p.start, p.end);
      if (!tok) {
        // Distinct unaligned spans each count once.
        predKeys.add(`${p.type}:c${p.start}:c${p.end}`);
        continue;
      }
      predKeys.add(`${p.type}:${tok.start}:${tok.end}`);
    }
    const tokText = (a: number, b: number): string => doc.text.slice(doc.tokenStarts[a], doc.tokenEnds[b - 1]);
    for (const k of gold) {
      const [type, a, b] = k.split(':') as [string, string, string];
      counts[type]!.gold++;
      if (predKeys.has(k)) counts[type]!.tp++;
      else if (fn.length < maxErrors) fn.push(`${type} ${tokText(+a, +b)}`);
    }
    for (const k of predKeys) {
      const [type, a, b] = k.split(':') as [string, string, string];
      counts[type]!.pred++;
      if (gold.has(k)) continue;
      if (a.startsWith('c')) {
        unaligned++;
        if (fp.length < maxErrors) fp.push(`${type} ${JSON.stringify(doc.text.slice(+a.slice(1), +b.slice(1)))} (not on token boundaries)`);
        continue;
      }
      if (misc.has(`${a}:${b}`)) onMiscGold++;
      if (fp.length < maxErrors) fp.push(`${type} ${tokText(+a, +b)}`);
    }
  });
  const perType: Record<string, Prf> = {};
  let g = 0;
  let p = 0;
  let tp = 0;
  for (const t of NER_TYPES) {
    const c = counts[t]!;
    perType[t] = prf(c.gold, c.pred, c.tp);
    g += c.gold;
    p += c.pred;
    tp += c.tp;
  }
  return { perType, micro: prf(g, p, tp), unaligned, onMiscGold, errors: { fp, fn } };
}

/** Our predictions: every mention of every entity that analyze() returns, mapped person→PER etc. */
export function ourEntities(text: string, lang: 'en' | 'fr'): CharEntity[] {
  const out: CharEntity[] = [];
  for (const e of analyze(text, { lang }).entities) {
    const type = TYPE_MAP[e.type];
    if (!type) continue;
    for (const m of e.mentions) out.push({ type, start: m.start, end: m.end });
  }
  return out;
}

function rowsFor(score: NerScore, dataset: string, system: string, target: number | null): Row[] {
  const rows: Row[] = [];
  for (const t of NER_TYPES) rows.push({ task: 'entities', dataset, system, slice: t, ...score.perType[t]! });
  const micro: Row = {
    task: 'entities',
    dataset,
    system,
    slice: 'micro PER+ORG+LOC',
    ...score.micro,
    note: `MISC gold excluded; ${score.unaligned} predictions off token boundaries; ${score.onMiscGold} FPs on MISC gold spans`,
  };
  if (target !== null) {
    micro.target = `F1 ≥ ${target.toFixed(2)}`;
    micro.met = score.micro.f1 >= target;
  }
  rows.push(micro);
  return rows;
}

async function runNer(ctx: EvalContext, lang: 'en' | 'fr'): Promise<SectionResult> {
  let docs: ConllDoc[];
  let dataset: string;
  let sep: string;
  if (lang === 'en') {
    docs = readConll2003(readFileSync(path.join(ctx.dataDir, 'conll2003-en', 'dev.txt'), 'utf8'));
    dataset = 'CoNLL-2003 en dev';
    sep = '\n';
  } else {
    const sents = readWikiNeural(readFileSync(path.join(ctx.dataDir, 'wikineural-fr', 'val.conllu'), 'utf8'));
    docs = batchSentences(sents, WIKINEURAL_BATCH);
    dataset = 'WikiNEuRal fr val (silver)';
    sep = '\n\n';
  }
  if (ctx.limit !== undefined) docs = docs.slice(0, ctx.limit);
  const built = docs.map((d) => buildDoc(d, sep));
  const texts = built.map((b) => b.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);

  const raw = await rawEntities(lang, texts, ctx.repoRoot);
  const rawScore = scoreNer(built, raw.entities, 0);
  ctx.log(`  raw ${lang === 'en' ? 'compromise' : 'fr-compromise'}: ${raw.ms} ms`);

  const t0 = Date.now();
  const crashes = new DocErrors();
  const ours = texts.map((t, i) => crashes.run(`doc ${i}`, () => ourEntities(t, lang), []));
  const ourMs = Date.now() - t0;
  ctx.log(`  article-lens analyze(): ${ourMs} ms (${(ourMs / Math.max(1, raw.ms)).toFixed(2)}× the raw parse, ${Math.round(chars / 1024)} KB)`);
  const ourScore = scoreNer(built, ours);
  if (crashes.count) ctx.log(`  ${crashes.note()}`);

  const baseName = lang === 'en' ? 'raw compromise' : 'raw fr-compromise';
  const rows = [...rowsFor(ourScore, dataset, 'article-lens', lang === 'en' ? 0.65 : 0.6), ...rowsFor(rawScore, dataset, baseName, null)];
  if (crashes.count) rows[NER_TYPES.length]!.note += `; ${crashes.note()}`;
  if (raw.missing.length) rows[rows.length - 1]!.note += `; ${baseName} lacks .${raw.missing.join('(), .')}()`;
  return {
    rows,
    details: {
      docs: docs.length,
      chars,
      ms: { articleLens: ourMs, raw: raw.ms },
      rawMissingMethods: raw.missing,
      crashes: { count: crashes.count, samples: crashes.samples },
      articleLens: ourScore,
      raw: { ...rawScore, errors: undefined },
    },
  };
}

export const nerEn: Section = { name: 'ner-en', run: (ctx) => runNer(ctx, 'en') };
export const nerFr: Section = { name: 'ner-fr', run: (ctx) => runNer(ctx, 'fr') };
