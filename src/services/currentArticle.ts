import * as vscode from 'vscode';
import { openDocument } from '../util/documents';

/**
 * The article the user is working on, for every command and view that acts on "the current article": the active
 * editor's document when it is an article, else the last article that was active (so that focusing the side panel,
 * the Cross-References view or a non-article editor keeps it). Created in extension.ts, shared by the commands,
 * the side panel and the cross-reference features.
 */
export class CurrentArticle implements vscode.Disposable {
  private last: vscode.Uri | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly articles: { isArticle(document: vscode.TextDocument): boolean }) {
    this.active();
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.active());
  }

  /** The active editor when it shows an article (which becomes the last article). */
  private active(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.articles.isArticle(editor.document)) return undefined;
    this.last = editor.document.uri;
    return editor;
  }

  /** The current article's document: the active one, else the last one while it is still open. */
  document(): vscode.TextDocument | undefined {
    return this.active()?.document ?? (this.last && openDocument(this.last));
  }

  /**
   * An editor of the current article, for commands that use the selection: the active one, else a visible editor
   * of the last article, else any visible article editor.
   */
  editor(): vscode.TextEditor | undefined {
    const active = this.active();
    if (active) return active;
    const key = this.last?.toString();
    const visible = vscode.window.visibleTextEditors;
    return (
      visible.find((e) => e.document.uri.toString() === key) ?? visible.find((e) => this.articles.isArticle(e.document))
    );
  }

  /** The last article's URI (its document may have been closed since). */
  uri(): vscode.Uri | undefined {
    this.active();
    return this.last;
  }

  /** True when `uri` is the current article. */
  is(uri: vscode.Uri | string): boolean {
    return this.uri()?.toString() === uri.toString();
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
