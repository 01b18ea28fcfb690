// In-host integration tests of Article Lens (mocha BDD: describe/it/before/after), run inside the real
// extension host by test/integration/index.ts. Fixtures come from the workspace folder
// (test/e2e/fixtures/workspace, copied by the harness). Every wait is on the extension's own API
// (`whenAnalyzed`, `onDidPaint`) or on a VS Code event, never a fixed sleep.
//
// API used (see src/extension.ts): exports = { analyses: { whenAnalyzed(uri), onDidAnalyze },
//                                              decorations: { counts(uri), onDidPaint } }.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  Commands,
  Config,
  CorrectionCommands,
  CrossRefCommands,
  CrossRefCorrectionCommands,
  EXTENSION_ID,
  LANGUAGE_ID,
} from '../../src/constants';
import { highlightSetting, KINDS } from '../../src/core/kinds';
import type { ArticleAnalysis } from '../../src/core/types';
import type { ArticleLensApi } from '../../src/extension';
import {
  EN_A,
  EN_B,
  FR,
  activateWith,
  articleDocument,
  fixture,
  folder,
  once,
  openArticle,
  resetCorrections,
  unescape,
} from './helpers';

const HOSTILE = 'hostile-article.txt';

let api: ArticleLensApi;

function hoverMarkdown(hovers: vscode.Hover[]): vscode.MarkdownString[] {
  return hovers
    .flatMap((h) => h.contents)
    .filter(
      (c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c && !('language' in c),
    ) as vscode.MarkdownString[];
}

async function hoverAt(
  doc: vscode.TextDocument,
  offset: number,
): Promise<{ text: string; parts: vscode.MarkdownString[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(offset),
  );
  const parts = hoverMarkdown(hovers ?? []);
  return { text: parts.map((p) => p.value).join('\n\n'), parts };
}

function allIndexes(text: string, re: RegExp): number[] {
  return [...text.matchAll(re)].map((m) => m.index ?? -1);
}

describe('Article Lens in the extension host', function () {
  this.timeout(120_000);

  before(async () => {
    api = await activateWith(EN_A);
  });

  after(async () => {
    const cfg = vscode.workspace.getConfiguration();
    for (const key of [Config.decorationsEnabled, ...KINDS.map(highlightSetting), Config.analysisMaxFileSizeKB]) {
      await cfg.update(key, undefined, vscode.ConfigurationTarget.Workspace);
      await cfg.update(key, undefined, vscode.ConfigurationTarget.Global);
    }
  });

  describe('activation and language', () => {
    it('activates on opening a plain .txt article and switches it to the article language', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.strictEqual(ext?.isActive, true);
      const doc = await articleDocument(fixture(EN_A));
      assert.strictEqual(doc.languageId, LANGUAGE_ID);
    });

    it('analyses English and French articles in a worker and returns spans that match the text', async () => {
      for (const [name, lang] of [
        [EN_A, 'en'],
        [FR, 'fr'],
      ] as const) {
        const { doc, analysis } = await openArticle(api, name);
        assert.strictEqual(analysis.language, lang, name);
        const text = doc.getText();
        for (const e of analysis.entities)
          for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
        for (const q of analysis.quotes) assert.strictEqual(text.slice(q.start, q.end), q.text);
      }
    });
  });

  describe('which files are articles', () => {
    it('leaves a plain-text file that is not prose as Plain Text, and "Set as Article" brings it in', async () => {
      const uri = vscode.Uri.joinPath(folder(), 'shopping-list.txt');
      await vscode.workspace.fs.writeFile(
        uri,
        new TextEncoder().encode('eggs\nmilk\nbread\nTikTok gift card\nDonald Duck comic\n'),
      );
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      assert.strictEqual(doc.languageId, 'plaintext');
      assert.strictEqual(await api.analyses.whenAnalyzed(uri), undefined, 'not analysed');
      const switched = await vscode.commands.executeCommand<vscode.Uri>(Commands.setAsArticle, uri);
      assert.strictEqual(switched?.toString(), uri.toString());
      const article = await articleDocument(uri);
      assert.strictEqual(article.languageId, LANGUAGE_ID);
      assert.ok(await api.analyses.whenAnalyzed(uri), 'analysed once set as an article');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('detects an article pasted into an Untitled file', async () => {
      const base = (await vscode.workspace.openTextDocument(fixture(EN_A))).getText();
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      const switched = once(
        vscode.workspace.onDidOpenTextDocument,
        (d) => d.uri.toString() === doc.uri.toString() && d.languageId === LANGUAGE_ID,
        'the pasted article to become an article',
      );
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), base));
      await switched;
      assert.ok(await api.analyses.whenAnalyzed(doc.uri));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });

  describe('hovers', () => {
    it('shows the entity card for "ByteDance": kind, canonical name, mentions, first mention', async () => {
      const { doc } = await openArticle(api, EN_A);
      const at = doc.getText().indexOf('ByteDance') + 3;
      const { text, parts } = await hoverAt(doc, at);
      assert.match(text, /\*\*Organization\*\* · ByteDance/);
      assert.match(text, /2 mentions/);
      assert.match(text, /First mention: .*\*\*ByteDance\*\*/);
      for (const p of parts) assert.ok(!p.isTrusted, 'hover markdown is not trusted');
    });

    it('shows the date card with kind and what it was resolved against', async () => {
      const { doc, analysis } = await openArticle(api, EN_A);
      const text = doc.getText();
      const monday = text.indexOf('on Monday') + 4;
      const date = analysis.dates.find((d) => d.start <= monday && monday < d.end);
      assert.ok(date, '"Monday" is a date mention');
      const { text: md } = await hoverAt(doc, monday + 1);
      assert.match(md, /\*\*Date\*\*/);
      assert.match(unescape(md), /Monday/);
      if (date.value) assert.ok(unescape(md).includes(date.value), 'the card shows the resolved value');
    });

    it('shows the quote card with its speaker and how it was attributed', async () => {
      const { doc, analysis } = await openArticle(api, EN_A);
      const at = doc.getText().indexOf('Given the rumors and misinformation') + 12;
      const quote = analysis.quotes.find((q) => q.start <= at && at < q.end);
      assert.ok(quote?.speaker, 'the quote has a speaker');
      const { text } = await hoverAt(doc, at);
      assert.match(text, /\*\*Quote\*\* · Speaker: \*\*/);
      assert.ok(unescape(text).includes(quote.speaker.name));
      assert.match(text, /named at the quote|by a description|by a pronoun|continues the previous quote/);
    });

    it("a hostile article's hover cards are inert (no links, command URIs, HTML, code spans)", async () => {
      const { doc, analysis } = await openArticle(api, HOSTILE);
      const text = doc.getText();
      const offsets = [
        text.indexOf('Acme Corp') + 2,
        text.indexOf('We are not in talks') + 5,
        text.indexOf('[click here]') + 3,
        text.indexOf('Jane Doe') + 2,
        ...analysis.entities.flatMap((e) => e.mentions.map((m) => m.start)),
        ...analysis.quotes.map((q) => q.start),
      ].filter((o) => o >= 0);
      let cards = 0;
      for (const o of offsets) {
        const { parts } = await hoverAt(doc, o);
        for (const p of parts) {
          cards++;
          assert.ok(!p.isTrusted, 'not trusted');
          assert.ok(!p.supportHtml, 'no HTML');
          const v = p.value;
          assert.doesNotMatch(v, /(^|[^\\])\]\(/, `no link syntax: ${v}`);
          assert.doesNotMatch(v, /(^|[^\\])</, `no raw angle bracket: ${v}`);
          assert.doesNotMatch(v, /(^|[^\\])`/, `no code span: ${v}`);
          assert.doesNotMatch(v, /command:/, `no command URI: ${v}`);
        }
      }
      assert.ok(cards >= 3, `hover cards were produced (${cards})`);
    });
  });

  describe('outline and navigation', () => {
    it('document symbols list the quotes grouped by speaker', async () => {
      const { doc, analysis } = await openArticle(api, EN_A);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      const quotes = symbols.find((s) => s.name === 'Quotes');
      assert.ok(quotes, 'a Quotes group');
      const speakers = new Set(analysis.quotes.filter((q) => !q.scare && q.speaker).map((q) => q.speaker!.name));
      assert.ok(speakers.size > 0);
      for (const s of speakers)
        assert.ok(
          quotes.children.some((c) => c.name === s),
          `speaker ${s} in the outline`,
        );
      const listed = quotes.children.reduce((n, c) => n + c.children.length, 0);
      assert.strictEqual(listed, analysis.quotes.filter((q) => !q.scare).length);
      for (const group of ['People', 'Organizations', 'Places'])
        assert.ok(
          symbols.some((s) => s.name === group),
          group,
        );
    });

    it('Find All References on "Trump" returns every mention', async () => {
      const { doc } = await openArticle(api, EN_B);
      const text = doc.getText();
      const mentions = allIndexes(text, /\bTrump\b/g);
      assert.strictEqual(mentions.length, 4);
      const pos = doc.positionAt(mentions[2] + 1);
      const refs = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        doc.uri,
        pos,
      );
      for (const m of mentions) {
        const p = doc.positionAt(m);
        assert.ok(
          refs.some((r) => r.uri.toString() === doc.uri.toString() && r.range.contains(p)),
          `mention at ${m} is a reference`,
        );
      }
    });

    it('Go to Definition jumps to the first mention', async () => {
      const { doc } = await openArticle(api, EN_B);
      const text = doc.getText();
      const mentions = allIndexes(text, /\bTrump\b/g);
      const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        doc.uri,
        doc.positionAt(mentions[3] + 1),
      );
      assert.strictEqual(defs.length, 1);
      const d = defs[0];
      const range = 'targetRange' in d ? d.targetRange : d.range;
      assert.ok(range.contains(doc.positionAt(mentions[0])), 'the first mention');
    });

    it('provides semantic tokens for articles', async () => {
      const { doc } = await openArticle(api, EN_A);
      const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>(
        'vscode.provideDocumentSemanticTokens',
        doc.uri,
      );
      assert.ok(tokens && tokens.data.length >= 5 * 10, 'at least ten tokens');
    });
  });

  describe('highlights', () => {
    it('paints every kind, and toggling a kind removes its highlights (and restores them)', async () => {
      const { doc } = await openArticle(api, EN_A);
      const before = api.decorations.counts(doc.uri);
      assert.ok(
        before.organization > 0 && before.person > 0 && before.place > 0 && before.quote > 0,
        JSON.stringify(before),
      );
      const painted = once(api.decorations.onDidPaint, (u) => u.toString() === doc.uri.toString(), 'repaint');
      const on = await vscode.commands.executeCommand<boolean>(Commands.toggleKind, 'organization');
      assert.strictEqual(on, false);
      await painted;
      const after = api.decorations.counts(doc.uri);
      assert.strictEqual(after.organization, 0);
      assert.strictEqual(after.person, before.person, 'other kinds stay');
      const repainted = once(api.decorations.onDidPaint, (u) => u.toString() === doc.uri.toString(), 'repaint');
      await vscode.commands.executeCommand(Commands.toggleKind, 'organization');
      await repainted;
      assert.strictEqual(api.decorations.counts(doc.uri).organization, before.organization);
    });

    it('toggling all highlights clears and restores every layer', async () => {
      const { doc } = await openArticle(api, EN_A);
      const painted = once(api.decorations.onDidPaint, (u) => u.toString() === doc.uri.toString(), 'repaint');
      await vscode.commands.executeCommand(Commands.toggleHighlights);
      await painted;
      assert.ok(Object.values(api.decorations.counts(doc.uri)).every((n) => n === 0));
      const repainted = once(api.decorations.onDidPaint, (u) => u.toString() === doc.uri.toString(), 'repaint');
      await vscode.commands.executeCommand(Commands.toggleHighlights);
      await repainted;
      assert.ok(api.decorations.counts(doc.uri).person > 0);
    });

    it('a file over the size limit is not analysed', async () => {
      const { doc } = await openArticle(api, EN_A);
      const cfg = vscode.workspace.getConfiguration();
      await cfg.update(Config.analysisMaxFileSizeKB, 1, vscode.ConfigurationTarget.Workspace);
      try {
        await vscode.commands.executeCommand(Commands.reanalyze);
        assert.strictEqual(await api.analyses.whenAnalyzed(doc.uri), undefined);
      } finally {
        await cfg.update(Config.analysisMaxFileSizeKB, undefined, vscode.ConfigurationTarget.Workspace);
      }
      assert.ok(await api.analyses.whenAnalyzed(doc.uri));
    });
  });

  describe('long articles', () => {
    it('keeps typing responsive on a long article and ends with an analysis of the final text', async () => {
      const base = (await vscode.workspace.openTextDocument(fixture(EN_A))).getText();
      let content = '';
      while (content.length < 200_000) content += `${base}\n\n`;
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      const first = await api.analyses.whenAnalyzed(doc.uri);
      assert.ok(first && first.entities.length > 0, 'analysed');
      // Type while analyses are pending or running: every edit goes through (the analysis is off the main thread).
      for (let i = 0; i < 5; i++) {
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x')), `edit ${i}`);
      }
      const last = await api.analyses.whenAnalyzed(doc.uri);
      assert.ok(last, 'analysed again');
      const text = doc.getText();
      assert.ok(text.startsWith('xxxxx'));
      for (const e of last.entities) for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);
      const counts = api.decorations.counts(doc.uri);
      assert.ok(counts.organization > 0, 'highlights painted');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });

  describe('commands', () => {
    it('every contributed command is registered', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const contributed = (ext.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
      const registered = new Set(await vscode.commands.getCommands(true));
      for (const c of contributed) assert.ok(registered.has(c), c);
    });

    it('every contributed command runs without error', async () => {
      const { doc } = await openArticle(api, EN_A);
      const out = vscode.Uri.joinPath(folder(), 'out-commands.json');
      const args: Record<string, unknown[]> = {
        [Commands.toggleKind]: ['date'],
        [Commands.setLanguage]: ['en'],
        [Commands.setReferenceDate]: ['2020-08-17'],
        [Commands.exportAnnotations]: [{ format: 'json', target: out }],
        [Commands.setAsArticle]: [doc.uri],
        // Cross-reference commands: arguments instead of quick picks and the save dialog (same file = no-op link).
        [CrossRefCommands.openCounterpartBeside]: [doc.uri],
        [CrossRefCommands.linkVersions]: [doc.uri, doc.uri],
        [CrossRefCommands.unlinkVersions]: [doc.uri, doc.uri],
        [CrossRefCommands.exportTmx]: [vscode.Uri.joinPath(folder(), 'out-commands.tmx')],
      };
      // Correction commands: every answer given, so that none asks (their effects are checked in corrections.test.ts).
      const correction = {
        uri: doc.uri.toString(),
        start: 0,
        end: doc.getText().indexOf(' '),
        type: 'organization',
        span: { start: 0, end: doc.getText().indexOf(' (') },
        scope: 'file',
        name: 'A name',
        speaker: 'A speaker',
        into: 'TikTok',
        value: '2020-08-17',
        scare: true,
        kind: 'entity',
      };
      for (const id of Object.values(CorrectionCommands)) args[id] ??= [correction];
      const end = { uri: doc.uri.toString(), start: 0, end: 3 };
      for (const id of Object.values(CrossRefCorrectionCommands)) args[id] = [{ kind: 'entity', a: end, b: end }];
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      // A failing handler does not reject (the wrapper reports it): it shows an error, which must not happen here.
      const errors: string[] = [];
      const sub = api.notifications.onDidShow((n) => n.severity === 'error' && errors.push(n.message));
      try {
        for (const { command } of ext.packageJSON.contributes.commands as { command: string }[]) {
          await vscode.window.showTextDocument(await articleDocument(doc.uri), { preview: false });
          await vscode.commands.executeCommand(command, ...(args[command] ?? []));
        }
      } finally {
        sub.dispose();
      }
      assert.deepStrictEqual(errors, []);
      // Undo the state changes.
      await vscode.commands.executeCommand(Commands.toggleKind, 'date');
      await vscode.commands.executeCommand(Commands.toggleHighlights);
      await vscode.commands.executeCommand(Commands.setLanguage, 'auto');
      await vscode.commands.executeCommand(Commands.setReferenceDate, '');
      await resetCorrections(api);
      assert.ok((await vscode.workspace.fs.stat(out)).size > 100);
    });

    it('a command that fails shows one error message saying why, and resolves', async () => {
      await openArticle(api, EN_A);
      const shown: Array<{ severity: string; message: string }> = [];
      const sub = api.notifications.onDidShow((n) => shown.push(n));
      try {
        // No file system serves this scheme: writing the export fails inside the handler.
        const target = vscode.Uri.parse('article-lens-nowhere:/out.json');
        const result = await vscode.commands.executeCommand(Commands.exportAnnotations, { format: 'json', target });
        assert.strictEqual(result, undefined);
      } finally {
        sub.dispose();
      }
      const failures = shown.filter((n) => n.severity === 'error');
      assert.strictEqual(failures.length, 1, JSON.stringify(shown));
      assert.match(failures[0].message, /^Article Lens ?: (the command failed|la commande a échoué)/);
      assert.ok(!shown.some((n) => /exported/.test(n.message)), 'nothing claims the file was written');
    });

    it('set reference date and set language change the analysis', async () => {
      const { doc } = await openArticle(api, EN_A);
      const withRef = await vscode.commands.executeCommand<ArticleAnalysis>(Commands.setReferenceDate, '2020-08-18');
      // In a workspace folder the reference date is the reader's correction, kept in the corrections file.
      assert.deepStrictEqual(withRef?.referenceDate && [withRef.referenceDate.value, withRef.referenceDate.source], [
        '2020-08-18',
        'reader',
      ]);
      assert.ok(
        api.corrections.entries(doc.uri).edits.some((e) => e.action === 'referenceDate' && e.value === '2020-08-18'),
      );
      const cleared = await vscode.commands.executeCommand<ArticleAnalysis>(Commands.setReferenceDate, '');
      assert.notStrictEqual(cleared?.referenceDate?.source, 'reader');
      assert.ok(!api.corrections.entries(doc.uri).edits.some((e) => e.action === 'referenceDate'));
      const fr = await vscode.commands.executeCommand<ArticleAnalysis>(Commands.setLanguage, 'fr');
      assert.strictEqual(fr?.language, 'fr');
      const auto = await vscode.commands.executeCommand<ArticleAnalysis>(Commands.setLanguage, 'auto');
      assert.strictEqual(auto?.language, 'en');
      assert.strictEqual((await api.analyses.whenAnalyzed(doc.uri))?.language, 'en');
    });

    it('next/previous entity and quote move the selection to a mention', async () => {
      const { editor, analysis } = await openArticle(api, EN_A);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const mentions = analysis.entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
      await vscode.commands.executeCommand(Commands.nextEntity);
      const a = editor.document.offsetAt(editor.selection.start);
      assert.ok(
        mentions.some((m) => m.start === a),
        'on an entity mention',
      );
      await vscode.commands.executeCommand(Commands.nextEntity);
      const b = editor.document.offsetAt(editor.selection.start);
      assert.ok(b > a);
      await vscode.commands.executeCommand(Commands.previousEntity);
      assert.strictEqual(editor.document.offsetAt(editor.selection.start), a);
      await vscode.commands.executeCommand(Commands.nextQuote);
      const q = editor.document.offsetAt(editor.selection.start);
      assert.ok(
        analysis.quotes.some((x) => x.outer.start === q),
        'on a quote',
      );
    });

    it('copies the entity list', async () => {
      const { analysis } = await openArticle(api, EN_A);
      const text = await vscode.commands.executeCommand<string>(Commands.copyEntities);
      for (const e of analysis.entities) assert.ok(text.includes(e.name), e.name);
      assert.match(text, /^Organizations \(\d+\)$/m);
    });

    it('exports valid JSON, brat standoff and W3C Web Annotation files', async () => {
      const { doc, analysis } = await openArticle(api, EN_A);
      const text = doc.getText();
      const dec = new TextDecoder();
      const target = (ext: string) => vscode.Uri.joinPath(folder(), `export-test${ext}`);

      await vscode.commands.executeCommand(Commands.exportAnnotations, { format: 'json', target: target('.json') });
      const json = JSON.parse(dec.decode(await vscode.workspace.fs.readFile(target('.json'))));
      assert.strictEqual(json.version, 1);
      assert.strictEqual(json.documents[0].entities.length, analysis.entities.length);
      for (const e of json.documents[0].entities)
        for (const m of e.mentions) assert.strictEqual(text.slice(m.start, m.end), m.text);

      await vscode.commands.executeCommand(Commands.exportAnnotations, { format: 'brat', target: target('.ann') });
      const ann = dec.decode(await vscode.workspace.fs.readFile(target('.ann')));
      const lines = ann.trim().split('\n');
      assert.ok(lines.length > 10);
      const chars = Array.from(text);
      for (const line of lines) {
        const m = /^T\d+\t\w+ (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
        if (!m) {
          assert.match(line, /^(R\d+\tSaidBy Arg1:T\d+ Arg2:T\d+|#\d+\tAnnotatorNotes T\d+\t.*)$/);
          continue;
        }
        const covered = m[1].split(';').map((f) => {
          const [s, e] = f.split(' ').map(Number);
          return chars.slice(s, e).join('');
        });
        assert.strictEqual(covered.join(' '), m[2]);
      }

      await vscode.commands.executeCommand(Commands.exportAnnotations, { format: 'w3c', target: target('.jsonld') });
      const w3c = JSON.parse(dec.decode(await vscode.workspace.fs.readFile(target('.jsonld'))));
      assert.strictEqual(w3c['@context'], 'http://www.w3.org/ns/anno.jsonld');
      assert.strictEqual(w3c.type, 'AnnotationCollection');
      for (const item of w3c.first.items) {
        const [quote, pos] = item.target.selector;
        assert.strictEqual(chars.slice(pos.start, pos.end).join(''), quote.exact);
      }
    });

    it("the panel's model lists entities by kind with counts, dates in time order, quotes with speakers", async () => {
      const { doc, analysis } = await openArticle(api, EN_B);
      const model = api.panel.model();
      assert.strictEqual(model.uri, doc.uri.toString());
      assert.strictEqual(model.entities.length, analysis.entities.length);
      const trump = model.entities.find((e) => e.name === 'Donald Trump');
      assert.ok(trump && trump.type === 'person' && trump.count === trump.mentions.length && trump.count >= 4);
      const values = model.dates.map((d) => d.value).filter((v): v is string => !!v && /^\d{4}/.test(v));
      assert.deepStrictEqual(values, [...values].sort(), 'resolved dates in time order');
      assert.ok(model.quotes.length > 0 && model.quotes.every((q) => !q.scare));
      assert.ok(model.quotes.some((q) => q.speaker === 'Steve Stoute'));
      for (const e of model.entities)
        for (const m of e.mentions) assert.ok(doc.getText().slice(m.start, m.end).length > 0);
    });

    it('shows the panel', async () => {
      await openArticle(api, EN_A);
      await vscode.commands.executeCommand(Commands.showPanel);
    });
  });
});
