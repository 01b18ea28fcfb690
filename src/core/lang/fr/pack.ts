/**
 * French: fr-compromise's tagger and lexicon, the HIPE-2022 entity model, French date rules, number formats and
 * speech words. The tagger module is required on first use, so loading the pack loads tables only.
 */
import * as chrono from 'chrono-node';
import { FR_PLACE_HEADS } from '../../gazetteer';
import type { LanguagePack } from '../pack';
import { frenchDateRules, FR_DATE_PREP, FR_FUTURE, FR_FUTURE_WD } from './dateRules';
import { FR_MONTHS, FR_NUMBERS, FR_UNITS, FR_VAGUE, FR_WEEKDAYS } from './dateWords';
import { frenchLexicon } from './lexicon';
import { frenchNer } from './ner';
import { frenchPastCues } from './tense';
import {
  FR_CONNECTORS,
  FR_DETERMINERS,
  FR_FIGURE_NUMBER_WORDS,
  FR_INSTITUTION_ADJECTIVE,
  FR_NOT_UNITS,
  FR_SCALES,
  FR_STATE_HEADS,
} from './words';

type Tagger = typeof import('./tagger');
let tagger: Tagger | undefined;
// NOTE: `require` here, not an import: fr-compromise builds its lexicon at load (seconds), only for French text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadTagger = (): Tagger => (tagger ??= require('./tagger') as Tagger);

export const french: LanguagePack = {
  code: 'fr',
  tag: (text) => loadTagger().tagFrench(text),
  lexicon: frenchLexicon,
  ner: frenchNer,
  entities: {
    firstNameTags: /^(?:MaleName|FemaleName|FirstName)$/,
    connectors: FR_CONNECTORS,
    weakConnectors: new Set(['et', 'sur', 'en', '&']),
    splitElision: true,
    splitPossessive: false,
    letterTitles: true,
    particlePair: { first: 'de', second: /^(?:la|l'|l’)$/i },
    placeHeads: FR_PLACE_HEADS,
    stateHeads: FR_STATE_HEADS,
    institutionAdjective: FR_INSTITUTION_ADJECTIVE,
    dropLoneAdjectives: true,
    pluralOfPlaceIsOrganization: true,
    strongPlacePrepositions: new Set(['a', 'en']),
    placeArticle: /^(?:la|le|les|l'|l’)$/i,
    elidedArticle: /^[ld]['’]$/i,
  },
  dates: {
    months: FR_MONTHS,
    weekdays: FR_WEEKDAYS,
    numbers: FR_NUMBERS,
    vague: FR_VAGUE,
    units: FR_UNITS,
    rules: frenchDateRules,
    future: FR_FUTURE,
    futureWeekday: FR_FUTURE_WD,
    intent: null,
    pastCues: frenchPastCues,
    datePrepositions: FR_DATE_PREP,
    dayThenTime: /^\s{1,3}à\s{1,3}$/,
    timeThenDay: null,
    dayFirst: true,
    chrono: chrono.fr.casual,
  },
  figures: {
    scales: FR_SCALES,
    numberWords: FR_FIGURE_NUMBER_WORDS,
    decimalComma: true,
    nounAfterDe: true,
    notUnits: FR_NOT_UNITS,
  },
  quotes: {
    elision: true,
    determiners: FR_DETERMINERS,
  },
};
