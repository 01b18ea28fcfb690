/**
 * Entry point: builds the services, registers every feature, and returns the API object below.
 * Activation is light: the NLP libraries load only in the analysis worker (dist/worker.js), which is
 * spawned on the first article.
 */
import * as vscode from 'vscode';
import { ContextKeys, Config } from './constants';
import type { ReadCorrections } from './core/corrections/parse';
import type { ArticleAnalysis } from './core/types';
import type { PanelModel } from './shared/protocol';
import { registerCommands } from './features/commands';
import { registerCorrections } from './features/corrections';
import { registerCrossRefFeatures } from './crossRefFeatures';
import { registerDecorations, type DecorationCounts } from './features/decorations';
import { registerHovers } from './features/hovers';
import { registerLanguageDetection } from './features/languageDetection';
import { registerNavigation } from './features/navigation';
import { registerPanel } from './features/panelView';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerStatusBar } from './features/statusBar';
import { registerSymbols } from './features/symbols';
import { AnalysisClient } from './services/analysisClient';
import { DocumentAnalyses, type AnalysisState, type AnalyzedEvent } from './services/analyses';
import { ArticleFiles } from './services/articleFiles';
import { CorrectionsService } from './services/corrections';
import { ExtensionConfig } from './services/config';
import { CurrentArticle } from './services/currentArticle';
import { Notifier, type ShownNotification } from './services/notifications';
import type { WorkerOptions } from './services/workerJobs';

/**
 * The object `activate()` returns (`vscode.extensions.getExtension('article-lens.article-lens').exports`),
 * used by the integration tests to wait for analyses instead of sleeping:
 *
 * ```ts
 * interface ArticleLensApi {
 *   analyses: {
 *     // Resolves once the current version of the document at `uri` is analysed (opens it if needed);
 *     // undefined when it is not an article, is over the size limit, or failed.
 *     whenAnalyzed(uri: vscode.Uri): Promise<ArticleAnalysis | undefined>;
 *     // Fires after each analysis of a document's current version.
 *     onDidAnalyze: vscode.Event<{ document: vscode.TextDocument; analysis: ArticleAnalysis }>;
 *     // Where the document's analysis stands (pending, ready, tooLarge, error, timedOut) and for which version.
 *     state(uri: vscode.Uri): AnalysisState | undefined;
 *     // Fires on every change of a document's state.
 *     onDidChangeState: vscode.Event<AnalysisState>;
 *   };
 *   decorations: {
 *     // Ranges painted per layer (person, organization, place, date, figure, quote, speaker) in the visible
 *     // editors of `uri`; all zero when it is not visible.
 *     counts(uri: vscode.Uri): DecorationCounts;
 *     // Fires after the editors of a document were repainted.
 *     onDidPaint: vscode.Event<vscode.Uri>;
 *   };
 *   panel: {
 *     // The view model the side panel shows for the active article (entities by kind, dates in time order,
 *     // quotes with speakers, figures); see src/shared/protocol.ts.
 *     model(): PanelModel;
 *     // Handles a message as if the panel's webview had posted it (a row's correction button: `correct`).
 *     receive(msg: FromWebview): Promise<void>;
 *   };
 *   crossRefs: {
 *     // Handles a message as if the Cross-References webview had posted it (a link's Confirm / Reject, Link to…).
 *     receive(msg: CrossRefFromWebview): Promise<void>;
 *   };
 *   notifications: {
 *     // Fires with the exact text and buttons of every notification the extension shows.
 *     onDidShow: vscode.Event<{ severity: 'info' | 'warning' | 'error'; message: string; actions: string[] }>;
 *   };
 *   statusBar: {
 *     // Text and tooltip of the status-bar item for the active article; undefined when it is hidden.
 *     shown(): { text: string; tooltip: string } | undefined;
 *   };
 *   corrections: {
 *     // The valid entries of the corrections file of the folder holding `uri`, as last read or written.
 *     entries(uri: vscode.Uri): { rules: RuleCorrection[]; edits: EditCorrection[]; links: LinkCorrection[] };
 *     // Fires when the corrections change (a command, an undo, the file on disk).
 *     onDidChange: vscode.Event<void>;
 *   };
 * }
 * ```
 */
