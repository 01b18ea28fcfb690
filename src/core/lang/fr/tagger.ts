/**
 * French tagging with `fr-compromise`. The only file that imports 'fr-compromise'; loaded on first use (see pack.ts).
 *
 * NOTE: `require` on purpose, see ../en/tagger.ts: the CommonJS build carries its own copy of compromise, so the
 * French plugins never touch the English instance.
 */
// Untyped on purpose: fr-compromise's types point at its .ts sources, which fail `tsc` under strict (TS2564).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const frRequired: unknown = require('fr-compromise');
import type { TaggedTerm } from '../pack';
import { toTaggedTerms } from '../taggedTerms';

type FrNlp = ((text: string) => { json(o: object): unknown }) & {
  world(): { model: { one: { lexicon: Record<string, unknown> } } };
};
const frNlp: FrNlp = ((frRequired as unknown as { default?: FrNlp }).default ?? frRequired) as unknown as FrNlp;

// NOTE: fr-compromise's own lexicon object, read once at load; never written to.
const LEXICON: Readonly<Record<string, unknown>> = frNlp.world().model.one.lexicon;

/** Tags `text` with one fr-compromise parse; same shape as `tagEnglish`. */
export function tagFrench(text: string): TaggedTerm[] {
  const json = frNlp(text).json({ offset: true, text: false, normal: false, terms: { offset: true } });
  return toTaggedTerms(text, json as Parameters<typeof toTaggedTerms>[1]);
}

/** The fr-compromise lexicon tag of a lower-cased word, or undefined. */
export function frenchLexiconTag(word: string): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(LEXICON, word) ? LEXICON[word] : undefined;
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
}
