import * as vscode from 'vscode';
import { isAbortError } from '../core/abort';
import type { Notifier } from '../services/notifications';
import { plainText } from '../views/plainText';

/**
 * A command handler: the dependencies it shares with the other handlers of its map, then the arguments VS Code or a
 * caller passes; it returns what the command resolves with (tests read it).
 */
export type CommandHandler<D> = (deps: D, ...args: never[]) => unknown;

/**
 * Registers each handler of a map (command ID → handler) under its ID, given `deps`, and wrapped once (as cspell's
 * client commands are): a handler that throws shows one clear error message and writes one log line with the
 * details, and the command resolves undefined; a cancellation (isAbortError) is not a failure and says nothing.
 * Used for every command the extension registers.
 */
export function registerCommandHandlers<D extends { notifier: Notifier }>(
  handlers: Record<string, CommandHandler<D>>,
  deps: D,
): vscode.Disposable {
  const t = vscode.l10n.t;
  return vscode.Disposable.from(
    ...Object.entries(handlers).map(([id, handler]) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await (handler as (d: D, ...a: unknown[]) => unknown)(deps, ...args);
        } catch (err) {
          if (isAbortError(err)) return undefined;
          const reason = plainText(err instanceof Error ? err.message : String(err), 300);
          void deps.notifier.failed(t('Article Lens: the command failed: {0}', reason), err);
          return undefined;
        }
      }),
    ),
  );
}
