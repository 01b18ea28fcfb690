/**
 * Entity eval: conlleval-style exact span+type P/R/F1 on CoNLL-2003 en dev, WikiNEuRal fr val and the held-apart
 * fifth of the French gold (HIPE-2022 NewsEye, Europeana): the shipped combination, the tagger alone, the rules alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { modelSpans, ruleLayer } from '../../src/core/entities';
import type { Entity, EntityType } from '../../src/core/types';
import { rawEntities, type CharEntity } from './baseline';
import { batchSentences, buildDoc, readConll2003, readWikiNeural, tokenAligner, type BuiltDoc } from './conll';
import { frenchGold } from './frenchGold';
import { prf, type Prf, type Row } from './score';
import { DocErrors, type EvalContext, type Section, type SectionResult } from './section';
import { packFor } from '../../src/core/lang/registry';

const packOf = (lang: string) => {
  const p = packFor(lang);
  if (!p) throw new Error(`no language pack for ${lang}`);
  return p;
};

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
        if (fp.length < maxErrors)
          fp.push(`${type} ${JSON.stringify(doc.text.slice(+a.slice(1), +b.slice(1)))} (not on token boundaries)`);
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
  return entityMentions(analyze(text, { lang }).entities);
}

function entityMentions(entities: Entity[]): CharEntity[] {
  const out: CharEntity[] = [];
  for (const e of entities) {
    const type = TYPE_MAP[e.type];
    if (!type) continue;
    for (const m of e.mentions) out.push({ type, start: m.start, end: m.end });
  }
  return out;
}

/** The two layers the shipped combination is made of, each on its own: the rule layer, and the tagger's raw spans. */
export function layerEntities(text: string, lang: 'en' | 'fr'): { rules: CharEntity[]; tagger: CharEntity[] } {
  if (!text || !/\p{Lu}/u.test(text)) return { rules: [], tagger: [] };
  const layer = ruleLayer(text, packOf(lang));
  const tagger = modelSpans(text, packOf(lang), layer, [], false).map((s) => ({
    type: s.type as CharEntity['type'],
    start: layer.toks[s.first].start,
    end: layer.toks[s.last].end,
  }));
  return { rules: entityMentions(layer.entities), tagger };
}

function rowsFor(
  score: NerScore,
  dataset: string,
  system: string,
  target: { micro: number; org?: number } | null,
  note = '',
): Row[] {
  const rows: Row[] = [];
  for (const t of NER_TYPES) {
    const row: Row = { task: 'entities', dataset, system, slice: t, ...score.perType[t]! };
    if (t === 'ORG' && target?.org !== undefined) {
      row.target = `F1 ≥ ${target.org.toFixed(2)}`;
      row.met = score.perType[t]!.f1 >= target.org;
    }
    rows.push(row);
  }
  const micro: Row = {
    task: 'entities',
    dataset,
    system,
    slice: 'micro PER+ORG+LOC',
    ...score.micro,
    note: `MISC gold excluded; ${score.unaligned} predictions off token boundaries; ${score.onMiscGold} FPs on MISC gold spans${note}`,
  };
  if (target !== null) {
    micro.target = `F1 ≥ ${target.micro.toFixed(2)}`;
    micro.met = score.micro.f1 >= target.micro;
  }
  rows.push(micro);
  return rows;
}

interface NerDataset {
  name: string;
  docs: BuiltDoc[];
  /** Targets of the shipped system, or null. */
  target: { micro: number; org?: number } | null;
  /** Also score the raw library on it. */
  raw: boolean;
}

