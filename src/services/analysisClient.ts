import type { AnalyzeOptions, ArticleAnalysis } from '../core/types';
import { WorkerClient } from './workerJobs';

/** Payload of a job for the analysis worker. `options` has no signal: cancellation is handled on this side. */
export interface AnalysisPayload {
  text: string;
  options: Omit<AnalyzeOptions, 'signal'>;
}

/**
 * Runs `analyze()` in a worker thread (dist/worker.js, see analysisWorker.ts), one job at a time. Jobs cancelled
 * before they start are dropped; a job cancelled while running finishes in the worker and its result is
 * discarded, unless it has already run for a second (a long article): then the worker is restarted. The worker is
 * spawned on the first request and respawned if it dies. Used by DocumentAnalyses and the workspace index.
 */
export class AnalysisClient extends WorkerClient<AnalysisPayload, ArticleAnalysis> {
  constructor(workerPath: string) {
    super(workerPath, { name: 'Analysis', cancelled: 'Analysis cancelled', restartAfterMs: 1000 });
  }

  /** Analyses `text` off the main thread. Rejects with an AbortError when `signal` aborts. */
  analyze(text: string, options: Omit<AnalyzeOptions, 'signal'>, signal?: AbortSignal): Promise<{ analysis: ArticleAnalysis; ms: number }> {
    return this.run({ text, options }, signal).then(({ result, ms }) => ({ analysis: result, ms }));
  }
}
