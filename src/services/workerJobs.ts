/**
 * The request/response plumbing shared by the extension's worker threads: WorkerClient runs jobs in a worker, one
 * at a time, on the extension-host side; serveWorker answers them inside the worker. Used by analysisClient.ts /
 * analysisWorker.ts (analyze) and crossRefClient.ts / crossRefWorker.ts (crossReference).
 */
import { Worker, parentPort } from 'node:worker_threads';
import type * as vscode from 'vscode';

/** Message to a worker: the job's id and its payload (no signal: cancellation is handled on the client side). */
export interface WorkerRequest<P> {
  id: number;
  payload: P;
}

/** Message from a worker: the job's result and how long it took in the worker, or the error it threw. */
export type WorkerResponse<R> = { id: number; result: R; ms: number } | { id: number; error: string };

/** How a WorkerClient names its work in errors and handles cancelled or idle workers. */
export interface WorkerClientOptions {
  /** Prefix of the disposed and worker-exit errors, e.g. 'Analysis' → "Analysis client disposed". */
  name: string;
  /** Message of the AbortError a cancelled job rejects with. */
  cancelled: string;
  /** A cancelled job that has already run this long is stopped by restarting the worker; unset: it runs to the end. */
  restartAfterMs?: number;
  /** Lets the extension host exit while the worker is idle. */
  unref?: boolean;
}

interface Job<P, R> {
  request: WorkerRequest<P>;
  resolve: (r: { result: R; ms: number }) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  startedAt: number;
}

/**
 * Runs jobs in a worker thread (the bundled script at `workerPath`, which calls serveWorker), one at a time. Jobs
 * cancelled before they start are dropped; a job cancelled while running finishes in the worker and its result is
 * discarded (or, with `restartAfterMs`, the worker is restarted). The worker is spawned on the first request and
 * respawned if it dies.
 */
export class WorkerClient<P, R> implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly queue: Job<P, R>[] = [];
  private running: Job<P, R> | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly options: WorkerClientOptions,
  ) {}

  /** Runs one job off the main thread. Rejects with an AbortError when `signal` aborts. */
  run(payload: P, signal?: AbortSignal): Promise<{ result: R; ms: number }> {
    if (this.disposed) return Promise.reject(new Error(`${this.options.name} client disposed`));
    if (signal?.aborted) return Promise.reject(this.abortError());
    return new Promise((resolve, reject) => {
      const job: Job<P, R> = { request: { id: this.nextId++, payload }, resolve, reject, signal, startedAt: 0 };
      const restartAfter = this.options.restartAfterMs;
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) this.queue.splice(i, 1);
          else if (restartAfter !== undefined && this.running === job && performance.now() - job.startedAt > restartAfter) this.restart();
          reject(this.abortError());
        },
        { once: true },
      );
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts the worker ahead of the first request (loading its code takes a moment). */
  warmUp(): void {
    if (!this.disposed) {
      try {
        this.ensureWorker();
      } catch {
        // The first request will report it.
      }
    }
  }

  private abortError(): Error {
    const e = new Error(this.options.cancelled);
    e.name = 'AbortError';
    return e;
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
    worker.on('message', (res: WorkerResponse<R>) => {
      const job = this.running;
      if (!job || job.request.id !== res.id) return;
      this.running = undefined;
      if ('error' in res) job.reject(new Error(res.error));
      else if (job.signal?.aborted) job.reject(this.abortError());
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
    worker.on('exit', (code) => onDeath(new Error(`${this.options.name} worker exited with code ${code}`)));
    if (this.options.unref) worker.unref();
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
    for (const job of this.queue.splice(0)) job.reject(this.abortError());
    this.running?.reject(this.abortError());
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * Inside a worker thread: answers each WorkerRequest with `work(payload)`'s result and its time, or the error it
 * threw (as "Name: message"). Does nothing outside a worker.
 */
export function serveWorker<P, R>(work: (payload: P) => R): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (req: WorkerRequest<P>) => {
    const started = performance.now();
    let res: WorkerResponse<R>;
    try {
      res = { id: req.id, result: work(req.payload), ms: performance.now() - started };
    } catch (err) {
      res = { id: req.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    port.postMessage(res);
  });
}
