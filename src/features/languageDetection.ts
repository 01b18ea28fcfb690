import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { ArticleFiles } from '../services/articleFiles';

/**
 * Switches plain-text documents that read like prose articles to the `article` language when they are opened
 * (setting `articleLens.files.autoDetect`), so that any `.txt` article is annotated with no setup while other
 * text files (logs, lists, licences) stay Plain Text. An article pasted into an Untitled file is detected when
 * the paste lands. A document the user switches back is left alone.
 */
export function registerLanguageDetection(deps: {
  files: ArticleFiles;
  log: vscode.LogOutputChannel;
}): vscode.Disposable {
  const { files, log } = deps;
  const consider = (doc: vscode.TextDocument): void => {
    if (!files.shouldDetect(doc)) return;
    files.markSwitched(doc.uri);
    // On failure the document stays Plain Text, and is still treated as an article (ArticleFiles.isArticle).
    vscode.languages
      .setTextDocumentLanguage(doc, LANGUAGE_ID)
      .then(undefined, (err) =>
        log.warn(`Could not switch ${doc.uri.toString()} to the article language: ${(err as Error).message}`),
      );
  };
  for (const doc of vscode.workspace.textDocuments) consider(doc);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(consider),
    // An article pasted into a new Untitled file: check once the paste lands (one large insertion).
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (
        e.document.isUntitled &&
        e.document.languageId === 'plaintext' &&
        e.contentChanges.some((c) => c.text.length >= 280)
      ) {
        consider(e.document);
      }
    }),
  );
}
