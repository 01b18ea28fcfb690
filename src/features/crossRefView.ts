import * as vscode from 'vscode';
import { CrossRefCommands, Views } from '../constants';
import { buildCrossRefModel, emptyCrossRefModel } from '../core/crossRefViewModel';
import type { CrossRefModel, XrefFromWebview, XrefLabels, XrefToWebview } from '../shared/crossRefProtocol';
import type { DocumentAnalyses } from '../services/analyses';
import { trackArticleFocus } from '../services/articleFocus';
import type { WorkspaceIndex } from '../services/workspaceIndex';
import { toRange } from '../util/ranges';
import { renderWebviewHtml } from '../util/webviewHtml';
import { createWebviewViewHost } from '../util/webviewView';

function labels(): XrefLabels {
  const t = vscode.l10n.t;
  return {
    title: t('Cross-References'),
    versions: t('Versions'),
    entities: t('Entities'),
    quotes: t('Quotes'),
    passages: t('Passages'),
    dates: t('Dates'),
    figures: t('Figures'),
    conflicts: t('Conflicts'),
    onlyIn: t('Only in one version'),
    identical: t('identical'),
    reworded: t('reworded'),
    translated: t('translated'),
    conflict: t('conflict'),
    score: t('score'),
    manual: t('linked by hand'),
    active: t('this article'),
    missing: '—',
    noArticle: t('Open an article to see its other versions.'),
    noStory: t('No other version of this story was found in the workspace. Use "Link Versions…" to link one by hand.'),
    disabled: t('Cross-references are switched off (articleLens.crossReferences.enabled).'),
    filter: t('Filter'),
    unattributed: t('Unattributed'),
  };
}

function fileTitle(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/** Shows a span of `uri` in `column` (or where it is already visible), selecting it. */
async function showSpan(uri: string, span: { start: number; end: number }, column: vscode.ViewColumn | undefined, preserveFocus: boolean): Promise<vscode.TextEditor | undefined> {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end < span.start) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
  const range = toRange(doc, span);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: existing?.viewColumn ?? column,
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus,
    preview: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** What the Cross-References view exposes to the wiring and the commands. */
export interface CrossRefViewController extends vscode.Disposable {
  /** The model for the active article (computed, cross-referencing if needed). */
  model(): Promise<CrossRefModel>;
}

/**
 * The Cross-References view (WebviewView `articleLens.crossRefs` in the `articleLens` container) and the "Show
 * Cross-References" command (which returns the view model, for tests): for the active article's story, the
 * versions with their story score, entities side by side, linked quotes and passages with their word
 * differences, dates and figures (conflicts flagged) and what only one version has. A click reveals the clicked
 * side and shows the other file beside it. Registered from src/crossRefFeatures.ts.
 */
export function registerCrossRefView(deps: { index: WorkspaceIndex; analyses: DocumentAnalyses; extensionUri: vscode.Uri }): CrossRefViewController {
  const { index, analyses, extensionUri } = deps;
  const articleFocus = trackArticleFocus(analyses);
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: CrossRefModel | undefined;


  const statusLine = (): string | null => {
    const p = index.progress();
    return p.running ? vscode.l10n.t('Indexing the workspace: {0}/{1} files', p.done, p.total) : null;
  };

  const model = async (): Promise<CrossRefModel> => {
    const L = labels();
    if (!index.enabled()) return emptyCrossRefModel(null, '', L, L.disabled);
    const doc = articleFocus.pick();
    if (!doc) return emptyCrossRefModel(null, '', L, null);
    const focus = doc.uri.toString();
    try {
      const xr = await index.crossReferences(doc.uri);
      if (!xr) {
        const state = analyses.state(doc.uri);
        const status =
          state?.status === 'tooLarge'
            ? vscode.l10n.t('This file is too large to analyse (see articleLens.analysis.maxFileSizeKB).')
            : state?.status === 'timedOut'
              ? vscode.l10n.t('The analysis took too long and was stopped (see articleLens.analysis.timeoutSeconds).')
              : vscode.l10n.t('Analysing…');
        return emptyCrossRefModel(focus, fileTitle(doc.uri), L, status);
      }
      return buildCrossRefModel(
        xr.result,
        xr.docs.map((d) => ({ uri: d.uri, title: d.title, language: d.language, analysis: d.analysis })),
        { focus, story: xr.story, versionScores: xr.versionScores, manual: xr.manual, labels: L, status: statusLine() },
      );
    } catch (err) {
      return emptyCrossRefModel(focus, fileTitle(doc.uri), L, vscode.l10n.t('Cross-referencing failed: {0}', (err as Error).message));
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
        const msg: XrefToWebview = { type: 'crossRefs/update', model: m };
        void view.webview.postMessage(msg);
      });
    }, 150);
  };

  const reveal = async (target: { uri: string; span: { start: number; end: number } }, beside?: { uri: string; span: { start: number; end: number } }): Promise<void> => {
    const focusKey = articleFocus.current()?.toString();
    const sides = beside ? [target, beside] : [target];
    const mine = sides.find((s) => s.uri === focusKey);
    const others = sides.filter((s) => s !== mine);
    // The active article keeps the focus (so this view keeps showing its story); other versions open beside it.
    if (mine) await showSpan(mine.uri, mine.span, vscode.ViewColumn.Active, false);
    for (const o of others) await showSpan(o.uri, o.span, vscode.ViewColumn.Beside, true);
  };

  const host = createWebviewViewHost<XrefFromWebview>({
    extensionUri,
    html: (webview) => {
      const doc = articleFocus.pick();
      const initial = last ?? emptyCrossRefModel(doc?.uri.toString() ?? null, doc ? fileTitle(doc.uri) : '', labels(), doc ? vscode.l10n.t('Analysing…') : null);
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
        if (msg.target && typeof msg.target.uri === 'string' && msg.target.span) void reveal(msg.target, msg.beside);
      },
    },
    onDidChangeVisibility: () => post(),
  });

  let lastProgress = 0;
  const disposable = vscode.Disposable.from(
    vscode.window.registerWebviewViewProvider(Views.crossRefs, host.provider),
    vscode.commands.registerCommand(CrossRefCommands.showCrossReferences, async () => {
      await vscode.commands.executeCommand(`${Views.crossRefs}.focus`);
      return model();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => post()),
    index.onDidChange(() => post()),
    index.onDidProgress((p) => {
      const now = Date.now();
      if (!p.running || now - lastProgress > 1000) {
        lastProgress = now;
        post();
      }
    }),
    analyses.onDidAnalyze(({ document }) => {
      if (document.uri.toString() === articleFocus.current()?.toString()) post();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return { model, dispose: () => disposable.dispose() };
}
