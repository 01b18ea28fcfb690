/**
 * The reader's corrections as plain data: the shape of the committed corrections file and of what `analyze()` and
 * `crossReference()` take. Nothing here knows where the file lives; paths are relative to the folder that holds it.
 *
 * ```jsonc
 * { "version": 1,
 *   "rules": [ {"id": "r1", "text": "Countrywide", "type": "organization", "scope": "workspace"} ],
 *   "edits": [ {"id": "c1", "file": "en/kerry.txt", "action": "retype", "target": {"exact": "State", "prefix": "Secretary of "}, "type": "organization", "at": "2024-05-02T10:00:00.000Z"} ],
 *   "links": [ {"id": "l1", "kind": "entity", "a": {"file": "en/kerry.txt", "exact": "John Kerry"}, "b": {"file": "fr/kerry.txt", "exact": "Etat John Kerry"}, "status": "rejected"} ] }
 * ```
 */
import type { EntityType } from '../types';

/** The name of the corrections file in a workspace folder (beside the story links), which the CLI also looks for. */
export const CORRECTIONS_FILE_NAME = 'article-lens.corrections.json';

/** The format version this code writes and fully understands. */
export const CORRECTIONS_VERSION = 1;

/**
 * Where a correction applies in an article: the quoted text with some context (a W3C TextQuoteSelector) and its
 * offset when it was made (a TextPositionSelector, used only to choose among equal matches). Without context or
 * position it means the first occurrence of `exact`.
 */
export interface TextTarget {
  exact: string;
  /** Text just before `exact` (about 32 characters, starting at a word). */
  prefix?: string;
  /** Text just after `exact`. */
  suffix?: string;
  /** UTF-16 offset of `exact` when the correction was made: a hint, never trusted on its own. */
  start?: number;
}

/** Fields every correction has. `at` is set by whoever records it (the core has no clock). */
export interface CorrectionMeta {
  /** Unique in the file. Entries written by hand may omit it: they then get one derived from their content. */
  id: string;
  /** ISO-8601 time it was made. */
  at?: string;
  /** Who made it (a name or handle), when known. */
  by?: string;
  /** The reader's own remark. */
  note?: string;
}

export type RuleScope = 'workspace' | 'story' | 'file';

export const RULE_SCOPES: readonly RuleScope[] = ['workspace', 'story', 'file'];

/** A dictionary entry: every occurrence of `text` is an entity of `type`, or never an entity (`type` null). */
export interface RuleCorrection extends CorrectionMeta {
  text: string;
  type: EntityType | null;
  scope: RuleScope;
  /** The article it was made in: required for the `story` and `file` scopes (which story, which file). */
  file?: string;
}

/** Annotation kinds an edit can name when the target alone would be ambiguous. */
export type EditKind = 'entity' | 'quote' | 'date' | 'figure';

export const EDIT_KINDS: readonly EditKind[] = ['entity', 'quote', 'date', 'figure'];

interface EditBase extends CorrectionMeta {
  /** The article, relative to the folder of the corrections file. */
  file: string;
  target: TextTarget;
}

