import * as vscode from 'vscode';
import { Config, LANGUAGE_ID } from '../constants';
import { isAbortError } from '../core/abort';
import type { ArticleAnalysis } from '../core/types';
import { isFileNotFound, openDocument } from '../util/documents';
import { sizeOf, todayIso, type DocumentAnalyses } from './analyses';
import type { ArticleFiles } from './articleFiles';
import type { ExtensionConfig } from './config';
import {
  contentHash,
  isCurrent,
  makeRecord,
  remainingMs,
  unchanged,
  type ArticleFilePatterns,
  type CacheRecord,
  type IndexEntry,
} from './indexCore';
import type { IndexStore } from './indexStore';
import { isTimeoutError } from './workerJobs';
import type { AnalysisPool } from './workerPool';

/** Folders never indexed, whatever `files.exclude` says. */
const SKIP_PATH = /\/(?:node_modules|\.git|\.vscode-test|\.artifacts)\//;
/** Files stat'ed at once during a scan. */
const STAT_CONCURRENCY = 32;
/** A changed file is re-indexed this long after the last change event (editors save in bursts). */
const WATCH_DELAY_MS = 500;

export interface IndexProgress {
  done: number;
  total: number;
  running: boolean;
  /** Estimated time left, from the pace so far (once a few files were analysed). */
  remainingMs?: number;
}

/** What a scan did: files and articles known after it, and the work it took. */
export interface ScanCounts {
  files: number;
  articles: number;
  /** Files read from disk, texts analysed and analyses that ran out of time since the scan started. */
  read: number;
  analysed: number;
  timedOut: number;
  ms: number;
}

/**
 * The workspace index's scanner: files → entries. Finds the article files (the globs of the extension manifest's
 * `article` language plus `*.txt`, see articleFilePatterns) in the background with window progress, stats them
 * many at a time (on reopening, unchanged files end there), reads and hashes the others, and analyses new texts
 * in the index's pool of workers (AnalysisPool: one per core but one), as many files at a time as it has workers,
 * so the editor's own worker stays free for open documents. Each analysis has the worker's deadline: a text that runs out of time is recorded as `timedOut` and not
 * retried until it changes, the time limit changes or the workspace is re-indexed. Open documents use their live
 * analysis from DocumentAnalyses. Watches the files and rescans when the settings that decide what is indexed
 * change. Created by src/crossRefFeatures.ts; its entries are kept by IndexStore and grouped by StoryService.
 */
