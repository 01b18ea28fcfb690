import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';

/**
 * Writes `text` to a uniquely named temporary file next to `target` (`.<name>.<uuid>.tmp`), then renames it over
 * `target`: a reader (this window, another window on the same folder, the next start) sees the old or the new file,
 * never half of one, and two writers never share a temporary file. The temporary file is removed if the rename
 * fails. Used by the workspace index's cache and by WorkspaceJsonFile (files users keep).
 *
 * NOTE: a local file is renamed with Node's `fs.rename`, which replaces the target in one step. VS Code's
 * `workspace.fs.rename(…, { overwrite: true })` deletes the target first and then moves the file: in between the file
 * is missing for readers, and two concurrent renames fail ("Unable to resolve nonexistent file"). Other schemes
 * (virtual workspaces) have only that one.
 */
export async function writeFileAtomically(target: vscode.Uri, text: string): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(target, '..', `.${name}.${randomUUID()}.tmp`);
  if (target.scheme === 'file') {
    await fsp.writeFile(tmp.fsPath, text, 'utf8');
    try {
      await fsp.rename(tmp.fsPath, target.fsPath);
    } catch (err) {
      // The rename's error is the one the caller reports (rethrown); if the temporary file cannot be removed either,
      // the same cause is why, and it is only a `.name.uuid.tmp` left beside the target.
      await fsp.unlink(tmp.fsPath).catch(() => undefined);
      throw err;
    }
    return;
  }
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
  } catch (err) {
    // As above: the rename's error is reported, the temporary file removed if it can be.
    await Promise.resolve(vscode.workspace.fs.delete(tmp)).catch(() => undefined);
    throw err;
  }
}
