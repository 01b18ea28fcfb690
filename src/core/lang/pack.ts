/**
 * Everything the analysis needs from one language. The engines (entities, dates, figures, quotes, attribution)
 * take a pack and never test a language code; a language without a pack gets the language-neutral part only.
 * Every field is required: a new language that forgets one does not compile.
 *
 * Packs are light to load (word tables and rules); the heavy parts (the tagger library, the entity model) load
 * on first use, so analysing English never loads the French tagger and the reverse.
 */
import type { Rule } from '../dates/ruleKit';
import type { PastCueFinder } from '../dates/tense';
import type { NerPack } from '../ner/pack';
import type { LexiconProbe } from '../ner/features';

/** One tagger term: its span in the analysed text and its tags (compromise's tag names). */
export interface TaggedTerm {
  start: number;
  end: number;
  text: string;
  tags: string[];
}

export interface LanguagePack {
  /** BCP 47 code of the language ("en"): data for the registry and for display, never compared by an engine. */
  readonly code: string;
  /** Part-of-speech tags for a piece of text (the language's compromise build, loaded on first call). */
  tag(text: string): TaggedTerm[];
  /** The tagger's lexicon tag of a lower-cased word ("paris" → "City"), without loading the tagger. */
  readonly lexicon: LexiconProbe;
  /** The learned entity tagger (its model is decoded on first use). */
  readonly ner: NerPack;
  readonly entities: EntityLanguage;
  readonly dates: DateLanguage;
  readonly figures: FigureLanguage;
  readonly quotes: QuoteLanguage;
}

/** What the entity rule layer needs from a language. */
export interface EntityLanguage {
  /** Lexicon tags of first names ("MaleName"), for `lexicon`. */
  readonly firstNameTags: RegExp;
  /** Lower-case words that may join two capitalised words into one name ("of", "de"). */
  readonly connectors: ReadonlySet<string>;
  /** Connectors that join two capitalised words only into a known organization or place pattern ("and", "et"). */
  readonly weakConnectors: ReadonlySet<string>;
  /** Elided articles are split off every word ("l'Élysée"); otherwise only before a capital ("d'Amato" stays). */
  readonly splitElision: boolean;
  /** The possessive ending is its own token ("Trump's" → "Trump" + "'s"). */
  readonly splitPossessive: boolean;
  /** A lone capital with a dot can be a title ("M." for Monsieur) rather than an initial. */
  readonly letterTitles: boolean;
  /** Two-word particles inside a name besides "van der": the first word and a test of the second ("de" + "la"). */
  readonly particlePair: { first: string; second: RegExp } | null;
  /** Lower-case geographic heads before a capitalised name ("océan Indien"): the head belongs to the place. */
  readonly placeHeads: ReadonlySet<string>;
  /** Capitalised heads of states followed by lower-case adjectives ("République tchèque"), folded. */
  readonly stateHeads: ReadonlySet<string>;
  /** Adjectives that continue an institution named by its capitalised head only ("Banque centrale"), or null. */
  readonly institutionAdjective: RegExp | null;
  /** A lone capitalised adjective is a demonym or a title word, not a name ("les Américains"). */
  readonly dropLoneAdjectives: boolean;
  /** A plural name "de" a place is a team or company ("Canadiens de Montréal"). */
  readonly pluralOfPlaceIsOrganization: boolean;
  /** Prepositions (folded) before a name that are strong evidence of a place ("à", "en"). */
  readonly strongPlacePrepositions: ReadonlySet<string>;
  /** An article before a one-word name that makes it a place rather than a person ("la Garonne"), or null. */
  readonly placeArticle: RegExp | null;
  /** An elided article before a name, through which an organization cue two words back still counts ("l'"), or null. */
  readonly elidedArticle: RegExp | null;
}

/** Date words and rules of a language (the rule bodies and helpers they share are in dates/ruleKit.ts). */
export interface DateLanguage {
  /** Month names and abbreviations → 1–12 (also read by the reference-date finder). */
  readonly months: Readonly<Record<string, number>>;
  /** Weekday names → 0 (Sunday) – 6, as the reference-date finder reads them ("on Thursday 31 October"). */
  readonly weekdays: Readonly<Record<string, number>>;
  /** Number words of durations and counts ("ten" → 10). */
  readonly numbers: Readonly<Record<string, number>>;
  /** Vague quantities ("several"): the value gets an X. */
  readonly vague: readonly string[];
  readonly units: Readonly<Record<string, import('../dates/ruleKit').Unit>>;
  /** The language's rules, built per call (a global RegExp carries state). */
  rules(): Rule[];
  /** Cues that a month-day lies ahead (tense, schedule, deadline). */
  readonly future: RegExp;
  /** Cues that a weekday lies ahead: a higher bar, tense and schedule words only. */
  readonly futureWeekday: RegExp;
  /** Intentions before a weekday ("planned to leave … on Thursday"), or null. */
  readonly intent: RegExp | null;
  /** Past-tense cues of a clause. */
  readonly pastCues: PastCueFinder;
  /** Words before a bare year or ambiguous month that make it a date. */
  readonly datePrepositions: RegExp;
  /** What joins a day and a following clock time into one expression ("hier à 10 h"), or null. */
  readonly dayThenTime: RegExp | null;
  /** What joins a clock time and a following day into one expression ("9 a.m. Tuesday"), or null. */
  readonly timeThenDay: RegExp | null;
  /** Numeric dates put the day first ("17/08/2020"); otherwise month first unless the first number is over 12. */
  readonly dayFirst: boolean;
  /** chrono-node's parser for numeric dates in this language. */
  readonly chrono: {
    parse(text: string, ref: { instant: Date; timezone: number }): import('chrono-node').ParsedResult[];
  };
}

/** Figures: number formats and words of a language (digits, symbols and ISO codes are language-neutral). */
export interface FigureLanguage {
  /** Scale words after a number ("million", "milliards"). */
  readonly scales: Readonly<Record<string, number>>;
  /** Number words that start a figure ("twenty", "vingt"), lower-case. */
  readonly numberWords: Readonly<Record<string, number>>;
  /** "1.500" and "1,5" are 1500 and 1.5, and "1 500" groups thousands (otherwise "1,500" and "1.5"). */
  readonly decimalComma: boolean;
  /** The counted noun is linked by "de"/"d'" and takes its adjectives after it ("175 millions de téléchargements"). */
  readonly nounAfterDe: boolean;
  /** Words after a number that are never the counted thing ("of", "de"). */
  readonly notUnits: ReadonlySet<string>;
}

/** Quotes and speakers: the attribution's words of a language. */
export interface QuoteLanguage {
  /** Elided words are their own tokens ("l'annonce"); otherwise "d'Amato" and "O'Brien" are one word. */
  readonly elision: boolean;
  /** Determiners before a speech-verb form that make it a noun ("l'annonce", "the report"). */
  readonly determiners: ReadonlySet<string>;
}
