// In-host tests of the committed story-links file (article-lens.stories.json, src/services/storyLinks.ts on
// src/services/workspaceJsonFile.ts): a file that does not parse, is not a regular file, is too large or comes from
// a newer version is never overwritten (the user is told why, with a button to open it); every save merges into the
// file as it is on disk (another window's links are kept); unknown fields and entries survive; paths never read as
// URI schemes and never leak an absolute path. The workspace has two folders (scripts/e2e/run.sh): the fixture
// workspace and "Wire desk". Waits are on the extension's API (notifications, analyses) and on the view model the
// Show Cross-References command returns, polled until the file watcher has delivered a change (bounded).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CrossRefCommands } from '../../src/constants';
import type { ArticleLensApi } from '../../src/extension';
import type { ShownNotification } from '../../src/services/notifications';
import {
  checkStoryLinks,
  serializeStoryLinks,
  withLink,
  type StoryLinksData,
} from '../../src/services/storyLinksFormat';
import { WorkspaceJsonFile } from '../../src/services/workspaceJsonFile';
import { writeFileAtomically } from '../../src/util/atomicWrite';
import { EN_A, EN_B, FR, activateWith, fixture, folder, once, openArticle, storyVersionsWhen } from './helpers';

const LINKS_FILE = 'article-lens.stories.json';
const SECOND = 'flood-en.txt';

let api: ArticleLensApi;

const linksUri = () => vscode.Uri.joinPath(folder(), LINKS_FILE);
const writeRaw = (text: string) => vscode.workspace.fs.writeFile(linksUri(), new TextEncoder().encode(text));
const readRaw = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(linksUri()));
const writeLinks = (data: unknown) => writeRaw(`${JSON.stringify(data, null, 2)}\n`);

function secondFolder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[1];
  assert.ok(f, 'the test workspace has a second folder');
  return f;
}

function link(a: vscode.Uri, b: vscode.Uri): Thenable<number> {
  return vscode.commands.executeCommand<number>(CrossRefCommands.linkVersions, a, b);
}

/** The next notification whose message matches. */
function notification(match: RegExp, what: string): Promise<ShownNotification> {
  return once(api.notifications.onDidShow, (n) => match.test(n.message), what);
}

