// Set-up shared by the in-host integration tests (extension.test.ts, crossRefs.test.ts): the fixture workspace,
// activating the extension, opening an article and waiting for its analysis. Every wait is on the extension's own
// API or a VS Code event, never a fixed sleep.
// NOTE: not a *.test.ts file, so test/integration/index.ts never loads it as a suite; esbuild bundles it into each
// test file that imports it (scripts/build.mjs also emits an unused out/test/integration/helpers.js).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CrossRefCommands, EXTENSION_ID, LANGUAGE_ID } from '../../src/constants';
import type { ArticleAnalysis } from '../../src/core/types';
import type { ArticleLensApi } from '../../src/extension';
import type { CrossRefModel } from '../../src/shared/crossRefProtocol';

/** The sample articles of the fixture workspace: two English versions of one story and the French one. */
export const EN_A = '000_0891fa58e8947cdd.txt';
export const EN_B = '001_1a341257ed710bcc.txt';
export const FR = '002_99e5ccb7759e430c.txt';

/** The fixture workspace folder. */
export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'a workspace folder is open');
  return f.uri;
}

/** A file of the fixture workspace. */
export function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), name);
}

/** Resolves when `event` fires with a value passing `test`, or rejects after `ms` (a safety net, not a sleep). */
export function once<T>(event: vscode.Event<T>, test: (v: T) => boolean, what: string, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const sub = event((v) => {
      if (!test(v)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}

/** The open document for `uri` once it is in the `article` language (auto-detected on open). */
export async function articleDocument(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const key = uri.toString();
  const find = () =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && d.languageId === LANGUAGE_ID);
  return (
    find() ??
    once(
      vscode.workspace.onDidOpenTextDocument,
      (d) => d.uri.toString() === key && d.languageId === LANGUAGE_ID,
      `${uri.path} to become an article`,
    )
  );
}

/** Opens the fixture `name` (which activates the extension, by language) and returns the API that activate() hands over. */
export async function activateWith(name: string): Promise<ArticleLensApi> {
  const ext = vscode.extensions.getExtension<ArticleLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture(name)));
  // Opening the article activates the extension; activate() then only hands over the API.
  const api = ext.isActive ? ext.exports : await ext.activate();
  assert.ok(api?.analyses?.whenAnalyzed, 'activate() returns the API');
  return api;
}

/** Opens a fixture in the active editor, once it is an article, and waits for its analysis. */
export async function openArticle(
  api: ArticleLensApi,
  name: string,
): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor; analysis: ArticleAnalysis }> {
  const uri = fixture(name);
  const first = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(first, { preview: false });
  const doc = await articleDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const analysis = await api.analyses.whenAnalyzed(uri);
  assert.ok(analysis, `${name} is analysed`);
  return { doc, editor, analysis };
}

/** Undoes markdown backslash escapes, to compare hover text with article text. */
export function unescape(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Titles of the versions in the active article's story (Show Cross-References), once `done` holds for them: polled
 * until the file watcher has delivered a change to the story-links file (bounded by 20 s).
 */
export async function storyVersionsWhen(done: (titles: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  let titles: string[];
  do {
    titles = (await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences)).versions.map(
      (v) => v.title,
    );
    if (done(titles)) break;
    await new Promise((r) => setTimeout(r, 200));
  } while (Date.now() < deadline);
  return titles;
}

/** The corrections file of the fixture workspace. */
export const CORRECTIONS = 'article-lens.corrections.json';

/**
 * Empties the fixture workspace's corrections file and waits until the extension has read it (polled, bounded by
 * 20 s). NOTE: an empty file rather than none: the file watcher folds a creation and a deletion close together into
 * nothing, so a deleted file may never be reported.
 */
export async function resetCorrections(api: ArticleLensApi): Promise<void> {
  await vscode.workspace.fs.writeFile(fixture(CORRECTIONS), new TextEncoder().encode('{ "version": 1 }\n'));
  const uri = fixture(EN_A);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const e = api.corrections.entries(uri);
    if (!e.rules.length && !e.edits.length && !e.links.length) return;
    assert.ok(Date.now() < deadline, 'the emptied corrections file is read');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls `test` every 100 ms until it holds, bounded by 20 s: for what file watchers and views deliver. */
export async function until(test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await test())) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
