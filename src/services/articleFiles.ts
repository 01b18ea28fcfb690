import * as vscode from 'vscode';
import { Config, LANGUAGE_ID } from '../constants';
import { looksLikeArticle } from '../util/articleDetect';
import type { ExtensionConfig } from './config';

/** URI schemes whose plain-text documents are never treated as articles (output panes, SCM views, …). */
const IGNORED_SCHEMES = new Set([
  'output',
  'git',
  'vscode-scm',
  'debug',
  'vscode-settings',
  'comment',
  'walkThrough',
  'vscode-notebook-cell',
]);

/** Workspace-state keys for the files the user switched out of / into the article language. */
const OPTED_OUT_KEY = 'articleLens.files.optedOut';
const OPTED_IN_KEY = 'articleLens.files.optedIn';

/**
 * Decides which documents are articles: those in the `article` language, and plain-text documents that read
 * like prose when `articleLens.files.autoDetect` is on, plus files the user marked with "Set as Article".
 * Remembers (per workspace) a file the user switched back to Plain Text, so detection does not override them. Shared by DocumentAnalyses and the
 * language-detection feature.
 */
export class ArticleFiles implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly optedOut: Set<string>;
  private readonly optedIn: Set<string>;
  private readonly detectCache = new Map<string, { version: number; result: boolean }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly config: ExtensionConfig,
    private readonly memento?: vscode.Memento,
  ) {
    this.optedOut = new Set(memento?.get<string[]>(OPTED_OUT_KEY, []) ?? []);
    this.optedIn = new Set(memento?.get<string[]>(OPTED_IN_KEY, []) ?? []);
    // NOTE: registered before any feature's listener, so a reverted document is opted out before features look.
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => {
        const key = doc.uri.toString();
        if (doc.languageId === 'plaintext' && this.switched.has(key)) {
          this.switched.delete(key);
          this.optedOut.add(key);
          this.optedIn.delete(key);
          this.save();
        }
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.detectCache.delete(doc.uri.toString())),
    );
  }

  /** True when the document is (or is about to become) an article. */
  isArticle(doc: vscode.TextDocument): boolean {
    return doc.languageId === LANGUAGE_ID || this.shouldDetect(doc);
  }

  /** True for a plain-text document that auto-detection would switch to the `article` language. */
  shouldDetect(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'plaintext' || IGNORED_SCHEMES.has(doc.uri.scheme)) return false;
    const key = doc.uri.toString();
    if (this.optedIn.has(key)) return true;
    if (this.optedOut.has(key) || !this.config.get(Config.filesAutoDetect, doc)) return false;
    const cached = this.detectCache.get(key);
    if (cached && cached.version === doc.version) return cached.result;
    const result = looksLikeArticle(doc.getText(), doc.uri.path);
    this.detectCache.set(key, { version: doc.version, result });
    return result;
  }

  /**
   * True when a workspace file that is not open would be treated as an article once opened (opt-in/out lists,
   * `files.autoDetect`, the same detection). Used by the workspace index's scanner (src/services/indexScanner.ts).
   */
  isArticleFile(uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    if (this.optedIn.has(key)) return true;
    if (this.optedOut.has(key) || !this.config.get(Config.filesAutoDetect, uri)) return false;
    return looksLikeArticle(text, uri.path);
  }

  /** Records that the extension switched this document to `article`. */
  markSwitched(uri: vscode.Uri): void {
    this.switched.add(uri.toString());
  }

  /** Remembers (in workspace state) that this file is an article: the "Set as Article" command. */
  optIn(uri: vscode.Uri): void {
    const key = uri.toString();
    this.optedOut.delete(key);
    this.optedIn.add(key);
    this.switched.add(key);
    this.save();
  }

  private save(): void {
    void this.memento?.update(OPTED_OUT_KEY, [...this.optedOut]);
    void this.memento?.update(OPTED_IN_KEY, [...this.optedIn]);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