describe('Story links file (article-lens.stories.json) in the extension host', function () {
  this.timeout(180_000);
  const fr = () => fixture(FR);
  const enA = () => fixture(EN_A);
  const enB = () => fixture(EN_B);

  before(async () => {
    api = await activateWith(FR);
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace);
    await openArticle(api, FR);
  });

  afterEach(async () => {
    // NOTE: an empty file rather than none: the file watcher folds "created" and "deleted" events that come close
    // together into nothing, so deleting a file saved a moment ago may never be reported.
    await vscode.workspace.fs.delete(linksUri()).then(undefined, () => undefined);
    await writeLinks({ version: 1, links: [] });
    const titles = await storyVersionsWhen((t) => t.includes(EN_A) && t.includes(EN_B) && t.length === 3);
    assert.deepStrictEqual(titles.slice(1).sort(), [EN_A, EN_B], 'back to the automatic grouping');
  });

  after(async () => {
    await vscode.workspace.fs.delete(linksUri()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a file with merge-conflict markers is not used, not overwritten, and the user is told so with a button to open it', async () => {
    await writeLinks({ version: 1, links: [{ a: EN_A, b: FR, linked: false }] });
    assert.ok(!(await storyVersionsWhen((t) => !t.includes(EN_A))).includes(EN_A), 'the good file is read');
    const conflicted = [
      '{',
      '  "version": 1,',
      '  "links": [',
      '<<<<<<< HEAD',
      `    { "a": "${EN_A}", "b": "${FR}", "linked": false }`,
      '=======',
      `    { "a": "${EN_B}", "b": "${FR}", "linked": false }`,
      '>>>>>>> feature/links',
      '  ]',
      '}',
      '',
    ].join('\n');
    const onLoad = notification(/merge-conflict/, 'the warning about the conflicted file');
    await writeRaw(conflicted);
    const told = await onLoad;
    assert.strictEqual(told.severity, 'warning');
    assert.match(told.message, /article-lens\.stories\.json .*line 4/);
    assert.deepStrictEqual(told.actions, ['Open File']);
    // The last good choices stay in use while the file is broken: EN_A is still unlinked.
    assert.ok(!(await storyVersionsWhen(() => true)).includes(EN_A));

    const onSave = notification(/not saved/, 'the warning that the link was not saved');
    assert.strictEqual(await link(fr(), enB()), 0, 'nothing saved');
    assert.deepStrictEqual((await onSave).actions, ['Open File']);
    assert.strictEqual(await readRaw(), conflicted, 'the conflicted file is left exactly as it was');
  });

  it('a truncated file is not overwritten', async () => {
    const truncated = `{ "version": 1, "links": [ { "a": "${EN_A}", "b": "${FR}", "li`;
    const onLoad = notification(/not valid JSON/, 'the warning about the truncated file');
    await writeRaw(truncated);
    await onLoad;
    const onSave = notification(/not saved/, 'the warning that the link was not saved');
    assert.strictEqual(await link(fr(), enA()), 0);
    await onSave;
    assert.strictEqual(await readRaw(), truncated);
  });

  it('a committed symbolic link to /dev/zero, and a file over the size cap, are refused without being read or replaced', async () => {
    fs.rmSync(linksUri().fsPath, { force: true });
    fs.symlinkSync('/dev/zero', linksUri().fsPath);
    const notFile = notification(/not a regular file/, 'the warning about the symbolic link');
    // The watcher may or may not report a new symbolic link: a save attempt reads the file in any case.
    assert.strictEqual(await link(fr(), enA()), 0);
    await notFile;
    assert.strictEqual(fs.readlinkSync(linksUri().fsPath), '/dev/zero', 'still the same symbolic link');
    fs.unlinkSync(linksUri().fsPath);

    const huge = JSON.stringify({ version: 1, links: [], padding: 'x'.repeat(2 * 1024 * 1024) });
    const tooLarge = notification(/larger than 1024 KB/, 'the warning about the huge file');
    await writeRaw(huge);
    assert.strictEqual(await link(fr(), enA()), 0);
    await tooLarge;
    assert.strictEqual((await readRaw()).length, huge.length, 'left as it was');
  });

  it('a file of a newer format is read as far as understood, never rewritten, and the user is told', async () => {
    const v2 = `${JSON.stringify({ version: 2, reviewers: ['desk'], links: [{ a: EN_A, b: FR, linked: false, confidence: 0.9 }] }, null, 2)}\n`;
    const onLoad = notification(/newer version/, 'the warning about the newer format');
    await writeRaw(v2);
    assert.match((await onLoad).message, /format 2/);
    assert.ok(!(await storyVersionsWhen((t) => !t.includes(EN_A))).includes(EN_A), 'its links are used');
    const onSave = notification(/newer version/, 'the warning when linking');
    assert.strictEqual(await link(fr(), enB()), 0);
    await onSave;
    assert.strictEqual(await readRaw(), v2, 'byte for byte the same');
  });

  it('a save keeps unknown fields, entries that do not resolve here, and turns an absolute URI inside the folder into a relative path', async () => {
    const inside = fixture(EN_B).toString();
    await writeLinks({
      version: 1,
      comment: 'kept by the desk',
      links: [
        { a: '${workspaceFolder:Archive}/2019/trump.txt', b: FR, linked: true, by: 'sam' },
        { a: '../outside.txt', b: FR, linked: false },
        { a: 'file:///home/someone/else.txt', b: FR, linked: true },
        { a: inside, b: FR, linked: false, note: 'different story' },
        'not an entry',
      ],
    });
    await storyVersionsWhen((t) => !t.includes(EN_B));
    assert.strictEqual(await link(fr(), enA()), 1);
    assert.deepStrictEqual(JSON.parse(await readRaw()), {
      version: 1,
      comment: 'kept by the desk',
      // The new entry goes in order (after the names that sort before "000_…", before "file:…").
      links: [
        { a: '${workspaceFolder:Archive}/2019/trump.txt', b: FR, linked: true, by: 'sam' },
        { a: '../outside.txt', b: FR, linked: false },
        { a: EN_A, b: FR, linked: true },
        { a: 'file:///home/someone/else.txt', b: FR, linked: true },
        { a: EN_B, b: FR, linked: false, note: 'different story' },
        'not an entry',
      ],
    });
  });

  it('a root file named "Interview: Trump.txt" is written as ./Interview: Trump.txt and read back as a file, not a scheme', async () => {
    const name = 'Interview: Trump.txt';
    const interview = vscode.Uri.joinPath(folder(), name);
    await vscode.workspace.fs.writeFile(
      interview,
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(secondFolder().uri, SECOND)),
    );
    try {
      await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace, { force: false });
      assert.strictEqual(await link(fr(), interview), 1);
      assert.deepStrictEqual(JSON.parse(await readRaw()).links, [{ a: `./${name}`, b: FR, linked: true }]);
      assert.ok((await storyVersionsWhen((t) => t.includes(name))).includes(name), 'linked');
      // Written by hand (or by an older version) without the `./`: still the file.
      await writeLinks({
        version: 1,
        links: [
          { a: name, b: FR, linked: true },
          { a: EN_A, b: FR, linked: false },
        ],
      });
      const titles = await storyVersionsWhen((t) => !t.includes(EN_A));
      assert.ok(titles.includes(name) && !titles.includes(EN_A), titles.join(', '));
    } finally {
      await vscode.workspace.fs.delete(interview);
    }
  });

  it('links into another workspace folder are written by folder name, and files outside every folder are refused', async () => {
    const wire = vscode.Uri.joinPath(secondFolder().uri, SECOND);
    await vscode.commands.executeCommand(CrossRefCommands.reindexWorkspace, { force: false });
    assert.strictEqual(await link(fr(), wire), 1);
    const text = await readRaw();
    assert.deepStrictEqual(JSON.parse(text).links, [
      { a: '${workspaceFolder:Wire desk}/flood-en.txt', b: FR, linked: true },
    ]);
    assert.doesNotMatch(text, /file:|\/tmp\/|\/home\//, 'no absolute path in the shared file');
    assert.ok(
      (await storyVersionsWhen((t) => t.includes(SECOND))).includes(SECOND),
      'the other folder’s file is a linked version',
    );
    // Read back from disk (a teammate's edit): the folder name resolves.
    await writeLinks({ version: 1, links: [{ a: '${workspaceFolder:Wire desk}/flood-en.txt', b: FR, linked: false }] });
    assert.ok(!(await storyVersionsWhen((t) => !t.includes(SECOND))).includes(SECOND));

    const outside = vscode.Uri.file(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-outside-')), 'elsewhere.txt'),
    );
    const refused = notification(/only files inside the workspace folders/, 'the refusal');
    assert.strictEqual(await link(fr(), outside), 0);
    await refused;
    assert.doesNotMatch(await readRaw(), /elsewhere|file:/);
  });

  it('a save merges with the file on disk: another window’s link written just before is kept', async () => {
    // Another window saved its link a moment ago; this window's watcher has not delivered it yet.
    await writeLinks({ version: 1, links: [{ a: EN_B, b: FR, linked: false }] });
    assert.strictEqual(await link(fr(), enA()), 1);
    assert.deepStrictEqual(JSON.parse(await readRaw()).links, [
      { a: EN_A, b: FR, linked: true },
      { a: EN_B, b: FR, linked: false },
    ]);
    const titles = await storyVersionsWhen((t) => !t.includes(EN_B));
    assert.ok(!titles.includes(EN_B) && titles.includes(EN_A), `both choices are in use: ${titles.join(', ')}`);
  });

  it('quick unlink/link in this window ends with the last choice in use, whenever the watcher reports each save', async () => {
    for (let i = 0; i < 6; i++) {
      assert.strictEqual(await vscode.commands.executeCommand<number>(CrossRefCommands.unlinkVersions, fr(), enA()), 1);
      assert.strictEqual(await link(fr(), enA()), 1);
    }
    assert.deepStrictEqual(JSON.parse(await readRaw()).links, [{ a: EN_A, b: FR, linked: true }]);
    // Let the watcher deliver the events of all twelve saves: a late one must not bring back an older choice.
    await new Promise((r) => setTimeout(r, 2000));
    const titles = await storyVersionsWhen((t) => t.includes(EN_A));
    assert.ok(titles.includes(EN_A), `the last choice (linked) is in use: ${titles.join(', ')}`);
  });

  it('two other writers and this window saving at the same time lose nothing', async () => {
    // Two more "windows": their own WorkspaceJsonFile (own queue) on the same file, as another VS Code would have.
    const format = { check: checkStoryLinks, serialize: serializeStoryLinks };
    const writers = [0, 1].map(() => new WorkspaceJsonFile<StoryLinksData>(linksUri(), format, 1024 * 1024));
    const same = (p: string) => p;
    const saves: Thenable<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      for (const [w, writer] of writers.entries()) {
        saves.push(
          writer.update((d) => withLink(d, { a: `w${w}-${i}.txt`, b: 'elsewhere.txt', linked: true }, same, same)),
        );
      }
    }
    saves.push(link(fr(), enA()));
    const results = await Promise.all(saves);
    assert.strictEqual(results.pop(), 1, 'this window saved its link');
    for (const r of results) assert.deepStrictEqual((r as { ok: boolean }).ok, true);
    const entries = (JSON.parse(await readRaw()).links as Array<{ a: string; b: string }>)
      .map((e) => `${e.a}|${e.b}`)
      .sort();
    // (A pair is written in order: `elsewhere.txt` first.)
    const expected = [
      `${EN_A}|${FR}`,
      ...[0, 1].flatMap((w) => [0, 1, 2, 3, 4, 5].map((i) => `elsewhere.txt|w${w}-${i}.txt`)),
    ].sort();
    assert.deepStrictEqual(entries, expected);
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([n]) => n);
    assert.ok(
      !names.some((n) => n.endsWith('.tmp') || n.endsWith('.lock')),
      `no temporary or lock file left: ${names.join(', ')}`,
    );
  });

  it('atomic writes: concurrent writers of one file never share a temporary file, and readers always find one whole write', async () => {
    const target = vscode.Uri.joinPath(folder(), 'atomic-test.json');
    const texts = Array.from({ length: 24 }, (_, i) => JSON.stringify({ writer: i, body: String(i).repeat(50_000) }));
    await writeFileAtomically(target, texts[0]);
    let reads = 0;
    const bad: string[] = [];
    let done = false;
    // A reader polling while the writes happen never finds the file missing or half written.
    const reader = (async () => {
      while (!done) {
        try {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
          reads++;
          if (!texts.includes(text)) bad.push(`a partial file of ${text.length} characters`);
        } catch (e) {
          bad.push(`no file: ${(e as Error).message}`);
        }
      }
    })();
    await Promise.all(texts.map((t) => writeFileAtomically(target, t)));
    done = true;
    await reader;
    assert.deepStrictEqual(bad, [], `${reads} reads`);
    assert.ok(
      texts.includes(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))),
      'the final file is one of the writes',
    );
    const names = (await vscode.workspace.fs.readDirectory(folder())).map(([n]) => n);
    assert.ok(!names.some((n) => n.includes('atomic-test.json.') && n.endsWith('.tmp')), names.join(', '));
    await vscode.workspace.fs.delete(target);
  });
});
