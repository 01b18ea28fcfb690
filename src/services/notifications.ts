import * as vscode from 'vscode';
import { plainText } from '../views/plainText';

/** One message shown to the user (also fired on Notifier.onDidNotify, which the in-host tests listen to). */
export interface ShownNotification {
  severity: 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

/**
 * Every notification the extension shows goes through here: warnings and errors are also written to the output
 * channel (so they can be found after the toast is gone), and the in-host tests see the exact message text (the
 * API's `notifications.onDidShow`). NOTE: the message is rendered with `[label](command:…)` links: build it from
 * our own strings, and put any file name or article text through `plainText` (src/views/plainText.ts) first, or
 * better leave it out and offer a button. Created in extension.ts and passed to the features that need it.
 */
export class Notifier implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ShownNotification>();

  /** Fires as each message is shown. */
  readonly onDidNotify = this.emitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return this.show('info', message, actions);
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.log.warn(message);
    return this.show('warning', message, actions);
  }

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.log.error(message);
    return this.show('error', message, actions);
  }

  /**
   * A failure the user should know about: one error message, and one log line with the error (and its stack) for
   * the details.
   */
  failed(message: string, err: unknown): Thenable<string | undefined> {
    this.log.error(message, err);
    return this.show('error', message, []);
  }

  private show(
    severity: ShownNotification['severity'],
    message: string,
    actions: string[],
  ): Thenable<string | undefined> {
    const shown =
      severity === 'info'
        ? vscode.window.showInformationMessage(message, ...actions)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(message, ...actions)
          : vscode.window.showErrorMessage(message, ...actions);
    this.emitter.fire({ severity, message, actions: [...actions] });
    return shown;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * Tells the user a file was written, without its path in the message (a file name can hold link syntax; the
 * buttons say where it is instead): "Open" shows it, "Reveal" selects it in the Explorer (or the OS file manager
 * for a local file outside the workspace). Resolves with the button chosen, once the message is dismissed.
 */
export async function announceWrittenFile(
  notifier: Notifier,
  message: string,
  uri: vscode.Uri,
): Promise<string | undefined> {
  const t = vscode.l10n.t;
  const open = t('Open');
  const reveal = t('Reveal');
  const revealCommand = vscode.workspace.getWorkspaceFolder(uri)
    ? 'revealInExplorer'
    : uri.scheme === 'file'
      ? 'revealFileInOS'
      : undefined;
  const choice = await notifier.info(message, ...(revealCommand ? [open, reveal] : [open]));
  try {
    if (choice === open) await vscode.window.showTextDocument(uri, { preview: false });
    else if (choice === reveal && revealCommand) await vscode.commands.executeCommand(revealCommand, uri);
  } catch (err) {
    // The file was moved or deleted since, or cannot be shown: a button is a command, and fails like one.
    void notifier.failed(
      t('Article Lens: the command failed: {0}', plainText(err instanceof Error ? err.message : String(err), 300)),
      err,
    );
  }
  return choice;
}
