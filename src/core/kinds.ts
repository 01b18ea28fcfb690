/**
 * The registry of annotation kinds: for every kind (and the painted speaker layer) its labels, semantic token type
 * and modifiers, colour ids, highlight setting, brat type, outline symbol kind and paint order. Everything that
 * lists, labels or styles kinds reads it (decorations, semantic tokens, hovers, outline, panel, status bar, commands,
 * the Cross-References view, exports, the CLI, the settings checks): a new kind is one entry here, and the compiler
 * then names every `Record<Kind, …>` that lacks it.
 */
import type { ArticleAnalysis, EntityType, Span } from './types';

/** The entity kinds, in the order they are listed everywhere (panel, outline, CLI). */
export const ENTITY_KINDS = ['person', 'organization', 'place'] as const satisfies readonly EntityType[];
// Every EntityType is listed above (a type error here names the missing one).
const everyEntityKind: Record<EntityType, true> = { person: true, organization: true, place: true };
void everyEntityKind;

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
export type SymbolKindName = 'Object' | 'Class' | 'Module' | 'Event' | 'Number' | 'String' | 'Namespace';

/** Semantic token modifiers (contributed in package.json). */
export const TOKEN_MODIFIERS = ['firstMention'] as const;
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface LayerInfo {
  /** One annotation of the kind ("Person"). */
  label: (t: Translate) => string;
  /** A list of them ("People"). */
  plural: (t: Translate) => string;
  /** Name of its highlight switch when the switch covers more than the plural says ("Quotes and speakers"). */
  switchLabel?: (t: Translate) => string;
  /** Custom semantic token type (contributed in package.json with a superType and TextMate fallbacks). */
  tokenType: string;
  /** Modifiers its tokens can carry: `firstMention` on an entity's first mention. */
  tokenModifiers: readonly TokenModifier[];
  /** Its spans in an analysis (entity mentions, dates, quotes with their marks, attributing words). */
  spans: (a: ArticleAnalysis) => Span[];
  /** Annotation type in brat standoff exports. */
  bratType: string;
  /** Symbol kind of its entries in the Outline. */
  symbolKind: SymbolKindName;
  /**
   * Lower layers are painted first, so where spans overlap the higher one wins (a semantic token gives each
   * character one type): an entity keeps its token inside a quote and inside the words attributing one.
   */
  paintOrder: number;
  /** The kind whose highlight switch (`articleLens.decorations.<kind>`) turns this layer on and off. */
  switchedBy: Kind;
}

export const LAYER_INFO: Record<Layer, LayerInfo> = {
  person: {
    label: (t) => t('Person'),
    plural: (t) => t('People'),
    tokenType: 'articlePerson',
    tokenModifiers: ['firstMention'],
    spans: (a) => a.entities.filter((e) => e.type === 'person').flatMap((e) => e.mentions),
    bratType: 'Person',
    symbolKind: 'Object',
    paintOrder: 7,
    switchedBy: 'person',
  },
  organization: {
    label: (t) => t('Organization'),
    plural: (t) => t('Organizations'),
    tokenType: 'articleOrganization',
    tokenModifiers: ['firstMention'],
    spans: (a) => a.entities.filter((e) => e.type === 'organization').flatMap((e) => e.mentions),
    bratType: 'Organization',
    symbolKind: 'Class',
    paintOrder: 6,
    switchedBy: 'organization',
  },
  place: {
    label: (t) => t('Place'),
    plural: (t) => t('Places'),
    tokenType: 'articlePlace',
    tokenModifiers: ['firstMention'],
    spans: (a) => a.entities.filter((e) => e.type === 'place').flatMap((e) => e.mentions),
    bratType: 'Place',
    symbolKind: 'Module',
    paintOrder: 5,
    switchedBy: 'place',
  },
  date: {
    label: (t) => t('Date'),
    plural: (t) => t('Dates'),
    tokenType: 'articleDate',
    tokenModifiers: [],
    spans: (a) => a.dates,
    bratType: 'Date',
    symbolKind: 'Event',
    paintOrder: 3,
    switchedBy: 'date',
  },
  figure: {
    label: (t) => t('Figure'),
    plural: (t) => t('Figures'),
    tokenType: 'articleFigure',
    tokenModifiers: [],
    spans: (a) => a.figures,
    bratType: 'Figure',
    symbolKind: 'Number',
    paintOrder: 4,
    switchedBy: 'figure',
  },
  quote: {
    label: (t) => t('Quote'),
    plural: (t) => t('Quotes'),
    switchLabel: (t) => t('Quotes and speakers'),
    tokenType: 'articleQuote',
    tokenModifiers: [],
    spans: (a) => a.quotes.map((q) => q.outer ?? q),
    bratType: 'Quote',
    symbolKind: 'String',
    paintOrder: 1,
    switchedBy: 'quote',
  },
  speaker: {
    label: (t) => t('Speaker'),
    plural: (t) => t('Speakers'),
    tokenType: 'articleSpeaker',
    tokenModifiers: [],
    spans: (a) => a.quotes.flatMap((q) => (q.speaker && q.speaker.end > q.speaker.start ? [q.speaker] : [])),
    bratType: 'Speaker',
    symbolKind: 'Event',
    paintOrder: 2,
    switchedBy: 'quote',
  },
};

/** True for the entity kinds (person, organization, place). */
export function isEntityKind(kind: string): kind is EntityType {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

/** Layers in paint order (lowest first): the order semantic tokens are painted in, the last one winning. */
export function layersInPaintOrder(): Layer[] {
  return [...LAYERS].sort((a, b) => LAYER_INFO[a].paintOrder - LAYER_INFO[b].paintOrder);
}

/** Name of a kind's highlight switch: "Quotes and speakers" for quotes (the switch covers both), else the plural. */
export function switchLabel(kind: Kind, t: Translate): string {
  const info = LAYER_INFO[kind];
  return (info.switchLabel ?? info.plural)(t);
}

/** Spans of every layer in one analysis (decorations and semantic tokens paint them). */
export function layerSpans(a: ArticleAnalysis): Record<Layer, Span[]> {
  const out = {} as Record<Layer, Span[]>;
  for (const layer of LAYERS) out[layer] = LAYER_INFO[layer].spans(a);
  return out;
}

/** Theme colour ids of a layer (contributed in package.json): `articleLens.<layer>Background` and `…Border`. */
export function colorId(layer: Layer, part: 'Background' | 'Border'): `articleLens.${Layer}${'Background' | 'Border'}` {
  return `articleLens.${layer}${part}`;
}

/** The setting that switches a kind's highlights (and the layers it switches). */
export type HighlightSetting = `articleLens.decorations.${Kind}`;

export function highlightSetting(kind: Kind): HighlightSetting {
  return `articleLens.decorations.${kind}`;
}
