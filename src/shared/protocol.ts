/**
 * Messages between the extension and the side-panel webview, and the panel's view model.
 * Types only: imported by src/features (extension side) and src/webview (browser side).
 */
import type { Kind } from '../core/kinds';
import type { EntityType, Span } from '../core/types';

/** What a row is, for the corrections its buttons make. */
export type PanelRowKind = 'entity' | 'quote' | 'date' | 'figure';

/** The corrections a panel row's buttons offer (a subset of the light bulb's, same names as its commands). */
export type PanelActionId =
  | 'notEntity'
  | 'retype'
  | 'rename'
  | 'merge'
  | 'setSpeaker'
  | 'clearSpeaker'
  | 'notQuote'
  | 'scare'
  | 'setDate'
  | 'referenceDate'
  | 'verify';

/** One button of a row: the action and its localized label (the aria-label adds the row's text). */
export interface PanelAction {
  id: PanelActionId;
  label: string;
}

/** What a row's corrections act on: its kind and the span the correction is anchored to (echoed back). */
export interface PanelRowTarget extends Span {
  kind: PanelRowKind;
}

/** One entity row. */
export interface PanelEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** Number of mentions in the article. */
  count: number;
  /** Spans of every mention, first one first; clicking a row reveals them in turn. */
  mentions: Span[];
  /** The reader checked it. */
  verified?: boolean;
  /** A reader's correction made or changed it. */
  reader?: boolean;
  /** Where its corrections are anchored (its first mention), and the buttons the row offers. */
  target: PanelRowTarget;
  actions: PanelAction[];
}

/** A correction that no longer attaches to the text (shown with a Remove button). */
export interface PanelOrphan {
  id: string;
  action: string;
  /** The text it was made on (article text: rendered with textContent only). */
  exact: string;
  detail: string;
}

/** One date row; `value` is the resolved ISO value, `label` a readable form of it (with weekday when known). */
export interface PanelDate extends Span {
  text: string;
  kind: string;
  value: string | null;
  label: string | null;
  /** Where its corrections are anchored, and the buttons the row offers. */
  target: PanelRowTarget;
  actions: PanelAction[];
}

/** One quote row. */
export interface PanelQuote extends Span {
  text: string;
  speaker: string | null;
  /** How the speaker was found ("named", "description", "pronoun", "continuation"). */
  via: string | null;
  scare: boolean;
  /** Where its corrections are anchored, and the buttons the row offers. */
  target: PanelRowTarget;
  actions: PanelAction[];
}

/** One figure row. */
export interface PanelFigure extends Span {
  text: string;
  value: number;
  unit: string | null;
  kind: string;
  /** Where its corrections are anchored, and the buttons the row offers. */
  target: PanelRowTarget;
  actions: PanelAction[];
}

/** Localized strings the webview shows (it has no access to vscode.l10n). */
export interface PanelLabels {
  filter: string;
  /** Section titles: each kind's plural ("People", "Dates"). */
  kinds: Record<Kind, string>;
  empty: string;
  noArticle: string;
  unattributed: string;
  referenceDate: string;
  language: string;
  /** Title of the orphaned-corrections section. */
  orphaned: string;
  /** Its Remove button. */
  remove: string;
  /** Marks of a row: checked by the reader, changed by the reader. */
  verifiedMark: string;
  readerMark: string;
  /** "Corrections of {0}": the label of a row's group of buttons; `{0}` is filled with the row's text. */
  actionsOf: string;
}

/** Everything the panel shows for the active article. `null` document means no article is active. */
export interface PanelModel {
  /** Document URI (string form) the model describes; echoed back in `reveal` messages. */
  uri: string | null;
  /** File name for the heading. */
  title: string;
  language: string;
  referenceDate: string | null;
  /** A status message (too large, analysing, error), or null. */
  status: string | null;
  /** The entity kinds, in the order their sections are shown. */
  entityKinds: EntityType[];
  entities: PanelEntity[];
  /** Sorted in time order (resolved values first, then unresolved in text order). */
  dates: PanelDate[];
  quotes: PanelQuote[];
  figures: PanelFigure[];
  /** "N of M verified", or null. */
  verified: string | null;
  /** The reader's corrections that no longer attach to the text. */
  orphans: PanelOrphan[];
  labels: PanelLabels;
}

/** Extension → webview. */
export type ToWebview = { type: 'update'; model: PanelModel };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; span: Span }
  /** Remove the orphaned correction `id` of the article at `uri` from the corrections file. */
  | { type: 'removeOrphan'; uri: string; id: string }
  /** Run the correction `action` on the row `target` of the article at `uri` (the extension checks both). */
  | { type: 'correct'; uri: string; action: PanelActionId; target: PanelRowTarget };
