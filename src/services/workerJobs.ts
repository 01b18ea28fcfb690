/**
 * The request/response plumbing shared by the extension's worker threads: WorkerClient runs jobs in a worker, one
 * at a time, on the extension-host side, and can always stop the running one (deadline, cancellation); serveWorker
 * answers them inside the worker. Used by analysisClient.ts / analysisWorker.ts (analyze) and crossRefClient.ts /
 * crossRefWorker.ts (crossReference).
 */
import { Worker, parentPort } from 'node:worker_threads';
import type * as vscode from 'vscode';
import { abortError } from '../core/abort';
import type { WorkerLoaderData } from './workerLoader';

/** Message to a worker: the job's id and its payload (no signal: cancellation is handled on the client side). */
export interface WorkerRequest<P> {
  id: number;
  payload: P;
}

/**
 * Message from a worker: the job's result and how long it took in the worker, or the error it threw; or `ready`,
 * sent once its code is loaded (a job's deadline counts from then, not from the worker's start-up).
 */
export type WorkerResponse<R> =
  { id: number; result: R; ms: number } | { id: number; error: string } | { ready: true } | { warning: string };

/** Where a worker keeps V8's code cache of its bundle across restarts (see workerLoader.ts). */
export interface CodeCacheOptions {
  /** Path of dist/workerLoader.js, which runs the worker bundle with the cache. */
  loaderPath: string;
  /** Folder of the cache files (the extension's global storage). */
  cacheDir: string;
}

/** How a WorkerClient names its work in errors and stops jobs that run too long. */
export interface WorkerClientOptions {
  /** Prefix of the disposed and worker-exit errors, e.g. 'Analysis' → "Analysis client disposed". */
  name: string;
  /** Message of the AbortError a cancelled job rejects with. */
  cancelled: string;
  /** Message of the WorkerTimeoutError a job past its deadline rejects with, given the deadline in seconds. */
  timedOut: (seconds: number) => string;
  /** A cancelled job still running this long after the cancel is stopped by restarting the worker (default 250). */
  cancelGraceMs?: number;
  /** A worker that has not loaded its code this long after a job was sent is restarted (default 60 s). */
  loadTimeoutMs?: number;
  /** Lets the extension host exit while the worker is idle. */
  unref?: boolean;
  /** Keep the compiled bundle in a code cache (without it the bundle is run directly). */
  codeCache?: CodeCacheOptions;
  /** Told of problems the worker worked around (a code cache it could not read or write). */
  onWarning?: (message: string) => void;
}

/** The options every client of the extension's workers shares (see extension.ts). */
export type WorkerOptions = Pick<WorkerClientOptions, 'codeCache' | 'onWarning'>;

/** What a job needs besides its payload. */
export interface JobOptions {
  /** Aborting rejects the job with an AbortError at once (the worker is restarted if the job does not stop). */
  signal?: AbortSignal;
  /** Time the job may run in the worker; past it the worker is restarted and the job rejects (WorkerTimeoutError). */
  timeoutMs?: number;
}

/** Default grace of a cancelled job: short jobs end on their own (no restart), long ones stop promptly. */
export const CANCEL_GRACE_MS = 250;
/** Default time a worker may take to load its code (the analysis worker takes about a second). */
export const LOAD_TIMEOUT_MS = 60_000;

