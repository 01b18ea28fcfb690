import * as vscode from 'vscode';
import type { Span } from '../core/types';

/** Core span (UTF-16 offsets) → editor range. Used by every feature that paints or navigates. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** True when `offset` lies inside [start, end] (end inclusive, so a hover at a word's end still counts). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
