// In-host test of the Cross-References view's "Missing here (in the other versions)" section: on the fixture
// workspace (two English versions of an AFP dispatch and a French article on the same story), the section of the
// French article lists what both English versions have and it does not, each item pointing at where it is.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CrossRefCommands } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import type { CrossRefModel } from '../../src/shared/crossRefProtocol';
import { EN_A, EN_B, FR, activateWith, fixture, openArticle } from './helpers';

let api: ArticleLensApi;

describe('Cross-References view: what each version lacks', function () {
  this.timeout(180_000);

  before(async () => {
    api = await activateWith(FR);
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the French article has a "Missing here" section listing what the English versions have', async () => {
    await openArticle(api, FR);
    const model = await vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    assert.ok(model && model.versions.length === 3, 'the three versions of the story');
    const here = model.missing[0];
    assert.ok(here, 'a section for the active article');
    assert.strictEqual(here.uri, fixture(FR).toString());
    assert.strictEqual(here.focus, true);
    assert.match(
      here.heading,
      /^(Missing here \(in the other versions\)|Absent ici \(présent dans les autres versions\))$/,
    );
    const mayer = here.items.find((i) => i.name === 'Kevin Mayer');
    assert.ok(
      mayer,
      `Kevin Mayer (named in both English versions only) is listed: ${here.items.map((i) => i.name).join(', ')}`,
    );
    assert.deepStrictEqual(mayer.presentIn.map((p) => p.title).sort(), [EN_A, EN_B]);
    // The item opens where it is: the span covers the name in that English version.
    const where = mayer.where!;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(where.uri, true));
    assert.strictEqual(doc.getText().slice(where.span.start, where.span.end), 'Kevin Mayer');
    // Nothing the French article names is listed as missing from it.
    const { analysis } = await openArticle(api, FR);
    const names = new Set(analysis.entities.map((e) => e.name));
    assert.ok(here.items.every((i) => i.kind !== 'entity' || !names.has(i.name)));
    assert.ok(
      here.items.some((i) => i.kind === 'quote'),
      'quotes of the English versions are listed too',
    );
  });
});
