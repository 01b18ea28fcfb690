// In-host integration tests of the analysis deadline (articleLens.analysis.timeoutSeconds) and of the state an
// editor shows while an older version's analysis lands: run inside the real extension host by
// test/integration/index.ts. Long texts are real news (a sample article repeated), so that an analysis takes
// seconds while a 0.1 s limit gives it a fraction of a second. Waits are on the extension's own API
// (`whenAnalyzed`, `onDidChangeState`) and on commands that resolve when done (Re-index Workspace), never a sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Config, CrossRefCommands, LANGUAGE_ID } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import type { AnalysisState } from '../../src/services/analyses';
import { EN_A, EN_B, activateWith, fixture, folder, once, openArticle } from './helpers';

/** A workspace file the index must give up on while the limit is tiny. */
const SLOW_FILE = 'long-article-for-the-deadline.txt';

let api: ArticleLensApi;
let sample = '';

/** About `kb` KB of real news. */
function news(kb: number): string {
  let text = '';
  while (text.length < kb * 1024) text += `${sample}\n\n`;
  return text;
}

/** Sets a workspace setting and waits until the extension host has seen the change (the extension reacts to it). */
async function setting(key: string, value: unknown): Promise<void> {
  const cfg = vscode.workspace.getConfiguration();
  if (cfg.inspect(key)?.workspaceValue === value) return;
  const seen = once(
    vscode.workspace.onDidChangeConfiguration,
    (e) => e.affectsConfiguration(key),
    `the change of ${key}`,
  );
  await cfg.update(key, value, vscode.ConfigurationTarget.Workspace);
  await seen;
}

function stateOf(uri: vscode.Uri, test: (s: AnalysisState) => boolean, what: string): Promise<AnalysisState> {
  return once(api.analyses.onDidChangeState, (s) => s.uri.toString() === uri.toString() && test(s), what, 60_000);
}

