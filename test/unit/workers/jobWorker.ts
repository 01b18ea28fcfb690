// A worker for the WorkerClient tests (test/unit/workerJobs.test.ts), bundled by esbuild when the tests start.
// It serves the analysis and cross-reference payload shapes through the real serveWorker, reading a command from
// the text (`text`, or the first document's): "sleep <ms>" blocks the thread the way a long analysis does,
// "spin" never ends, "throw" fails, "echo <tag>" answers at once. Every answer carries the worker's threadId, so
// a test can tell a restarted worker from the first one. JOB_WORKER_LOAD_MS (environment) delays `ready`, like
// a worker loading big libraries.
import { threadId } from 'node:worker_threads';
import { serveWorker } from '../../../src/services/workerJobs';

export interface JobAnswer {
  threadId: number;
  tag: string;
}

function block(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const loadMs = Number(process.env.JOB_WORKER_LOAD_MS ?? 0);
if (loadMs > 0) block(loadMs);

serveWorker((payload: { text?: string; docs?: { text: string }[] }): JobAnswer => {
  const command = payload.text ?? payload.docs?.[0]?.text ?? '';
  const [verb, arg = ''] = command.split(' ');
  switch (verb) {
    case 'sleep':
      block(Number(arg));
      break;
    case 'spin':
      for (;;) {
        // Never yields: only terminating the thread stops it.
      }
    case 'throw':
      throw new RangeError(`failed on purpose ${arg}`);
  }
  return { threadId, tag: arg };
});
