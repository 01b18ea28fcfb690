/** Every ID string the extension uses: commands, views, settings, colours, context keys and token types. */

/** Language id contributed for news articles. */
export const LANGUAGE_ID = 'article';

/** Extension id (publisher.name), used by tests to fetch the API. */
export const EXTENSION_ID = 'article-lens.article-lens';

/** Commands contributed to the palette (category "Article Lens"). */
export const Commands = {
  showPanel: 'articleLens.showPanel',
  toggleHighlights: 'articleLens.toggleHighlights',
  toggleKind: 'articleLens.toggleKind',
  reanalyze: 'articleLens.reanalyze',
  nextEntity: 'articleLens.nextEntity',
  previousEntity: 'articleLens.previousEntity',
  nextQuote: 'articleLens.nextQuote',
  previousQuote: 'articleLens.previousQuote',
  setLanguage: 'articleLens.setLanguage',
  setReferenceDate: 'articleLens.setReferenceDate',
  copyEntities: 'articleLens.copyEntities',
  exportAnnotations: 'articleLens.exportAnnotations',
  setAsArticle: 'articleLens.setAsArticle',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Cross-reference commands, registered by src/crossRefFeatures.ts (category "Article Lens"). */
export const CrossRefCommands = {
  showCrossReferences: 'articleLens.showCrossReferences',
  openCounterpartBeside: 'articleLens.openCounterpartBeside',
  linkVersions: 'articleLens.linkVersions',
  unlinkVersions: 'articleLens.unlinkVersions',
  exportTmx: 'articleLens.exportTmx',
  reindexWorkspace: 'articleLens.reindexWorkspace',
} as const;

/** Activity-bar container and the webview view inside it. */
export const Views = {
  container: 'articleLens',
  panel: 'articleLens.panel',
  crossRefs: 'articleLens.crossRefs',
} as const;

/** Configuration keys (full names). */
export const Config = {
  section: 'articleLens',
  decorationsEnabled: 'articleLens.decorations.enabled',
  decorationsPerson: 'articleLens.decorations.person',
  decorationsOrganization: 'articleLens.decorations.organization',
  decorationsPlace: 'articleLens.decorations.place',
  decorationsDate: 'articleLens.decorations.date',
  decorationsFigure: 'articleLens.decorations.figure',
  decorationsQuote: 'articleLens.decorations.quote',
  semanticTokensEnabled: 'articleLens.semanticTokens.enabled',
  analysisMaxFileSizeKB: 'articleLens.analysis.maxFileSizeKB',
  analysisDebounceMs: 'articleLens.analysis.debounceMs',
  analysisLanguage: 'articleLens.analysis.language',
  analysisReferenceDate: 'articleLens.analysis.referenceDate',
  analysisTimeoutSeconds: 'articleLens.analysis.timeoutSeconds',
  filesAutoDetect: 'articleLens.files.autoDetect',
  hoversEnabled: 'articleLens.hovers.enabled',
  statusBarEnabled: 'articleLens.statusBar.enabled',
  crossReferencesEnabled: 'articleLens.crossReferences.enabled',
  crossReferencesGlossary: 'articleLens.crossReferences.glossary',
  indexMaxFiles: 'articleLens.index.maxFiles',
} as const;

export type ConfigKey = Exclude<(typeof Config)[keyof typeof Config], 'articleLens'>;

/** Typed values of every setting, with the defaults declared in package.json. */
export interface ConfigValues {
  [Config.decorationsEnabled]: boolean;
  [Config.decorationsPerson]: boolean;
  [Config.decorationsOrganization]: boolean;
  [Config.decorationsPlace]: boolean;
  [Config.decorationsDate]: boolean;
  [Config.decorationsFigure]: boolean;
  [Config.decorationsQuote]: boolean;
  [Config.semanticTokensEnabled]: boolean;
  [Config.analysisMaxFileSizeKB]: number;
  [Config.analysisDebounceMs]: number;
  [Config.analysisLanguage]: 'auto' | 'en' | 'fr';
  [Config.analysisReferenceDate]: string;
  [Config.analysisTimeoutSeconds]: number;
  [Config.filesAutoDetect]: boolean;
  [Config.hoversEnabled]: boolean;
  [Config.statusBarEnabled]: boolean;
  [Config.crossReferencesEnabled]: boolean;
  [Config.crossReferencesGlossary]: Record<string, string>;
  [Config.indexMaxFiles]: number;
}

/** Defaults, mirrored from package.json (test/unit/manifest.test.ts checks they agree). */
export const CONFIG_DEFAULTS: ConfigValues = {
  [Config.decorationsEnabled]: true,
  [Config.decorationsPerson]: true,
  [Config.decorationsOrganization]: true,
  [Config.decorationsPlace]: true,
  [Config.decorationsDate]: true,
  [Config.decorationsFigure]: true,
  [Config.decorationsQuote]: true,
  [Config.semanticTokensEnabled]: true,
  [Config.analysisMaxFileSizeKB]: 2048,
  [Config.analysisDebounceMs]: 400,
  [Config.analysisLanguage]: 'auto',
  [Config.analysisReferenceDate]: '',
  [Config.analysisTimeoutSeconds]: 30,
  [Config.filesAutoDetect]: true,
  [Config.hoversEnabled]: true,
  [Config.statusBarEnabled]: true,
  [Config.crossReferencesEnabled]: true,
  [Config.crossReferencesGlossary]: {},
  [Config.indexMaxFiles]: 2000,
};

/** The kinds of annotation that are highlighted and can be switched on and off. */
export const HIGHLIGHT_KINDS = ['person', 'organization', 'place', 'date', 'figure', 'quote'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** Setting that switches one highlight kind. */
export const KIND_SETTING: Record<HighlightKind, ConfigKey> = {
  person: Config.decorationsPerson,
  organization: Config.decorationsOrganization,
  place: Config.decorationsPlace,
  date: Config.decorationsDate,
  figure: Config.decorationsFigure,
  quote: Config.decorationsQuote,
};

/** Painted decoration layers: one per highlight kind, plus the quote's speaker (switched with `quote`). */
export const DECORATION_LAYERS = [...HIGHLIGHT_KINDS, 'speaker'] as const;
export type DecorationLayer = (typeof DECORATION_LAYERS)[number];

/** Contributed theme colours: `articleLens.<layer>Background` and `articleLens.<layer>Border`. */
export function colorId(layer: DecorationLayer, part: 'Background' | 'Border'): string {
  return `articleLens.${layer}${part}`;
}

/** Context keys set by the extension. */
export const ContextKeys = {
  isArticle: 'articleLens.isArticle',
  highlightsOn: 'articleLens.highlightsOn',
} as const;

/** Custom semantic token types (each has a superType and TextMate scope fallbacks in package.json). */
export const TokenTypes = {
  person: 'articlePerson',
  organization: 'articleOrganization',
  place: 'articlePlace',
  date: 'articleDate',
  figure: 'articleFigure',
  quote: 'articleQuote',
  speaker: 'articleSpeaker',
} as const satisfies Record<DecorationLayer, string>;

/** Semantic token modifiers. */
export const TokenModifiers = { firstMention: 'firstMention' } as const;

/** Key under which per-document overrides (language, reference date) are kept in workspace state. */
export const OVERRIDES_STATE_KEY = 'articleLens.overrides';
