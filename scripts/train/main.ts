/**
 * `npm run train`: rebuilds every shipped entity model from the training data, deterministically, and writes a
 * model card beside each (src/core/lang/<code>/nerModel.bin + nerModel.md).
 *
 *   npx tsx scripts/train/main.ts [--lang en|fr] [--data DIR] [--cache] [--no-write] [--groups a,b] [--epochs N]
 *                                 [--bits B] [--min-count K] [--dropout P] [--stages 1|2] [--width 1|2] [--seed S]
 *
 * Without options it builds the shipped configuration (SHIPPED below). The other options are for experiments
 * (`--no-write` leaves the shipped files alone; `--cache` keeps the tagged corpora in .artifacts/train-cache).
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { englishLexicon } from '../../src/core/lang/en/lexicon';
import { frenchLexicon } from '../../src/core/lang/fr/lexicon';
import { ALL_GROUPS, type FeatureGroup, type LexiconProbe } from '../../src/core/ner/features';
import { encodeModel, decodeModel, type NerModel } from '../../src/core/ner/model';
import { tagTokens, labelsToSpans } from '../../src/core/ner/tagger';
import { scoreNer, type NerScore } from '../eval/ner';
import { cached, englishData, frenchData, type LanguageData, type PreparedDoc } from './corpus';
import { writeCard } from './card';
import { speakersMain } from './speakers';
import { quantize, trainStage, type StageOptions } from './perceptron';

export interface Config {
  groups: FeatureGroup[];
  epochs: number;
  bits: number;
  minCount: number;
  dropout: number;
  stages: 1 | 2;
  folds: number;
  width: 1 | 2;
  seed: number;
  /** French only: also train on the English training documents (their MISC as O). */
  english: boolean;
  /** Per-source feature copies (domain adaptation, see FeatureInput.domain). */
  adapt: boolean;
}

/** The configuration `npm run train` ships, per language (chosen on dev; see the model cards). */
export const SHIPPED: Record<'en' | 'fr', Config> = {
  en: {
    groups: ALL_GROUPS.filter((g) => g !== 'passone' && g !== 'word'),
    epochs: 8,
    bits: 20,
    minCount: 2,
    dropout: 0.2,
    stages: 1,
    folds: 5,
    width: 1,
    seed: 1,
    english: false,
    adapt: false,
  },
  fr: {
    groups: ALL_GROUPS.filter((g) => g !== 'passone'),
    epochs: 8,
    bits: 20,
    minCount: 2,
    dropout: 0.2,
    stages: 1,
    folds: 5,
    width: 1,
    seed: 1,
    english: true,
    adapt: false,
  },
};

export const LEXICONS: Record<'en' | 'fr', readonly LexiconProbe[]> = {
  en: [englishLexicon, frenchLexicon],
  fr: [frenchLexicon, englishLexicon],
};

export const LABELS: Record<'en' | 'fr', string[]> = {
  en: ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'],
  fr: ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'],
};

const ROOT = path.resolve(__dirname, '..', '..');

/** An English training document as French training data: MISC is not a French label. */
function withoutMisc(d: PreparedDoc): PreparedDoc {
  return { ...d, gold: d.gold.map((g) => (g.endsWith('-MISC') ? 'O' : g)) };
}

function vocabularyOf(docs: readonly PreparedDoc[], minCount: number): Set<string> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const t of d.tokens) counts.set(t.fold, (counts.get(t.fold) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([w]) => w));
}

/** Labels of every document under a model (the core's tagger: exactly the inference path). */
export function tagDocs(model: NerModel, docs: readonly PreparedDoc[], lexicons: readonly LexiconProbe[]): string[][] {
  return docs.map(
    (d) => tagTokens(model, { text: d.built.text, tokens: d.tokens, ruleLabels: d.rules }, lexicons).labels,
  );
}

/** conlleval scores of tagged documents (PER/ORG/LOC, the same scorer as `npm run eval`). */
export function scoreLabels(docs: readonly PreparedDoc[], labels: readonly string[][]): NerScore {
  const preds = docs.map((d, i) =>
    labelsToSpans(labels[i])
      .filter((s) => s.type === 'PER' || s.type === 'ORG' || s.type === 'LOC')
      .map((s) => ({
        type: s.type as 'PER' | 'ORG' | 'LOC',
        start: d.tokens[s.first].start,
        end: d.tokens[s.last].end,
      })),
  );
  return scoreNer(
    docs.map((d) => d.built),
    preds,
    0,
  );
}

