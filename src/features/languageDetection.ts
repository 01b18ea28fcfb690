import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { ArticleFiles } from '../services/articleFiles';

/**
 * Switches plain-text documents that read like prose articles to the `article` language when they are opened
 * (setting `articleLens.files.autoDetect`), so that any `.txt` article is annotated with no setup while other
 * text files (logs, lists, licences) stay Plain Text. A document the user switches back is left alone.
 */
export function registerLanguageDetection(deps: { files: ArticleFiles }): vscode.Disposable {
  const { files } = deps;
  const consider = (doc: vscode.TextDocument): void => {
    if (!files.shouldDetect(doc)) return;
    files.markSwitched(doc.uri);
    void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => undefined);
  };
  for (const doc of vscode.workspace.textDocuments) consider(doc);
  return vscode.workspace.onDidOpenTextDocument(consider);
}
