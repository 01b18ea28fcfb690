// In-host tests: file names and article text never reach a notification as markup, and exports write the text as
// it is when the file is written (not as it was before the save dialog). Notifications are observed through the
// extension's API (`notifications.onDidShow`: the exact message and buttons passed to VS Code); the save dialog is
// VS Code's own simple file dialog (a quick input), accepted through the quick-input accept command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, CrossRefCommands } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import type { ShownNotification } from '../../src/services/notifications';
import { EN_B, FR, activateWith, fixture, once, openArticle } from './helpers';

/** A valid file name that VS Code would render as a command link in a notification. */
const HOSTILE = '[Open the source](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D)';
/** The pattern VS Code's notifications turn into a link (src/vs/base/common/linkedText.ts). */
const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;

let api: ArticleLensApi;

async function copyFixture(from: string, to: string): Promise<vscode.Uri> {
  const uri = fixture(to);
  await vscode.workspace.fs.writeFile(uri, await vscode.workspace.fs.readFile(fixture(from)));
  return uri;
}

const deleteQuietly = (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);

/**
 * Runs `command`, which opens the save dialog, applies `edit` while the dialog is open, then accepts the dialog's
 * suggested file (repeatedly, until the command is done: the dialog opens in the window a moment later).
 */
async function throughSaveDialog<T>(command: Thenable<T>, edit: () => Thenable<unknown>): Promise<T> {
  let settled = false;
  const done = Promise.resolve(command).finally(() => (settled = true));
  // Let the command reach the dialog (it has read the analysis by then), then edit the article.
  await new Promise((r) => setImmediate(r));
  assert.ok(await edit(), 'the edit was applied');
  const deadline = Date.now() + 30_000;
  while (!settled && Date.now() < deadline) {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    // Bounded wait for the command to finish before accepting again.
    await Promise.race([done.catch(() => undefined), new Promise((r) => setTimeout(r, 300))]);
  }
  if (!settled) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return done;
}

describe('Untrusted file names in notifications', function () {
  this.timeout(180_000);
  const shown: ShownNotification[] = [];
  let subscription: vscode.Disposable | undefined;
  const created: vscode.Uri[] = [];

  before(async () => {
    api = await activateWith(FR);
    subscription = api.notifications.onDidShow((n) => shown.push(n));
    // An English version of the story under the hostile name (so that it has cross-references to export).
    created.push(await copyFixture(EN_B, `${HOSTILE}.txt`));
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace, { force: false });
  });

  after(async () => {
    subscription?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await deleteQuietly(uri);
  });

  it('the export notification names no file; it offers Open and Reveal instead', async () => {
    const { doc } = await openArticle(api, `${HOSTILE}.txt`);
    const target = fixture(`${HOSTILE}.json`);
    created.push(target);
    const told = once(api.notifications.onDidShow, (n) => /exported/.test(n.message), 'the export notification');
    const written = await vscode.commands.executeCommand<vscode.Uri>(Commands.exportAnnotations, {
      format: 'json',
      target,
      uri: doc.uri,
    });
    assert.strictEqual(written?.toString(), target.toString());
    const n = await told;
    assert.deepStrictEqual(n, {
      severity: 'info',
      message: 'Article Lens: annotations exported.',
      actions: ['Open', 'Reveal'],
    });
    // The export itself names the file as it is.
    const json = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.strictEqual(json.documents[0].file, `${HOSTILE}.txt`);
  });

  it('the TMX export notification names no file either', async () => {
    await openArticle(api, `${HOSTILE}.txt`);
    const target = fixture(`${HOSTILE}.tmx`);
    created.push(target);
    const told = once(
      api.notifications.onDidShow,
      (n) => /aligned pairs exported/.test(n.message),
      'the TMX notification',
    );
    const res = await vscode.commands.executeCommand<{ units: number }>(CrossRefCommands.exportTmx, target);
    assert.ok(res && res.units > 0, 'pairs were exported');
    const n = await told;
    assert.deepStrictEqual(n, {
      severity: 'info',
      message: `Article Lens: ${res.units} aligned pairs exported.`,
      actions: ['Open', 'Reveal'],
    });
  });

  it('no notification shown while handling the hostile file holds link or icon syntax, or the file name', async () => {
    // One more that used to name a file: linking a file outside every workspace folder.
    const outside = vscode.Uri.parse(`untitled:${encodeURIComponent(HOSTILE)}.txt`);
    assert.strictEqual(
      await vscode.commands.executeCommand<number>(CrossRefCommands.linkVersions, fixture(`${HOSTILE}.txt`), outside),
      0,
    );
    assert.ok(shown.length >= 3, `${shown.length} notifications seen`);
    for (const n of shown) {
      for (const text of [n.message, ...n.actions]) {
        assert.doesNotMatch(text, LINKED_TEXT, text);
        assert.doesNotMatch(text, /\$\(/, text);
        assert.ok(!text.includes('Open the source'), text);
      }
    }
  });
});

