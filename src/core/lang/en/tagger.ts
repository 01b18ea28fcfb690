/**
 * English tagging with `compromise`. The only file that imports 'compromise'; loaded on first use (see pack.ts).
 *
 * NOTE: `require` (not `import`) on purpose: bundlers resolve `import 'compromise'` to its ESM source, which
 * shares one module instance (one lexicon, one tagger) with fr-compromise's `import 'compromise/one'`, so loading
 * French would change English results. The CommonJS builds are self-contained bundles with separate instances.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import nlpRequired = require('compromise');
import type { TaggedTerm } from '../pack';
import { toTaggedTerms, type RawTerm } from '../taggedTerms';

type Nlp = ((text: string) => { json(o: object): unknown }) & {
  world(): { model: { one: { lexicon: Record<string, unknown> } } };
};
const nlp: Nlp = ((nlpRequired as unknown as { default?: Nlp }).default ?? nlpRequired) as unknown as Nlp;

/** Tags `text` with one compromise parse and returns its terms with UTF-16 offsets checked against `text`. */
export function tagEnglish(text: string): TaggedTerm[] {
  const doc = nlp(text);
  const json = doc.json({ offset: true, text: false, normal: false, terms: { offset: true } }) as Array<{
    terms: RawTerm[];
  }>;
  return toTaggedTerms(text, json);
}

/** The lexicon tag of a lower-cased word ("john" → "MaleName"), or undefined when compromise does not know it. */
export function englishLexiconTag(word: string): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(LEXICON, word) ? LEXICON[word] : undefined;
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
}

// NOTE: compromise's own lexicon object, read once at load; never written to.
const LEXICON: Readonly<Record<string, unknown>> = nlp.world().model.one.lexicon;
