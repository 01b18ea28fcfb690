import * as vscode from 'vscode';

/**
 * The open document for a URI (a Uri or its string form), or undefined when it is not open. The one place that
 * looks a document up by URI: the analysis cache, the current article, the workspace index and the
 * cross-reference providers all ask it.
 */
export function openDocument(uri: vscode.Uri | string): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** The file name shown for a document (its last path segment, decoded), or the whole URI when it has none. */
export function fileTitle(uri: vscode.Uri | string): string {
  const u = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  return u.path.slice(u.path.lastIndexOf('/') + 1) || u.toString();
}

/** True when a file system call failed because the file is not there (not an error where it may be gone). */
export function isFileNotFound(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && err.code === 'FileNotFound';
}