describe('Exports after the save dialog', function () {
  this.timeout(180_000);
  const created: vscode.Uri[] = [];
  const files = vscode.workspace.getConfiguration('files');
  let simpleDialog: boolean | undefined;

  before(async () => {
    api = await activateWith(FR);
    // VS Code's own dialog as a quick input on every platform (the browser build uses it anyway).
    simpleDialog = files.inspect<boolean>('simpleDialog.enable')?.globalValue;
    await files.update('simpleDialog.enable', true, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await files.update('simpleDialog.enable', simpleDialog, vscode.ConfigurationTarget.Global);
    for (const uri of created) await deleteQuietly(uri);
  });

  it('annotations of an article edited while the save dialog was open are those of the edited text', async () => {
    const source = await copyFixture(EN_B, 'export-race.txt');
    created.push(source, fixture('export-race.json'));
    await deleteQuietly(fixture('export-race.json'));
    const { doc, editor, analysis } = await openArticle(api, 'export-race.txt');
    const before = analysis.entities.flatMap((e) => e.mentions).length;
    const inserted = 'UPDATE: This story was corrected on Tuesday to add a statement from Microsoft.\n\n';
    const target = await throughSaveDialog(
      vscode.commands.executeCommand<vscode.Uri | undefined>(Commands.exportAnnotations, {
        format: 'json',
        uri: source,
      }),
      () => editor.edit((e) => e.insert(new vscode.Position(0, 0), inserted)),
    );
    assert.ok(target, 'the export was written');
    assert.strictEqual(target.toString(), fixture('export-race.json').toString());
    const text = doc.getText();
    assert.ok(text.startsWith(inserted));
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))).documents[0];
    const spans: Array<{ start: number; end: number; text: string }> = [
      ...exported.entities.flatMap((e: { mentions: unknown[] }) => e.mentions),
      ...exported.dates,
      ...exported.figures,
      ...exported.quotes,
    ];
    assert.ok(spans.length >= before, `${spans.length} spans`);
    for (const s of spans)
      assert.strictEqual(text.slice(s.start, s.end), s.text, 'every span points at its words in the edited text');
    assert.ok(
      exported.dates.some((d: { text: string }) => d.text === 'Tuesday'),
      'the inserted line is analysed',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the TMX of an article edited while the save dialog was open aligns the edited text', async () => {
    const source = await copyFixture(FR, 'tmx-race.txt');
    created.push(source, fixture('tmx-race.tmx'));
    await deleteQuietly(fixture('tmx-race.tmx'));
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace, { force: false });
    const { doc, editor } = await openArticle(api, 'tmx-race.txt');
    const at = doc.getText().indexOf('en Australie et en Nouvelle-Zélande');
    assert.ok(at > 0);
    // Cross-references ready (and cached), so that the command is at its dialog when the edit comes.
    const model = await vscode.commands.executeCommand<{ versions: unknown[] }>(CrossRefCommands.showCrossReferences);
    assert.ok(model.versions.length > 1, 'the copy is a version of the story');
    const seen: string[] = [];
    const sub = api.notifications.onDidShow((n) => seen.push(n.message));
    const res = await throughSaveDialog(
      vscode.commands.executeCommand<{ uri: vscode.Uri; units: number } | undefined>(CrossRefCommands.exportTmx),
      () =>
        editor.edit((e) =>
          e.replace(
            new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'en Australie'.length)),
            'en Australie-Méridionale',
          ),
        ),
    );
    sub.dispose();
    assert.ok(res && res.units > 0, `the TMX was written (notifications: ${seen.join(' | ')})`);
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(res.uri));
    assert.match(xml, /Australie-Méridionale et en Nouvelle-Zélande/, 'the edited sentence is the one aligned');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