/** Rejection of a worker job that ran past its deadline (the worker was restarted). */
export class WorkerTimeoutError extends Error {
  constructor(
    message: string,
    /** The deadline the job had, in milliseconds. */
    readonly limitMs: number,
  ) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** True when `err` is a job's deadline expiring (see WorkerTimeoutError), as opposed to a cancel or a failure. */
export function isTimeoutError(err: unknown): err is WorkerTimeoutError {
  return err instanceof WorkerTimeoutError;
}

/** Range and default of the `articleLens.analysis.timeoutSeconds` setting. */
export const TIMEOUT_SECONDS = { min: 0.1, max: 3600, default: 30 } as const;
/** The deadline grows by the setting's value for every this many bytes of text (see jobDeadlineMs). */
export const DEADLINE_BYTES_PER_STEP = 250 * 1024;

/** The setting's value as a number of seconds in range (anything that is not a finite number: the default). */
export function timeoutSecondsFrom(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return TIMEOUT_SECONDS.default;
  return Math.min(TIMEOUT_SECONDS.max, Math.max(TIMEOUT_SECONDS.min, n));
}

/**
 * Deadline of a job over `bytes` of text: the setting's seconds for a text of up to 250 KB, and as much again for
 * every further 250 KB (analysis is linear in the text; real news runs at about a tenth of this allowance).
 */
export function jobDeadlineMs(timeoutSeconds: unknown, bytes: number): number {
  const steps = 1 + Math.max(0, Number.isFinite(bytes) ? bytes : 0) / DEADLINE_BYTES_PER_STEP;
  return Math.round(timeoutSecondsFrom(timeoutSeconds) * 1000 * steps);
}

interface Job<P, R> {
  request: WorkerRequest<P>;
  resolve: (r: { result: R; ms: number }) => void;
  reject: (e: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  timeoutMs?: number;
  /** The promise was settled (cancelled, timed out): whatever the worker answers is dropped. */
  settled: boolean;
  /** Cancelled while running: the worker gets a grace to answer before it is restarted. */
  cancelled?: boolean;
  /** The deadline, or after a cancel the end of the grace. */
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Runs jobs in a worker thread (the bundled script at `workerPath`, which calls serveWorker), one at a time. A job
 * cancelled before it starts is dropped; one cancelled while running rejects at once, and if the worker has not
 * answered after a short grace the worker is terminated and respawned. A job past its deadline is stopped the same
 * way and rejects with a WorkerTimeoutError. Either way the next job starts at once, on a fresh worker. The worker
 * is spawned on the first request and respawned if it dies.
 */
export class WorkerClient<P, R> implements vscode.Disposable {
  private worker: Worker | undefined;
  /**
   * The current worker has loaded its code (sent `ready`). Deadlines count from then: a restart reloads the
   * libraries, and a short deadline spent loading them would time out every job after the first timeout.
   */
  private ready = false;
  private readonly queue: Job<P, R>[] = [];
  private running: Job<P, R> | undefined;
  private nextId = 1;
  private disposed = false;
  private restartCount = 0;

  constructor(
    private readonly workerPath: string,
    private readonly options: WorkerClientOptions,
  ) {}

  /** Workers terminated so far to stop a job (timed out, or cancelled and still running). */
  get restarts(): number {
    return this.restartCount;
  }

  /** Runs one job off the main thread. Rejects with an AbortError when the signal aborts, a WorkerTimeoutError past the deadline. */
  run(payload: P, options: JobOptions = {}): Promise<{ result: R; ms: number }> {
    const { signal, timeoutMs } = options;
    if (this.disposed) return Promise.reject(new Error(`${this.options.name} client disposed`));
    if (signal?.aborted) return Promise.reject(this.abortError());
    return new Promise((resolve, reject) => {
      const job: Job<P, R> = {
        request: { id: this.nextId++, payload },
        resolve,
        reject,
        signal,
        timeoutMs,
        settled: false,
      };
      if (signal) {
        job.onAbort = () => this.cancel(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
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
        // Not an error to report twice: the first request hits the same one and rejects with it (its caller logs it).
      }
    }
  }

  private abortError(): Error {
    return abortError(this.options.cancelled);
  }

  /** Settles a job's promise once; what the worker sends for it later is dropped. */
  private settle(job: Job<P, R>, outcome: { error: Error } | { value: { result: R; ms: number } }): void {
    if (job.settled) return;
    job.settled = true;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value);
  }

  private cancel(job: Job<P, R>): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) this.queue.splice(i, 1);
    this.settle(job, { error: this.abortError() });
    if (this.running !== job) return;
    job.cancelled = true;
    // A worker still loading has not begun the job: the grace starts at `ready` (the load timer stays armed).
    if (this.ready) this.armGrace(job);
  }

  /**
   * Restarts the worker if the cancelled running job has not ended within the grace. NOTE: a worker cannot be
   * interrupted, only terminated; most jobs end within the grace, and a restart (which reloads the worker's
   * libraries) is paid only for the long ones.
   */
  private armGrace(job: Job<P, R>): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      if (this.running === job) this.restart();
    }, this.options.cancelGraceMs ?? CANCEL_GRACE_MS);
  }

  private expire(job: Job<P, R>, loading: boolean): void {
    if (this.running !== job) return;
    const limitMs = job.timeoutMs ?? 0;
    const message = loading
      ? `${this.options.name} worker did not start within ${this.loadTimeoutMs() / 1000} s`
      : this.options.timedOut(Math.round(limitMs / 100) / 10);
    this.settle(job, { error: new WorkerTimeoutError(message, limitMs) });
    this.restart();
  }

  private loadTimeoutMs(): number {
    return this.options.loadTimeoutMs ?? LOAD_TIMEOUT_MS;
  }

  /**
   * (Re)starts the running job's timer: its deadline once the worker is ready (from the post, or from `ready`),
   * and while the worker is still loading, a limit on the load (every job gets an end, even if `ready` never comes).
   */
  private armDeadline(job: Job<P, R>): void {
    if (job.settled || job.timeoutMs === undefined || !(job.timeoutMs >= 0)) return;
    if (job.timer) clearTimeout(job.timer);
    const loading = !this.ready;
    job.timer = setTimeout(() => this.expire(job, loading), loading ? this.loadTimeoutMs() : job.timeoutMs);
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    let job: Job<P, R> | undefined;
    do job = this.queue.shift();
    while (job?.settled);
    if (!job) return;
    this.running = job;
    try {
      this.ensureWorker().postMessage(job.request);
    } catch (err) {
      this.running = undefined;
      this.settle(job, { error: err instanceof Error ? err : new Error(String(err)) });
      this.pump();
      return;
    }
    this.armDeadline(job);
  }

  private finish(job: Job<P, R>): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = undefined;
    if (this.running === job) this.running = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const cache = this.options.codeCache;
    const worker = cache
      ? new Worker(cache.loaderPath, {
          workerData: { script: this.workerPath, cacheDir: cache.cacheDir } satisfies WorkerLoaderData,
        })
      : new Worker(this.workerPath);
    this.ready = false;
    worker.on('message', (res: WorkerResponse<R>) => {
      if (this.worker !== worker) return;
      if ('warning' in res) {
        this.options.onWarning?.(res.warning);
        return;
      }
      if ('ready' in res) {
        this.ready = true;
        const job = this.running;
        if (job?.cancelled) this.armGrace(job);
        else if (job) this.armDeadline(job);
        return;
      }
      const job = this.running;
      if (!job || job.request.id !== res.id) return;
      this.finish(job);
      if ('error' in res) this.settle(job, { error: new Error(res.error) });
      else this.settle(job, { value: { result: res.result, ms: res.ms } });
      this.pump();
    });
    const onDeath = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      const job = this.running;
      if (job) {
        this.finish(job);
        this.settle(job, { error: err });
      }
      this.pump();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(new Error(`${this.options.name} worker exited with code ${code}`)));
    if (this.options.unref) worker.unref();
    this.worker = worker;
    return worker;
  }

  /**
   * Stops the running job by terminating the worker; the next job starts at once on a fresh one, which is spawned
   * right away even with nothing queued (loading its libraries takes a moment; the next job should not wait).
   */
  private restart(): void {
    if (this.disposed) return;
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.restartCount++;
    const job = this.running;
    if (job) this.finish(job);
    void worker?.terminate();
    this.pump();
    this.warmUp();
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) this.settle(job, { error: this.abortError() });
    const job = this.running;
    if (job) {
      this.finish(job);
      this.settle(job, { error: this.abortError() });
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }
}

/**
 * Inside a worker thread: says `ready`, then answers each WorkerRequest with `work(payload)`'s result and its time,
 * or the error it threw (as "Name: message"). Does nothing outside a worker.
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
  port.postMessage({ ready: true } satisfies WorkerResponse<R>);
}
