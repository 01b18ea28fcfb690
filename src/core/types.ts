/**
 * Plain, JSON-serialisable data produced by the analysis core.
 * Every offset is a UTF-16 code-unit index into the analysed text exactly as
 * VS Code's `document.getText()` returns it (BOM removed, line endings kept).
 */

/** ISO 639-1 code of the article's language; `und` when it cannot be told. */
export type Lang = 'en' | 'fr' | (string & {});

/** Half-open [start, end) range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** A span with the text it covers (always `text.slice(start, end)`). */
export interface Mention extends Span {
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface Entity {
  /** Stable within one analysis: `e1`, `e2`, … in order of first mention. */
  id: string;
  type: EntityType;
  /** The fullest form used in the article ("Donald Trump", "United States"). */
  name: string;
  /** Other surface forms seen in the article ("Trump", "US", "U.S."). */
  aliases: string[];
  mentions: Mention[];
}

export interface Figure extends Mention {
  /** Numeric value, with multipliers applied ("175 millions" → 175000000). */
  value: number;
  /** What is counted ("téléchargements", "employees", "%", "USD"), or null. */
  unit: string | null;
  kind: 'money' | 'percent' | 'count' | 'number';
}

export type DateKind = 'date' | 'relative' | 'duration' | 'time' | 'set';

export interface DateMention extends Mention {
  kind: DateKind;
  /**
   * ISO-8601 / TIMEX3 value: "2020-06-01", "2020-08", "2020", "XXXX-06-01" (year unknown),
   * "P90D" (duration), "2020-08-17TMO" (part of day), or null when it cannot be resolved.
   */
  value: string | null;
  /** How `value` was obtained: `explicit` in the text, resolved against the `reference` date, or not at all. */
  resolvedFrom: 'explicit' | 'reference' | 'none';
}

/** Where the article's reference date ("today" for relative dates) came from. */
export interface ReferenceDate {
  /** YYYY-MM-DD, or YYYY when only a year is known (e.g. "© 2020"). */
  value: string;
  source: 'caller' | 'dateline' | 'text' | 'copyright';
  /** The text that gave it, when it came from the article. */
  span?: Mention;
}

export interface Speaker {
  /** Who it resolves to ("Steve Stoute", "TikTok"), or the description itself when unresolved. */
  name: string;
  entityId: string | null;
  /** The words attributing the quote at this place ("Steve Stoute", "the company", "elle"). */
  start: number;
  end: number;
  /** How the speaker was found. */
  via: 'named' | 'description' | 'pronoun' | 'continuation';
}

export interface Quote extends Mention {
  /** `start`/`end`/`text` cover the quoted words, without the quote marks. */
  /** Span including the quote marks. */
  outer: Span;
  mark: 'straight' | 'curly' | 'guillemet' | 'single' | 'other';
  /** Short quoted phrase that is not a statement ("rumors", "proud"). */
  scare: boolean;
  speaker: Speaker | null;
}

export interface ArticleAnalysis {
  language: Lang;
  /** False for languages other than en/fr: entities are then not extracted. */
  entitiesSupported: boolean;
  /** Human-readable notes on reduced analysis ("language not supported for entities: de"). */
  notes: string[];
  referenceDate: ReferenceDate | null;
  entities: Entity[];
  figures: Figure[];
  dates: DateMention[];
  quotes: Quote[];
  /** Sentence spans, used by cross-referencing. */
  sentences: Span[];
  /** Paragraph spans (blocks separated by blank lines). */
  paragraphs: Span[];
}

export interface AnalyzeOptions {
  /** Force a language instead of detecting it. */
  lang?: Lang;
  /** Reference date given by the caller, YYYY-MM-DD. Wins over one found in the text. */
  referenceDate?: string;
  /** Used only as a last resort for relative dates when neither the caller nor the text gives a date. */
  today?: string;
  signal?: AbortSignal;
}
