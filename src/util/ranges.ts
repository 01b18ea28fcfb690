import * as vscode from 'vscode';
import type { Span } from '../core/types';

/** Core span (UTF-16 offsets) → editor range. Used by every feature that paints or navigates. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
