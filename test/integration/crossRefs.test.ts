// In-host integration tests of the cross-reference features, run inside the real extension host by
// test/integration/index.ts on the fixture workspace (the three sample articles and a hostile one). Waits are on
// the extension's own API (`whenAnalyzed`) and on commands that resolve when their work is done (Re-index
// Workspace resolves after the scan; Show Cross-References resolves with the view model), never a fixed sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CrossRefCommands } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import type { CrossRefModel } from '../../src/shared/crossRefProtocol';
import { EN_A, EN_B, FR, activateWith, fixture, folder, openArticle, storyVersionsWhen, unescape } from './helpers';

const LINKS_FILE = 'article-lens.stories.json';

let api: ArticleLensApi;

function sameUri(a: string | vscode.Uri, b: vscode.Uri): boolean {
  return a.toString() === b.toString();
}

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(offset),
    )) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n\n');
}

async function readLinksFile(): Promise<{ version: number; links: Array<{ a: string; b: string; linked: boolean }> }> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), LINKS_FILE));
  return JSON.parse(new TextDecoder().decode(bytes));
}

describe('Cross-references in the extension host', function () {
  this.timeout(180_000);

  before(async () => {
    api = await activateWith(FR);
    const stats = await vscode.commands.executeCommand<{ articles: number; stories: number }>(
      CrossRefCommands.reindexWorkspace,
    );
    assert.ok(stats && stats.articles >= 3, `the three sample articles are indexed (${JSON.stringify(stats)})`);
  });

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), LINKS_FILE)).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('re-indexing reads nothing unchanged and analyses nothing already cached by content hash', async () => {
    type Stats = { articles: number; read: number; analysed: number };
    const quick = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace, { force: false });
    assert.strictEqual(quick.read, 0, 'unchanged files (same mtime and size) are not read again');
    assert.strictEqual(quick.analysed, 0);
    const full = await vscode.commands.executeCommand<Stats>(CrossRefCommands.reindexWorkspace);
    assert.strictEqual(full.analysed, 0, 'every text is found in the content-hash cache');
    assert.ok(full.articles >= 3);
  });

  it('the Cross-References view model of the French article lists both English versions and their counterparts', async () => {
    await openArticle(api, FR);
    const model = await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    assert.ok(model, 'the command returns the view model');
    assert.ok(sameUri(model.focus!, fixture(FR)));
    const versions = model.versions.map((v) => v.title);
    assert.strictEqual(versions[0], FR, 'the active article comes first');
    assert.deepStrictEqual(versions.slice(1).sort(), [EN_A, EN_B]);
    const nz = model.entities.find((r) => r.cells[0]?.name === 'Nouvelle-Zélande');
    assert.ok(nz, 'Nouvelle-Zélande has a row');
    assert.deepStrictEqual(
      nz.cells.slice(1).map((c) => c?.name),
      ['New Zealand', 'New Zealand'],
    );
    const countries = model.passages.find(
      (p) => p.a.text.includes('en Australie et en Nouvelle-Zélande') && p.b.title === EN_A,
    );
    assert.ok(countries, 'the list of countries is linked to the English passage');
    assert.match(countries.b.text, /Australia and New Zealand/);
    assert.ok(
      model.onlyIn.some((o) => o.kind === 'entity' && o.name === 'Walmart'),
      'Walmart is only in the French article',
    );
  });

  it('the hover on "Nouvelle-Zélande" shows "New Zealand" from the other versions', async () => {
    const { doc } = await openArticle(api, FR);
    const offset = doc.getText().indexOf('Nouvelle-Zélande') + 4;
    const text = unescape(await hoverText(doc, offset));
    assert.match(text, /In other versions|Dans les autres versions/);
    assert.match(text, /New Zealand — 000_0891fa58e8947cdd\.txt/);
    assert.match(text, /New Zealand — 001_1a341257ed710bcc\.txt/);
  });

  it('references of "Trump" span the three versions', async () => {
    const { doc } = await openArticle(api, FR);
    const pos = doc.positionAt(doc.getText().indexOf('Trump') + 1);
    const refs =
      (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos)) ?? [];
    const files = new Set(refs.map((r) => r.uri.toString()));
    for (const name of [FR, EN_A, EN_B]) assert.ok(files.has(fixture(name).toString()), `${name} has a reference`);
    // Every reference in another file covers the word "Trump" there.
    for (const r of refs.filter((x) => !sameUri(x.uri, doc.uri))) {
      const other = await vscode.workspace.openTextDocument(r.uri);
      assert.match(other.getText(r.range), /Trump/);
    }
  });

  it('Open Counterpart Beside opens the English passage of the sentence at the cursor', async () => {
    const { doc } = await openArticle(api, FR);
    const editor = vscode.window.activeTextEditor!;
    const at = doc.positionAt(doc.getText().indexOf('au Canada, en Australie'));
    editor.selection = new vscode.Selection(at, at);
    // Both English versions have a counterpart; the optional argument chooses one instead of the quick pick.
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      CrossRefCommands.openCounterpartBeside,
      fixture(EN_A),
    );
    assert.ok(opened, 'a counterpart was opened');
    assert.ok(sameUri(opened, fixture(EN_A)));
    const beside = vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, opened));
    assert.ok(beside, 'the counterpart is visible');
    assert.notStrictEqual(beside.viewColumn, editor.viewColumn, 'in another column');
    assert.match(beside.document.getText(beside.selection), /New Zealand/);
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('Export Alignment as TMX writes a valid TMX file', async () => {
    await openArticle(api, FR);
    const target = vscode.Uri.joinPath(folder(), 'alignment-test.tmx');
    const res = await vscode.commands.executeCommand<{ uri: vscode.Uri; units: number }>(
      CrossRefCommands.exportTmx,
      target,
    );
    assert.ok(res && res.units >= 2, `units: ${res?.units}`);
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<tmx version="1\.4">/);
    assert.match(xml, /srclang="fr"/);
    assert.strictEqual((xml.match(/<tu>/g) ?? []).length, res.units);
    assert.strictEqual((xml.match(/<\/tu>/g) ?? []).length, res.units);
    assert.match(
      xml,
      /<tuv xml:lang="fr"><seg>[^<]*Nouvelle-Zélande[^<]*<\/seg><\/tuv>\s*<tuv xml:lang="en"><seg>[^<]*New Zealand/,
    );
    // The header says what the French article lacks that the English versions have.
    assert.match(
      xml,
      /<header [^>]*>\n {4}<note>Missing in 002_99e5ccb7759e430c\.txt \(in the other versions\): [^<]*entity Kevin Mayer \[/,
    );
    assert.ok(xml.trimEnd().endsWith('</tmx>'));
    await vscode.workspace.fs.delete(target);
  });

  it('Unlink / Link Versions persist the choice in article-lens.stories.json and regroup the story', async () => {
    await openArticle(api, FR);
    const fr = fixture(FR);
    const enA = fixture(EN_A);
    assert.strictEqual(await vscode.commands.executeCommand<number>(CrossRefCommands.unlinkVersions, fr, enA), 1);
    let data = await readLinksFile();
    assert.strictEqual(data.version, 1);
    assert.deepStrictEqual(data.links, [{ a: EN_A, b: FR, linked: false }]);
    let model = await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    assert.ok(!model.versions.some((v) => v.title === EN_A), 'the unlinked version is no longer in the story');

    assert.strictEqual(await vscode.commands.executeCommand<number>(CrossRefCommands.linkVersions, fr, enA), 1);
    data = await readLinksFile();
    assert.deepStrictEqual(data.links, [{ a: EN_A, b: FR, linked: true }]);
    model = await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    const a = model.versions.find((v) => v.title === EN_A);
    assert.ok(a, 'linked again');
    assert.strictEqual(a.manual, true);
    assert.strictEqual(a.score, 1);
    // An edit of the file from outside (a teammate's commit pulled) is picked up.
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder(), LINKS_FILE),
      new TextEncoder().encode(
        JSON.stringify({
          version: 1,
          links: [
            { a: EN_B, b: FR, linked: false },
            { a: EN_A, b: FR, linked: false },
          ],
        }),
      ),
    );
    const deadline = Date.now() + 20_000;
    do {
      model = await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
      if (!model.versions.length) break;
      // Polls the view model until the file watcher has delivered the change (bounded by the deadline).
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    assert.deepStrictEqual(model.versions, [], 'both English versions unlinked by the edited file');
    // No temporary file is left behind by the atomic write.
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([n]) => n);
    assert.ok(!names.some((n) => n.endsWith('.tmp')), names.join(', '));
  });

  it('entries of article-lens.stories.json that climb out of the workspace folder are ignored', async () => {
    await openArticle(api, FR);
    const name = folder().path.split('/').pop() ?? '';
    const writeLinks = (links: Array<{ a: string; b: string; linked: boolean }>) =>
      vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder(), LINKS_FILE),
        new TextEncoder().encode(JSON.stringify({ version: 1, links })),
      );
    // A `..` that stays inside the folder is fine: EN_A is unlinked.
    await writeLinks([{ a: `drafts/../${EN_A}`, b: FR, linked: false }]);
    let titles = await storyVersionsWhen((t) => !t.includes(EN_A));
    assert.ok(!titles.includes(EN_A), titles.join(', '));
    // `../<folder>/…` names the file through the parent folder: ignored (even though it lands back inside), so
    // nothing is unlinked and both English versions are back.
    await writeLinks([{ a: `../${name}/${EN_A}`, b: FR, linked: false }]);
    titles = await storyVersionsWhen((t) => t.includes(EN_A) && t.includes(EN_B));
    assert.ok(
      titles.includes(EN_A) && titles.includes(EN_B),
      `the link naming EN_A through the parent folder is ignored: ${titles.join(', ')}`,
    );
  });
});
