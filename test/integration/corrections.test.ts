// In-host tests of correcting the analysis (src/features/corrections.ts on src/services/corrections.ts): the light
// bulb's Quick Fixes and the correction commands change what is painted and shown and write
// article-lens.corrections.json; the corrections are applied again after the article is closed and reopened and by a
// fresh service reading the file; Undo / Redo Last Correction revert and restore file and paint; two writers at once
// lose nothing; a file that does not parse is left alone with a clear message. Waits are on the extension's API
// (analyses, paints, notifications) or on polls of what it has read, bounded, never a fixed sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, CorrectionCommands, CrossRefCommands, CrossRefCorrectionCommands } from '../../src/constants';
import { withId } from '../../src/core/corrections/changes';
import type { CrossRefLink, CrossRefResult } from '../../src/core/crossRefTypes';
import type { ArticleAnalysis } from '../../src/core/types';
import type { ArticleLensApi } from '../../src/extension';
import { CorrectionsService } from '../../src/services/corrections';
import { Notifier } from '../../src/services/notifications';
import {
  CORRECTIONS,
  EN_A,
  EN_B,
  FR,
  activateWith,
  fixture,
  once,
  openArticle,
  resetCorrections,
  until,
} from './helpers';

let api: ArticleLensApi;

const readFile = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(CORRECTIONS)));
const writeFile = (text: string) => vscode.workspace.fs.writeFile(fixture(CORRECTIONS), new TextEncoder().encode(text));

/** The mention of the entity named `name` (first one). */
function mentionOf(a: ArticleAnalysis, name: string): { start: number; end: number } {
  const e = a.entities.find((x) => x.name === name);
  assert.ok(e, `${name} is an entity: ${a.entities.map((x) => x.name).join(', ')}`);
  return e.mentions[0];
}

