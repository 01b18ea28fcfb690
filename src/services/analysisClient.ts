import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/types';

/** Message to the worker. `options` has no signal: cancellation is handled on this side. */
export interface AnalysisRequest {
  id: number;
  text: string;
  options: Omit<AnalyzeOptions, 'signal'>;
}

/** Message from the worker. */
export type AnalysisResponse = { id: number; analysis: ArticleAnalysis; ms: number } | { id: number; error: string };

interface Job {
  request: AnalysisRequest;
  resolve: (r: { analysis: ArticleAnalysis; ms: number }) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  startedAt: number;
}

/** A cancelled job that has already run this long is stopped by restarting the worker (a long article). */
const RESTART_AFTER_MS = 1000;

function abortError(): Error {
  const e = new Error('Analysis cancelled');
  e.name = 'AbortError';
  return e;
}

/**
 * Runs `analyze()` in a worker thread (dist/worker.js), one job at a time. Jobs cancelled before they start are
 * dropped; a job cancelled while running finishes in the worker and its result is discarded. The worker is
 * spawned on the first request and respawned if it dies. Used only by DocumentAnalyses.
 */
export class AnalysisClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly workerPath: string) {}

  /** Analyses `text` off the main thread. Rejects with an AbortError when `signal` aborts. */
  analyze(
    text: string,
    options: Omit<AnalyzeOptions, 'signal'>,
    signal?: AbortSignal,
  ): Promise<{ analysis: ArticleAnalysis; ms: number }> {
    if (this.disposed) return Promise.reject(new Error('Analysis client disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, text, options }, resolve, reject, signal, startedAt: 0 };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) this.queue.splice(i, 1);
          else if (this.running === job && performance.now() - job.startedAt > RESTART_AFTER_MS) this.restart();
          reject(abortError());
        },
        { once: true },
      );
      this.queue.push(job);
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    job.startedAt = performance.now();
    try {
      this.ensureWorker().postMessage(job.request);
    } catch (err) {
      this.running = undefined;
      job.reject(err instanceof Error ? err : new Error(String(err)));
      this.pump();
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.on('message', (res: AnalysisResponse) => {
      const job = this.running;
      if (!job || job.request.id !== res.id) return;
      this.running = undefined;
      if ('error' in res) job.reject(new Error(res.error));
      else if (job.signal?.aborted) job.reject(abortError());
      else job.resolve({ analysis: res.analysis, ms: res.ms });
      this.pump();
    });
    const onDeath = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      job?.reject(err);
      this.pump();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(new Error(`Analysis worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  /** Stops the running job by terminating the worker; the next job starts a fresh one. */
  private restart(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.running = undefined;
    void worker?.terminate();
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(abortError());
    this.running?.reject(abortError());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
