import type * as vscode from 'vscode';

/** Converts a VS Code CancellationToken to an AbortSignal (for core calls and the analysis client). */
export function toAbortSignal(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