describe('Analysis deadline in the extension host', function () {
  this.timeout(180_000);

  before(async () => {
    api = await activateWith(EN_A);
    sample = (await vscode.workspace.openTextDocument(fixture(EN_A))).getText();
  });

  after(async () => {
    await setting(Config.analysisTimeoutSeconds, undefined);
    await setting(Config.analysisDebounceMs, undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), SLOW_FILE)).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an analysis past its deadline is stopped: state, status bar and panel say "timed out"; a higher limit analyses it, and other files go on', async () => {
    await setting(Config.analysisTimeoutSeconds, 0.1);
    // About 300 KB: seconds of work, 0.1 s × (1 + 300/250) = 0.22 s allowed.
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: news(300) });
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.strictEqual(await api.analyses.whenAnalyzed(doc.uri), undefined, 'no analysis for a timed-out file');
    const state = api.analyses.state(doc.uri);
    assert.strictEqual(state?.status, 'timedOut');
    assert.strictEqual(state?.version, doc.version);
    assert.ok(state?.timeoutMs && state.timeoutMs < 1000, `the deadline it had (${state?.timeoutMs} ms)`);

    const shown = api.statusBar.shown();
    assert.ok(shown, 'the status bar shows the article');
    assert.match(shown.text, /timed out/);
    assert.match(shown.tooltip, /articleLens\.analysis\.timeoutSeconds/);
    const model = api.panel.model();
    assert.match(model.status ?? '', /took too long/);
    assert.deepStrictEqual([model.entities.length, model.quotes.length], [0, 0]);

    // Not retried behind the user's back: asking again answers at once, from the state.
    assert.strictEqual(await api.analyses.whenAnalyzed(doc.uri), undefined);
    assert.strictEqual(api.analyses.state(doc.uri)?.status, 'timedOut');

    // A higher limit gives it another chance (on a fresh worker: the first was stopped).
    const ready = stateOf(
      doc.uri,
      (s) => s.status === 'ready' && s.version === doc.version,
      'the re-analysis under the default limit',
    );
    await setting(Config.analysisTimeoutSeconds, undefined);
    const analysed = await ready;
    assert.ok(analysed.analysis && analysed.analysis.entities.length > 0);
    assert.match(api.statusBar.shown()?.text ?? '', /entities/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    const { analysis } = await openArticle(api, EN_B);
    assert.ok(analysis.entities.length > 0, 'another file is analysed');
  });

  it('a slow result for an older version does not overwrite the pending state of the newer one', async () => {
    // Edits wait 5 s (the longest debounce allowed) before their analysis: the first version's, under a second even
    // on a loaded machine, lands while the second is pending.
    // NOTE: the workspace index shares the analysis worker; with its queue still full the first analysis could take
    // longer than the debounce, and the second would then replace it. Let the index settle first.
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
    await setting(Config.analysisDebounceMs, 5000);
    const seen: AnalysisState[] = [];
    let docUri = '';
    const sub = api.analyses.onDidChangeState((s) => s.uri.toString() === docUri && seen.push(s));
    try {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: news(50) });
      docUri = doc.uri.toString();
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const firstVersion = doc.version;
      const landed = stateOf(doc.uri, (s) => s.analysis !== undefined, 'the first version’s analysis');
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Update: ')));
      assert.ok(doc.version > firstVersion);
      assert.ok(!seen.some((s) => s.status === 'ready'), 'the first analysis was still running when the text changed');

      const s = await landed;
      assert.strictEqual(s.status, 'pending', 'the newer version is still pending');
      assert.strictEqual(s.version, doc.version);
      assert.ok(s.analysis && s.analysis.entities.length > 0, 'and shows the older version’s result meanwhile');
      const model = api.panel.model();
      assert.ok(model.entities.length > 0, 'the panel keeps its lists');
      assert.notStrictEqual(model.status, 'Analysing…');
      assert.match(api.statusBar.shown()?.text ?? '', /entities/, 'the status bar keeps its counts');

      const final = await api.analyses.whenAnalyzed(doc.uri);
      assert.ok(final, 'the newer version is analysed in the end');
      const text = doc.getText();
      for (const e of final.entities)
        for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
      assert.deepStrictEqual(
        [api.analyses.state(doc.uri)?.status, api.analyses.state(doc.uri)?.version],
        ['ready', doc.version],
      );
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      sub.dispose();
      await setting(Config.analysisDebounceMs, undefined);
    }
  });

  it('the workspace index records a file that timed out and tries it again only when it changes or on Re-index Workspace', async () => {
    type Stats = { articles: number; read: number; analysed: number; timedOut: number };
    const uri = vscode.Uri.joinPath(folder(), SLOW_FILE);
    // A text analysed nowhere else in this run (the content-hash cache would answer for it).
    const content = new TextEncoder().encode(`Deadline test, ${new Date().toISOString()}.\n\n${news(300)}`);
    // Every other file analysed and cached under the default limit, so that only the new one has work to do.
    const settled = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace);
    assert.strictEqual(settled.timedOut, 0, JSON.stringify(settled));
    // The limit first: the file watcher may index the new file before the first Re-index does.
    await setting(Config.analysisTimeoutSeconds, 0.1);
    await vscode.workspace.fs.writeFile(uri, content);
    try {
      const first = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace);
      assert.strictEqual(first.timedOut, 1, `the long file ran out of time (${JSON.stringify(first)})`);
      assert.strictEqual(first.articles, settled.articles, 'and is not an indexed article');

      const again = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace, { force: false });
      assert.deepStrictEqual([again.read, again.timedOut], [0, 0], 'as at start-up: unchanged, not read, not retried');

      // The same text written again (new mtime): read, recognised by its content hash, not retried.
      await vscode.workspace.fs.writeFile(uri, content);
      const touched = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace, { force: false });
      assert.strictEqual(touched.timedOut, 0, 'same content: not retried');

      const forced = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace);
      assert.strictEqual(forced.timedOut, 1, 'Re-index Workspace tries it again');
    } finally {
      await setting(Config.analysisTimeoutSeconds, undefined);
    }
    // Under the default limit it is analysed (the setting change itself starts a scan; this one waits for it).
    const done = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace, { force: false });
    assert.strictEqual(done.timedOut, 0, JSON.stringify(done));
    assert.strictEqual(
      done.articles,
      settled.articles + 1,
      `the long file is now an indexed article (${JSON.stringify(done)})`,
    );
  });
});