function nerDatasets(ctx: EvalContext, lang: 'en' | 'fr'): NerDataset[] {
  const limit = <T>(docs: T[]): T[] => (ctx.limit !== undefined ? docs.slice(0, ctx.limit) : docs);
  if (lang === 'en') {
    const docs = readConll2003(readFileSync(path.join(ctx.dataDir, 'conll2003-en', 'dev.txt'), 'utf8'));
    return [
      {
        name: 'CoNLL-2003 en dev',
        docs: limit(docs).map((d) => buildDoc(d, '\n')),
        target: { micro: 0.88, org: 0.8 },
        raw: true,
      },
    ];
  }
  const sents = readWikiNeural(readFileSync(path.join(ctx.dataDir, 'wikineural-fr', 'val.conllu'), 'utf8'));
  const gold = frenchGold(ctx.dataDir).dev;
  return [
    {
      name: 'WikiNEuRal fr val (silver)',
      docs: limit(batchSentences(sents, WIKINEURAL_BATCH)).map((d) => buildDoc(d, '\n\n')),
      target: { micro: 0.78 },
      raw: true,
    },
    {
      name: 'HIPE-2022 NewsEye fr, held-apart fifth',
      docs: limit(gold.filter((d) => d.source === 'hipe-newseye')),
      target: null,
      raw: false,
    },
    {
      name: 'Europeana fr, held-apart fifth',
      docs: limit(gold.filter((d) => d.source === 'europeana')),
      target: null,
      raw: false,
    },
  ];
}

async function runNer(ctx: EvalContext, lang: 'en' | 'fr'): Promise<SectionResult> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const ds of nerDatasets(ctx, lang)) {
    const texts = ds.docs.map((b) => b.text);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const t0 = Date.now();
    const crashes = new DocErrors();
    const ours = texts.map((t, i) => crashes.run(`doc ${i}`, () => ourEntities(t, lang), []));
    const ourMs = Date.now() - t0;
    const layers = texts.map((t, i) =>
      crashes.run(`doc ${i} (layers)`, () => layerEntities(t, lang), { rules: [], tagger: [] }),
    );
    const ourScore = scoreNer(ds.docs, ours);
    const taggerScore = scoreNer(
      ds.docs,
      layers.map((l) => l.tagger),
      0,
    );
    const rulesScore = scoreNer(
      ds.docs,
      layers.map((l) => l.rules),
      0,
    );
    const crashNote = crashes.count ? `; ${crashes.note()}` : '';
    rows.push(
      ...rowsFor(ourScore, ds.name, 'article-lens (shipped)', ds.target, crashNote),
      ...rowsFor(taggerScore, ds.name, 'tagger alone', null),
      ...rowsFor(rulesScore, ds.name, 'rules alone', null),
    );
    const entry: Record<string, unknown> = {
      docs: ds.docs.length,
      chars,
      ms: { articleLens: ourMs },
      crashes: { count: crashes.count, samples: crashes.samples },
      articleLens: ourScore,
      tagger: { ...taggerScore, errors: undefined },
      rules: { ...rulesScore, errors: undefined },
    };
    if (ds.raw) {
      const raw = await rawEntities(lang, texts, ctx.repoRoot);
      const rawScore = scoreNer(ds.docs, raw.entities, 0);
      const baseName = lang === 'en' ? 'raw compromise' : 'raw fr-compromise';
      rows.push(
        ...rowsFor(
          rawScore,
          ds.name,
          baseName,
          null,
          raw.missing.length ? `; ${baseName} lacks .${raw.missing.join('(), .')}()` : '',
        ),
      );
      ctx.log(
        `  ${ds.name}: article-lens analyze() ${ourMs} ms, ${(ourMs / Math.max(1, raw.ms)).toFixed(2)}× the raw parse (${Math.round(chars / 1024)} KB)`,
      );
      entry.ms = { articleLens: ourMs, raw: raw.ms };
      entry.raw = { ...rawScore, errors: undefined };
      entry.rawMissingMethods = raw.missing;
    } else {
      ctx.log(`  ${ds.name}: article-lens analyze() ${ourMs} ms (${Math.round(chars / 1024)} KB)`);
    }
    details[ds.name] = entry;
  }
  return { rows, details };
}

export const nerEn: Section = { name: 'ner-en', run: (ctx) => runNer(ctx, 'en') };
export const nerFr: Section = { name: 'ner-fr', run: (ctx) => runNer(ctx, 'fr') };
