/**
 * The registry of annotation kinds: for every kind (and the painted speaker layer) its labels, semantic token type,
 * colour ids, brat type, outline symbol kind and paint order. Everything that lists, labels or styles kinds reads it
 * (decorations, semantic tokens, hovers, outline, panel, status bar, commands, the Cross-References view, exports,
 * the CLI): a new kind is one entry here, and the compiler then names every `Record<Kind, …>` that lacks it.
 */
import type { EntityType } from './types';

/** The entity kinds, in the order they are listed everywhere (panel, outline, CLI). */
export const ENTITY_KINDS = ['person', 'organization', 'place'] as const satisfies readonly EntityType[];

/** Every annotation kind the reader can see and switch, in display order. */
export const KINDS = [...ENTITY_KINDS, 'date', 'figure', 'quote'] as const;
export type Kind = (typeof KINDS)[number];

/** Painted layers: one per kind, plus the words that attribute a quote (switched with `quote`). */
export const LAYERS = [...KINDS, 'speaker'] as const;
export type Layer = (typeof LAYERS)[number];

/**
 * Translates an English UI string: `vscode.l10n.t` in the extension, the identity (`plainEnglish`) in the CLI and
 * tests. The registry calls it with literal strings so that the l10n bundle check sees every one of them.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** The identity translator: English strings with `{0}`-style placeholders filled in. */
export const plainEnglish: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

/** Names of `vscode.SymbolKind` members (the extension maps them; the core cannot import vscode). */
export type SymbolKindName = 'Object' | 'Class' | 'Module' | 'Event' | 'Number' | 'String' | 'Key' | 'Namespace';

export interface LayerInfo {
  /** One annotation of the kind ("Person"). */
  label: (t: Translate) => string;
  /** A list of them ("People"). */
  plural: (t: Translate) => string;
  /** Custom semantic token type (contributed in package.json with a superType and TextMate fallbacks). */
  tokenType: string;
  /** Annotation type in brat standoff exports. */
  bratType: string;
  /** Symbol kind of its entries in the Outline. */
  symbolKind: SymbolKindName;
  /** Lower layers are painted first; the speaker frame goes over the quote's italics. */
  paintOrder: number;
  /** The kind whose highlight switch (`articleLens.decorations.<kind>`) turns this layer on and off. */
  switchedBy: Kind;
}

export const LAYER_INFO: Record<Layer, LayerInfo> = {
  person: {
    label: (t) => t('Person'),
    plural: (t) => t('People'),
    tokenType: 'articlePerson',
    bratType: 'Person',
    symbolKind: 'Object',
    paintOrder: 3,
    switchedBy: 'person',
  },
  organization: {
    label: (t) => t('Organization'),
    plural: (t) => t('Organizations'),
    tokenType: 'articleOrganization',
    bratType: 'Organization',
    symbolKind: 'Class',
    paintOrder: 3,
    switchedBy: 'organization',
  },
  place: {
    label: (t) => t('Place'),
    plural: (t) => t('Places'),
    tokenType: 'articlePlace',
    bratType: 'Place',
    symbolKind: 'Module',
    paintOrder: 3,
    switchedBy: 'place',
  },
  date: {
    label: (t) => t('Date'),
    plural: (t) => t('Dates'),
    tokenType: 'articleDate',
    bratType: 'Date',
    symbolKind: 'Event',
    paintOrder: 2,
    switchedBy: 'date',
  },
  figure: {
    label: (t) => t('Figure'),
    plural: (t) => t('Figures'),
    tokenType: 'articleFigure',
    bratType: 'Figure',
    symbolKind: 'Number',
    paintOrder: 2,
    switchedBy: 'figure',
  },
  quote: {
    label: (t) => t('Quote'),
    plural: (t) => t('Quotes'),
    tokenType: 'articleQuote',
    bratType: 'Quote',
    symbolKind: 'String',
    paintOrder: 1,
    switchedBy: 'quote',
  },
  speaker: {
    label: (t) => t('Speaker'),
    plural: (t) => t('Speakers'),
    tokenType: 'articleSpeaker',
    bratType: 'Speaker',
    symbolKind: 'Key',
    paintOrder: 4,
    switchedBy: 'quote',
  },
};

/** True for the entity kinds (person, organization, place). */
export function isEntityKind(kind: string): kind is EntityType {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** Layers in paint order (lowest first), for painting and for semantic-token legends that care. */
export function layersInPaintOrder(): Layer[] {
  return [...LAYERS].sort((a, b) => LAYER_INFO[a].paintOrder - LAYER_INFO[b].paintOrder);
}