export interface ArticleLensApi {
  analyses: {
    whenAnalyzed(uri: vscode.Uri): Promise<ArticleAnalysis | undefined>;
    onDidAnalyze: vscode.Event<AnalyzedEvent>;
    state(uri: vscode.Uri): AnalysisState | undefined;
    onDidChangeState: vscode.Event<AnalysisState>;
  };
  decorations: {
    counts(uri: vscode.Uri): DecorationCounts;
    onDidPaint: vscode.Event<vscode.Uri>;
  };
  panel: {
    model(): PanelModel;
    receive(msg: unknown): Promise<void>;
  };
  crossRefs: {
    receive(msg: unknown): Promise<void>;
  };
  notifications: {
    onDidShow: vscode.Event<ShownNotification>;
  };
  statusBar: {
    shown(): { text: string; tooltip: string } | undefined;
  };
  corrections: {
    entries(uri: vscode.Uri): ReadCorrections;
    onDidChange: vscode.Event<void>;
  };
}

export function activate(context: vscode.ExtensionContext): ArticleLensApi {
  const log = vscode.window.createOutputChannel('Article Lens', { log: true });
  const notifier = new Notifier(log);
  const config = new ExtensionConfig(log);
  const files = new ArticleFiles(config, context.workspaceState);
  const workerOptions = workerClientOptions(context, log);
  const client = new AnalysisClient(
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath,
    () => config.get(Config.analysisTimeoutSeconds),
    workerOptions,
  );
  // Loading the NLP libraries takes most of the first analysis' time: start now, while the workbench is still busy.
  client.warmUp();
  const corrections = new CorrectionsService(notifier, log);
  const analyses = new DocumentAnalyses(client, files, config, context.workspaceState, log, corrections);
  const current = new CurrentArticle(analyses);
  const decorations = registerDecorations({ analyses, config });
  const panel = registerPanel({ analyses, current, extensionUri: context.extensionUri, log });
  const statusBar = registerStatusBar({ analyses, config });
  // NOTE: before the annotation hover (registerHovers below): of two hovers for the same documents VS Code shows the
  // one registered last first, and the annotation card goes above the "In other versions" counterparts.
  const crossRefFeatures = registerCrossRefFeatures({
    context,
    analyses,
    files,
    config,
    current,
    notifier,
    corrections,
    log,
    workerOptions,
  });

  const setContext = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const set = (key: string, value: boolean) =>
      vscode.commands
        .executeCommand('setContext', key, value)
        .then(undefined, (err) => log.error(`Could not set the context key ${key}`, err));
    set(ContextKeys.isArticle, !!doc && analyses.isArticle(doc));
    set(ContextKeys.highlightsOn, config.get(Config.decorationsEnabled));
  };
  setContext();

  context.subscriptions.push(
    log,
    notifier,
    config,
    files,
    client,
    corrections,
    analyses,
    current,
    decorations,
    registerLanguageDetection({ files, log }),
    registerSemanticTokens({ analyses, config }),
    crossRefFeatures,
    registerHovers({ analyses, config }),
    registerSymbols({ analyses }),
    registerNavigation({ analyses }),
    statusBar,
    panel,
    registerCommands({ analyses, files, config, notifier, current, corrections }),
    registerCorrections({ analyses, corrections, current, notifier }),
    vscode.window.onDidChangeActiveTextEditor(setContext),
    vscode.workspace.onDidOpenTextDocument(setContext),
    vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, Config.decorationsEnabled) && setContext()),
  );

  return {
    analyses: {
      whenAnalyzed: (uri) => analyses.whenAnalyzed(uri),
      onDidAnalyze: analyses.onDidAnalyze,
      state: (uri) => analyses.state(uri),
      onDidChangeState: analyses.onDidChangeState,
    },
    decorations: { counts: (uri) => decorations.counts(uri), onDidPaint: decorations.onDidPaint },
    panel: { model: () => panel.model(), receive: (msg) => panel.receive(msg) },
    crossRefs: { receive: (msg) => crossRefFeatures.view.receive(msg) },
    notifications: { onDidShow: notifier.onDidNotify },
    statusBar: { shown: () => statusBar.shown() },
    corrections: { entries: (uri) => corrections.entries(uri), onDidChange: corrections.onDidChange },
  };
}

/**
 * What every worker of the extension shares: V8's code cache of the bundles in the global storage (on disk only:
 * a virtual storage has no path a worker could write), and warnings logged.
 */
function workerClientOptions(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): WorkerOptions {
  const storage = context.globalStorageUri;
  const codeCache =
    storage.scheme === 'file'
      ? {
          loaderPath: vscode.Uri.joinPath(context.extensionUri, 'dist', 'workerLoader.js').fsPath,
          cacheDir: vscode.Uri.joinPath(storage, 'code-cache').fsPath,
        }
      : undefined;
  return { codeCache, onWarning: (message) => log.warn(message) };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
