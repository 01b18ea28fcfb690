import type { AnalyzeOptions, ArticleAnalysis } from '../core/types';
import { WorkerClient, jobDeadlineMs, type WorkerClientOptions } from './workerJobs';

/** Payload of a job for the analysis worker. `options` has no signal: cancellation is handled on this side. */
export interface AnalysisPayload {
  text: string;
  options: Omit<AnalyzeOptions, 'signal'>;
}

/**
 * Runs `analyze()` in a worker thread (dist/worker.js, see analysisWorker.ts), one job at a time. Every job has a
 * deadline that grows with the text (jobDeadlineMs over `timeoutSeconds()`, the
 * `articleLens.analysis.timeoutSeconds` setting): past it, or when a cancelled job has not stopped within a
 * quarter of a second, the worker is restarted and the next job starts at once. The worker is spawned on the
 * first request and respawned if it dies. Used by DocumentAnalyses and the workspace index.
 */
export class AnalysisClient extends WorkerClient<AnalysisPayload, ArticleAnalysis> {
  constructor(
    workerPath: string,
    private readonly timeoutSeconds: () => unknown,
    options: Partial<Pick<WorkerClientOptions, 'cancelGraceMs' | 'codeCache' | 'onWarning' | 'unref'>> = {},
  ) {
    super(workerPath, {
      name: 'Analysis',
      cancelled: 'Analysis cancelled',
      timedOut: (s) => `Analysis timed out after ${s} s`,
      ...options,
    });
  }

  /**
   * Analyses `text` off the main thread. Rejects with an AbortError when `signal` aborts, with a WorkerTimeoutError
   * (see isTimeoutError) when it runs past its deadline.
   */
  analyze(
    text: string,
    options: Omit<AnalyzeOptions, 'signal'>,
    signal?: AbortSignal,
  ): Promise<{ analysis: ArticleAnalysis; ms: number }> {
    const timeoutMs = jobDeadlineMs(this.timeoutSeconds(), Buffer.byteLength(text, 'utf8'));
    return this.run({ text, options }, { signal, timeoutMs }).then(({ result, ms }) => ({ analysis: result, ms }));
  }
}