/** The rule layer's own labels, scored the same way. */
export function scoreRules(docs: readonly PreparedDoc[]): NerScore {
  return scoreLabels(
    docs,
    docs.map((d) => d.rules),
  );
}

function floatModel(
  cfg: Config,
  lang: 'en' | 'fr',
  vocabulary: Set<string>,
  stages: Array<{ groups: FeatureGroup[]; weights: Float32Array; transitions: Float32Array }>,
): NerModel {
  return {
    labels: LABELS[lang],
    bits: cfg.bits,
    vocabulary,
    stages: stages.map((s) => ({ ...s, scale: 1 })),
    meta: {},
  };
}

export interface TrainResult {
  model: NerModel;
  /** The float (unquantized) model, for measuring what quantization costs. */
  floatModel: NerModel;
  trainMs: number;
}

/** Trains a model (one or two stages) on `data.train`. */
export function trainModel(lang: 'en' | 'fr', data: LanguageData, cfg: Config, log: (m: string) => void): TrainResult {
  const t0 = Date.now();
  const vocabulary = vocabularyOf(data.train, cfg.minCount);
  const base: Omit<StageOptions, 'groups'> = {
    labels: LABELS[lang],
    vocabulary,
    bits: cfg.bits,
    lexicons: LEXICONS[lang],
    epochs: cfg.epochs,
    seed: cfg.seed,
    wordDropout: cfg.dropout,
    adapt: cfg.adapt,
  };
  const groups0: FeatureGroup[] = cfg.groups.filter((g) => g !== 'passone');
  const stage0 = trainStage(data.train, { ...base, groups: groups0 });
  log(`  stage 1 trained (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const stages = [{ groups: groups0, ...stage0 }];
  if (cfg.stages === 2) {
    // The second stage learns from first-pass labels it could not have memorised: each training document is
    // labelled by a first stage trained on the other folds (jackknife).
    const firstPass: string[][] = new Array(data.train.length);
    for (let f = 0; f < cfg.folds; f++) {
      const rest = data.train.filter((_, i) => i % cfg.folds !== f);
      const held = data.train.map((d, i) => [d, i] as const).filter(([, i]) => i % cfg.folds === f);
      const fold = trainStage(rest, { ...base, groups: groups0 });
      const m = floatModel(cfg, lang, vocabulary, [{ groups: groups0, ...fold }]);
      const labels = tagDocs(
        m,
        held.map(([d]) => d),
        LEXICONS[lang],
      );
      held.forEach(([, i], k) => (firstPass[i] = labels[k]));
      log(`  fold ${f + 1}/${cfg.folds} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
    const groups1 = [...new Set([...cfg.groups, 'passone' as FeatureGroup])];
    const stage1 = trainStage(data.train, { ...base, groups: groups1 }, firstPass);
    stages.push({ groups: groups1, ...stage1 });
    log(`  stage 2 trained (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const fm = floatModel(cfg, lang, vocabulary, stages);
  const model: NerModel = {
    labels: LABELS[lang],
    bits: cfg.bits,
    vocabulary,
    stages: stages.map((s) => {
      const q = quantize(s.weights, cfg.width);
      return { groups: s.groups, weights: q.values, scale: q.scale, transitions: s.transitions };
    }),
    meta: {},
  };
  return { model, floatModel: fm, trainMs: Date.now() - t0 };
}

function parseArgs(argv: string[]): {
  langs: Array<'en' | 'fr'>;
  data: string;
  cache: boolean;
  write: boolean;
  over: Partial<Config>;
  wikineural: boolean;
} {
  const out = {
    langs: ['en', 'fr'] as Array<'en' | 'fr'>,
    data: process.env.ARTICLE_LENS_EVAL_DATA ?? path.join(ROOT, '..', 'shared', 'eval-data'),
    cache: false,
    write: true,
    over: {} as Partial<Config>,
    wikineural: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '--lang') out.langs = [v() as 'en' | 'fr'];
    else if (a === '--data') out.data = v();
    else if (a === '--cache') out.cache = true;
    else if (a === '--no-write') out.write = false;
    else if (a === '--no-wikineural') out.wikineural = false;
    else if (a === '--groups') out.over.groups = v().split(',') as FeatureGroup[];
    else if (a === '--drop') {
      const drop = new Set(v().split(','));
      out.over.groups = ALL_GROUPS.filter((g) => g !== 'passone' && !drop.has(g));
    } else if (a === '--epochs') out.over.epochs = Number(v());
    else if (a === '--bits') out.over.bits = Number(v());
    else if (a === '--min-count') out.over.minCount = Number(v());
    else if (a === '--dropout') out.over.dropout = Number(v());
    else if (a === '--stages') out.over.stages = Number(v()) as 1 | 2;
    else if (a === '--width') out.over.width = Number(v()) as 1 | 2;
    else if (a === '--seed') out.over.seed = Number(v());
    else if (a === '--english') out.over.english = true;
    else if (a === '--adapt') out.over.adapt = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

export function fmtScore(s: NerScore): string {
  const t = (k: string): string => s.perType[k]!.f1.toFixed(3);
  return `F1 ${s.micro.f1.toFixed(3)} (P ${s.micro.p.toFixed(3)} R ${s.micro.r.toFixed(3)}; PER ${t('PER')} ORG ${t('ORG')} LOC ${t('LOC')})`;
}

function main(): void {
  // `--only speakers`: the speaker ranker alone (scripts/train/speakers.ts)
  if (process.argv[2] === '--only' && process.argv[3] === 'speakers') return speakersMain(process.argv.slice(4));
  const args = parseArgs(process.argv.slice(2));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  if (!existsSync(args.data))
    throw new Error(`no training data at ${args.data} (pass --data DIR or set ARTICLE_LENS_EVAL_DATA)`);
  const tAll = Date.now();
  const prepared = new Map<'en' | 'fr', LanguageData>();
  const load = (lang: 'en' | 'fr'): LanguageData => {
    let d = prepared.get(lang);
    if (!d) {
      const make = (): LanguageData =>
        lang === 'en' ? englishData(args.data, log, args.wikineural) : frenchData(args.data, log, args.wikineural);
      d = args.cache ? cached(path.join(ROOT, '.artifacts', 'train-cache', `${lang}.json`), make) : make();
      prepared.set(lang, d);
    }
    return d;
  };
  for (const lang of args.langs) {
    const cfg: Config = { ...SHIPPED[lang], ...args.over };
    log(`[train] ${lang}: ${JSON.stringify(cfg)}`);
    const tPrep = Date.now();
    const data = { ...load(lang) };
    if (lang === 'fr' && cfg.english) data.train = [...data.train, ...load('en').train.map(withoutMisc)];
    const prepMs = Date.now() - tPrep;
    const result = trainModel(lang, data, cfg, log);
    const bytes = encodeModel({ ...result.model, meta: { lang, config: cfg } });
    const model = decodeModel(bytes); // score what ships: the decoded file
    const scores: Record<string, { model: NerScore; float: NerScore; rules: NerScore }> = {};
    for (const [name, docs] of [...Object.entries(data.dev), ...Object.entries(data.measure)]) {
      scores[name] = {
        model: scoreLabels(docs, tagDocs(model, docs, LEXICONS[lang])),
        float: scoreLabels(docs, tagDocs(result.floatModel, docs, LEXICONS[lang])),
        rules: scoreRules(docs),
      };
      log(`  ${name}: model ${fmtScore(scores[name].model)}`);
      log(`  ${' '.repeat(name.length)}  float ${fmtScore(scores[name].float)}`);
      log(`  ${' '.repeat(name.length)}  rules ${fmtScore(scores[name].rules)}`);
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    log(
      `  model: ${bytes.length} bytes, sha256 ${sha}; prepared in ${(prepMs / 1000).toFixed(1)} s, trained in ${(result.trainMs / 1000).toFixed(1)} s`,
    );
    if (args.write) {
      const dir = path.join(ROOT, 'src', 'core', 'lang', lang);
      writeFileSync(path.join(dir, 'nerModel.bin'), bytes);
      writeCard(path.join(dir, 'nerModel.md'), {
        lang,
        cfg,
        bytes,
        sha,
        scores,
        data,
        prepMs,
        trainMs: result.trainMs,
        vocabulary: model.vocabulary.size,
      });
      log(`  wrote ${path.relative(ROOT, dir)}/nerModel.bin and nerModel.md`);
    }
  }
  if (args.langs.length > 1) {
    log('[train] speakers');
    speakersMain(['--data', args.data, ...(args.cache ? ['--cache'] : []), ...(args.write ? [] : ['--no-write'])]);
  }
  log(`[train] total ${((Date.now() - tAll) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
