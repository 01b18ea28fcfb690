/**
 * Training and dev documents for the entity tagger, prepared exactly as inference sees text: the document's raw
 * text goes through the rule layer (our tokenizer, compromise's tags, the rules' entities), and the gold entities
 * of the data's own tokens are aligned onto our tokens by character offsets.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleLayer } from '../../src/core/entities';
import type { NerToken } from '../../src/core/ner/features';
import { ENTITY_LABEL_TYPES, spansToLabels } from '../../src/core/ner/tagger';
import { batchSentences, buildDoc, readConll2003, readWikiNeural, type BuiltDoc } from '../eval/conll';
import { WIKINEURAL_BATCH } from '../eval/ner';
import { frenchGold, type GoldDoc } from '../eval/frenchGold';
import { packFor } from '../../src/core/lang/registry';

const packOf = (lang: string) => {
  const p = packFor(lang);
  if (!p) throw new Error(`no language pack for ${lang}`);
  return p;
};

export interface PreparedDoc {
  /** Where it comes from ("conll-train", "hipe-newseye", "europeana"…), for per-source scores. */
  source: string;
  built: BuiltDoc;
  tokens: NerToken[];
  /** Gold BIO label per token of ours. */
  gold: string[];
  /** The rule layer's BIO label per token. */
  rules: string[];
}

export interface LanguageData {
  train: PreparedDoc[];
  /** Dev sets by name (scores are reported per set). */
  dev: Record<string, PreparedDoc[]>;
  /** Sets only measured on, never trained or tuned on (WikiNEuRal: non-commercial licence). */
  measure: Record<string, PreparedDoc[]>;
}

/** Gold entities of a built document as character spans (types as in the data: PER, ORG, LOC, MISC). */
export function goldSpans(
  doc: BuiltDoc,
  types: ReadonlySet<string>,
): Array<{ start: number; end: number; type: string }> {
  return doc.chunks
    .filter((c) => types.has(c.type))
    .map((c) => ({ start: doc.tokenStarts[c.start], end: doc.tokenEnds[c.end - 1], type: c.type }));
}

export function prepare(doc: BuiltDoc, lang: 'en' | 'fr', source: string, types: ReadonlySet<string>): PreparedDoc {
  const layer = ruleLayer(doc.text, packOf(lang));
  const tokens = layer.toks;
  const gold = spansToLabels(tokens, goldSpans(doc, types));
  const rules = spansToLabels(
    tokens,
    layer.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: ENTITY_LABEL_TYPES[e.type] }))),
  );
  return { source, built: doc, tokens, gold, rules };
}

/** Label types the English model learns (MISC is learnt, then dropped from the output). */
export const EN_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC']);
export const FR_TYPES = new Set(['PER', 'ORG', 'LOC']);

function prepareAll(
  docs: BuiltDoc[],
  lang: 'en' | 'fr',
  source: (i: number) => string,
  types: ReadonlySet<string>,
  log: (m: string) => void,
  name: string,
): PreparedDoc[] {
  const t0 = Date.now();
  const out = docs.map((d, i) => prepare(d, lang, source(i), types));
  log(
    `  ${name}: ${out.length} documents, ${out.reduce((n, d) => n + d.tokens.length, 0)} tokens prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return out;
}

/** English: CoNLL-2003 train (training) and dev (tuning). */
export function englishData(dataDir: string, log: (m: string) => void, withWikiNeural: boolean): LanguageData {
  const read = (f: string): BuiltDoc[] =>
    readConll2003(readFileSync(path.join(dataDir, 'conll2003-en', f), 'utf8')).map((d) => buildDoc(d, '\n'));
  return {
    train: prepareAll(read('train.txt'), 'en', () => 'conll-train', EN_TYPES, log, 'CoNLL-2003 train'),
    dev: { 'CoNLL-2003 dev': prepareAll(read('dev.txt'), 'en', () => 'conll-dev', EN_TYPES, log, 'CoNLL-2003 dev') },
    measure: withWikiNeural
      ? {
          'WikiNEuRal en val (silver)': prepareAll(
            wikiNeural(dataDir, 'en'),
            'en',
            () => 'wikineural',
            EN_TYPES,
            log,
            'WikiNEuRal en val',
          ),
        }
      : {},
  };
}

/** French: HIPE-2022 NewsEye + Europeana gold, four fifths training and one fifth dev (see frenchGold.ts). */
export function frenchData(dataDir: string, log: (m: string) => void, withWikiNeural: boolean): LanguageData {
  const { train, dev } = frenchGold(dataDir);
  const bySource = (docs: GoldDoc[], s: string): GoldDoc[] => docs.filter((d) => d.source === s);
  return {
    train: prepareAll(train, 'fr', (i) => train[i].source, FR_TYPES, log, 'French gold train'),
    dev: {
      'HIPE-2022 NewsEye fr (held apart)': prepareAll(
        bySource(dev, 'hipe-newseye'),
        'fr',
        () => 'hipe-newseye',
        FR_TYPES,
        log,
        'HIPE held apart',
      ),
      'Europeana fr (held apart)': prepareAll(
        bySource(dev, 'europeana'),
        'fr',
        () => 'europeana',
        FR_TYPES,
        log,
        'Europeana held apart',
      ),
    },
    measure: withWikiNeural
      ? {
          'WikiNEuRal fr val (silver)': prepareAll(
            wikiNeural(dataDir, 'fr'),
            'fr',
            () => 'wikineural',
            FR_TYPES,
            log,
            'WikiNEuRal fr val',
          ),
        }
      : {},
  };
}

/** WikiNEuRal val (silver, non-commercial: measured only), batched as `npm run eval` batches it. */
function wikiNeural(dataDir: string, lang: 'en' | 'fr'): BuiltDoc[] {
  const sents = readWikiNeural(readFileSync(path.join(dataDir, `wikineural-${lang}`, 'val.conllu'), 'utf8'));
  return batchSentences(sents, WIKINEURAL_BATCH).map((d) => buildDoc(d, '\n\n'));
}

/** Development only (`--cache`): keeps prepared data on disk so feature experiments skip the tagging. */
export function cached(file: string, make: () => LanguageData): LanguageData {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LanguageData;
  const data = make();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(data));
  return data;
}
