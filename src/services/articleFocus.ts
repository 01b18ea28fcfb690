import * as vscode from 'vscode';

/** Which article a view shows; see trackArticleFocus. */
export interface ArticleFocus {
  /** The article to show now: the active editor's document if it is an article, else the last one while it is open. */
  pick(): vscode.TextDocument | undefined;
  /** The uri of the last article pick() found in the active editor. */
  current(): vscode.Uri | undefined;
}

/**
 * Tracks the article a view follows, so that focusing the view (or a non-article editor) keeps the article it was
 * showing. Used by the side panel and the Cross-References view.
 */
export function trackArticleFocus(analyses: { isArticle(document: vscode.TextDocument): boolean }): ArticleFocus {
  let current: vscode.Uri | undefined;
  return {
    pick() {
      const active = vscode.window.activeTextEditor?.document;
      if (active && analyses.isArticle(active)) {
        current = active.uri;
        return active;
      }
      const key = current?.toString();
      return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    },
    current: () => current,
  };
}
