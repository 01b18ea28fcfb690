import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    const r = spawnSync(process.execPath, [cli, 'analyze', '--json', ...corpus], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(json.documents.map((d: { language: string }) => d.language), ['en', 'en', 'fr']);
    for (const doc of json.documents) {
      const { readFileSync } = require('node:fs') as typeof import('node:fs');
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

  it('reports an unreadable file on stderr with a non-zero exit and still analyses the rest', () => {
    const r = spawnSync(process.execPath, [cli, 'analyze', '--json', 'no/such/file.txt', corpus[0]], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no\/such\/file\.txt: no such file/);
    assert.equal(JSON.parse(r.stdout).documents.length, 1);
  });
});
