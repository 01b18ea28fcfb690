// The built CLI (dist/cli.js) with the reader's corrections, on the sample corpus: `--corrections FILE` with the
// fixture file (each action kind, rules of each scope, link verdicts), the file found on its own next to the
// articles (and not above a repository), `--no-corrections`, and files that cannot be used.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const [A, B, F] = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
const corpus = [A, B, F].map((f) => join('test/fixtures/corpus', f));
const fixture = 'test/fixtures/corrections/corpus.corrections.json';

function run(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 120000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Mention {
  start: number;
  end: number;
  text: string;
  source: string;
  verified: boolean;
}
interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  source: string;
  verified: boolean;
  mentions: Mention[];
}
interface Doc {
  file: string;
  referenceDate: string | null;
  referenceDateSource: string | null;
  entities: Entity[];
  dates: Array<Mention & { value: string | null }>;
  quotes: Array<Mention & { scare: boolean; speaker: { name: string; via: string } | null }>;
  verified: { verified: number; total: number };
  corrections: { applied: Array<{ id: string; status: string }>; orphaned: Array<{ id: string; reason: string }> };
}
const docOf = (json: { documents: Doc[] }, f: string) => json.documents.find((d) => d.file.endsWith(f))!;
const entityNamed = (d: Doc, name: string) => d.entities.find((e) => e.name === name);
const entityWith = (d: Doc, text: string) => d.entities.find((e) => e.mentions.some((m) => m.text === text));

/** A temporary folder holding copies of the three articles in `sub` and `corrections` (paths as written). */
function workspace(
  corrections: string | undefined,
  sub = '',
  file = 'article-lens.corrections.json',
): { dir: string; articles: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'article-lens-corr-'));
  mkdirSync(join(dir, sub), { recursive: true });
  const articles = [A, B, F].map((f) => {
    copyFileSync(join(root, 'test/fixtures/corpus', f), join(dir, sub, f));
    return join(sub, f);
  });
  if (corrections !== undefined) writeFileSync(join(dir, file), corrections);
  return { dir, articles };
}
/** The fixture with its paths made relative to a folder holding the articles (in `sub`). */
const fixtureFor = (sub: string) =>
  readFileSync(join(root, fixture), 'utf8')
    .split('"../corpus/')
    .join(`"${sub ? `${sub}/` : ''}`);

