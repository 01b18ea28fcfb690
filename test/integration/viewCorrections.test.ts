// In-host tests of the corrections made from the views: a row's button in the Annotations panel and a link's
// button in the Cross-References view post a message; the extension checks it against what the view shows and runs
// the palette's command. Each test posts the webview's message through the views' `receive` (the same path as the
// webview's own messages) and asserts the corrections file and the analysis (or cross-references) changed, or, for
// a message the view does not offer, that nothing did. Waits are on the extension's API, polled and bounded.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CrossRefCommands } from '../../src/constants';
import type { ArticleAnalysis } from '../../src/core/types';
import type { ArticleLensApi } from '../../src/extension';
import type { CrossRefModel } from '../../src/shared/crossRefProtocol';
import type { FromWebview, PanelEntity } from '../../src/shared/protocol';
import { CORRECTIONS, EN_A, EN_B, FR, activateWith, fixture, openArticle, resetCorrections, until } from './helpers';

let api: ArticleLensApi;

const readFile = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(CORRECTIONS)));

/** The panel's row of the entity `name` once the panel describes `doc`. */
async function panelEntity(doc: vscode.TextDocument, name: string): Promise<PanelEntity> {
  await until(
    () => api.panel.model().uri === doc.uri.toString() && api.panel.model().entities.length > 0,
    'the panel to show the article',
  );
  const row = api.panel.model().entities.find((e) => e.name === name);
  assert.ok(
    row,
    `${name} in the panel: ${api.panel
      .model()
      .entities.map((e) => e.name)
      .join(', ')}`,
  );
  return row;
}

