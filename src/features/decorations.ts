import * as vscode from 'vscode';
import { Config } from '../constants';
import { colorId, LAYER_INFO, LAYERS, layerSpans, type Layer } from '../core/kinds';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';
import { toRange } from '../util/ranges';

/** Counts of painted ranges per layer, for one document. */
export type DecorationCounts = Record<Layer, number>;

/** What registerDecorations returns: a disposable plus read access for tests (through the extension API). */
export interface DecorationsController extends vscode.Disposable {
  /** Ranges currently painted per layer for the document at `uri` (all zero when it is not visible). */
  counts(uri: vscode.Uri): DecorationCounts;
  /** Fires after the editors showing a document have been (re)painted. */
  readonly onDidPaint: vscode.Event<vscode.Uri>;
}

/**
 * The non-colour cue per layer (underline style or frame), so that kinds can be told apart without colour:
 * person solid underline, organization double, place dashed, date dotted, figure thin underline + bold,
 * quote italic (plus a mark in the overview ruler), speaker framed.
 */
const STYLES: Record<Layer, vscode.DecorationRenderOptions> = {
  person: { borderStyle: 'solid', borderWidth: '0 0 2px 0' },
  organization: { borderStyle: 'double', borderWidth: '0 0 3px 0' },
  place: { borderStyle: 'dashed', borderWidth: '0 0 2px 0' },
  date: { borderStyle: 'dotted', borderWidth: '0 0 2px 0' },
  figure: { borderStyle: 'solid', borderWidth: '0 0 1px 0', fontWeight: 'bold' },
  quote: {
    fontStyle: 'italic',
    overviewRulerColor: new vscode.ThemeColor(colorId('quote', 'Border')),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  },
  speaker: { borderStyle: 'solid', borderWidth: '1px', borderRadius: '2px' },
};

/** Above this many spans in a document, only a window of lines around the visible ones is painted. */
const LARGE_SPAN_COUNT = 5000;
const WINDOW_MARGIN_LINES = 400;

function createTypes(): Map<Layer, vscode.TextEditorDecorationType> {
  const types = new Map<Layer, vscode.TextEditorDecorationType>();
  for (const layer of LAYERS) {
    types.set(
      layer,
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(colorId(layer, 'Background')),
        borderColor: new vscode.ThemeColor(colorId(layer, 'Border')),
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        ...STYLES[layer],
      }),
    );
  }
  return types;
}

function zero(): DecorationCounts {
  return Object.fromEntries(LAYERS.map((layer) => [layer, 0])) as DecorationCounts;
}

/**
 * Paints entity, date, figure, quote and speaker highlights in visible article editors whenever an analysis
 * arrives, the visible editors change, or a highlight setting changes. Called from extension.ts.
 */
export function registerDecorations(deps: {
  analyses: DocumentAnalyses;
  config: ExtensionConfig;
}): DecorationsController {
  const { analyses, config } = deps;
  let types = createTypes();
  const painted = new Map<string, DecorationCounts>();
  const windows = new WeakMap<vscode.TextEditor, { first: number; last: number }>();
  const paintEmitter = new vscode.EventEmitter<vscode.Uri>();

  const paint = (editor: vscode.TextEditor): void => {
    const doc = editor.document;
    const analysis = analyses.isArticle(doc) ? analyses.get(doc) : undefined;
    if (!analysis && analyses.isArticle(doc) && analyses.state(doc.uri)?.status === 'pending') {
      // Keep the current highlights until the new analysis arrives (VS Code moves them with the edits).
      return;
    }
    const enabled = config.enabledKinds();
    const spans = analysis ? layerSpans(analysis) : undefined;
    const counts = zero();
    // Long articles: paint a window of lines around the visible ones, and move it when the user scrolls.
    let inWindow = (_s: { start: number; end: number }) => true;
    windows.delete(editor);
    const total = spans ? LAYERS.reduce((n, l) => n + spans[l].length, 0) : 0;
    if (total > LARGE_SPAN_COUNT && editor.visibleRanges.length) {
      const first = Math.max(0, editor.visibleRanges[0].start.line - WINDOW_MARGIN_LINES);
      const last = editor.visibleRanges[editor.visibleRanges.length - 1].end.line + WINDOW_MARGIN_LINES;
      const from = doc.offsetAt(new vscode.Position(first, 0));
      const to = doc.offsetAt(new vscode.Position(last + 1, 0));
      inWindow = (s) => s.end >= from && s.start <= to;
      windows.set(editor, { first, last });
    }
    for (const layer of LAYERS) {
      const type = types.get(layer);
      if (!type) continue;
      const list = spans && enabled.has(LAYER_INFO[layer].switchedBy) ? spans[layer].filter(inWindow) : [];
      editor.setDecorations(
        type,
        list.map((s) => toRange(doc, s)),
      );
      counts[layer] = list.length;
    }
    painted.set(doc.uri.toString(), counts);
    paintEmitter.fire(doc.uri);
  };

  const paintAll = (): void => {
    for (const editor of vscode.window.visibleTextEditors) paint(editor);
  };

  const disposables: vscode.Disposable[] = [
    paintEmitter,
    analyses.onDidAnalyze(({ document }) => {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) paint(editor);
    }),
    analyses.onDidChangeState((state) => {
      if (
        state.status === 'tooLarge' ||
        state.status === 'error' ||
        state.status === 'timedOut' ||
        state.status === 'closed'
      ) {
        const key = state.uri.toString();
        for (const editor of vscode.window.visibleTextEditors)
          if (editor.document.uri.toString() === key) paint(editor);
        if (state.status === 'closed') painted.delete(key);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => paintAll()),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
      const w = windows.get(textEditor);
      if (!w || !visibleRanges.length) return;
      const top = visibleRanges[0].start.line;
      const bottom = visibleRanges[visibleRanges.length - 1].end.line;
      // Repaint only when the view comes near the edge of the painted window.
      if (top - w.first < WINDOW_MARGIN_LINES / 4 && w.first > 0) paint(textEditor);
      else if (w.last - bottom < WINDOW_MARGIN_LINES / 4) paint(textEditor);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(Config.section + '.decorations')) paintAll();
      if (e.affectsConfiguration('workbench.colorCustomizations')) {
        // Recreate the types so colour customisations apply to already painted ranges.
        for (const t of types.values()) t.dispose();
        types = createTypes();
        paintAll();
      }
    }),
  ];
  paintAll();

  return {
    counts: (uri) => {
      const key = uri.toString();
      const visible = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key);
      return visible ? { ...(painted.get(key) ?? zero()) } : zero();
    },
    onDidPaint: paintEmitter.event,
    dispose: () => {
      for (const d of disposables) d.dispose();
      for (const t of types.values()) t.dispose();
      painted.clear();
    },
  };
}
