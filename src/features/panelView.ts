import * as vscode from 'vscode';
import { CorrectionCommands, Views } from '../constants';
import type { AnalysisState, DocumentAnalyses } from '../services/analyses';
import type { CurrentArticle } from '../services/currentArticle';
import type { FromWebview, PanelModel, ToWebview } from '../shared/protocol';
import { fileTitle } from '../util/documents';
import { revealSpan } from '../util/reveal';
import { renderWebviewHtml } from '../util/webviewHtml';
import { createWebviewViewHost } from '../util/webviewView';
import { buildPanelModel, correctionRequest } from '../views/panelModel';

/** What registerPanel returns: a disposable plus the model, for the integration tests. */
export interface PanelController extends vscode.Disposable {
  /** The model the panel shows (or would show) for the current article. */
  model(): PanelModel;
  /** Handles a message as if the panel's webview had posted it (for the integration tests). */
  receive(msg: unknown): Promise<void>;
}

/**
 * The side panel (WebviewView `articleLens.panel` in the `articleLens` activity-bar container): the current
 * article's entities by kind, dates in time order, quotes with speakers and figures (src/views/panelModel.ts), with
 * a filter box; a click reveals the mention. Registered from extension.ts.
 */
export function registerPanel(deps: {
  analyses: DocumentAnalyses;
  current: CurrentArticle;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}): PanelController {
  const { analyses, current, extensionUri, log } = deps;

  const model = (): PanelModel => {
    const doc = current.document();
    const state = doc && analyses.state(doc.uri);
    // While a re-analysis is pending (typing), keep showing the previous lists rather than "Analysing…".
    const analysis = doc && (analyses.get(doc) ?? (state?.status === 'pending' ? analyses.latest(doc) : undefined));
    const shown = doc && { uri: doc.uri.toString(), title: fileTitle(doc.uri) };
    return buildPanelModel(shown, analysis, state, vscode.l10n.t, vscode.env.language);
  };

  const post = (): void => {
    const view = host.view;
    if (!view?.visible) return;
    const msg: ToWebview = { type: 'update', model: model() };
    void view.webview.postMessage(msg);
  };

  const host = createWebviewViewHost<FromWebview>({
    extensionUri,
    name: 'Panel',
    log,
    html: (webview) =>
      renderWebviewHtml(webview, extensionUri, {
        title: 'Article Lens',
        rootId: 'article-lens-panel',
        stateId: 'article-lens-state',
        script: 'webview.js',
        stylesheet: 'panel.css',
        state: model(),
      }),
    on: {
      ready: () => post(),
      reveal: (msg) => {
        return typeof msg.uri === 'string' ? revealSpan(msg.uri, msg.span) : undefined;
      },
      correct: async (msg) => {
        const request = correctionRequest(model(), msg);
        if (!request) {
          log.warn(`Panel: ignored a correction the panel does not offer: ${JSON.stringify(msg).slice(0, 200)}`);
          return;
        }
        await vscode.commands.executeCommand(CorrectionCommands[request.action], request.args);
      },
      removeOrphan: async (msg) => {
        if (typeof msg.uri === 'string' && typeof msg.id === 'string') {
          await vscode.commands.executeCommand(CorrectionCommands.removeOrphans, { uri: msg.uri, id: msg.id });
        }
      },
    },
    onDidChangeVisibility: () => post(),
  });

  const disposable = vscode.Disposable.from(
    vscode.window.registerWebviewViewProvider(Views.panel, host.provider),
    vscode.window.onDidChangeActiveTextEditor(() => post()),
    analyses.onDidAnalyze(({ document }) => {
      if (current.document()?.uri.toString() === document.uri.toString()) post();
    }),
    analyses.onDidChangeState((s: AnalysisState) => {
      if (
        (s.status === 'tooLarge' || s.status === 'error' || s.status === 'timedOut' || s.status === 'closed') &&
        current.is(s.uri)
      )
        post();
    }),
  );
  return { model, receive: (msg) => host.receive(msg), dispose: () => disposable.dispose() };
}