export class IndexScanner implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress>();
  private progressState: IndexProgress = { done: 0, total: 0, running: false };
  private scanning: Promise<void> | undefined;
  private rescanRequested = false;
  private scanController: AbortController | undefined;
  private readonly pendingFiles = new Set<string>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files being indexed (see indexFile). */
  private readonly indexing = new Map<string, Promise<boolean>>();
  private disposed = false;
  private counters = { read: 0, analysed: 0, timedOut: 0 };

  /** Fires when entries changed (not debounced: StoryService regroups lazily and debounces its own event). */
  readonly onDidChangeEntries = this.changeEmitter.event;
  /** Fires while scanning: files done out of total. */
  readonly onDidProgress = this.progressEmitter.event;

  constructor(
    private readonly deps: {
      analyses: DocumentAnalyses;
      pool: AnalysisPool;
      files: ArticleFiles;
      config: ExtensionConfig;
      store: IndexStore;
      patterns: ArticleFilePatterns;
      log: vscode.LogOutputChannel;
    },
  ) {
    const { analyses, config, store } = deps;
    const watcher = vscode.workspace.createFileSystemWatcher(deps.patterns.glob);
    this.disposables.push(
      this.changeEmitter,
      this.progressEmitter,
      watcher,
      watcher.onDidCreate((u) => this.schedule(u)),
      watcher.onDidChange((u) => this.schedule(u)),
      watcher.onDidDelete((u) => {
        if (store.delete(u.toString())) this.changed();
      }),
      analyses.onDidAnalyze(({ document, analysis }) => this.adopt(document, analysis)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const e = store.entry(doc.uri);
        if (!e?.live) return;
        if (doc.uri.scheme === 'untitled') {
          store.delete(e.uri);
          this.changed();
        } else this.schedule(doc.uri);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          config.affects(
            e,
            Config.crossReferencesEnabled,
            Config.indexMaxFiles,
            Config.analysisLanguage,
            Config.analysisReferenceDate,
            Config.filesAutoDetect,
            Config.analysisMaxFileSizeKB,
          )
        ) {
          if (this.enabled()) void this.reindex();
          else this.scanController?.abort();
        }
        // A new time limit: the files that ran out of time get another chance (the rest is unchanged).
        if (config.affects(e, Config.analysisTimeoutSeconds) && this.enabled() && store.forgetTimedOut())
          void this.reindex();
      }),
    );
  }

  /** True when cross-references (and so the index) are switched on. */
  enabled(): boolean {
    return this.deps.config.get(Config.crossReferencesEnabled);
  }

  /** Progress of the current (or last) scan. */
  progress(): IndexProgress {
    return { ...this.progressState };
  }

  /** Starts the background scan (after the persisted cache is loaded). */
  start(): void {
    if (this.enabled()) void this.reindex();
  }

  /** Resolves when the current scan (if any) is over. */
  async whenIndexed(): Promise<void> {
    await this.deps.store.loaded;
    while (this.scanning) await this.scanning;
  }

  /**
   * Scans the workspace again; resolves with counts when done. `force`: every file is read again (unchanged texts
   * still come from the hash cache) and the ones that timed out are analysed again.
   */
  async reindex(options: { force?: boolean } = {}): Promise<ScanCounts> {
    const t0 = performance.now();
    const { store } = this.deps;
    await store.loaded;
    this.counters = { read: 0, analysed: 0, timedOut: 0 };
    if (options.force) {
      store.forgetTimedOut();
      store.markStale();
    }
    if (this.scanning) {
      this.rescanRequested = true;
      this.scanController?.abort();
    } else {
      this.scanning = this.scanLoop().finally(() => (this.scanning = undefined));
    }
    await this.whenIndexed();
    return { files: store.size, articles: this.articles().length, ...this.counters, ms: performance.now() - t0 };
  }

  /** The indexed articles (with a story fingerprint). */
  articles(): IndexEntry[] {
    return [...this.deps.store.all()].filter((e) => e.status === 'article' && e.summary);
  }

  /**
   * sha-1 of the analyzer build, the analysis options and the text: the cache key of an analysis. The options are
   * the ones DocumentAnalyses analyses open documents with; `today` is checked per record (see CacheRecord.today).
   */
  hashOf(uri: vscode.Uri, text: string): string {
    return contentHash(this.deps.store.build, this.deps.analyses.analysisOptions(uri), text);
  }

  /** The analysis of a text: from the cache (memory, then disk), else analysed in the worker and cached. */
  async recordFor(uri: vscode.Uri, text: string, hash: string, signal?: AbortSignal): Promise<CacheRecord> {
    const cached = await this.deps.store.record(hash);
    if (cached) return cached;
    const options = this.deps.analyses.analysisOptions(uri);
    const { analysis } = await this.deps.pool.analyze(text, options, signal);
    this.counters.analysed++;
    const record = makeRecord(analysis, text, options.today);
    await this.deps.store.write(hash, record);
    return record;
  }

  /** Records that the analysis of a file's text ran out of time (cross-referencing found it). */
  markTimedOut(uri: string, hash: string, size: number): void {
    const { store } = this.deps;
    const prev = store.entry(uri);
    if (prev?.live) return;
    this.deps.log.warn(
      `The analysis of ${uri} timed out; it is skipped until it changes or the workspace is re-indexed`,
    );
    if (store.set({ uri, hash, mtime: prev?.mtime ?? 0, size, status: 'timedOut' })) this.changed();
    store.scheduleSave();
  }

  /**
   * Adopts an open document's live analysis (DocumentAnalyses.onDidAnalyze, or a document not indexed yet); true
   * when its entry changed.
   */
  adopt(doc: vscode.TextDocument, analysis: ArticleAnalysis, notify = true): boolean {
    const { store } = this.deps;
    if (
      doc.uri.scheme !== 'file' &&
      doc.uri.scheme !== 'untitled' &&
      doc.uri.scheme !== 'vscode-remote' &&
      doc.uri.scheme !== 'vscode-userdata'
    ) {
      if (doc.languageId !== LANGUAGE_ID) return false;
    }
    const text = doc.getText();
    const hash = this.hashOf(doc.uri, text);
    const key = doc.uri.toString();
    const prev = store.entry(key);
    let made = store.summary(hash);
    if (made) store.remember(hash, { analysis, ...made });
    else {
      // The live analysis was made with today's date (DocumentAnalyses uses the same options).
      const record = makeRecord(analysis, text, todayIso());
      made = record;
      if (doc.isDirty) store.remember(hash, record);
      else void store.write(hash, record);
    }
    const changed = store.set({
      uri: key,
      hash,
      mtime: prev?.mtime ?? 0,
      size: sizeOf(text),
      status: 'article',
      summary: { ...made.summary, file: key },
      live: true,
      ...(made.today ? { today: made.today } : {}),
    });
    if (changed && notify) this.changed();
    return changed;
  }

  private changed(): void {
    this.changeEmitter.fire();
  }

  private setProgress(p: IndexProgress): void {
    this.progressState = p;
    this.progressEmitter.fire({ ...p });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Scanning.

  private async scanLoop(): Promise<void> {
    do {
      this.rescanRequested = false;
      const controller = new AbortController();
      this.scanController = controller;
      try {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Article Lens: indexing articles') },
          (progress) => this.scan(controller.signal, progress),
        );
      } catch (err) {
        if (!isAbortError(err)) this.deps.log.error('Indexing the workspace failed', err);
      }
    } while (this.rescanRequested && !this.disposed);
  }

  private async scan(
    signal: AbortSignal,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
  ): Promise<void> {
    const { store } = this.deps;
    if (!this.enabled() || !vscode.workspace.workspaceFolders?.length) return;
    const max = Math.max(1, this.deps.config.get(Config.indexMaxFiles));
    const found = await vscode.workspace.findFiles(this.deps.patterns.glob, undefined, max);
    const uris = found.filter((u) => !SKIP_PATH.test(u.path));
    const seen = new Set(uris.map((u) => u.toString()));
    // Forget files that are gone (but keep open documents' live entries).
    for (const e of [...store.all()]) if (!seen.has(e.uri) && !e.live) store.delete(e.uri);
    this.setProgress({ done: 0, total: uris.length, running: true });
    let done = 0;
    let lastReport = 0;
    // Stat every file first, many at a time (each is a round trip to the file service): on reopening, unchanged
    // files end here and the scan is over in a moment. A file that cannot be stat'ed is stat'ed again (and its
    // error recorded) when it is indexed.
    const stats: Array<vscode.FileStat | undefined> = new Array(uris.length);
    let next = 0;
    const statWorker = async () => {
      while (next < uris.length && !signal.aborted) {
        const i = next++;
        stats[i] = await Promise.resolve(vscode.workspace.fs.stat(uris[i])).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: STAT_CONCURRENCY }, statWorker));
    // As many files at a time as the pool has workers, and one more, so a file is read while the others are analysed.
    const started = performance.now();
    let nextFile = 0;
    const indexWorker = async () => {
      while (nextFile < uris.length && !signal.aborted && !this.disposed) {
        const i = nextFile++;
        const uri = uris[i];
        try {
          if (await this.indexFile(uri, signal, stats[i])) this.changed();
        } catch (err) {
          if (isAbortError(err)) return;
          // A file deleted since it was found is no error (the watcher drops its entry).
          if (!isFileNotFound(err)) this.deps.log.warn(`Indexing ${uri.toString()} failed: ${(err as Error).message}`);
          store.set({ uri: uri.toString(), hash: '', mtime: 0, size: 0, status: 'error' });
        }
        done++;
        const now = performance.now();
        if (now - lastReport > 250 || done === uris.length) {
          lastReport = now;
          const left = remainingMs(done, uris.length, now - started);
          progress.report({
            message:
              left === undefined
                ? `${done}/${uris.length}`
                : vscode.l10n.t('{0}/{1}, about {2} s left', done, uris.length, Math.ceil(left / 1000)),
          });
          this.setProgress({
            done,
            total: uris.length,
            running: true,
            ...(left === undefined ? {} : { remainingMs: left }),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: this.deps.pool.size() + 1 }, indexWorker));
    this.setProgress({ done, total: uris.length, running: false });
    this.changed();
    await store.save();
  }

  /**
   * Index one file; true when its entry changed. One file is indexed once at a time: a scan and the file watcher
   * asking for the same file wait for each other, so a long text is never analysed (or timed out) twice at once.
   */
  private async indexFile(uri: vscode.Uri, signal?: AbortSignal, knownStat?: vscode.FileStat): Promise<boolean> {
    const key = uri.toString();
    for (let other = this.indexing.get(key); other; other = this.indexing.get(key)) {
      // Whatever became of the other run (its caller reports its failure), the entry is fresh now.
      await other.then(
        () => undefined,
        () => undefined,
      );
      // The stat taken before the wait may not be.
      knownStat = undefined;
    }
    const job = this.indexFileNow(uri, signal, knownStat);
    this.indexing.set(key, job);
    try {
      return await job;
    } finally {
      if (this.indexing.get(key) === job) this.indexing.delete(key);
    }
  }

  private async indexFileNow(uri: vscode.Uri, signal?: AbortSignal, knownStat?: vscode.FileStat): Promise<boolean> {
    const { store, analyses, config, files } = this.deps;
    const key = uri.toString();
    const prev = store.entry(key);
    const open = openDocument(key);
    if (open) {
      const live = analyses.get(open);
      if (live) return this.adopt(open, live, false);
      if (!analyses.isArticle(open)) return store.set({ uri: key, hash: '', mtime: 0, size: 0, status: 'notArticle' });
      // Open but not analysed yet: DocumentAnalyses will report it (onDidAnalyze).
      return false;
    }
    const stat = knownStat ?? (await vscode.workspace.fs.stat(uri));
    const today = todayIso();
    if (
      prev &&
      !prev.live &&
      unchanged(prev, stat) &&
      (prev.status !== 'article' || prev.summary) &&
      isCurrent(prev, today)
    )
      return false;
    const entry = (status: IndexEntry['status'], hash = ''): IndexEntry => ({
      uri: key,
      hash,
      mtime: stat.mtime,
      size: stat.size,
      status,
    });
    const limitKB = config.get(Config.analysisMaxFileSizeKB, uri);
    if (stat.size > limitKB * 1024) return store.set(entry('tooLarge'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    this.counters.read++;
    const article = this.deps.patterns.isArticleName(uri.path) || files.isArticleFile(uri, text);
    if (!article) return store.set(entry('notArticle'));
    const hash = this.hashOf(uri, text);
    if (prev?.hash === hash && prev.summary && isCurrent(prev, today))
      return store.set({ ...prev, mtime: stat.mtime, size: stat.size, live: false });
    // Same text as when its analysis ran out of time (touched, or copied back): not tried again.
    if (store.timedOut(key, hash)) return store.set(entry('timedOut', hash));
    let made = store.summary(hash);
    if (!made) {
      try {
        made = await this.recordFor(uri, text, hash, signal);
      } catch (err) {
        if (!isTimeoutError(err)) throw err;
        this.counters.timedOut++;
        this.deps.log.warn(
          `Indexing ${key}: ${err.message}; it is skipped until it changes or the workspace is re-indexed`,
        );
        return store.set(entry('timedOut', hash));
      }
    }
    return store.set({
      ...entry('article', hash),
      summary: { ...made.summary, file: key },
      ...(made.today ? { today: made.today } : {}),
    });
  }

  /** Re-indexes a file that changed on disk (debounced, batched). */
  private schedule(uri: vscode.Uri): void {
    if (!this.enabled() || SKIP_PATH.test(uri.path)) return;
    this.pendingFiles.add(uri.toString());
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      const batch = [...this.pendingFiles];
      this.pendingFiles.clear();
      void this.indexBatch(batch);
    }, WATCH_DELAY_MS);
  }

  private async indexBatch(batch: string[]): Promise<void> {
    const { store } = this.deps;
    await store.loaded;
    let any = false;
    for (const k of batch) {
      try {
        any = (await this.indexFile(vscode.Uri.parse(k, true))) || any;
      } catch (err) {
        // Deleted before it could be read, or unreadable: it is no longer indexed.
        if (!isFileNotFound(err)) this.deps.log.warn(`Indexing ${k} failed: ${(err as Error).message}`);
        any = store.delete(k) || any;
      }
    }
    if (any) this.changed();
    store.scheduleSave();
  }

  dispose(): void {
    this.disposed = true;
    this.scanController?.abort();
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
