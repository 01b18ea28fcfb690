import * as vscode from 'vscode';
import { Views } from '../constants';
import { describeDateValue } from '../core/hoverText';
import type { ArticleAnalysis } from '../core/types';
import type { AnalysisState, DocumentAnalyses } from '../services/analyses';
import { trackArticleFocus } from '../services/articleFocus';
import type { FromWebview, PanelDate, PanelLabels, PanelModel, ToWebview } from '../shared/protocol';
import { toRange } from '../util/ranges';
import { renderWebviewHtml } from '../util/webviewHtml';
import { createWebviewViewHost } from '../util/webviewView';

function labels(): PanelLabels {
  const t = vscode.l10n.t;
  return {
    filter: t('Filter'),
    person: t('People'),
    organization: t('Organizations'),
    place: t('Places'),
    dates: t('Dates'),
    quotes: t('Quotes'),
    figures: t('Figures'),
    empty: t('Nothing found'),
    noArticle: t('Open an article (a .txt news article) to see its people, organizations, places, dates, quotes and figures.'),
    unattributed: t('Unattributed'),
    referenceDate: t('Reference date'),
    language: t('Language'),
  };
}

function dateOrder(d: PanelDate): string {
  // Calendar values (YYYY…) sort by time; durations, unknown years and unresolved go last, in text order.
  return d.value && /^\d{4}/.test(d.value) ? d.value : '~';
}

/** The panel's view model for one analysed document (pure apart from l10n labels). */
export function buildPanelModel(
  document: vscode.TextDocument | undefined,
  analysis: ArticleAnalysis | undefined,
  state: AnalysisState | undefined,
): PanelModel {
  const t = vscode.l10n.t;
  const base: PanelModel = {
    uri: document?.uri.toString() ?? null,
    title: document ? document.uri.path.split('/').pop() || document.uri.toString() : '',
    language: analysis?.language ?? '',
    referenceDate: analysis?.referenceDate?.value ?? null,
    status: null,
    entities: [],
    dates: [],
    quotes: [],
    figures: [],
    labels: labels(),
  };
  if (!document) return base;
  if (!analysis) {
    base.status =
      state?.status === 'tooLarge'
        ? t('This file is too large to analyse (see articleLens.analysis.maxFileSizeKB).')
        : state?.status === 'timedOut'
          ? t('The analysis took too long and was stopped (see articleLens.analysis.timeoutSeconds).')
          : state?.status === 'error'
            ? t('The analysis failed: {0}', state.error ?? '')
            : t('Analysing…');
    return base;
  }
  base.entities = analysis.entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    count: e.mentions.length,
    mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
  }));
  base.dates = analysis.dates
    .map((d) => ({
      start: d.start,
      end: d.end,
      text: d.text,
      kind: d.kind,
      value: d.value,
      label: describeDateValue(d.value, vscode.env.language),
    }))
    .sort((a, b) => {
      const x = dateOrder(a);
      const y = dateOrder(b);
      return x < y ? -1 : x > y ? 1 : a.start - b.start;
    });
  base.quotes = analysis.quotes
    .filter((q) => !q.scare)
    .map((q) => ({
      start: (q.outer ?? q).start,
      end: (q.outer ?? q).end,
      text: q.text,
      speaker: q.speaker?.name ?? null,
      via: q.speaker?.via ?? null,
      scare: q.scare,
    }));
  base.figures = analysis.figures.map((f) => ({
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
  }));
  if (analysis.notes.length) base.status = analysis.notes.join(' · ');
  return base;
}

/**
 * The side panel (WebviewView `articleLens.panel` in the `articleLens` activity-bar container): the active
 * article's entities by kind, dates in time order, quotes with speakers and figures, with a filter box; a click
 * reveals the mention. Registered from extension.ts.
 */
export interface PanelController extends vscode.Disposable {
  /** The model the panel shows (or would show) for the active article; used by the integration tests. */
  model(): PanelModel;
}

export function registerPanel(deps: { analyses: DocumentAnalyses; extensionUri: vscode.Uri }): PanelController {
  const { analyses, extensionUri } = deps;
  const focus = trackArticleFocus(analyses);

  const model = (): PanelModel => {
    const doc = focus.pick();
    const state = doc && analyses.state(doc.uri);
    // While a re-analysis is pending (typing), keep showing the previous lists rather than "Analysing…".
    const analysis = doc && (analyses.get(doc) ?? (state?.status === 'pending' ? analyses.latest(doc) : undefined));
    return buildPanelModel(doc, analysis, state);
  };

  const post = (): void => {
    const view = host.view;
    if (!view?.visible) return;
    const msg: ToWebview = { type: 'update', model: model() };
    void view.webview.postMessage(msg);
  };

  const reveal = async (uriString: string, start: number, end: number): Promise<void> => {
    const uri = vscode.Uri.parse(uriString, true);
    const doc = await vscode.workspace.openTextDocument(uri);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return;
    const range = toRange(doc, { start, end });
    const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: existing?.viewColumn,
      selection: new vscode.Selection(range.start, range.end),
      preserveFocus: false,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const host = createWebviewViewHost<FromWebview>({
    extensionUri,
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
        if (typeof msg.uri === 'string' && msg.span) void reveal(msg.uri, msg.span.start, msg.span.end);
      },
    },
    onDidChangeVisibility: () => post(),
  });

  const disposable = vscode.Disposable.from(
    vscode.window.registerWebviewViewProvider(Views.panel, host.provider),
    vscode.window.onDidChangeActiveTextEditor(() => post()),
    analyses.onDidAnalyze(({ document }) => {
      const doc = focus.pick();
      if (doc && doc.uri.toString() === document.uri.toString()) post();
    }),
    analyses.onDidChangeState((s: AnalysisState) => {
      if ((s.status === 'tooLarge' || s.status === 'error' || s.status === 'timedOut' || s.status === 'closed') && focus.current()?.toString() === s.uri.toString()) post();
    }),
  );
  return { model, dispose: () => disposable.dispose() };
}
