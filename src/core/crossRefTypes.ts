/**
 * Plain, JSON-serialisable data produced by cross-referencing versions of one story.
 * The shape follows `article-lens xref --json`; extra fields are additions.
 */
import type { CorrectionOutcome, EntityType, Lang, OrphanedCorrection, Span } from './types';

/** A set of files judged to be versions of one story. */
export interface Story {
  files: string[];
  /** 0..1: how strongly the versions are tied (the weakest link of the group; 1 for a manual link). */
  score: number;
  /** True when a manual link/unlink decided (part of) this grouping. */
  manual?: boolean;
}

/** One side of a span link. */
export interface LinkSide {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A word-level difference between two wordings: `a` in the first version, `b` in the second ("" when absent). */
export interface WordDifference {
  a: string;
  b: string;
}

export interface EntityLinkItem {
  file: string;
  /** The entity's id in that file's analysis; '' when the reader linked text that is not an entity there. */
  entityId: string;
  name: string;
  type?: EntityType;
  /** Where the reader's link correction points in that file (links made or confirmed by hand). */
  span?: Span & { text: string };
}

/** What the reader said about a link: confirmed it, or made it by hand (rejected links are not in the result). */
export interface ReaderVerdict {
  /** The reader confirmed this link (or, for an entity link, one of its pairs). */
  confirmed?: boolean;
  /** The reader made this link: the aligner did not find it. */
  manual?: boolean;
  /** Ids of the link corrections that shaped it. */
  corrections?: string[];
}

export interface EntityLink extends ReaderVerdict {
  kind: 'entity';
  items: EntityLinkItem[];
  /** The shared key that tied them ("geo:US", "name:tiktok", "surname:trump"); "manual" for the reader's links. */
  key?: string;
}

export type SpanLinkKind = 'passage' | 'quote' | 'date' | 'figure';

export interface SpanLink extends ReaderVerdict {
  kind: SpanLinkKind;
  a: LinkSide;
  b: LinkSide;
  /** 0..1 similarity. */
  score: number;
  /** Same-language links: the wording differs. Null across languages (a translation always differs). */
  reworded?: boolean | null;
  differences?: WordDifference[];
  /** Figures that disagree, or a quote attributed to different speakers. */
  conflict?: boolean;
  /** Human-readable reason for a conflict or a resolution. */
  note?: string;
  /** True when the two sides are in different languages. */
  crossLanguage?: boolean;
  /** Quotes: the speaker each version gives (null when none). */
  speakers?: { a: string | null; b: string | null };
  /** Dates: the resolved ISO value shared by both sides, when one side only implied it ("Monday" = "Monday 17 August"). */
  resolvedValue?: string;
  /** Passages: sentence indices on each side (into `analysis.sentences`), for 1:2 / 2:1 links. */
  sentences?: { a: number[]; b: number[] };
}

export type CrossRefLink = EntityLink | SpanLink;

export type OnlyInKind = 'entity' | 'quote' | 'figure' | 'date';

export interface OnlyInItem {
  file: string;
  kind: OnlyInKind;
  /** Entity name, or the text of the quote/figure/date. */
  name: string;
  type?: EntityType;
  entityId?: string;
  start?: number;
  end?: number;
}

/** Something the other versions of the story have and this one does not ("what the French left out"). */
export interface MissingInItem {
  /** The version that lacks it. */
  file: string;
  kind: OnlyInKind;
  /** Entity name, or the text of the quote/figure/date, as the first version that has it words it. */
  name: string;
  /** The versions that have it, in story order. */
  presentIn: string[];
  type?: EntityType;
  /** Where it is in `presentIn[0]`: the entity's id, or the span. */
  entityId?: string;
  start?: number;
  end?: number;
}

/** What the reader's link corrections did (rules and edits are reported per article, in its analysis). */
export interface CrossRefCorrectionsReport {
  applied: CorrectionOutcome[];
  orphaned: OrphanedCorrection[];
}

export interface CrossRefResult {
  stories: Story[];
  links: CrossRefLink[];
  onlyIn: OnlyInItem[];
  /** For each version, what the other versions have and it does not. Always set by `crossReference`. */
  missingIn?: MissingInItem[];
  /** Set when link corrections were given. */
  corrections?: CrossRefCorrectionsReport;
}

/** A manual override persisted by the extension: link or unlink two files. */
export interface ManualLink {
  a: string;
  b: string;
  linked: boolean;
}

/** Cheap per-document fingerprint used to group stories; cacheable by content hash. */
export interface DocSummary {
  file: string;
  language: Lang;
  /** Weighted features: key → weight ("ent:name:tiktok" → 2, "geo:US" → 0.5, "fig:1500" → 1.5). */
  features: Record<string, number>;
}
