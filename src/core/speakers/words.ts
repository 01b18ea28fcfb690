import { SPEECH_VERBS } from '../attribution';
import type { SpeakerWords } from './candidates';

/** The words the speaker features read, English and French together (articles mix them in names and quotes). */
export const SPEAKER_WORDS: SpeakerWords = {
  speechVerbs: SPEECH_VERBS,
  male: new Set(['he', 'him', 'his', 'il', 'lui']),
  female: new Set(['she', 'her', 'elle']),
  maleTitles: new Set(['mr', 'm', 'monsieur', 'sir', 'lord']),
  femaleTitles: new Set(['mrs', 'ms', 'miss', 'mme', 'mlle', 'madame', 'mademoiselle', 'lady', 'dame']),
  complementWords: new Set([
    'of',
    'for',
    'from',
    'to',
    'with',
    'de',
    'du',
    'des',
    'd’',
    "d'",
    'à',
    'au',
    'aux',
    'pour',
    'par',
  ]),
};
