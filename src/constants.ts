/**
 * Every ID string the extension uses: commands, views, settings and context keys. The IDs that exist once per
 * annotation kind (semantic token types, theme colours, the highlight switches) come from the kinds registry,
 * src/core/kinds.ts.
 */
import { KINDS, highlightSetting, type HighlightSetting } from './core/kinds';

/** Language id contributed for news articles. */
export const LANGUAGE_ID = 'article';

/**
 * The documents every provider (hovers, semantic tokens, outline, definitions, references, the cross-version hover)
 * is registered for: `article` documents and plain text. Plain text is included because an article is also a
 * plain-text document that reads like prose (ArticleFiles.isArticle): it is one until the switch to `article`
 * lands, and stays one when the switch fails or the user marked it "Set as Article". So every provider serves
 * exactly what isArticle says is an article, and each checks isArticle first (cached per version), so other
 * plain-text files cost one look-up.
 */
export const ARTICLE_DOCUMENTS = [{ language: LANGUAGE_ID }, { language: 'plaintext' }] as const;

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

/** Correction commands, registered by src/features/corrections.ts (category "Article Lens"). */
export const CorrectionCommands = {
  notEntity: 'articleLens.correct.notEntity',
  retype: 'articleLens.correct.retype',
  fixBoundaries: 'articleLens.correct.fixBoundaries',
  markEntity: 'articleLens.correct.markEntity',
  ruleAlways: 'articleLens.correct.ruleAlways',
  ruleNever: 'articleLens.correct.ruleNever',
  merge: 'articleLens.correct.merge',
  split: 'articleLens.correct.split',
  rename: 'articleLens.correct.rename',
  setSpeaker: 'articleLens.correct.setSpeaker',
  clearSpeaker: 'articleLens.correct.clearSpeaker',
  notQuote: 'articleLens.correct.notQuote',
  scare: 'articleLens.correct.scare',
  setDate: 'articleLens.correct.setDate',
  referenceDate: 'articleLens.correct.referenceDate',
  verify: 'articleLens.correct.verify',
  undo: 'articleLens.undoCorrection',
  redo: 'articleLens.redoCorrection',
  removeOrphans: 'articleLens.removeOrphanedCorrections',
} as const;

export type CorrectionCommandId = (typeof CorrectionCommands)[keyof typeof CorrectionCommands];

/** The reader's verdicts on cross-references, registered by src/features/crossRefCorrections.ts. */
export const CrossRefCorrectionCommands = {
  confirmLink: 'articleLens.correct.confirmLink',
  rejectLink: 'articleLens.correct.rejectLink',
  linkByHand: 'articleLens.correct.linkByHand',
} as const;

export type CrossRefCorrectionCommandId = (typeof CrossRefCorrectionCommands)[keyof typeof CrossRefCorrectionCommands];

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
  indexWorkers: 'articleLens.index.workers',
} as const;

/** Every setting: the ones above and one highlight switch per kind (`articleLens.decorations.<kind>`). */
export type ConfigKey = Exclude<(typeof Config)[keyof typeof Config], 'articleLens'> | HighlightSetting;

/** Typed values of every setting, with the defaults declared in package.json. */
export type ConfigValues = FixedConfigValues & Record<HighlightSetting, boolean>;

interface FixedConfigValues {
  [Config.decorationsEnabled]: boolean;
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
  [Config.indexWorkers]: number;
}

/** Defaults, mirrored from package.json (test/unit/manifest.test.ts checks they agree). */
export const CONFIG_DEFAULTS: ConfigValues = {
  ...(Object.fromEntries(KINDS.map((kind) => [highlightSetting(kind), true])) as Record<HighlightSetting, boolean>),
  [Config.decorationsEnabled]: true,
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
  [Config.indexWorkers]: 0,
};

/** Context keys set by the extension. */
export const ContextKeys = {
  isArticle: 'articleLens.isArticle',
  highlightsOn: 'articleLens.highlightsOn',
} as const;

/** Key under which per-document overrides (language, reference date) are kept in workspace state. */
export const OVERRIDES_STATE_KEY = 'articleLens.overrides';
