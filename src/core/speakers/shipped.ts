import { allPacks } from '../lang/registry';
import type { Entity, Quote, Span } from '../types';
import type { GenderOf } from './candidates';
import { DETERMINERS, ORG_NOUNS, PERSON_NOUNS } from '../attribution';
import { rankSpeakers, type SpeakerModel } from './ranker';
import { resolveSpeakers, type DescriptionWords } from './resolve';
import { SPEAKER_WORDS } from './words';

/** First-name gender from the taggers' lexicons (MaleName / FemaleName), in registry order (English, then French). */
export const lexiconGender: GenderOf = (first) => {
  let tag: string | undefined;
  for (const pack of allPacks()) if ((tag = pack.lexicon(first)) !== undefined) break;
  return tag === 'MaleName' ? 'm' : tag === 'FemaleName' ? 'f' : undefined;
};

// NOTE: the shipped weights, written by `npm run train` (scripts/train/speakers.ts); read once, never written to.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MODEL = require('./speakerModel.json') as SpeakerModel & { meta: { ship: boolean } };

/** The shipped weights (for the eval's "ranker" row, which runs it even when it does not ship). */
export const SHIPPED_SPEAKER_MODEL: SpeakerModel = MODEL;

/** Whether the trained ranker replaces the rules' speakers (it ships only when it beat them on PolNeAR dev). */
export const RANKER_SHIPPED: boolean = MODEL.meta.ship === true;

const DESCRIPTION_WORDS: DescriptionWords = {
  orgNouns: ORG_NOUNS,
  personNouns: PERSON_NOUNS,
  stopWords: new Set([...DETERMINERS, 'of', 'for', 'de', 'du', 'des', 'd', 'l']),
};

/** The rules' speakers with descriptions resolved to the entity they stand for and he/she checked (resolve.ts). */
export function resolvedRuleSpeakers(text: string, entities: readonly Entity[], quotes: readonly Quote[]): Quote[] {
  return resolveSpeakers(text, entities, quotes, DESCRIPTION_WORDS, SPEAKER_WORDS, lexiconGender);
}

/** The quotes with the shipped speakers: resolved, then re-ranked by the ranker when it ships. */
export function shippedSpeakers(
  text: string,
  entities: readonly Entity[],
  quotes: readonly Quote[],
  sentences: readonly Span[],
  paragraphs: readonly Span[],
): Quote[] {
  if (quotes.length === 0) return quotes as Quote[];
  const resolved = resolvedRuleSpeakers(text, entities, quotes);
  if (!RANKER_SHIPPED) return resolved;
  return rankSpeakers(MODEL, {
    text,
    entities,
    quotes: resolved,
    sentences,
    paragraphs,
    words: SPEAKER_WORDS,
    genderOf: lexiconGender,
  });
}
