import type { CrossRefDoc, CrossRefOptions } from '../core/crossref';
import type { CrossRefResult } from '../core/crossrefTypes';
import { WorkerClient } from './workerJobs';

/** Payload of a job for the cross-reference worker (no signal: cancellation is handled on this side). */
export interface CrossRefPayload {
  docs: CrossRefDoc[];
  options: Omit<CrossRefOptions, 'signal'>;
}

/**
 * Runs `crossReference()` in a worker thread (dist/xrefWorker.js, see crossRefWorker.ts), one job at a time; jobs
 * cancelled before they start are dropped, a running one finishes and its result is discarded. Spawned on first
 * use (or warmUp()), respawned if it dies, unref'd so an idle worker never keeps the host alive. Used by the
 * workspace index.
 */
export class CrossRefClient extends WorkerClient<CrossRefPayload, CrossRefResult> {
  constructor(workerPath: string) {
    super(workerPath, { name: 'Cross-reference', cancelled: 'Cross-referencing cancelled', unref: true });
  }

  crossReference(docs: CrossRefDoc[], options: Omit<CrossRefOptions, 'signal'>, signal?: AbortSignal): Promise<{ result: CrossRefResult; ms: number }> {
    return this.run({ docs, options }, signal);
  }
}
