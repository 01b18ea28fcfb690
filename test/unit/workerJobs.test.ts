// WorkerClient and the two clients built on it (AnalysisClient, CrossRefClient), driving real worker threads: a
// test worker (test/unit/workers/jobWorker.ts, bundled here by esbuild) whose jobs block, never end, fail or answer
// at once, and the real analysis and cross-reference workers on real news text. What is checked is behaviour: which
// error a job rejects with, that the worker was restarted (a new threadId answers), and that the next job's result
// arrives. The only time bounds are generous ones a blocked worker could never meet (the blocking jobs last 60 s).
import { strict as assert } from 'node:assert';
import { getEventListeners } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_DEFAULTS, Config } from '../../src/constants';
import { analyze } from '../../src/core/analyze';
import type { CrossRefDoc } from '../../src/core/crossRef';
import { AnalysisClient } from '../../src/services/analysisClient';
import { CrossRefClient } from '../../src/services/crossRefClient';
import {
  DEADLINE_BYTES_PER_STEP,
  TIMEOUT_SECONDS,
  WorkerClient,
  WorkerTimeoutError,
  isTimeoutError,
  type WorkerClientOptions,
  jobDeadlineMs,
  timeoutSecondsFrom,
} from '../../src/services/workerJobs';
import type { JobAnswer } from './workers/jobWorker';
import { bundleWorker, delay, rejection } from './workerTesting';

const root = join(__dirname, '..', '..');
/** A job the worker would be busy with for a minute: anything answering sooner means it was stopped. */
const BLOCKED = 'sleep 60000';
/** Generous bound for "promptly": far below BLOCKED, far above a restart (which loads the worker again). */
const PROMPT_MS = 20_000;

let dir: string;
const bundles = { job: '', slowLoad: '', analysis: '', xref: '' };

function bundle(entry: string, name: string, define: Record<string, string> = {}): string {
  return bundleWorker(entry, join(dir, `${name}.js`), define);
}

/** Runs `body` with a plain WorkerClient over `workerPath` (names and messages of a test), then disposes it. */
async function withClient(
  workerPath: string,
  options: Partial<WorkerClientOptions>,
  body: (client: WorkerClient<{ text: string }, JobAnswer>) => Promise<void>,
): Promise<void> {
  const client = new WorkerClient<{ text: string }, JobAnswer>(workerPath, {
    name: 'Test',
    cancelled: 'Test cancelled',
    timedOut: (s) => `Test timed out after ${s} s`,
    ...options,
  });
  try {
    await body(client);
  } finally {
    client.dispose();
  }
}

/** A client of each kind over the same test worker, with one way to send a command and read the answer. */
interface Harness {
  restarts(): number;
  send(command: string, signal?: AbortSignal): Promise<JobAnswer>;
  dispose(): void;
}

function harnesses(
  workerPath: () => string,
  timeoutSeconds: () => number,
): Array<{ name: string; make: () => Harness }> {
  return [
    {
      name: 'AnalysisClient',
      make: () => {
        const c = new AnalysisClient(workerPath(), timeoutSeconds);
        return {
          restarts: () => c.restarts,
          // The test worker answers a JobAnswer whatever the client's result type says.
          send: (command, signal) =>
            c.analyze(command, { today: '2024-01-01' }, signal).then((r) => r.analysis as unknown as JobAnswer),
          dispose: () => c.dispose(),
        };
      },
    },
    {
      name: 'CrossRefClient',
      make: () => {
        const c = new CrossRefClient(workerPath(), timeoutSeconds);
        return {
          restarts: () => c.restarts,
          send: (command, signal) =>
            c
              .crossReference(
                [{ file: 'a', text: command, analysis: {} as CrossRefDoc['analysis'] }],
                { focus: 'a' },
                signal,
              )
              .then((r) => r.result as unknown as JobAnswer),
          dispose: () => c.dispose(),
        };
      },
    },
  ];
}

