import * as vscode from 'vscode';
import type { Span } from '../core/types';
import { toRange } from './ranges';

/** Where and how revealSpan shows a document. */
export interface RevealOptions {
  /** The column to open it in when no visible editor shows it already (default: the active one). */
  column?: vscode.ViewColumn;
  /** Keep the focus where it is (default false: the revealed editor gets it). */
  preserveFocus?: boolean;
  /** Open as a preview tab (default: the user's setting). */
  preview?: boolean;
}

/** True for a span of whole, non-negative offsets with end ≥ start (what a webview message may not hold). */
export function isValidSpan(span: unknown): span is Span {
  const s = span as Partial<Span> | null;
  return !!s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start! >= 0 && s.end! >= s.start!;
}

/** Selects `span` in `editor` and scrolls it into view (centred when it was outside). */
export function selectSpan(editor: vscode.TextEditor, span: Span): void {
  const range = toRange(editor.document, span);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * Shows `span` of the document at `uri`, selected and in view: in the editor that already shows the document,
 * else in `options.column`. Undefined (nothing opened) when the span is not a valid one. The one "reveal" of the
 * panel, the Cross-References view and Open Counterpart Beside.
 */
export async function revealSpan(
  uri: vscode.Uri | string,
  span: Span,
  options: RevealOptions = {},
): Promise<vscode.TextEditor | undefined> {
  if (!isValidSpan(span)) return undefined;
  const doc = await vscode.workspace.openTextDocument(typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
  const range = toRange(doc, span);
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: existing?.viewColumn ?? options.column,
    selection: new vscode.Selection(range.start, range.end),
    preserveFocus: options.preserveFocus ?? false,
    ...(options.preview !== undefined ? { preview: options.preview } : {}),
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
