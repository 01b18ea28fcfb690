/**
 * Wiring of the cross-reference features, called once from src/extension.ts: the story links file,
 * the workspace index (with its cross-reference worker), the Cross-References view, the cross-version hover and
 * reference providers, and the cross-reference commands. Lives outside src/features/ because it composes
 * several features (features do not import each other).
 */
import * as vscode from 'vscode';
import { Config } from './constants';
import { registerCrossRefProviders } from './features/crossRefProviders';
import { registerCrossRefView } from './features/crossRefView';
import type { AnalysisClient } from './services/analysisClient';
import type { DocumentAnalyses } from './services/analyses';
import type { ArticleFiles } from './services/articleFiles';
import type { ExtensionConfig } from './services/config';
import { CrossRefClient } from './services/crossRefClient';
import type { Notifier } from './services/notifications';
import { StoryLinks } from './services/storyLinks';
import { WorkspaceIndex } from './services/workspaceIndex';

/** Creates the cross-reference services and features; the returned disposable tears all of them down. */
export function registerCrossRefFeatures(deps: {
  context: vscode.ExtensionContext;
  analyses: DocumentAnalyses;
  files: ArticleFiles;
  config: ExtensionConfig;
  client: AnalysisClient;
  notifier: Notifier;
}): vscode.Disposable {
  const { context, analyses, files, config, client, notifier } = deps;
  const links = new StoryLinks(notifier);
  const crossRefClient = new CrossRefClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'crossRefWorker.js').fsPath, () => config.get(Config.analysisTimeoutSeconds));
  const index = new WorkspaceIndex({
    analyses,
    client,
    crossRefClient,
    files,
    config,
    links,
    storageUri: context.storageUri ?? context.globalStorageUri,
    workerUri: vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js'),
  });
  const view = registerCrossRefView({ index, analyses, extensionUri: context.extensionUri });
  const providers = registerCrossRefProviders({ index, analyses, config, links, notifier });
  // Index after activation has finished, so the first article's own analysis goes first.
  const timer = setTimeout(() => index.start(), 1500);
  return vscode.Disposable.from(providers, view, index, crossRefClient, links, { dispose: () => clearTimeout(timer) });
}
