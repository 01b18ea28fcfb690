/**
 * Wiring of the cross-reference features, called once from src/extension.ts: the story links file, the workspace
 * index (its store, scanner and story service, and the cross-reference worker), the Cross-References view, the
 * cross-version hover and reference providers, and the cross-reference commands. Lives outside src/features/
 * because it composes several features (features do not import each other).
 */
import * as vscode from 'vscode';
import { Config, LANGUAGE_ID } from './constants';
import { registerCrossRefCommands } from './features/crossRefCommands';
import { registerCrossRefCorrections } from './features/crossRefCorrections';
import { registerCrossRefProviders } from './features/crossRefProviders';
import { registerCrossRefView, type CrossRefViewController } from './features/crossRefView';
import type { DocumentAnalyses } from './services/analyses';
import type { ArticleFiles } from './services/articleFiles';
import type { ExtensionConfig } from './services/config';
import type { CorrectionsService } from './services/corrections';
import { CrossRefClient } from './services/crossRefClient';
import type { CurrentArticle } from './services/currentArticle';
import { articleFilePatterns } from './services/indexCore';
import { IndexScanner } from './services/indexScanner';
import { IndexStore } from './services/indexStore';
import type { Notifier } from './services/notifications';
import { StoryLinks } from './services/storyLinks';
import { StoryService } from './services/storyService';
import type { WorkerOptions } from './services/workerJobs';
import { AnalysisPool, poolSize } from './services/workerPool';
import { availableParallelism } from 'node:os';

/** The index starts this long after activation, so the first article's own analysis goes first. */
const INDEX_START_DELAY_MS = 1500;

/** Creates the cross-reference services and features; the returned disposable tears all of them down. */
export function registerCrossRefFeatures(deps: {
  context: vscode.ExtensionContext;
  analyses: DocumentAnalyses;
  files: ArticleFiles;
  config: ExtensionConfig;
  current: CurrentArticle;
  notifier: Notifier;
  corrections: CorrectionsService;
  log: vscode.LogOutputChannel;
  workerOptions: WorkerOptions;
}): vscode.Disposable & { view: CrossRefViewController } {
  const { context, analyses, files, config, current, notifier, corrections, log, workerOptions } = deps;
  const dist = (file: string) => vscode.Uri.joinPath(context.extensionUri, 'dist', file);
  const links = new StoryLinks(notifier, log);
  const crossRefClient = new CrossRefClient(
    dist('crossRefWorker.js').fsPath,
    () => config.get(Config.analysisTimeoutSeconds),
    workerOptions,
  );
  const store = new IndexStore({
    storageUri: context.storageUri ?? context.globalStorageUri,
    workerUri: dist('worker.js'),
    log,
  });
  const patterns = articleFilePatterns(context.extension.packageJSON, LANGUAGE_ID);
  // The index's own workers: the editor's worker (DocumentAnalyses') stays free for the open documents.
  const pool = new AnalysisPool(
    dist('worker.js').fsPath,
    () => config.get(Config.analysisTimeoutSeconds),
    () => poolSize(config.get(Config.indexWorkers), availableParallelism()),
    workerOptions,
  );
  const scanner = new IndexScanner({ analyses, pool, files, config, store, patterns, log });
  const stories = new StoryService({ analyses, config, crossRefClient, links, corrections, scanner, store, log });
  corrections.setStories((uri) => stories.storyOf(uri)?.files ?? []);
  const storiesChanged = stories.onDidChange(() => corrections.storiesChanged());
  const view = registerCrossRefView({
    stories,
    scanner,
    analyses,
    current,
    notifier,
    extensionUri: context.extensionUri,
    log,
  });
  const providers = registerCrossRefProviders({ stories, config, log });
  const commands = registerCrossRefCommands({ stories, scanner, links, current, notifier });
  const linkCorrections = registerCrossRefCorrections({ stories, corrections, current, notifier });
  const timer = setTimeout(() => scanner.start(), INDEX_START_DELAY_MS);
  const all = vscode.Disposable.from(
    storiesChanged,
    linkCorrections,
    commands,
    providers,
    view,
    stories,
    scanner,
    store,
    crossRefClient,
    pool,
    links,
    {
      dispose: () => clearTimeout(timer),
    },
  );
  return { view, dispose: () => all.dispose() };
}