describe('worker jobs: every job can be stopped', function () {
  this.timeout(120_000);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'article-lens-workers-'));
    bundles.job = bundle('test/unit/workers/jobWorker.ts', 'job');
    bundles.slowLoad = bundle('test/unit/workers/jobWorker.ts', 'slow-load', {
      'process.env.JOB_WORKER_LOAD_MS': '"3000"',
    });
    bundles.analysis = bundle('src/services/analysisWorker.ts', 'analysis');
    bundles.xref = bundle('src/services/crossRefWorker.ts', 'xref');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('deadline of a job', () => {
    it('is the setting for up to 250 KB of text, and as much again per further 250 KB', () => {
      const cases: Array<[unknown, number, number]> = [
        [30, 0, 30_000],
        [30, 4 * 1024, 30_480],
        [30, DEADLINE_BYTES_PER_STEP, 60_000],
        [30, 4 * DEADLINE_BYTES_PER_STEP, 150_000],
        [1, 2 * DEADLINE_BYTES_PER_STEP, 3_000],
      ];
      for (const [seconds, bytes, ms] of cases)
        assert.equal(jobDeadlineMs(seconds, bytes), ms, `${seconds} s over ${bytes} bytes`);
    });

    it('reads the setting defensively: numbers are clamped, anything else is the default', () => {
      const cases: Array<[unknown, number]> = [
        [12, 12],
        [0, TIMEOUT_SECONDS.min],
        [-5, TIMEOUT_SECONDS.min],
        [1e9, TIMEOUT_SECONDS.max],
        ['20', 20],
        ['x', TIMEOUT_SECONDS.default],
        ['', TIMEOUT_SECONDS.default],
        [NaN, TIMEOUT_SECONDS.default],
        [Infinity, TIMEOUT_SECONDS.default],
        [null, TIMEOUT_SECONDS.default],
        [undefined, TIMEOUT_SECONDS.default],
        [{}, TIMEOUT_SECONDS.default],
      ];
      for (const [value, seconds] of cases) assert.equal(timeoutSecondsFrom(value), seconds, String(value));
      assert.equal(jobDeadlineMs('x', Number.NaN), TIMEOUT_SECONDS.default * 1000);
    });

    it('package.json declares the setting with the same range and default', () => {
      const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const section = pkg.contributes.configuration.find(
        (c: { properties: Record<string, unknown> }) => Config.analysisTimeoutSeconds in c.properties,
      );
      const setting = section.properties[Config.analysisTimeoutSeconds];
      assert.deepEqual(
        [setting.type, setting.minimum, setting.maximum, setting.default],
        ['number', TIMEOUT_SECONDS.min, TIMEOUT_SECONDS.max, TIMEOUT_SECONDS.default],
      );
      assert.equal(CONFIG_DEFAULTS[Config.analysisTimeoutSeconds], TIMEOUT_SECONDS.default);
    });
  });

  /** The clients' timeoutSeconds setting in the harness tests (a job of a few bytes gets about that long). */
  let seconds = 600;
  for (const { name, make } of harnesses(
    () => bundles.job,
    () => seconds,
  )) {
    describe(`${name} over a test worker`, () => {
      let h: Harness;
      beforeEach(() => {
        seconds = 600;
        h = make();
      });
      afterEach(() => h.dispose());

      for (const cancelAt of [0, 200, 1500]) {
        it(`a job cancelled ${cancelAt} ms after it started is stopped and the next job runs on a fresh worker`, async () => {
          const first = await h.send('echo first');
          const controller = new AbortController();
          const blocked = h.send(BLOCKED, controller.signal);
          if (cancelAt > 0) await delay(cancelAt);
          controller.abort();
          const aborted = Date.now();
          const err = await rejection(blocked);
          assert.equal(err.name, 'AbortError');
          const next = await h.send('echo next');
          assert.equal(next.tag, 'next');
          assert.notEqual(next.threadId, first.threadId, 'answered by a new worker thread');
          assert.equal(h.restarts(), 1);
          assert.ok(Date.now() - aborted < PROMPT_MS, 'the next job did not wait for the cancelled one');
        });
      }

      it('a job that never ends times out, the worker is restarted, and the jobs queued behind it run', async () => {
        seconds = 0.5;
        const first = await h.send('echo first');
        const spinning = h.send('spin');
        const queued = [h.send('echo a'), h.send('echo b')];
        const err = await rejection(spinning);
        assert.ok(isTimeoutError(err), `a timeout error, got ${err.name}: ${err.message}`);
        assert.ok(err instanceof WorkerTimeoutError && err.limitMs >= 500 && err.limitMs < 600, 'carries its deadline');
        assert.equal(err.name, 'TimeoutError');
        assert.match(err.message, /timed out after 0\.5 s/);
        const answers = await Promise.all(queued);
        assert.deepEqual(
          answers.map((a) => a.tag),
          ['a', 'b'],
        );
        assert.ok(
          answers.every((a) => a.threadId !== first.threadId),
          'answered by a new worker thread',
        );
        assert.equal(h.restarts(), 1);
      });

      it('a failing job rejects with its error and the worker goes on', async () => {
        const first = await h.send('echo first');
        const err = await rejection(h.send('throw now'));
        assert.match(err.message, /^RangeError: failed on purpose now$/);
        assert.ok(!isTimeoutError(err));
        const next = await h.send('echo next');
        assert.equal(next.threadId, first.threadId, 'same worker');
        assert.equal(h.restarts(), 0);
      });

      it('a job cancelled while queued never runs, and the running one is not disturbed', async () => {
        const controller = new AbortController();
        const running = h.send('sleep 300');
        const queued = h.send('spin', controller.signal);
        controller.abort();
        assert.equal((await rejection(queued)).name, 'AbortError');
        assert.equal((await running).tag, '300');
        assert.equal((await h.send('echo after')).tag, 'after', 'the spinning job was never sent');
        assert.equal(h.restarts(), 0);
      });

      it('dispose rejects the running and the queued jobs', async () => {
        const running = h.send(BLOCKED);
        const queued = h.send('echo late');
        h.dispose();
        assert.equal((await rejection(running)).name, 'AbortError');
        assert.equal((await rejection(queued)).name, 'AbortError');
        assert.match((await rejection(h.send('echo again'))).message, /client disposed/);
      });
    });
  }

  describe('WorkerClient', () => {
    it('a cancelled job that ends within the grace does not cost a restart (its answer is dropped)', async () => {
      await withClient(bundles.job, { cancelGraceMs: 30_000 }, async (client) => {
        const first = await client.run({ text: 'echo first' });
        const controller = new AbortController();
        const short = client.run({ text: 'sleep 50' }, { signal: controller.signal });
        controller.abort();
        assert.equal((await rejection(short)).name, 'AbortError');
        const next = await client.run({ text: 'echo next' });
        assert.equal(next.result.threadId, first.result.threadId, 'same worker');
        assert.equal(client.restarts, 0);
      });
    });

    it("a job's deadline counts from the moment the worker has loaded its code, not from its start-up", async () => {
      // The worker takes 3 s to load; the job itself answers at once and has 1.5 s.
      await withClient(bundles.slowLoad, {}, async (client) => {
        const r = await client.run({ text: 'echo loaded' }, { timeoutMs: 1500 });
        assert.equal(r.result.tag, 'loaded');
        assert.equal(client.restarts, 0);
      });
    });

    it('a worker that does not get ready in time is restarted, and the job rejects as timed out', async () => {
      await withClient(bundles.slowLoad, { loadTimeoutMs: 200 }, async (client) => {
        // The worker takes 3 s to load, 200 ms are allowed.
        const err = await rejection(client.run({ text: 'echo never' }, { timeoutMs: 60_000 }));
        assert.ok(isTimeoutError(err));
        assert.equal(err.message, 'Test worker did not start within 0.2 s');
        assert.equal(client.restarts, 1);
      });
    });

    it('after a restart the fresh worker loads at once, so a job that comes later does not wait for the load', async () => {
      await withClient(bundles.slowLoad, {}, async (client) => {
        await client.run({ text: 'echo first' }, { timeoutMs: 60_000 });
        assert.ok(isTimeoutError(await rejection(client.run({ text: 'spin' }, { timeoutMs: 100 }))));
        // The next job comes after the 3 s a worker of this kind needs to load; a worker spawned only now would
        // make it wait those 3 s again.
        await delay(4500);
        const t0 = Date.now();
        assert.equal((await client.run({ text: 'echo later' }, { timeoutMs: 60_000 })).result.tag, 'later');
        assert.ok(Date.now() - t0 < 2500, `answered in ${Date.now() - t0} ms, without a 3 s load`);
        assert.equal(client.restarts, 1);
      });
    });

    it('a job cancelled while the worker is still loading gets its grace from the load on (no restart)', async () => {
      // The worker takes 3 s to load; a grace counted from the cancel would have run out long before.
      await withClient(bundles.slowLoad, { cancelGraceMs: 1000 }, async (client) => {
        const controller = new AbortController();
        const first = client.run({ text: 'echo first' }, { signal: controller.signal, timeoutMs: 60_000 });
        controller.abort();
        assert.equal((await rejection(first)).name, 'AbortError');
        const next = await client.run({ text: 'echo next' }, { timeoutMs: 60_000 });
        assert.equal(next.result.tag, 'next');
        assert.equal(client.restarts, 0);
      });
    });

    it('removes its abort listeners once a job is over (one long-lived signal for many jobs)', async () => {
      await withClient(bundles.job, {}, async (client) => {
        const controller = new AbortController();
        for (let i = 0; i < 20; i++) await client.run({ text: `echo ${i}` }, { signal: controller.signal });
        assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
      });
    });
  });

  describe('the real workers', () => {
    const corpusDir = join(root, 'test/fixtures/corpus');
    const articles = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
    /** About `kb` KB of real news (the sample articles, repeated). */
    const news = (kb: number, from = 0): string => {
      let text = '';
      for (let i = from; text.length < kb * 1024; i++) text += `${articles[i % 2]}\n\n`;
      return text;
    };

    it('AnalysisClient: a long analysis past a short deadline times out, and the next article is analysed', async () => {
      let seconds = 0.1;
      const client = new AnalysisClient(bundles.analysis, () => seconds);
      try {
        // About 200 KB of news takes seconds to analyse; it gets 0.1 s × (1 + 200/250) = 0.18 s.
        const err = await rejection(client.analyze(news(200), { today: '2024-01-01' }));
        assert.ok(isTimeoutError(err), `a timeout error, got ${err.name}: ${err.message}`);
        assert.match(err.message, /^Analysis timed out after /);
        assert.equal(client.restarts, 1);
        seconds = TIMEOUT_SECONDS.default;
        const { analysis } = await client.analyze(articles[0], { today: '2024-01-01' });
        assert.deepEqual(analysis, analyze(articles[0], { today: '2024-01-01' }), 'the same analysis as in-process');
      } finally {
        client.dispose();
      }
    });

    it('AnalysisClient: a long analysis cancelled after 200 ms is stopped and the next article is analysed', async () => {
      const client = new AnalysisClient(bundles.analysis, () => TIMEOUT_SECONDS.default);
      try {
        await client.analyze(articles[1], { today: '2024-01-01' });
        const controller = new AbortController();
        const long = client.analyze(news(400), { today: '2024-01-01' }, controller.signal);
        await delay(200);
        controller.abort();
        assert.equal((await rejection(long)).name, 'AbortError');
        const { analysis } = await client.analyze(articles[0], { today: '2024-01-01' });
        assert.ok(analysis.entities.length > 0);
        assert.equal(client.restarts, 1, 'the 400 KB analysis was stopped, not awaited');
      } finally {
        client.dispose();
      }
    });

    it('CrossRefClient: a long cross-reference past a short deadline times out, and the next story is cross-referenced', async () => {
      const today = '2024-01-01';
      const small = articles
        .slice(0, 2)
        .map((text, i): CrossRefDoc => ({ file: `file:///${i}.txt`, text, analysis: analyze(text, { today }) }));
      // Many copies of the same analysed text: the alignment is long, the analyses cost one run each.
      const bigText = news(80);
      const bigAnalysis = analyze(bigText, { today });
      const big = [0, 1, 2].map((i): CrossRefDoc => ({
        file: `file:///big${i}.txt`,
        text: bigText,
        analysis: bigAnalysis,
      }));
      let seconds = 0.1;
      const client = new CrossRefClient(bundles.xref, () => seconds);
      try {
        const err = await rejection(client.crossReference(big, { focus: big[0].file, oneStory: true }));
        assert.ok(isTimeoutError(err), `a timeout error, got ${err.name}: ${err.message}`);
        assert.match(err.message, /^Cross-referencing timed out after /);
        assert.equal(client.restarts, 1);
        seconds = TIMEOUT_SECONDS.default;
        const { result } = await client.crossReference(small, { focus: small[0].file, oneStory: true });
        assert.ok(result.links.length > 0, 'the two versions are cross-referenced');
      } finally {
        client.dispose();
      }
    });
  });
});
