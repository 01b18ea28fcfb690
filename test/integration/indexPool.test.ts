// In-host test of the workspace index's pool of workers: an archive of article files (the sample articles, each
// copy made different) is indexed through the real extension, and while that scan runs, an edit of an open article
// is analysed by the editor's own worker: its analysis arrives before the scan is over. Waits are on the extension's
// API and on the Re-index command's promise, never a fixed sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CrossRefCommands } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import { EN_A, EN_B, FR, activateWith, fixture, folder, openArticle } from './helpers';

const ARCHIVE = 'archive-copies';
/** Enough files that the scan takes far longer than one analysis, whatever the machine. */
const COPIES = 60;

type Counts = { files: number; articles: number; analysed: number; read: number };

describe('Workspace index on its own workers', function () {
  this.timeout(300_000);
  let api: ArticleLensApi;
  const archive = () => vscode.Uri.joinPath(folder(), ARCHIVE);

  before(async () => {
    api = await activateWith(EN_A);
    const sources = await Promise.all(
      [EN_A, EN_B, FR].map(async (n) => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(n)))),
    );
    await vscode.workspace.fs.createDirectory(archive());
    for (let i = 0; i < COPIES; i++) {
      const source = sources[i % sources.length];
      const paragraphs = source.split(/\n\s*\n/);
      // Every copy its own text (another content hash): the paragraphs rotated after the headline, and a line.
      const k = 1 + (i % Math.max(1, paragraphs.length - 1));
      const body = [paragraphs[0], ...paragraphs.slice(k), ...paragraphs.slice(1, k), `Archive copy ${i + 1}.`].join(
        '\n\n',
      );
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(archive(), `copy-${String(i).padStart(3, '0')}.txt`),
        new TextEncoder().encode(body),
      );
    }
  });

  after(async () => {
    await vscode.workspace.fs.delete(archive(), { recursive: true }).then(undefined, () => undefined);
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('indexes every copy, and the editor’s worker answers an edit while the scan runs', async () => {
    const { doc, editor } = await openArticle(api, EN_A);
    const before = doc.getText().length;
    let scanOver = false;
    const scan = Promise.resolve(vscode.commands.executeCommand<Counts>(CrossRefCommands.reindexWorkspace)).finally(
      () => (scanOver = true),
    );
    // Let the scan find the files and hand the first ones to the pool.
    await new Promise((r) => setImmediate(r));
    const ok = await editor.edit((b) =>
      b.insert(doc.positionAt(doc.getText().length), '\n\nThe mayor of Lyon, Anna Kelmor, spoke on Friday.'),
    );
    assert.ok(ok, 'the edit applied');
    const analysis = await api.analyses.whenAnalyzed(doc.uri);
    const answeredDuringScan = !scanOver;
    assert.ok(analysis, 'the edited article is analysed');
    assert.ok((analysis.sentences.at(-1)?.end ?? 0) > before, 'of the edited text (its added sentence)');
    const counts = await scan;
    assert.ok(answeredDuringScan, `the edit's analysis came before the scan of ${COPIES} files was over`);
    assert.ok(counts.articles >= COPIES + 3, `every copy indexed as an article (${JSON.stringify(counts)})`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
