import * as vscode from 'vscode';
import { CrossRefCommands, CrossRefCorrectionCommands, Views } from '../constants';
import type { DocumentAnalyses } from '../services/analyses';
import type { CurrentArticle } from '../services/currentArticle';
import type { Notifier } from '../services/notifications';
import type { StoryService } from '../services/storyService';
import type { IndexScanner } from '../services/indexScanner';
import type { CrossRefModel, CrossRefFromWebview, CrossRefToWebview } from '../shared/crossRefProtocol';
import { registerCommandHandlers } from '../util/commands';
import { fileTitle } from '../util/documents';
import { revealSpan } from '../util/reveal';
import { renderWebviewHtml } from '../util/webviewHtml';
import { createWebviewViewHost } from '../util/webviewView';
import { noAnalysisMessage } from '../views/analysisStatus';
import { buildCrossRefModel, crossRefLabels, emptyCrossRefModel, linkRequest } from '../views/crossRefModel';

/** What the Cross-References view exposes to the wiring and the commands. */
export interface CrossRefViewController extends vscode.Disposable {
  /** The model for the active article (computed, cross-referencing if needed). */
  model(): Promise<CrossRefModel>;
  /** Handles a message as if the view's webview had posted it (for the integration tests). */
  receive(msg: unknown): Promise<void>;
}

const COMMAND_OF_VERDICT = {
  confirmed: CrossRefCorrectionCommands.confirmLink,
  rejected: CrossRefCorrectionCommands.rejectLink,
  manual: CrossRefCorrectionCommands.linkByHand,
} as const;

/**
 * The Cross-References view (WebviewView `articleLens.crossRefs` in the `articleLens` container) and the "Show
 * Cross-References" command (which returns the view model, for tests): for the active article's story, the
 * versions with their story score, entities side by side, linked quotes and passages with their word
 * differences, dates and figures (conflicts flagged) and what only one version has. A click reveals the clicked
 * side and shows the other file beside it. Registered from src/crossRefFeatures.ts.
 */
export function registerCrossRefView(deps: {
  stories: StoryService;
  scanner: IndexScanner;
  analyses: DocumentAnalyses;
  current: CurrentArticle;
  notifier: Notifier;
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}): CrossRefViewController {
  const { stories, scanner, analyses, current, extensionUri, log } = deps;
  const t = vscode.l10n.t;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: CrossRefModel | undefined;

  const statusLine = (): string | null => {
    const p = scanner.progress();
    return p.running ? t('Indexing the workspace: {0}/{1} files', p.done, p.total) : null;
  };

  const model = async (): Promise<CrossRefModel> => {
    const L = crossRefLabels(t);
    if (!stories.enabled()) return emptyCrossRefModel(null, '', L, L.disabled);
    const doc = current.document();
    if (!doc) return emptyCrossRefModel(null, '', L, null);
    const focus = doc.uri.toString();
    try {
      const xr = await stories.crossReferences(doc.uri);
      if (!xr) return emptyCrossRefModel(focus, fileTitle(doc.uri), L, noAnalysisMessage(analyses.state(doc.uri), t));
      return buildCrossRefModel(xr.result, xr.docs, {
        focus,
        story: xr.story,
        versionScores: xr.versionScores,
        manual: xr.manual,
        labels: L,
        status: statusLine(),
      });
    } catch (err) {
      log.error(`Cross-References: cross-referencing ${focus} failed`, err);
      return emptyCrossRefModel(
        focus,
        fileTitle(doc.uri),
        L,
        t('Cross-referencing failed: {0}', (err as Error).message),
      );
    }
  };

  const post = (): void => {
    if (!host.view?.visible) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const gen = ++generation;
      void model().then((m) => {
        const view = host.view;
        if (gen !== generation || !view) return;
        last = m;
        const msg: CrossRefToWebview = { type: 'crossRefs/update', model: m };
        void view.webview.postMessage(msg);
      });
    }, 150);
  };

  const reveal = async (
    target: { uri: string; span: { start: number; end: number } },
    beside?: { uri: string; span: { start: number; end: number } },
  ): Promise<void> => {
    const sides = beside ? [target, beside] : [target];
    const mine = sides.find((s) => current.is(s.uri));
    const others = sides.filter((s) => s !== mine);
    // The current article keeps the focus (so this view keeps showing its story); other versions open beside it.
    if (mine) await revealSpan(mine.uri, mine.span, { column: vscode.ViewColumn.Active, preview: false });
    for (const o of others)
      await revealSpan(o.uri, o.span, { column: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  };

  const host = createWebviewViewHost<CrossRefFromWebview>({
    extensionUri,
    name: 'Cross-References',
    log,
    html: (webview) => {
      const doc = current.document();
      const initial =
        last ??
        emptyCrossRefModel(
          doc?.uri.toString() ?? null,
          doc ? fileTitle(doc.uri) : '',
          crossRefLabels(t),
          doc ? t('Analysing…') : null,
        );
      return renderWebviewHtml(webview, extensionUri, {
        title: 'Cross-References',
        rootId: 'article-lens-crossRefs',
        stateId: 'article-lens-crossRefs-state',
        script: 'crossRefs.js',
        stylesheet: 'crossRefs.css',
        state: initial,
      });
    },
    on: {
      ready: () => post(),
      reveal: (msg) => {
        return msg.target && typeof msg.target.uri === 'string'
          ? reveal(msg.target, msg.beside?.uri ? msg.beside : undefined)
          : undefined;
      },
      linkVerdict: (msg) => runLink(msg),
      linkTo: (msg) => runLink(msg),
    },
    onDidChangeVisibility: () => post(),
  });

  /** A button's link command, once the message is checked against what the view shows for the active article. */
  const runLink = async (msg: object): Promise<void> => {
    const request = linkRequest(await model(), msg);
    if (!request) {
      log.warn(
        `Cross-References: ignored a link correction the view does not offer: ${JSON.stringify(msg).slice(0, 200)}`,
      );
      return;
    }
    await vscode.commands.executeCommand(COMMAND_OF_VERDICT[request.verdict], request.args);
  };

  let lastProgress = 0;
  const disposable = vscode.Disposable.from(
    vscode.window.registerWebviewViewProvider(Views.crossRefs, host.provider),
    registerCommandHandlers(
      {
        [CrossRefCommands.showCrossReferences]: async (): Promise<CrossRefModel> => {
          await vscode.commands.executeCommand(`${Views.crossRefs}.focus`);
          return model();
        },
      },
      deps,
    ),
    vscode.window.onDidChangeActiveTextEditor(() => post()),
    stories.onDidChange(() => post()),
    scanner.onDidProgress((p) => {
      const now = Date.now();
      if (!p.running || now - lastProgress > 1000) {
        lastProgress = now;
        post();
      }
    }),
    analyses.onDidAnalyze(({ document }) => {
      if (current.is(document.uri)) post();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return { model, receive: (msg) => host.receive(msg), dispose: () => disposable.dispose() };
}
