// The workspace index's pool of analysis workers (src/services/workerPool.ts) over real worker threads: the test
// worker of workerJobs.test.ts (jobs that block, never end or answer at once, each answer naming its thread) and
// the real analysis worker on the sample corpus. What is checked is behaviour: which thread answered, which error a
// job rejects with, how many workers run, and that the pool's analyses are the core's.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { isTimeoutError } from '../../src/services/workerJobs';
import { AnalysisPool, INDEX_WORKERS, poolSize } from '../../src/services/workerPool';
import { SETTING_RULES } from '../../src/services/configValidation';
import { CONFIG_DEFAULTS, Config } from '../../src/constants';
import { remainingMs } from '../../src/services/indexCore';
import type { JobAnswer } from './workers/jobWorker';
import { bundleWorker, delay, rejection } from './workerTesting';

const root = join(__dirname, '..', '..');

describe('analysis pool of the workspace index', function () {
  this.timeout(180_000);
  let dir: string;
  let jobWorker: string;
  let analysisWorker: string;
  const pools: AnalysisPool[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-lens-pool-'));
    jobWorker = bundleWorker('test/unit/workers/jobWorker.ts', join(dir, 'job.js'));
    analysisWorker = bundleWorker('src/services/analysisWorker.ts', join(dir, 'worker.js'));
  });
  afterEach(() => {
    for (const p of pools.splice(0)) p.dispose();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function pool(size: number, options: { seconds?: number; idleMs?: number; worker?: string } = {}): AnalysisPool {
    const p = new AnalysisPool(
      options.worker ?? jobWorker,
      () => options.seconds ?? 600,
      () => size,
      { idleMs: options.idleMs },
    );
    pools.push(p);
    return p;
  }
  const send = (p: AnalysisPool, command: string, signal?: AbortSignal) =>
    p.analyze(command, { today: '2024-01-01' }, signal).then((r) => r.analysis as unknown as JobAnswer);

  describe('size', () => {
    it('is one worker per core but one, at least one, capped by the setting', () => {
      assert.equal(poolSize(0, 1), 1);
      assert.equal(poolSize(0, 2), 1);
      assert.equal(poolSize(0, 8), 7);
      assert.equal(poolSize(3, 8), 3);
      assert.equal(poolSize(16, 8), 7, 'never more than the cores but one');
      assert.equal(poolSize(1, 8), 1);
      for (const junk of [undefined, 'x', NaN, -2, {}]) assert.equal(poolSize(junk, 4), 3, String(junk));
    });

    it('the setting is declared with the same range, rule and default, and restricted in untrusted workspaces', () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const section = pkg.contributes.configuration.find(
        (c: { properties: Record<string, unknown> }) => Config.indexWorkers in c.properties,
      );
      const s = section.properties[Config.indexWorkers];
      assert.deepEqual(
        [s.type, s.minimum, s.maximum, s.default],
        ['number', INDEX_WORKERS.min, INDEX_WORKERS.max, INDEX_WORKERS.default],
      );
      assert.deepEqual(SETTING_RULES[Config.indexWorkers], {
        kind: 'number',
        min: INDEX_WORKERS.min,
        max: INDEX_WORKERS.max,
        integer: true,
      });
      assert.equal(CONFIG_DEFAULTS[Config.indexWorkers], INDEX_WORKERS.default);
      assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes(Config.indexWorkers));
    });
  });

  it('the index progress estimates the time left from the pace so far, once a few files are done', () => {
    assert.equal(remainingMs(0, 100, 0), undefined);
    assert.equal(remainingMs(2, 100, 1000), undefined, 'too few files for a pace');
    assert.equal(remainingMs(10, 100, 2000), 18_000);
    assert.equal(remainingMs(50, 200, 10_000), 30_000);
    assert.equal(remainingMs(100, 100, 5000), undefined, 'nothing left');
  });

  it('runs as many jobs at once as it has workers, each on its own thread', async () => {
    const p = pool(2);
    const answers = await Promise.all([send(p, 'sleep 1500'), send(p, 'sleep 1500')]);
    assert.notEqual(answers[0].threadId, answers[1].threadId, 'two threads worked');
    assert.equal(p.workers, 2);
    // A third job goes to a worker that is free again, not to a new one.
    const third = await send(p, 'echo c');
    assert.ok(answers.some((a) => a.threadId === third.threadId));
    assert.equal(p.workers, 2);
  });

  it('with one worker, queues the jobs and answers them in order on the same thread', async () => {
    const p = pool(1);
    const answers = await Promise.all(['echo a', 'echo b', 'echo c'].map((c) => send(p, c)));
    assert.deepEqual(
      answers.map((a) => a.tag),
      ['a', 'b', 'c'],
    );
    assert.equal(new Set(answers.map((a) => a.threadId)).size, 1);
    assert.equal(p.workers, 1);
  });

  it('a job cancelled in the queue leaves it at once; the running ones finish', async () => {
    const p = pool(1);
    const running = send(p, 'sleep 1000');
    const controller = new AbortController();
    const queued = send(p, 'echo queued', controller.signal);
    controller.abort();
    assert.equal((await rejection(queued)).name, 'AbortError');
    assert.equal((await running).tag, '1000', 'the sleeping job answered');
    assert.equal(p.restarts, 0, 'no worker was restarted for a job that never ran');
  });

  it('a running job cancelled is stopped (its worker restarted) and the next job answers', async () => {
    const p = pool(1);
    const first = await send(p, 'echo first');
    const controller = new AbortController();
    const blocked = send(p, 'sleep 60000', controller.signal);
    await delay(300);
    controller.abort();
    assert.equal((await rejection(blocked)).name, 'AbortError');
    const next = await send(p, 'echo next');
    assert.equal(next.tag, 'next');
    assert.notEqual(next.threadId, first.threadId);
    assert.equal(p.restarts, 1);
  });

  it('a job past its deadline is stopped on its worker only: the job beside it answers from its own thread', async () => {
    const p = pool(2, { seconds: 1 });
    const [a, b] = await Promise.all([send(p, 'sleep 300'), send(p, 'sleep 300')]);
    const spinning = send(p, 'spin');
    const beside = send(p, 'sleep 400');
    const err = await rejection(spinning);
    assert.ok(isTimeoutError(err), `${err.name}: ${err.message}`);
    const answer = await beside;
    assert.equal(answer.tag, '400');
    assert.ok([a.threadId, b.threadId].includes(answer.threadId), 'the other worker was not restarted');
    assert.equal(p.restarts, 1);
  });

  it('stops its idle workers, and starts one again for the next job', async () => {
    const p = pool(2, { idleMs: 200 });
    await Promise.all([send(p, 'echo a'), send(p, 'echo b')]);
    assert.equal(p.workers, 2);
    for (let waited = 0; p.workers > 0; waited += 50) {
      assert.ok(waited < 20_000, 'the idle workers were stopped');
      await delay(50);
    }
    assert.equal((await send(p, 'echo again')).tag, 'again');
    assert.equal(p.workers, 1);
  });

  it('rejects jobs after dispose, and the jobs still queued', async () => {
    const p = pool(1);
    const running = send(p, 'sleep 500');
    const queued = send(p, 'echo y');
    p.dispose();
    assert.equal((await rejection(queued)).name, 'AbortError');
    await rejection(running);
    assert.match((await rejection(send(p, 'echo z'))).message, /disposed/);
  });

  it('two real analysis workers give the core’s analyses of the sample corpus', async () => {
    const p = pool(2, { worker: analysisWorker });
    const corpus = join(root, 'test/fixtures/corpus');
    const texts = readdirSync(corpus)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(corpus, f), 'utf8'));
    assert.ok(texts.length >= 3);
    const options = { today: '2024-06-01' };
    const results = await Promise.all(texts.map((t) => p.analyze(t, options)));
    assert.equal(p.workers, 2);
    for (const [i, r] of results.entries()) {
      const expected = JSON.parse(JSON.stringify(analyze(texts[i], options)));
      assert.deepEqual(r.analysis, expected, `article ${i}`);
    }
  });
});
