import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the shipped bundle once (the compromise TESTENV=prod idea): what users run is what gets tested.
// `npm test` builds first (pretest), so dist/cli.js exists there; a bare `mocha` without a build skips with a reason.
const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const corpus = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'].map((f) =>
  join('test/fixtures/corpus', f),
);

describe('dist/cli.js (the built bundle)', function () {
  this.timeout(120000);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('analyses the three sample articles to JSON with valid spans', () => {
    const r = spawnSync(process.execPath, [cli, 'analyze', '--json', ...corpus], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.documents.map((d: { language: string }) => d.language),
      ['en', 'en', 'fr'],
    );
    for (const doc of json.documents) {
      const text = readFileSync(join(root, doc.file), 'utf8');
      const spans = [
        ...doc.entities.flatMap((e: { mentions: unknown[] }) => e.mentions),
        ...doc.figures,
        ...doc.dates,
        ...doc.quotes,
      ] as { start: number; end: number; text: string }[];
      for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
    }
  });

  it('refuses /dev/zero and a FIFO at once, and prints a hostile file name cleaned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-lens-dist-'));
    const fifo = join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const hostile = join(dir, 'x\u001b]0;PWNED\u0007\u001b[2J.txt');
    copyFileSync(join(root, corpus[0]), hostile);
    // A hang or gigabytes read would hit the timeout (the bundle reads nothing from either).
    const r = spawnSync(process.execPath, [cli, 'analyze', '/dev/zero', fifo, hostile], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /\/dev\/zero: is a device, not a regular file/);
    assert.match(r.stderr, /pipe\.txt: is a pipe \(FIFO\), not a regular file/);
    assert.doesNotMatch(r.stdout + r.stderr, /[\u0007\u001b]/);
    assert.match(r.stdout, /== .*x \]0;PWNED \[2J\.txt/);
  });

  it('reports an unreadable file on stderr with a non-zero exit and still analyses the rest', () => {
    const r = spawnSync(process.execPath, [cli, 'analyze', '--json', 'no/such/file.txt', corpus[0]], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no\/such\/file\.txt: no such file/);
    assert.equal(JSON.parse(r.stdout).documents.length, 1);
  });
});