describe('Corrections in the extension host', function () {
  this.timeout(180_000);

  before(async () => {
    api = await activateWith(EN_A);
    await resetCorrections(api);
  });

  afterEach(async () => {
    await resetCorrections(api);
  });

  it('the light bulb on an entity offers corrections; "not an entity" unpaints it and writes the file; it stays applied when analysed afresh and when read by a new service', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const trump = mentionOf(analysis, 'Donald Trump');
    const range = new vscode.Range(doc.positionAt(trump.start + 1), doc.positionAt(trump.start + 1));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      range,
    );
    const titles = actions.map((a) => a.title);
    for (const expected of [
      /“Donald Trump” is not an entity here/,
      /Type of “Donald Trump”: Organization/,
      /Always treat “Donald Trump” as/,
      /Rename “Donald Trump”/,
      /Mark “Donald Trump” as verified/,
    ]) {
      assert.ok(
        titles.some((t) => expected.test(t)),
        `${expected} in ${JSON.stringify(titles)}`,
      );
    }
    const before = api.decorations.counts(doc.uri).person;
    const notEntity = actions.find((a) => /is not an entity here/.test(a.title))!;
    assert.strictEqual(notEntity.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const painted = once(
      api.decorations.onDidPaint,
      (u) => u.toString() === doc.uri.toString() && api.decorations.counts(doc.uri).person < before,
      'the repaint',
    );
    const after = await vscode.commands.executeCommand<ArticleAnalysis>(
      notEntity.command!.command,
      ...(notEntity.command!.arguments ?? []),
    );
    await painted;
    assert.ok(!after.entities.some((e) => e.mentions.some((m) => m.start === trump.start)), 'the mention is gone');
    const file = await readFile();
    assert.match(file, /"action": "remove"/);
    assert.match(file, /"exact": "Donald Trump"/);
    assert.match(file, new RegExp(`"file": "${EN_A}"`));

    // Analysed afresh (Re-analyse drops the cache): the correction is applied again.
    const again = await vscode.commands.executeCommand<ArticleAnalysis>(Commands.reanalyze);
    assert.ok(
      again && !again.entities.some((e) => e.mentions.some((m) => m.start === trump.start)),
      'still not an entity after a re-analysis',
    );

    // A service made afresh (as after a reload of the window) reads the same correction from the file.
    const log = vscode.window.createOutputChannel('Article Lens corrections test', { log: true });
    const notifier = new Notifier(log);
    const fresh = new CorrectionsService(notifier, log);
    try {
      await fresh.ready();
      const own = fresh.forDocument(doc.uri);
      assert.ok(
        own?.edits.some((e) => e.action === 'remove' && e.target.exact === 'Donald Trump'),
        JSON.stringify(own),
      );
      assert.strictEqual(fresh.forDocument(fixture(EN_B)), undefined, 'edits are per article');
    } finally {
      fresh.dispose();
      notifier.dispose();
      log.dispose();
    }
  });

  it('change type, then Undo and Redo Last Correction revert and restore the file and the analysis', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const tiktok = mentionOf(analysis, 'TikTok');
    const typeOf = (a: ArticleAnalysis | undefined) =>
      a?.entities.find((e) => e.mentions.some((m) => m.start === tiktok.start))?.type;
    assert.strictEqual(typeOf(analysis), 'organization');
    const retyped = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.retype, {
      uri: doc.uri.toString(),
      ...tiktok,
      type: 'place',
    });
    assert.strictEqual(typeOf(retyped), 'place');
    assert.match(await readFile(), /"action": "retype"/);
    assert.strictEqual(api.statusBar.shown() !== undefined, true);

    const undone = await vscode.commands.executeCommand<string>(CorrectionCommands.undo);
    assert.ok(undone, 'something was undone');
    assert.doesNotMatch(await readFile(), /"action": "retype"/);
    assert.strictEqual(typeOf(await api.analyses.whenAnalyzed(doc.uri)), 'organization');

    await vscode.commands.executeCommand(CorrectionCommands.redo);
    assert.match(await readFile(), /"action": "retype"/);
    assert.strictEqual(typeOf(await api.analyses.whenAnalyzed(doc.uri)), 'place');
  });

  it('fix boundaries, mark a selection, set a speaker, set a date and verify each change the analysis', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const text = doc.getText();
    const uri = doc.uri.toString();
    // Boundaries: "Donald Trump's government" as the organization's mention, from the selection.
    const trump = mentionOf(analysis, 'Donald Trump');
    const wide = { start: trump.start, end: text.indexOf('government', trump.start) + 'government'.length };
    let a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.fixBoundaries, {
      uri,
      ...trump,
      span: wide,
    });
    assert.ok(
      a.entities.some((e) => e.mentions.some((m) => m.start === wide.start && m.end === wide.end)),
      'new boundaries',
    );
    // A selection marked as a new organization.
    const music = text.indexOf('music distribution company');
    assert.ok(music > 0);
    const span = { start: music, end: music + 'music distribution company'.length };
    a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.markEntity, {
      uri,
      ...span,
      type: 'organization',
    });
    assert.ok(
      a.entities.some(
        (e) => e.type === 'organization' && e.mentions.some((m) => m.start === span.start && m.end === span.end),
      ),
    );
    // A quote's speaker.
    const quote = a.quotes.find((q) => !q.scare && q.text.length > 40)!;
    assert.ok(quote);
    a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.setSpeaker, {
      uri,
      start: quote.start,
      end: quote.end,
      speaker: 'TikTok',
    });
    const said = a.quotes.find((q) => q.start === quote.start)!;
    assert.deepStrictEqual([said.speaker?.name, said.speaker?.via], ['TikTok', 'reader']);
    // A date's value.
    const date = a.dates[0];
    a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.setDate, {
      uri,
      start: date.start,
      end: date.end,
      value: '2020-08-17',
    });
    assert.strictEqual(a.dates.find((d) => d.start === date.start)?.value, '2020-08-17');
    // Verified.
    const before = a.verified?.verified ?? 0;
    const tiktok = mentionOf(a, 'TikTok');
    a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.verify, {
      uri,
      ...tiktok,
      kind: 'entity',
    });
    assert.ok(a.entities.find((e) => e.name === 'TikTok')?.verified);
    assert.ok((a.verified?.verified ?? 0) > before);
    const file = await readFile();
    for (const action of ['span', 'add', 'speaker', 'date', 'verify'])
      assert.match(file, new RegExp(`"action": "${action}"`));
  });

  it('a workspace rule "never an entity" applies to every article, other versions included', async () => {
    const b = await openArticle(api, EN_B);
    assert.ok(b.analysis.entities.some((e) => e.name === 'TikTok'));
    const { doc, analysis } = await openArticle(api, EN_A);
    const tiktok = mentionOf(analysis, 'TikTok');
    const a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.ruleNever, {
      uri: doc.uri.toString(),
      ...tiktok,
      scope: 'workspace',
    });
    assert.ok(!a.entities.some((e) => e.name === 'TikTok'), 'not an entity here');
    assert.match(await readFile(), /"rules": \[\s*\{[^\n]*"text": "TikTok", "type": null, "scope": "workspace"/);
    const other = await api.analyses.whenAnalyzed(fixture(EN_B));
    assert.ok(!other?.entities.some((e) => e.name === 'TikTok'), 'nor in the other version');
  });

  it('two writers at once lose nothing: this window, another service on the same file, and an external write', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const log = vscode.window.createOutputChannel('Article Lens corrections writer', { log: true });
    const notifier = new Notifier(log);
    const other = new CorrectionsService(notifier, log);
    try {
      await other.ready();
      const tiktok = mentionOf(analysis, 'TikTok');
      const entry = withId('edits', {
        file: EN_A,
        action: 'verify' as const,
        target: { exact: 'Beijing' },
        at: '2020-01-01T00:00:00.000Z',
      });
      await Promise.all([
        vscode.commands.executeCommand(CorrectionCommands.verify, {
          uri: doc.uri.toString(),
          ...tiktok,
          kind: 'entity',
        }),
        other.record(doc.uri, [{ op: 'put', list: 'edits', entry }], 'verify Beijing'),
      ]);
      const file = await readFile();
      assert.match(file, /"exact": "TikTok"/);
      assert.match(file, /"exact": "Beijing"/);
      // A write by another program (a git pull) between two corrections is kept and applied.
      const external = JSON.parse(file);
      external.rules.push({ id: 'r-external', text: 'Singapore', type: 'organization', scope: 'workspace' });
      await writeFile(JSON.stringify(external, null, 2));
      await until(
        () => api.corrections.entries(doc.uri).rules.some((r) => r.id === 'r-external'),
        'the external write to be read',
      );
      const a = await api.analyses.whenAnalyzed(doc.uri);
      assert.strictEqual(a?.entities.find((e) => e.name === 'Singapore')?.type, 'organization');
      const trump = mentionOf(a!, 'Donald Trump');
      await vscode.commands.executeCommand(CorrectionCommands.verify, {
        uri: doc.uri.toString(),
        ...trump,
        kind: 'entity',
      });
      const last = await readFile();
      for (const s of ['TikTok', 'Beijing', 'Donald Trump', 'r-external']) assert.ok(last.includes(s), `${s} kept`);
    } finally {
      other.dispose();
      notifier.dispose();
      log.dispose();
    }
  });

  it('a file with merge-conflict markers is left alone, with a message and a button to open it; the analysis goes on without it', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const tiktok = mentionOf(analysis, 'TikTok');
    await vscode.commands.executeCommand(CorrectionCommands.retype, {
      uri: doc.uri.toString(),
      ...tiktok,
      type: 'place',
    });
    const good = await readFile();
    const lines = good.split('\n');
    const conflicted = [
      ...lines.slice(0, 2),
      '<<<<<<< HEAD',
      ...lines.slice(2, -2),
      '=======',
      '>>>>>>> theirs',
      ...lines.slice(-2),
    ].join('\n');
    const told = once(
      api.notifications.onDidShow,
      (n) => /corrections\.json has merge-conflict markers/.test(n.message),
      'the message',
    );
    await writeFile(conflicted);
    const n = await told;
    assert.match(n.message, /will not be overwritten/);
    assert.deepStrictEqual(n.actions, ['Open File']);
    await until(() => api.corrections.entries(doc.uri).edits.length === 0, 'the corrections to be dropped from use');
    const a = await api.analyses.whenAnalyzed(doc.uri);
    assert.strictEqual(
      a?.entities.find((e) => e.mentions.some((m) => m.start === tiktok.start))?.type,
      'organization',
      'analysed without it',
    );
    // A correction now is refused, and the file stays byte for byte.
    const refused = once(
      api.notifications.onDidShow,
      (x) => /the correction was not saved/.test(x.message),
      'the refusal',
    );
    await vscode.commands.executeCommand(CorrectionCommands.verify, {
      uri: doc.uri.toString(),
      ...tiktok,
      kind: 'entity',
    });
    await refused;
    assert.strictEqual(await readFile(), conflicted);
  });

  it('verified: the panel and the status bar show N of M verified, and the hover card says it was verified', async () => {
    const { doc, analysis } = await openArticle(api, EN_A);
    const tiktok = mentionOf(analysis, 'TikTok');
    const a = await vscode.commands.executeCommand<ArticleAnalysis>(CorrectionCommands.verify, {
      uri: doc.uri.toString(),
      ...tiktok,
      kind: 'entity',
    });
    const total = a.verified!.total;
    await until(
      () => api.panel.model().verified === `1 of ${total} verified`,
      `the panel to say 1 of ${total} verified`,
    );
    assert.strictEqual(api.panel.model().entities.find((e) => e.name === 'TikTok')?.verified, true);
    await until(() => !!api.statusBar.shown()?.text.includes(`1 of ${total} verified`), 'the status bar count');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(tiktok.start + 1),
    );
    const md = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(md, /✓ verified/);
  });

  it('an orphaned correction is listed in the panel, never dropped, and Remove Orphaned Corrections removes it from the file', async () => {
    const { doc } = await openArticle(api, EN_A);
    const orphan = {
      id: 'e-orphan',
      file: EN_A,
      action: 'remove',
      target: { exact: 'Words that are nowhere in the article' },
    };
    const kept = { id: 'e-kept', file: EN_A, action: 'verify', target: { exact: 'TikTok' } };
    await writeFile(JSON.stringify({ version: 1, edits: [orphan, kept] }, null, 2));
    await until(() => api.corrections.entries(doc.uri).edits.length === 2, 'the file to be read');
    await until(() => api.panel.model().orphans.some((o) => o.id === 'e-orphan'), 'the orphan in the panel');
    assert.strictEqual(api.panel.model().orphans.length, 1);
    const removed = await vscode.commands.executeCommand<number>(CorrectionCommands.removeOrphans, {
      uri: doc.uri.toString(),
    });
    assert.strictEqual(removed, 1);
    const file = await readFile();
    assert.doesNotMatch(file, /e-orphan/);
    assert.match(file, /e-kept/);
    await until(() => api.panel.model().orphans.length === 0, 'the orphan to leave the panel');
    // Removing is a correction like the others: undone, the orphan is back in the file.
    await vscode.commands.executeCommand(CorrectionCommands.undo);
    assert.match(await readFile(), /e-orphan/);
  });

  it('cross-references: a link made by hand is added, then rejected; an automatic link is confirmed; all written as links', async () => {
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
    const fr = await openArticle(api, FR);
    await openArticle(api, EN_B);
    const en = await openArticle(api, EN_A);
    const at = (doc: vscode.TextDocument, s: string) => {
      const start = doc.getText().indexOf(s);
      assert.ok(start >= 0, s);
      return { uri: doc.uri.toString(), start, end: start + s.length };
    };
    const frUri = fr.doc.uri.toString();
    const a = at(en.doc, 'Donald Trump');
    const b = at(fr.doc, 'Microsoft');
    const isOurs = (l: CrossRefLink) =>
      l.kind === 'entity' &&
      l.items.some((x) => x.file === frUri && /Microsoft/.test(x.name)) &&
      l.items.some((x) => /Trump/.test(x.name));
    const made = await vscode.commands.executeCommand<CrossRefResult>(CrossRefCorrectionCommands.linkByHand, {
      kind: 'entity',
      a,
      b,
    });
    assert.ok(
      made?.links.some((l) => isOurs(l) && l.manual),
      'the manual link is made',
    );
    assert.match(await readFile(), /"status": "manual"/);
    const rejected = await vscode.commands.executeCommand<CrossRefResult>(CrossRefCorrectionCommands.rejectLink, {
      kind: 'entity',
      a,
      b,
    });
    assert.ok(rejected && !rejected.links.some(isOurs), 'the rejected link is gone');
    assert.match(await readFile(), /"status": "rejected"/);
    const confirmed = await vscode.commands.executeCommand<CrossRefResult>(CrossRefCorrectionCommands.confirmLink, {
      kind: 'entity',
      a: at(en.doc, 'TikTok'),
      b: at(fr.doc, 'TikTok'),
    });
    assert.ok(
      confirmed?.links.some((l) => l.kind === 'entity' && l.confirmed && l.items.some((x) => x.name === 'TikTok')),
      'confirmed',
    );
    assert.match(await readFile(), /"status": "confirmed"/);
  });
});