describe('Corrections from the panel and the Cross-References view', function () {
  this.timeout(180_000);

  before(async () => {
    api = await activateWith(EN_A);
    await resetCorrections(api);
  });

  afterEach(async () => {
    await resetCorrections(api);
  });

  it("panel: an entity row's Mark verified and Not an entity buttons write the file and change the analysis", async () => {
    const { doc } = await openArticle(api, EN_A);
    const uri = doc.uri.toString();
    const tiktok = await panelEntity(doc, 'TikTok');
    assert.deepStrictEqual(
      tiktok.actions.map((x) => x.id),
      ['notEntity', 'retype', 'rename', 'merge', 'verify'],
    );
    await api.panel.receive({ type: 'correct', uri, action: 'verify', target: tiktok.target } satisfies FromWebview);
    assert.match(await readFile(), /"action": "verify"/);
    await until(
      () => api.panel.model().entities.find((e) => e.name === 'TikTok')?.verified === true,
      'TikTok verified in the panel',
    );
    const verified = api.panel.model().entities.find((e) => e.name === 'TikTok')!;
    assert.ok(!verified.actions.some((x) => x.id === 'verify'), 'no second Mark verified');

    // "Not an entity" on the row removes every mention of the entity, in one correction per mention.
    const trump = api.panel.model().entities.find((e) => e.name !== 'TikTok' && e.count > 1);
    assert.ok(trump, 'an entity with several mentions');
    await api.panel.receive({ type: 'correct', uri, action: 'notEntity', target: trump.target } satisfies FromWebview);
    const file = JSON.parse(await readFile()) as { edits: Array<{ action: string }> };
    assert.strictEqual(file.edits.filter((e) => e.action === 'remove').length, trump.count);
    const a = await api.analyses.whenAnalyzed(doc.uri);
    for (const m of trump.mentions) {
      assert.ok(!a?.entities.some((e) => e.mentions.some((x) => x.start === m.start)), `mention at ${m.start} gone`);
    }
    await until(() => !api.panel.model().entities.some((e) => e.name === trump.name), 'the row to leave the panel');
  });

  it("panel: a quote row's Scare quote and a date row's Mark verified act on that quote and date", async () => {
    const { doc } = await openArticle(api, EN_A);
    const uri = doc.uri.toString();
    await panelEntity(doc, 'TikTok');
    const quote = api.panel.model().quotes.find((q) => q.actions.some((x) => x.id === 'scare'));
    assert.ok(quote, 'a quote with a Scare quote button');
    await api.panel.receive({ type: 'correct', uri, action: 'scare', target: quote.target } satisfies FromWebview);
    assert.match(await readFile(), /"action": "scare"/);
    let a: ArticleAnalysis | undefined = await api.analyses.whenAnalyzed(doc.uri);
    assert.strictEqual(a?.quotes.find((q) => q.start === quote.target.start)?.scare, true, 'now a scare quote');
    await until(
      () => !api.panel.model().quotes.some((q) => q.target.start === quote.target.start),
      'scare quotes are not listed',
    );

    const date = api.panel.model().dates[0];
    assert.ok(date, 'a date row');
    await api.panel.receive({ type: 'correct', uri, action: 'verify', target: date.target } satisfies FromWebview);
    a = await api.analyses.whenAnalyzed(doc.uri);
    assert.strictEqual(a?.dates.find((d) => d.start === date.target.start)?.verified, true);
    assert.match(await readFile(), /"kind": "date"/);
  });

  it('panel: a message for an action the row does not offer, another article or no row changes nothing', async () => {
    const { doc } = await openArticle(api, EN_A);
    const uri = doc.uri.toString();
    const tiktok = await panelEntity(doc, 'TikTok');
    const before = await readFile();
    for (const msg of [
      { type: 'correct', uri, action: 'setSpeaker', target: tiktok.target },
      { type: 'correct', uri, action: 'undo', target: tiktok.target },
      { type: 'correct', uri: fixture(EN_B).toString(), action: 'verify', target: tiktok.target },
      { type: 'correct', uri, action: 'verify', target: { ...tiktok.target, start: tiktok.target.start + 1 } },
      { type: 'correct', uri, action: 'verify', target: { kind: 'constructor', start: 0, end: 1 } },
      { type: 'correct', uri, action: 'verify' },
    ]) {
      await api.panel.receive(msg);
    }
    assert.strictEqual(await readFile(), before, 'the file is untouched');
    assert.deepStrictEqual(api.corrections.entries(doc.uri).edits, []);
  });

  it('Cross-References: Confirm on an entity link and Reject on a passage link write links; the view shows and drops them', async () => {
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
    await openArticle(api, FR);
    await openArticle(api, EN_B);
    await openArticle(api, EN_A);
    const show = () => vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    let m = await show();
    await until(
      async () => (m = await show()).entities.length > 0 && m.passages.length > 0,
      'entity and passage links',
    );
    const row = m.entities.find((r) => r.cells[0]?.first && r.cells.slice(1).some((c) => c?.first) && !r.verdict)!;
    assert.ok(row, 'an entity row linking the article to another version');
    const a = { uri: row.cells[0]!.uri, ...row.cells[0]!.first! };
    const other = row.cells.slice(1).find((c) => c?.first)!;
    const b = { uri: other.uri, ...other.first! };
    await api.crossRefs.receive({ type: 'linkVerdict', verdict: 'confirmed', kind: 'entity', a, b });
    assert.match(await readFile(), /"status": "confirmed"/);
    m = await show();
    assert.strictEqual(
      m.entities.find((r) => r.cells[0]?.entityId === row.cells[0]!.entityId)?.verdict,
      'confirmed',
      'badged as confirmed',
    );

    const pair = m.passages[0];
    const ends = [
      { uri: pair.a.uri, start: pair.a.start, end: pair.a.end },
      { uri: pair.b.uri, start: pair.b.start, end: pair.b.end },
    ];
    await api.crossRefs.receive({ type: 'linkVerdict', verdict: 'rejected', kind: 'passage', a: ends[0], b: ends[1] });
    assert.match(await readFile(), /"status": "rejected"/);
    m = await show();
    const same = (p: CrossRefModel['passages'][number]) =>
      p.a.uri === pair.a.uri && p.a.start === pair.a.start && p.b.uri === pair.b.uri && p.b.start === pair.b.start;
    assert.ok(!m.passages.some(same), 'the rejected passage link is gone');

    // A verdict on a link the view does not show is ignored.
    const before = await readFile();
    await api.crossRefs.receive({
      type: 'linkVerdict',
      verdict: 'confirmed',
      kind: 'entity',
      a: { ...a, start: a.start + 1 },
      b,
    });
    await api.crossRefs.receive({ type: 'linkVerdict', verdict: 'confirmed', kind: 'figure', a: ends[0], b: ends[1] });
    await api.crossRefs.receive({ type: 'linkTo', kind: 'entity', end: { uri: a.uri, start: -1, end: 3 } });
    assert.strictEqual(await readFile(), before);
  });

  it('Cross-References: Link to… on what one version only has runs Link by Hand with that end, and the link is badged as made by hand', async () => {
    await openArticle(api, FR);
    await openArticle(api, EN_B);
    await openArticle(api, EN_A);
    const show = () => vscode.commands.executeCommand<CrossRefModel>(CrossRefCommands.showCrossReferences);
    let m = await show();
    await until(
      async () => (m = await show()).onlyIn.some((o) => o.kind === 'entity' && o.span),
      'an entity only one version has',
    );
    const only = m.onlyIn.find((o) => o.kind === 'entity' && o.span)!;
    const end = { uri: only.uri, ...only.span! };
    let settled = false;
    const done = api.crossRefs.receive({ type: 'linkTo', kind: 'entity', end }).finally(() => (settled = true));
    // The command asks which entity of another version: take the first one it offers.
    await until(async () => {
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the quick pick to be answered');
    await done;
    const file = JSON.parse(await readFile()) as {
      links: Array<{ status: string; a: { file: string; exact: string } }>;
    };
    const made = file.links.find((l) => l.status === 'manual');
    assert.ok(made, 'a link made by hand');
    assert.strictEqual(
      made.a.exact,
      (await vscode.workspace.openTextDocument(vscode.Uri.parse(only.uri))).getText().slice(end.start, end.end),
    );
    m = await show();
    assert.ok(
      m.entities.some((r) => r.verdict === 'manual'),
      'badged as made by hand',
    );
  });
});