/** Not an entity (or, with `kind`, not a date / not a figure). */
export interface RemoveEdit extends EditBase {
  action: 'remove';
  kind?: 'entity' | 'date' | 'figure';
}
/** The entity of this mention is of another type. Adds the mention when the analysis does not have it. */
export interface RetypeEdit extends EditBase {
  action: 'retype';
  type: EntityType;
}
/** The mention's boundaries are `span` ("La Paz", not "Paz"). */
export interface SpanEdit extends EditBase {
  action: 'span';
  span: TextTarget;
  /** The entity's type when the correction was made: used when the analysis no longer has the mention. */
  type?: EntityType;
}
/** Mark the target as a new mention of an entity of `type`. */
export interface AddEdit extends EditBase {
  action: 'add';
  type: EntityType;
}
/** The entity of the target mention and the entity of the `into` mention are one (with all mentions and aliases). */
export interface MergeEdit extends EditBase {
  action: 'merge';
  into: TextTarget;
}
/** The target mention is its own entity (of `type`, or of its entity's type). */
export interface SplitEdit extends EditBase {
  action: 'split';
  type?: EntityType;
}
/** The canonical name of the target mention's entity. */
export interface RenameEdit extends EditBase {
  action: 'rename';
  name: string;
}
/** Who said the quote at the target: an entity of the article (by name, or by one of its mentions), or nobody. */
export interface SpeakerEdit extends EditBase {
  action: 'speaker';
  speaker: { name: string; entity?: TextTarget } | null;
}
/** The quotation marks at the target do not quote a statement. */
export interface NotQuoteEdit extends EditBase {
  action: 'notQuote';
}
/** The quote is (or is not) a scare quote. */
export interface ScareEdit extends EditBase {
  action: 'scare';
  scare: boolean;
}
/** The date's value (TIMEX3/ISO, null: cannot be resolved). Adds a date mention when the analysis has none there. */
export interface DateEdit extends EditBase {
  action: 'date';
  value: string | null;
}
/** The article's reference date ("today" for relative dates). The target, if any, is the text that gives it. */
export interface ReferenceDateEdit extends Omit<EditBase, 'target'> {
  action: 'referenceDate';
  /** YYYY-MM-DD or YYYY. */
  value: string;
  target?: TextTarget;
}
/** The reader checked the annotation at the target. */
export interface VerifyEdit extends EditBase {
  action: 'verify';
  kind?: EditKind;
}

export type EditCorrection =
  | RemoveEdit
  | RetypeEdit
  | SpanEdit
  | AddEdit
  | MergeEdit
  | SplitEdit
  | RenameEdit
  | SpeakerEdit
  | NotQuoteEdit
  | ScareEdit
  | DateEdit
  | ReferenceDateEdit
  | VerifyEdit;

export type EditAction = EditCorrection['action'];

export const EDIT_ACTIONS: readonly EditAction[] = [
  'remove',
  'retype',
  'span',
  'add',
  'merge',
  'split',
  'rename',
  'speaker',
  'notQuote',
  'scare',
  'date',
  'referenceDate',
  'verify',
];

export type LinkKind = 'entity' | 'passage' | 'quote' | 'date' | 'figure';

export const LINK_KINDS: readonly LinkKind[] = ['entity', 'passage', 'quote', 'date', 'figure'];

export type LinkStatus = 'confirmed' | 'rejected' | 'manual';

export const LINK_STATUSES: readonly LinkStatus[] = ['confirmed', 'rejected', 'manual'];

/** One side of a link correction: an article and the text in it. */
export interface LinkEnd extends TextTarget {
  file: string;
}

/** The reader's verdict on a cross-reference between two versions, or a link made by hand. */
export interface LinkCorrection extends CorrectionMeta {
  kind: LinkKind;
  a: LinkEnd;
  b: LinkEnd;
  status: LinkStatus;
}

export type Correction = RuleCorrection | EditCorrection | LinkCorrection;

/** The three lists of the file. */
export type CorrectionList = 'rules' | 'edits' | 'links';

export const CORRECTION_LISTS: readonly CorrectionList[] = ['rules', 'edits', 'links'];

/**
 * The file as read: every entry kept as written (unknown fields, unknown actions and entries that do not validate
 * included), so that a write-back loses nothing. `readCorrections` gives the typed, valid entries.
 */
export interface CorrectionsFile {
  version: number;
  rules: unknown[];
  edits: unknown[];
  links: unknown[];
  [field: string]: unknown;
}

/** The corrections one article's analysis takes (already chosen for it: see `correctionsForFile`). */
export interface ArticleCorrections {
  /** Rules whose scope includes the article. */
  rules: readonly RuleCorrection[];
  /** Edits of this article. */
  edits: readonly EditCorrection[];
}

/** The corrections cross-referencing takes. */
export interface StoryCorrections {
  links: readonly LinkCorrection[];
  /**
   * The path a document's `file` has in the corrections file (the extension passes document URIs and maps them to
   * paths relative to the file's folder). Identity by default.
   */
  pathOf?: (file: string) => string;
}
