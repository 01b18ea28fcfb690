import type { CrossRefDoc, CrossRefOptions } from '../core/crossRef';
import type { CrossRefResult } from '../core/crossRefTypes';
import { WorkerClient, jobDeadlineMs, type WorkerClientOptions } from './workerJobs';

/** Payload of a job for the cross-reference worker (no signal: cancellation is handled on this side). */
export interface CrossRefPayload {
  docs: CrossRefDoc[];
  options: Omit<CrossRefOptions, 'signal'>;
}

/**
 * Runs `crossReference()` in a worker thread (dist/crossRefWorker.js, see crossRefWorker.ts), one job at a time. Every
 * job has a deadline that grows with the versions' total text (jobDeadlineMs over `timeoutSeconds()`, the
 * `articleLens.analysis.timeoutSeconds` setting): past it, or when a cancelled job has not stopped within a
 * quarter of a second, the worker is restarted and the next job starts at once. Spawned on first use (or
 * warmUp()), respawned if it dies, unref'd so an idle worker never keeps the host alive. Used by the workspace
 * index.
 */
export class CrossRefClient extends WorkerClient<CrossRefPayload, CrossRefResult> {
  constructor(
    workerPath: string,
    private readonly timeoutSeconds: () => unknown,
    options: Partial<Pick<WorkerClientOptions, 'cancelGraceMs' | 'codeCache' | 'onWarning' | 'unref'>> = {},
  ) {
    super(workerPath, {
      name: 'Cross-reference',
      cancelled: 'Cross-referencing cancelled',
      timedOut: (s) => `Cross-referencing timed out after ${s} s`,
      unref: true,
      ...options,
    });
  }

  /**
   * Cross-references the versions off the main thread. Rejects with an AbortError when `signal` aborts, with a
   * WorkerTimeoutError (see isTimeoutError) when it runs past its deadline.
   */
  crossReference(
    docs: CrossRefDoc[],
    options: Omit<CrossRefOptions, 'signal'>,
    signal?: AbortSignal,
  ): Promise<{ result: CrossRefResult; ms: number }> {
    const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
    return this.run({ docs, options }, { signal, timeoutMs: jobDeadlineMs(this.timeoutSeconds(), bytes) });
  }
}
