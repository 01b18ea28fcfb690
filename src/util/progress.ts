import * as vscode from 'vscode';

/**
 * Runs `work` with a cancellation token, and shows a cancellable progress notification titled `title` only if it
 * takes longer than `delayMs` (so quick answers do not flash one). Cancelling the notification cancels the token;
 * `cancelled` tells the caller the user gave up (say nothing more then). For commands that wait on the analysis
 * or cross-reference workers, which may be slow (long articles) or stuck.
 */
export async function withLateProgress<T>(
  title: string,
  work: (token: vscode.CancellationToken) => Promise<T>,
  delayMs = 300,
): Promise<{ value: T; cancelled: boolean }> {
  const source = new vscode.CancellationTokenSource();
  let settled = false;
  let release: () => void = () => undefined;
  const timer = setTimeout(() => {
    if (settled) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (_progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        return new Promise<void>((resolve) => {
          if (settled) resolve();
          else release = resolve;
        });
      },
    );
  }, delayMs);
  try {
    const value = await work(source.token);
    return { value, cancelled: source.token.isCancellationRequested };
  } finally {
    settled = true;
    clearTimeout(timer);
    release();
    source.dispose();
  }
}
