import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * Writes `text` to a uniquely named temporary file next to `target` (`.<name>.<uuid>.tmp`), then renames it over
 * `target`: a reader (this window, another window on the same folder, the next start) sees the old or the new file,
 * never half of one, and two writers never share a temporary file. The temporary file is removed if the rename
 * fails. Used by the workspace index's cache and by WorkspaceJsonFile (files users keep).
 */
export async function writeFileAtomically(target: vscode.Uri, text: string): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(target, '..', `.${name}.${randomUUID()}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw err;
  }
}