describe('dist/cli.js with corrections', function () {
  this.timeout(300000);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  describe('analyze --json --corrections FILE on the sample corpus', () => {
    let plain: { documents: Doc[] };
    let json: { documents: Doc[] };
    let stderr = '';
    before(() => {
      const p = run(['analyze', '--json', '--no-corrections', ...corpus]);
      assert.equal(p.status, 0, p.stderr);
      plain = JSON.parse(p.stdout);
      const r = run(['analyze', '--json', '--corrections', fixture, ...corpus]);
      assert.equal(r.status, 0, r.stderr);
      json = JSON.parse(r.stdout);
      stderr = r.stderr;
    });

    it('says on stderr which file it used', () => {
      assert.match(
        stderr,
        /^article-lens: corrections from test\/fixtures\/corrections\/corpus\.corrections\.json \(3 rules, 15 edits, 3 links\)$/m,
      );
    });

    it('rules: workspace (Ultimatepocket never an entity), story (Oracle an organization), file (Bloomberg)', () => {
      assert.ok(entityNamed(docOf(plain, F), 'Ultimatepocket'));
      assert.equal(entityNamed(docOf(json, F), 'Ultimatepocket'), undefined);
      // Made in the first article, the story rule reaches the second, where a headline made "Oracle" a person.
      assert.ok(docOf(plain, B).entities.some((e) => e.name === 'Oracle' && e.type === 'person'));
      assert.ok(!docOf(json, B).entities.some((e) => e.name === 'Oracle' && e.type === 'person'));
      assert.ok(docOf(json, B).corrections.applied.some((c) => c.id === 'r2'));
      assert.ok(docOf(json, B).corrections.applied.some((c) => c.id === 'r3'));
      assert.ok(!docOf(json, A).corrections.applied.some((c) => c.id === 'r3'), 'a file rule stays in its file');
    });

    it('entity edits: remove, retype, span, add, merge, split, rename, verify', () => {
      const a = docOf(json, A);
      const f = docOf(json, F);
      assert.ok(entityNamed(docOf(plain, F), 'Accusée'));
      assert.equal(entityWith(f, 'Accusée'), undefined, 'remove');
      assert.equal(entityNamed(docOf(plain, A), 'White House')?.type, 'place');
      assert.deepEqual(
        [entityNamed(a, 'White House')?.type, entityNamed(a, 'White House')?.source],
        ['organization', 'reader'],
        'retype',
      );
      const journal = entityWith(f, 'Le Wall Street Journal');
      assert.ok(journal && journal.mentions[0].source === 'reader', 'span');
      assert.equal(entityWith(docOf(plain, F), 'Le Wall Street Journal'), undefined);
      assert.equal(entityWith(a, 'US government')?.type, 'organization', 'add');
      const party = entityWith(f, 'Parti communiste chinois')!;
      assert.ok(
        party.mentions.some((m) => m.text === 'Chine'),
        'merge',
      );
      const split = entityWith(a, 'U.S.')!;
      assert.deepEqual(
        split.mentions.map((m) => m.text),
        ['U.S.'],
        'split',
      );
      assert.ok(entityWith(docOf(plain, A), 'U.S.')!.mentions.length > 1);
      assert.ok(entityNamed(a, 'United States of America'), 'rename');
      assert.deepEqual(
        [entityNamed(a, 'Steve Stoute')?.source, entityNamed(a, 'Steve Stoute')?.verified],
        ['auto', true],
        'verify',
      );
      for (const d of json.documents) {
        const text = readFileSync(join(root, d.file), 'utf8');
        for (const m of d.entities.flatMap((e) => e.mentions)) assert.equal(text.slice(m.start, m.end), m.text);
      }
    });

    it('quote edits: speaker, not a quote, scare quote', () => {
      const q = docOf(json, B).quotes.find((x) => x.text === 'We’re been here a long time,')!;
      assert.deepEqual(q.speaker && [q.speaker.name, q.speaker.via], ['Vanessa Pappas', 'reader']);
      assert.ok(docOf(plain, A).quotes.some((x) => x.text === 'the last sunshine of the Internet'));
      assert.ok(!docOf(json, A).quotes.some((x) => x.text === 'the last sunshine of the Internet'));
      const scare = (d: Doc) => d.quotes.find((x) => x.text === 'changements significatifs')?.scare;
      assert.deepEqual([scare(docOf(plain, F)), scare(docOf(json, F))], [false, true]);
    });

    it('date edits: a value, the reference date; and the orphaned correction', () => {
      const f = docOf(json, F);
      assert.deepEqual([f.referenceDate, f.referenceDateSource], ['2020-09-14', 'reader']);
      assert.equal(f.dates.find((d) => d.text === 'aujourd’hui')?.value, '2020-09-13');
      assert.equal(docOf(plain, F).dates.find((d) => d.text === 'aujourd’hui')?.value, null);
      assert.equal(
        f.dates.find((d) => d.text === 'dimanche')?.value,
        '2020-09-13',
        'resolved against the reader\u2019s date',
      );
      assert.equal(docOf(json, A).dates.find((d) => d.text === 'June 1')?.verified, true);
      assert.deepEqual(
        docOf(json, A).corrections.orphaned.map((o) => [o.id, o.reason]),
        [['c14', 'notFound']],
      );
      assert.ok(docOf(json, A).verified.verified > 0);
    });
  });

  it('xref --json --corrections FILE: a rejected link is gone, a confirmed and a hand-made one marked, missingIn', () => {
    const p = run(['xref', '--json', '--no-corrections', ...corpus]);
    const r = run(['xref', '--json', '--corrections', fixture, ...corpus]);
    assert.equal(r.status, 0, r.stderr);
    type Link = { kind: string; confirmed?: boolean; manual?: boolean; items?: Array<{ file: string; name: string }> };
    type Xref = { links: Link[]; missingIn: Array<{ file: string; kind: string; name: string; presentIn: string[] }> };
    const plain: Xref = JSON.parse(p.stdout);
    const json: Xref = JSON.parse(r.stdout);
    const chinaBoth = (x: Xref) =>
      x.links.some(
        (l) =>
          l.items?.some((i) => i.file.endsWith(A) && i.name === 'China') && l.items.some((i) => i.file.endsWith(F)),
      );
    assert.equal(chinaBoth(plain), true);
    assert.equal(chinaBoth(json), false, 'rejected');
    const nz = json.links.find((l) => l.items?.some((i) => i.name === 'Nouvelle-Zélande'));
    assert.equal(nz?.confirmed, true);
    const manual = json.links.find((l) => l.manual && l.items?.some((i) => i.name === 'US government'));
    assert.deepEqual(
      manual?.items?.map((i) => i.name),
      ['US government', 'l’administration'],
    );
    const lacks = json.missingIn.find((m) => m.file.endsWith(F) && m.kind === 'entity' && m.name === 'China');
    assert.ok(lacks && lacks.presentIn.some((f) => f.endsWith(A)), 'China, rejected in French, is missing there');
    const text = run(['xref', '--corrections', fixture, ...corpus]).stdout;
    assert.match(text, /Nouvelle-Zélande \[[^\]]*\]\s+confirmed/);
    assert.match(text, /l’administration \[[^\]]*\]\s+linked by hand/);
    assert.match(
      text,
      /^Missing in test\/fixtures\/corpus\/002_99e5ccb7759e430c\.txt \(in the other versions\) \(\d+\)$/m,
    );
    assert.match(text, /^ {2}entity: Kevin Mayer \[in test\/fixtures\/corpus\/000_0891fa58e8947cdd\.txt, /m);
  });

  it('finds article-lens.corrections.json above the articles by itself, and --no-corrections turns it off', () => {
    const { dir, articles } = workspace(fixtureFor('news'), 'news');
    void articles;
    // Run from inside the folder: the article is named as given, the file relative to the working directory.
    const named = run(['analyze', A], join(dir, 'news'));
    assert.equal(named.status, 0, named.stderr);
    assert.match(
      named.stderr,
      /^article-lens: corrections found: \.\.\/article-lens\.corrections\.json \(3 rules, 15 edits, 3 links\)$/m,
    );
    assert.match(named.stdout, /White House ×1 \[reader: retype\] \[verified\]/);
    assert.match(
      named.stdout,
      /^Orphaned corrections \(1\): kept in the file, not applied\n {2}c14 remove "no longer in the article": /m,
    );
    const off = run(['analyze', '--no-corrections', A], join(dir, 'news'));
    assert.equal(off.stderr, '');
    assert.doesNotMatch(off.stdout, /\[reader/);
  });

  it('does not look above a folder holding .git', () => {
    const { dir } = workspace(fixtureFor('repo/news'), 'repo/news');
    mkdirSync(join(dir, 'repo', '.git'));
    const r = run(['analyze', join('repo', 'news', A)], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /corrections/);
    assert.doesNotMatch(r.stdout, /\[reader/);
  });

  it('stops with one line naming the file when it cannot be used: not JSON, merge conflict, too large', () => {
    const cases: Array<[string, RegExp, string[]]> = [
      ['{ "version": 1, "rules": [', /: is not valid JSON \(/, []],
      [
        '{ "version": 1,\n<<<<<<< HEAD\n  "rules": [],\n=======\n  "rules": [ ],\n>>>>>>> theirs\n  "edits": [] }\n',
        /: has unresolved merge-conflict markers \(line 2\); resolve the conflict first$/m,
        [],
      ],
      [
        `{ "version": 1, "rules": [], "edits": [], "links": [], "pad": "${'x'.repeat(4096)}" }`,
        /: too large \(4 KB; the limit is 2 KB, see --max-size\)$/m,
        ['--max-size', String(2 / 1024)],
      ],
      ['[1, 2]', /: is not a corrections file \(not a JSON object\)$/m, []],
    ];
    const hostile = 'x\u001b]0;PWNED\u0007.json';
    cases.forEach(([content, message, extra], i) => {
      const { dir } = workspace(content);
      writeFileSync(join(dir, hostile), content);
      // Found on its own, and (once, to spare the time of a run) named on the command line with a hostile name.
      const ways = [
        [[A], 'article-lens.corrections.json'],
        [['--corrections', hostile, A], 'x \\]0;PWNED \\.json'],
      ] as const;
      for (const [args, name] of i === 0 ? ways : ways.slice(0, 1)) {
        const r = run(['analyze', ...extra, ...args], dir);
        assert.equal(r.status, 2, `${content.slice(0, 30)}: ${r.stderr}`);
        assert.equal(r.stdout, '', 'nothing analysed');
        const first = r.stderr.split('\n')[0];
        assert.match(first, new RegExp(`^article-lens: ${name}: `));
        assert.match(first, message);
        assert.doesNotMatch(r.stderr, /[\u0007\u001b]/);
        assert.match(r.stderr, /run with --no-corrections/);
      }
    });
  });

  it('reads a file of a newer version with a warning (it never writes it), and says which entries it skips', () => {
    const newer = JSON.stringify({
      version: 2,
      rules: [{ id: 'r1', text: 'Ultimatepocket', type: null, scope: 'workspace' }],
      edits: [{ id: 'x1', file: F, action: 'translate', target: { exact: 'Oracle' } }],
    });
    const { dir } = workspace(newer);
    const r = run(['analyze', '--json', F], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stderr,
      /article-lens\.corrections\.json: warning: written by a newer version of Article Lens \(format 2; this one reads 1\)/,
    );
    assert.match(r.stderr, /warning: edits\[0\] \(x1\) is not applied: unknown action "translate"/);
    assert.equal(entityNamed(JSON.parse(r.stdout).documents[0], 'Ultimatepocket'), undefined);
  });
});
