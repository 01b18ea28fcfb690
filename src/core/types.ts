import type { ArticleCorrections } from './corrections/model';
import type { Kind } from './kinds';

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

/** A correction that changed or confirmed an annotation: what a hover card shows ("retyped by Ana on 2 May"). */
export interface CorrectionTrace {
  /** The correction's id in the corrections file. */
  id: string;
  /** Its action ("retype", "merge", "verify"), or "rule" for a dictionary rule. */
  action: string;
  at?: string;
  by?: string;
}

/**
 * Who stands behind an annotation. `analyze()` sets `source` and `verified` on every entity, mention, figure, date
 * and quote; they are optional because analyses cached by older builds lack them.
 */
export interface ReaderMarks {
  /** `reader` when a correction made or changed it (its type, boundaries, entity, speaker, value). */
  source?: 'auto' | 'reader';
  /** The reader checked it (a `verify` edit), or made or changed it in this article (an instance edit). */
  verified?: boolean;
  /** The corrections that touched it, in the order they were applied. Absent when none did. */
  corrections?: CorrectionTrace[];
}

/** A span with the text it covers (always `text.slice(start, end)`). */
export interface Mention extends Span, ReaderMarks {
  text: string;
}

export type EntityType = 'person' | 'organization' | 'place';

export interface Entity extends ReaderMarks {
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
  resolvedFrom: 'explicit' | 'reference' | 'none' | 'reader';
}

/** Where the article's reference date ("today" for relative dates) came from. */
export interface ReferenceDate {
  /** YYYY-MM-DD, or YYYY when only a year is known (e.g. "© 2020"). */
  value: string;
  source: 'caller' | 'dateline' | 'text' | 'copyright' | 'reader';
  /** The text that gave it, when it came from the article. */
  span?: Mention;
  /** Why this date was chosen, in English words ("the dateline", "the weekday and date of the reported events"). */
  reason?: string;
}

export interface Speaker {
  /** Who it resolves to ("Steve Stoute", "TikTok"), or the description itself when unresolved. */
  name: string;
  entityId: string | null;
  /** The words attributing the quote at this place ("Steve Stoute", "the company", "elle"). */
  start: number;
  end: number;
  /** How the speaker was found. */
  via: 'named' | 'description' | 'pronoun' | 'continuation' | 'reader';
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
  /** What the reader's corrections did. Absent in analyses cached by older builds. */
  corrections?: CorrectionsReport;
  /** "N of M verified", per kind and in all. Absent in analyses cached by older builds. */
  verified?: VerifiedCounts;
}

/** Why a correction no longer applies to the article. */
export type OrphanReason =
  /** The corrected text no longer occurs. */
  | 'notFound'
  /** It occurs, but not where the correction was made (the words around it changed). */
  | 'contextChanged'
  /** The text is there but there is nothing to correct (no quote there; an entity to merge with is gone). */
  | 'noAnnotation'
  /** The correction cannot be applied as written (a new span that does not cover the corrected text). */
  | 'invalid';

export interface CorrectionOutcome {
  id: string;
  action: string;
  /** `applied`: it changed the analysis; `unchanged`: the analysis already agreed (nothing to change). */
  status: 'applied' | 'unchanged';
  /** Where it attached in this text (rules: absent). */
  span?: Span;
  /** Rules: occurrences in this text. */
  occurrences?: number;
}

/** A correction that could not be re-attached: reported, never dropped (the file keeps it). */
export interface OrphanedCorrection {
  id: string;
  action: string;
  reason: OrphanReason;
  /** Human-readable (English) detail for the panel. */
  detail: string;
  /** The text it was made on. */
  exact: string;
}

export interface CorrectionsReport {
  applied: CorrectionOutcome[];
  orphaned: OrphanedCorrection[];
}

export interface VerifiedCount {
  verified: number;
  total: number;
}

/** Entities count once each (under their type); quotes, dates and figures once per annotation. */
export interface VerifiedCounts extends VerifiedCount {
  byKind: Record<Kind, VerifiedCount>;
}

export interface AnalyzeOptions {
  /** Force a language instead of detecting it. */
  lang?: Lang;
  /** Reference date given by the caller, YYYY-MM-DD. Wins over one found in the text. */
  referenceDate?: string;
  /** Used only as a last resort for relative dates when neither the caller nor the text gives a date. */
  today?: string;
  /**
   * The reader's corrections for this article (see `correctionsForFile`): rules go to the entity tagger and are then
   * enforced, a `referenceDate` edit wins over `referenceDate`, and every edit is applied to the result.
   */
  corrections?: ArticleCorrections;
  signal?: AbortSignal;
}
