// The worker loader (src/services/workerLoader.ts): the real analysis worker run through it with V8's code cache.
// What is checked is behaviour on disk and in answers: the cache file is written once the first job was answered,
// a worker started later reads it (and leaves it alone), a damaged cache is replaced, an unwritable cache folder is
// reported as a warning while the analysis still arrives, and the bundle's older cache files are removed.
import { strict as assert } from 'node:assert';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisClient } from '../../src/services/analysisClient';
import { codeCacheFile } from '../../src/services/workerLoader';
import { bundleWorker, delay } from './workerTesting';

const root = join(__dirname, '..', '..');
const article = readFileSync(join(root, 'test/fixtures/corpus/000_0891fa58e8947cdd.txt'), 'utf8');

/** Waits (polling) until `check` holds; the bound is generous, only a cache never written reaches it. */
async function until(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 30_000) assert.fail(`${what}: not after 30 s`);
    await delay(50);
  }
}

describe('worker loader: the analysis worker with a code cache', function () {
  this.timeout(120_000);
  let dir: string;
  let loader: string;
  let worker: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-lens-loader-'));
    loader = bundleWorker('src/services/workerLoader.ts', join(dir, 'workerLoader.js'));
    worker = bundleWorker('src/services/analysisWorker.ts', join(dir, 'worker.js'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A real code cache file (not the few bytes of a damaged one). */
  const written = (file: string) => existsSync(file) && statSync(file).size > 10_000;

  /**
   * One analysis through the loader; the client is disposed once `settled()` holds (default: the bundle's cache
   * file is written) or a warning came, so the worker is not stopped while it writes the cache.
   */
  async function analyseWith(
    cacheDir: string,
    warnings: string[] = [],
    settled = () => written(codeCacheFile(cacheDir, worker)),
  ) {
    const client = new AnalysisClient(worker, () => 600, {
      codeCache: { loaderPath: loader, cacheDir },
      onWarning: (m) => warnings.push(m),
    });
    try {
      return await client.analyze(article, { lang: 'en', today: '2024-01-01' });
    } finally {
      await until('the cache written or a warning', () => warnings.length > 0 || settled());
      client.dispose();
    }
  }

  it('writes the cache after the first job, and a later worker reads it without rewriting it', async () => {
    const cacheDir = join(dir, 'cache-a');
    const first = await analyseWith(cacheDir);
    assert.ok(first.analysis.entities.length > 0, 'the analysis arrives through the loader');
    const file = codeCacheFile(cacheDir, worker);
    const written = statSync(file);
    assert.ok(written.size > 10_000, `a real code cache (${written.size} bytes)`);
    const bytes = readFileSync(file);
    const second = await analyseWith(cacheDir);
    assert.deepEqual(second.analysis.entities, first.analysis.entities, 'same analysis with the cache');
    await delay(500);
    assert.ok(readFileSync(file).equals(bytes), 'an accepted cache is left as it is');
  });

  it('replaces a damaged cache with one V8 accepts', async () => {
    const cacheDir = join(dir, 'cache-b');
    await analyseWith(cacheDir);
    const file = codeCacheFile(cacheDir, worker);
    writeFileSync(file, Buffer.from('not a code cache'));
    const warnings: string[] = [];
    const { analysis } = await analyseWith(cacheDir, warnings);
    assert.ok(analysis.entities.length > 0);
    assert.deepEqual(warnings, []);
    assert.ok(written(file), 'replaced by a real cache');
  });

  it('removes the older cache files of the bundle when the bundle changes', async () => {
    const cacheDir = join(dir, 'cache-c');
    await analyseWith(cacheDir);
    const old = codeCacheFile(cacheDir, worker);
    // A new build of the bundle: another time stamp, so another cache file.
    const later = new Date(Date.now() + 60_000);
    utimesSync(worker, later, later);
    await analyseWith(cacheDir);
    const now = codeCacheFile(cacheDir, worker);
    assert.notEqual(now, old);
    assert.deepEqual(
      readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache')),
      [now.split('/').pop()],
    );
  });

  it('reports a cache folder it cannot write as a warning, and the analysis still arrives', async () => {
    // No one can create a folder under a regular file (whatever the user's rights).
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'x');
    const warnings: string[] = [];
    const { analysis } = await analyseWith(join(blocker, 'cache'), warnings, () =>
      warnings.some((w) => /write/.test(w)),
    );
    assert.ok(analysis.entities.length > 0);
    assert.match(warnings.join('\n'), /Could not write the code cache/);
  });
});
