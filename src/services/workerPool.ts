/**
 * A pool of analysis workers for the workspace index: up to `size` AnalysisClients (each one worker thread, with its
 * deadlines and cancellation, see workerJobs.ts), each given a job as soon as it is free, so an archive is analysed
 * on every core but one while the editor's own worker (DocumentAnalyses' client) stays free for open documents.
 * Workers are spawned when the first jobs arrive and stopped after `idleMs` without work (each holds the NLP
 * libraries: about a hundred megabytes).
 */
import type * as vscode from 'vscode';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/types';
import { AnalysisClient } from './analysisClient';
import { abortError } from '../core/abort';
import type { WorkerOptions } from './workerJobs';

/** Range and default of the `articleLens.index.workers` setting (0: automatic, one per core but one). */
export const INDEX_WORKERS = { min: 0, max: 64, default: 0 } as const;
/** Pool workers left idle this long are stopped. */
export const POOL_IDLE_MS = 30_000;

/**
 * Workers of the index pool: one per core but one (the editor's worker and the extension host need the last one),
 * at least 1, and never more than the setting when it is set (a positive number).
 */
export function poolSize(setting: unknown, cores: number): number {
  const auto = Math.max(1, Math.floor(Number.isFinite(cores) ? cores : 1) - 1);
  const cap = typeof setting === 'number' && Number.isFinite(setting) ? Math.floor(setting) : 0;
  return cap >= 1 ? Math.min(cap, auto) : auto;
}

interface PoolJob {
  text: string;
  options: Omit<AnalyzeOptions, 'signal'>;
  signal?: AbortSignal;
  resolve: (r: { analysis: ArticleAnalysis; ms: number }) => void;
  reject: (e: Error) => void;
}

export class AnalysisPool implements vscode.Disposable {
  private readonly clients: AnalysisClient[] = [];
  private readonly busy = new Set<AnalysisClient>();
  private readonly queue: PoolJob[] = [];
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly workerPath: string,
    private readonly timeoutSeconds: () => unknown,
    /** The pool size wanted now (read before each job: a changed setting applies to the next jobs). */
    private readonly wantedSize: () => number,
    private readonly options: WorkerOptions & { cancelGraceMs?: number; idleMs?: number } = {},
  ) {}

  /** Workers the pool runs at most (see poolSize). */
  size(): number {
    return Math.max(1, Math.floor(this.wantedSize()) || 1);
  }

  /** Workers running now (spawned and not stopped for idleness). */
  get workers(): number {
    return this.clients.length;
  }

  /** Workers restarted so far to stop a job (timed out or cancelled while running), over every worker. */
  get restarts(): number {
    return this.clients.reduce((n, c) => n + c.restarts, this.retiredRestarts);
  }

  private retiredRestarts = 0;

  /** Analyses `text` on the first free worker; rejects as AnalysisClient.analyze does (AbortError, timeout). */
  analyze(
    text: string,
    options: Omit<AnalyzeOptions, 'signal'>,
    signal?: AbortSignal,
  ): Promise<{ analysis: ArticleAnalysis; ms: number }> {
    if (this.disposed) return Promise.reject(new Error('Analysis pool disposed'));
    if (signal?.aborted) return Promise.reject(abortError('Analysis cancelled'));
    return new Promise((resolve, reject) => {
      const job: PoolJob = { text, options, signal, resolve, reject };
      // A job cancelled while it waits in the queue leaves at once (one running is stopped by its client).
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.queue.indexOf(job);
          if (i >= 0) {
            this.queue.splice(i, 1);
            reject(abortError('Analysis cancelled'));
          }
        },
        { once: true },
      );
      this.queue.push(job);
      this.pump();
    });
  }

  private freeClient(): AnalysisClient | undefined {
    const free = this.clients.find((c) => !this.busy.has(c));
    if (free) return free;
    if (this.clients.length >= this.size()) return undefined;
    const client = new AnalysisClient(this.workerPath, this.timeoutSeconds, { ...this.options, unref: true });
    this.clients.push(client);
    return client;
  }

  private pump(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.queue.length && !this.disposed) {
      const client = this.freeClient();
      if (!client) break;
      const job = this.queue.shift()!;
      this.busy.add(client);
      client
        .analyze(job.text, job.options, job.signal)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.busy.delete(client);
          this.pump();
        });
    }
    if (!this.queue.length && !this.busy.size && this.clients.length && !this.disposed) {
      this.idleTimer = setTimeout(() => this.stopIdle(), this.options.idleMs ?? POOL_IDLE_MS);
      this.idleTimer.unref?.();
    }
  }

  /** Stops the workers (nothing runs): their memory is given back until the next scan. */
  private stopIdle(): void {
    this.idleTimer = undefined;
    if (this.busy.size || this.queue.length) return;
    for (const c of this.clients.splice(0)) {
      this.retiredRestarts += c.restarts;
      c.dispose();
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.reject(abortError('Analysis cancelled'));
    for (const c of this.clients.splice(0)) c.dispose();
    this.busy.clear();
  }
}
