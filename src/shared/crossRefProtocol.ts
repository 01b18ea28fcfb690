/**
 * Messages between the extension and the Cross-References webview view (`articleLens.crossRefs`), and its view
 * model. Types only: imported by src/views/crossRefModel.ts (builds the model), src/features (extension side)
 * and src/webview/crossRefs.ts (browser side).
 */
import type { Kind } from '../core/kinds';
import type { EntityType, Span } from '../core/types';

/** One version (file) of the story. */
export interface CrossRefVersion {
  /** Document URI (string form); the `file` of the cross-reference result. */
  uri: string;
  /** File name for display. */
  title: string;
  language: string;
  /** True for the active article. */
  focus: boolean;
  /** Story score of this version against the active article (0..1; 1 for a manual link; null for the focus). */
  score: number | null;
  /** The user linked this version by hand. */
  manual: boolean;
}

/** One side of a linked passage, quote, date or figure. */
export interface CrossRefSide extends Span {
  uri: string;
  title: string;
  text: string;
}

/** A word difference between the two sides ("" when a side has nothing there). */
export interface CrossRefDifference {
  a: string;
  b: string;
}

export type CrossRefPairKind = 'passage' | 'quote' | 'date' | 'figure';

/** What the reader said about a link shown: confirmed it, made it by hand, or nothing yet (null). */
export type CrossRefVerdict = 'confirmed' | 'manual' | null;

/** One end of a link a button acts on. */
export interface CrossRefEnd extends Span {
  uri: string;
}

/** A linked pair; `a` is always on the active article's side when it is one of the two. */
export interface CrossRefPair {
  kind: CrossRefPairKind;
  a: CrossRefSide;
  b: CrossRefSide;
  score: number;
  /** 'identical', 'reworded', or 'translated' (different languages: wording always differs). */
  fidelity: 'identical' | 'reworded' | 'translated';
  differences: CrossRefDifference[];
  conflict: boolean;
  note: string | null;
  /** Quotes: the speaker each side gives. */
  speakers: { a: string | null; b: string | null } | null;
  /** Dates: the value both sides share when one only implied it. */
  resolvedValue: string | null;
  verdict: CrossRefVerdict;
}

/** One entity in one version: its name there and its first mention. */
export interface CrossRefEntityCell {
  uri: string;
  entityId: string;
  name: string;
  /** Number of mentions in that version. */
  count: number;
  /** First mention (null when the analysis is not available). */
  first: Span | null;
}

/** One entity across the versions: `cells[i]` belongs to `versions[i]` (null when that version lacks it). */
export interface CrossRefEntityRow {
  type: EntityType | null;
  /** Display name: the active article's name, else the first version's. */
  name: string;
  cells: Array<CrossRefEntityCell | null>;
  /** Confirmed: the reader confirmed (one pair of) this link; manual: the reader made it. */
  verdict: CrossRefVerdict;
}

/** Something only one version has. */
export interface CrossRefOnlyIn {
  uri: string;
  title: string;
  kind: 'entity' | 'quote' | 'figure' | 'date';
  name: string;
  type: EntityType | null;
  span: Span | null;
}

/** Something the other versions have and this one lacks, and where it is in the first version that has it. */
export interface CrossRefMissingItem {
  kind: 'entity' | 'quote' | 'figure' | 'date';
  /** The kind as the view names it ("Person", "Quote"). */
  kindLabel: string;
  name: string;
  type: EntityType | null;
  /** The versions that have it, in story order. */
  presentIn: Array<{ uri: string; title: string }>;
  /** Where it is in `presentIn[0]` (null when the analysis is not available). */
  where: { uri: string; span: Span } | null;
}

/** What one version lacks: a section of the view, the active article's first. */
export interface CrossRefMissing {
  uri: string;
  title: string;
  focus: boolean;
  /** "Missing here (in the other versions)" for the active article, "Missing in {title} (…)" for another. */
  heading: string;
  items: CrossRefMissingItem[];
}

/** Strings the webview shows (it has no access to vscode.l10n). */
export interface CrossRefLabels {
  title: string;
  versions: string;
  entities: string;
  quotes: string;
  passages: string;
  dates: string;
  figures: string;
  conflicts: string;
  onlyIn: string;
  /** Heading of what the active article lacks. */
  missingHere: string;
  /** Heading of what another version lacks: `{0}` is its title. */
  missingIn: string;
  /** "present in": before the versions that have a missing item. */
  presentIn: string;
  /** Each annotation kind's name ("Person", "Quote"). */
  kinds: Record<Kind, string>;
  identical: string;
  reworded: string;
  translated: string;
  conflict: string;
  score: string;
  manual: string;
  active: string;
  missing: string;
  noArticle: string;
  noStory: string;
  disabled: string;
  filter: string;
  unattributed: string;
  /** The buttons on a link and on what one version only has, and the badge of a confirmed link. */
  confirm: string;
  reject: string;
  linkTo: string;
  confirmed: string;
}

/** Everything the Cross-References view shows for the active article's story. */
export interface CrossRefModel {
  /** The active article (null when none). */
  focus: string | null;
  /** Title of the active article. */
  title: string;
  /** A status line (indexing progress, analysing, errors), or null. */
  status: string | null;
  /** Versions of the story, the active article first. Empty when it has no other version. */
  versions: CrossRefVersion[];
  /** Weakest link of the story (0..1), or null. */
  storyScore: number | null;
  entities: CrossRefEntityRow[];
  quotes: CrossRefPair[];
  passages: CrossRefPair[];
  dates: CrossRefPair[];
  figures: CrossRefPair[];
  /** Count of flagged pairs (disagreeing figures, quotes with different speakers); they are also in their lists. */
  conflicts: number;
  onlyIn: CrossRefOnlyIn[];
  /** For each version that lacks something, what the other versions have (the active article first). */
  missing: CrossRefMissing[];
  labels: CrossRefLabels;
}

/** Extension → webview. */
export type CrossRefToWebview = { type: 'crossRefs/update'; model: CrossRefModel };

/** Webview → extension. `reveal` shows `target`, and opens `beside` in the column beside it when given. */
export type CrossRefFromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; target: { uri: string; span: Span }; beside?: { uri: string; span: Span } }
  /** Confirm or reject the link between `a` and `b` that the view shows (the extension checks it does). */
  | {
      type: 'linkVerdict';
      verdict: 'confirmed' | 'rejected';
      kind: 'entity' | CrossRefPairKind;
      a: CrossRefEnd;
      b: CrossRefEnd;
    }
  /** Link `end`, something one version has and another lacks, to something of another version (chosen there). */
  | { type: 'linkTo'; kind: 'entity' | 'quote' | 'figure' | 'date'; end: CrossRefEnd };
