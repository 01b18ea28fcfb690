import * as vscode from 'vscode';
import type { Notifier } from './notifications';
import type { JsonFileProblem } from './workspaceJsonCore';

/**
 * Telling the user why a workspace JSON file (story links, corrections) is not used or not written. Shared by
 * src/services/storyLinks.ts and src/services/corrections.ts.
 */

/** Why the file cannot be used, as the end of a sentence starting with the file name. `notThisKind`: for `shape`. */
export function describeJsonProblem(problem: JsonFileProblem, notThisKind: string): string {
  const t = vscode.l10n.t;
  switch (problem.kind) {
    case 'conflict':
      return t('has merge-conflict markers (line {0})', problem.line);
    case 'syntax':
      return t('is not valid JSON');
    case 'shape':
      return notThisKind;
    case 'notFile':
      return t('is not a regular file');
    case 'tooLarge':
      return t('is larger than {0} KB', Math.round(problem.limit / 1024));
    case 'newer':
      return t('was written by a newer version of Article Lens');
    case 'io':
      return t('cannot be read or written');
  }
}

/**
 * Shows `message` as a warning with an "Open File" button that opens `uri`. NOTE: no button for a file that is not
 * a regular file or is huge: opening a link to /dev/zero would hang the editor.
 */
export function warnWithOpen(
  notifier: Notifier,
  log: vscode.LogOutputChannel,
  message: string,
  problem: JsonFileProblem,
  uri: vscode.Uri,
): void {
  const open = vscode.l10n.t('Open File');
  const canOpen = problem.kind !== 'notFile' && problem.kind !== 'tooLarge';
  void (canOpen ? notifier.warn(message, open) : notifier.warn(message))
    .then((choice) => (choice === open ? vscode.window.showTextDocument(uri, { preview: false }) : undefined))
    .then(undefined, (err) => log.error(`Could not open ${uri.toString()}`, err));
}

/** The sentences a kind of file uses to say why it is not used or not written (each file names itself). */
export interface JsonFileMessages {
  /** End of a sentence starting with the file name, for a file that is JSON but not of this kind. */
  notThisKind: string;
  newerWhenSaving: (version: number) => string;
  newerWhenLoading: (version: number) => string;
  refusedWhenSaving: (why: string) => string;
  unusedWhenLoading: (why: string) => string;
}

/** The message for `problem`, met when saving or when (re)loading the file. */
export function problemMessage(problem: JsonFileProblem, whenSaving: boolean, m: JsonFileMessages): string {
  if (problem.kind === 'newer')
    return whenSaving ? m.newerWhenSaving(problem.version) : m.newerWhenLoading(problem.version);
  const why = describeJsonProblem(problem, m.notThisKind);
  return whenSaving ? m.refusedWhenSaving(why) : m.unusedWhenLoading(why);
}
