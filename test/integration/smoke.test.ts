// Smoke test of the harness itself, run inside the extension host: the extension under development
// is found by its ID and activates when an article (a plain .txt file of the fixture workspace) is
// opened, with no set-up.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'article-lens.article-lens';
const ARTICLE = '000_0891fa58e8947cdd.txt';

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('harness smoke: the extension in the extension host', () => {
  it('runs in a Node extension host with the real vscode API and the fixture workspace', () => {
    assert.strictEqual(typeof process.versions.node, 'string');
    assert.match(vscode.version, /^1\.\d+/);
    const folders = vscode.workspace.workspaceFolders ?? [];
    // The fixture workspace first, then a second folder (for links across workspace folders).
    assert.strictEqual(folders.length, 2, 'two workspace folders');
    assert.strictEqual(folders[1].name, 'Wire desk');
  });

  it(`finds ${EXTENSION_ID} and activates it on opening a corpus article`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} not found`);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, ARTICLE));
    await vscode.window.showTextDocument(doc);
    // Opening the article must be enough: no explicit ext.activate() here.
    await until(`${EXTENSION_ID} to activate`, () => ext.isActive);
    assert.strictEqual(ext.isActive, true);
    assert.ok(doc.getText().includes('TikTok'));
  });
});
