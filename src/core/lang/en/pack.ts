/**
 * English: compromise's tagger and lexicon, the CoNLL-2003 entity model, English date rules, number formats and
 * speech words. The tagger module is required on first use, so loading the pack loads tables only.
 */
import * as chrono from 'chrono-node';
import type { LanguagePack } from '../pack';
import { englishDateRules, EN_DATE_PREP, EN_FUTURE, EN_FUTURE_WD, EN_INTENT } from './dateRules';
import { EN_MONTHS, EN_NUMBERS, EN_UNITS, EN_VAGUE, EN_WEEKDAYS } from './dateWords';
import { englishLexicon } from './lexicon';
import { englishNer } from './ner';
import { englishPastCues } from './tense';
import { EN_CONNECTORS, EN_DETERMINERS, EN_FIGURE_NUMBER_WORDS, EN_NOT_UNITS, EN_SCALES } from './words';

type Tagger = typeof import('./tagger');
let tagger: Tagger | undefined;
// NOTE: `require` here, not an import: compromise loads (about a second) only when English text is first tagged.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadTagger = (): Tagger => (tagger ??= require('./tagger') as Tagger);

export const english: LanguagePack = {
  code: 'en',
  tag: (text) => loadTagger().tagEnglish(text),
  lexicon: englishLexicon,
  ner: englishNer,
  entities: {
    firstNameTags: /^(?:MaleName|FemaleName|FirstName|Person)$/,
    connectors: EN_CONNECTORS,
    weakConnectors: new Set(['and', 'for', '&']),
    splitElision: false,
    splitPossessive: true,
    letterTitles: false,
    particlePair: null,
    placeHeads: new Set(),
    stateHeads: new Set(),
    institutionAdjective: null,
    dropLoneAdjectives: false,
    pluralOfPlaceIsOrganization: false,
    strongPlacePrepositions: new Set(),
    placeArticle: null,
    elidedArticle: null,
  },
  dates: {
    months: EN_MONTHS,
    weekdays: EN_WEEKDAYS,
    numbers: EN_NUMBERS,
    vague: EN_VAGUE,
    units: EN_UNITS,
    rules: englishDateRules,
    future: EN_FUTURE,
    futureWeekday: EN_FUTURE_WD,
    intent: EN_INTENT,
    pastCues: englishPastCues,
    datePrepositions: EN_DATE_PREP,
    dayThenTime: null,
    timeThenDay: /^,?\s{1,3}(?:(?:[ECMP][SD]T|GMT|UTC)\s{1,3})?(?:on\s{1,3})?$/,
    dayFirst: false,
    chrono: chrono.en.casual,
  },
  figures: {
    scales: EN_SCALES,
    numberWords: EN_FIGURE_NUMBER_WORDS,
    decimalComma: false,
    nounAfterDe: false,
    notUnits: EN_NOT_UNITS,
  },
  quotes: {
    elision: false,
    determiners: EN_DETERMINERS,
  },
};
