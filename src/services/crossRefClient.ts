import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { CrossRefDoc, CrossRefOptions } from '../core/crossref';
import type { CrossRefResult } from '../core/crossrefTypes';

/** Message to the cross-reference worker (no signal: cancellation is handled on this side). */
export interface CrossRefRequest {
  id: number;
  docs: CrossRefDoc[];
  options: Omit<CrossRefOptions, 'signal'>;
}

/** Message from the worker. */
export type CrossRefResponse = { id: number; result: CrossRefResult; ms: number } | { id: number; error: string };

interface Job {
  request: CrossRefRequest;
  resolve: (r: { result: CrossRefResult; ms: number }) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
}

function abortError(): Error {
  const e = new Error('Cross-referencing cancelled');
  e.name = 'AbortError';
  return e;
}

/**
 * Runs `crossReference()` in a worker thread (dist/xrefWorker.js), one job at a time; jobs cancelled before they
 * start are dropped, a running one finishes and its result is discarded. Spawned on first use, respawned if it
 * dies. Used by the workspace index.
 */
export class CrossRefClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly workerPath: string) {}

  crossReference(docs: CrossRefDoc[], options: Omit<CrossRefOptions, 'signal'>, signal?: AbortSignal): Promise<{ result: CrossRefResult; ms: number }> {
    if (this.disposed) return Promise.reject(new Error('Cross-reference client disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise((resolve, reject) => {
      const job: Job = { request: { id: this.nextId++, docs, options }, resolve, reject, signal };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) this.queue.splice(i, 1);
          reject(abortError());
        },
        { once: true },
      );
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts the worker ahead of the first request (loading its tables takes a moment). */
  warmUp(): void {
    if (!this.disposed) {
      try {
        this.ensureWorker();
      } catch {
        // The first request will report it.
      }
    }
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
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
    worker.on('message', (res: CrossRefResponse) => {
      const job = this.running;
      if (!job || job.request.id !== res.id) return;
      this.running = undefined;
      if ('error' in res) job.reject(new Error(res.error));
      else if (job.signal?.aborted) job.reject(abortError());
      else job.resolve({ result: res.result, ms: res.ms });
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
    worker.on('exit', (code) => onDeath(new Error(`Cross-reference worker exited with code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
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
