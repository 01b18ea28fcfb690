import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { Config, LANGUAGE_ID } from '../constants';
import type { CrossRefDoc } from '../core/crossRef';
import type { CrossRefResult, DocSummary, ManualLink, Story } from '../core/crossRefTypes';
import { groupStories, storyScore } from '../core/stories';
import type { ArticleAnalysis } from '../core/types';
import type { AnalysisClient } from './analysisClient';
import { sizeOf, todayIso, type DocumentAnalyses } from './analyses';
import type { ArticleFiles } from './articleFiles';
import type { ExtensionConfig } from './config';
import type { CrossRefClient } from './crossRefClient';
import { isTimeoutError } from './workerJobs';
import {
  CACHE_FORMAT,
  contentHash,
  isCurrent,
  makeRecord,
  parseManifest,
  parseRecord,
  serializeRecord,
  staleRecordFiles,
  unchanged,
  type CacheRecord,
  type EntryStatus,
  type Manifest,
} from './indexCore';
import type { StoryLinks } from './storyLinks';
import { writeFileAtomically } from '../util/atomicWrite';
import { approxBytes, Lru } from '../util/lru';

/** Files the index looks at: plain-text files (detected as articles) and files of the `article` language. */
export const INDEX_GLOB = '**/*.{txt,article}';
/** Folders never indexed, whatever `files.exclude` says. */
const SKIP_PATH = /\/(?:node_modules|\.git|\.vscode-test|\.artifacts)\//;
/** Analyses kept in memory (the rest are on disk, by hash), and their memory budget. */
const MEMORY_ANALYSES = 64;
const MEMORY_ANALYSES_BYTES = 48 * 1024 * 1024;
/** Files stat'ed at once during a scan. */
const STAT_CONCURRENCY = 32;
/** Cross-reference results kept in memory, and their budget: each holds the texts of its versions. */
const MEMORY_RESULTS = 16;
const MEMORY_RESULTS_BYTES = 64 * 1024 * 1024;
/**
 * Story fingerprints kept in memory by hash. Entries carry their own copy, so this only saves re-summarising; it
 * gains one per analysed version of an open document while the user types, hence the bound.
 */
const MEMORY_SUMMARIES = 256;
const MEMORY_SUMMARIES_BYTES = 16 * 1024 * 1024;
/** Unreferenced cache files deleted per save at most. */
const PRUNE_PER_SAVE = 200;

/** What the index knows about one file. */
export interface IndexEntry {
  uri: string;
  /** sha-1 of the analysis options and the text ("" when the file is not an article or too large). */
  hash: string;
  mtime: number;
  size: number;
  /** `timedOut`: the analysis of the text with `hash` ran past its deadline; not retried for that text. */
  status: EntryStatus;
  /** Story fingerprint (articles only); `file` is the URI string. */
  summary?: DocSummary;
  /** Taken from an open editor (may differ from the file on disk). */
  live?: boolean;
  /** The day the analysis depended on, when it had no reference date (see CacheRecord.today). */
  today?: string;
}

/** One version of a story, ready to be cross-referenced. */
export interface IndexedDoc {
  uri: string;
  title: string;
  language: string;
  text: string;
  analysis: ArticleAnalysis;
  hash: string;
}

/** The active article's story and its cross-references. */
export interface StoryCrossRefs {
  focus: string;
  story: Story | null;
  docs: IndexedDoc[];
  result: CrossRefResult;
  /** Story score of each other version against the focus (1 when linked by hand). */
  versionScores: Record<string, number>;
  /** Versions linked to the focus by hand. */
  manual: Set<string>;
  ms: number;
}

export interface IndexProgress {
  done: number;
  total: number;
  running: boolean;
}

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

function titleOf(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || uri;
}

/** `promise`, or an AbortError as soon as `signal` aborts (the work itself goes on for other callers). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const e = new Error('Cancelled');
      e.name = 'AbortError';
      reject(e);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * WorkspaceIndex: analyses of every article file in the workspace, for story grouping and cross-references
 *. Scans `**\/*.{txt,article}` in the background with window progress, analyses through the shared
 * analysis worker one file at a time (so the editor's own requests never wait behind the whole workspace), and
 * caches by content hash: sha-1 of (analyzer build, analysis options, text) → analysis + DocSummary, persisted as
 * JSON in the extension's workspace storage (`crossRef-index/index.json` with the file → hash map and the summaries,
 * `crossRef-index/a/<hash>.json` with each analysis). On reopening, unchanged files (same mtime and size) are not
 * even read, so stories are known at once. Open documents use the live analysis from DocumentAnalyses.
 * Cross-references for one article run in a second worker (CrossRefClient) and are cached by the versions'
 * hashes. Created by src/crossRefFeatures.ts.
 */
export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly analysesByHash = new Lru<CacheRecord>(MEMORY_ANALYSES, { maxBytes: MEMORY_ANALYSES_BYTES, sizeOf: approxBytes });
  // Sized once the result is in (a pending promise counts for nothing).
  private readonly results = new Lru<Promise<StoryCrossRefs>>(MEMORY_RESULTS, { maxBytes: MEMORY_RESULTS_BYTES });
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress>();
  private storiesCache: Story[] | undefined;
  private progressState: IndexProgress = { done: 0, total: 0, running: false };
  private scanning: Promise<void> | undefined;
  private rescanRequested = false;
  private scanController: AbortController | undefined;
  private build = '';
  private loaded: Promise<void>;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingFiles = new Set<string>();
  /** Files being indexed (see indexFile). */
  private readonly indexing = new Map<string, Promise<boolean>>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /**
   * Files read from disk, texts analysed and analyses that ran out of time since the last scan started (the
   * "reopening is instant" and "a timed-out file is not retried" checks).
   */
  private counters = { read: 0, analysed: 0, timedOut: 0 };

  /** Fires (debounced) when entries or stories change. */
  readonly onDidChange = this.changeEmitter.event;
  /** Fires while indexing: files done out of total. */
  readonly onDidProgress = this.progressEmitter.event;

  constructor(
    private readonly deps: {
      analyses: DocumentAnalyses;
      client: AnalysisClient;
      crossRefClient: CrossRefClient;
      files: ArticleFiles;
      config: ExtensionConfig;
      links: StoryLinks;
      /** Where the cache lives (context.storageUri ?? context.globalStorageUri); undefined = memory only. */
      storageUri: vscode.Uri | undefined;
      /** The analysis worker bundle: its mtime identifies the analyzer build. */
      workerUri: vscode.Uri;
    },
  ) {
    const { analyses, links, config } = deps;
    const watcher = vscode.workspace.createFileSystemWatcher(INDEX_GLOB);
    this.disposables.push(
      this.changeEmitter,
      this.progressEmitter,
      watcher,
      watcher.onDidCreate((u) => this.schedule(u)),
      watcher.onDidChange((u) => this.schedule(u)),
      watcher.onDidDelete((u) => {
        if (this.entries.delete(u.toString())) this.changed();
      }),
      analyses.onDidAnalyze(({ document, analysis }) => this.fromLive(document, analysis)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const e = this.entries.get(doc.uri.toString());
        if (!e?.live) return;
        if (doc.uri.scheme === 'untitled') {
          this.entries.delete(e.uri);
          this.changed();
        } else this.schedule(doc.uri);
      }),
      links.onDidChange(() => this.changed()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, Config.crossReferencesEnabled, Config.indexMaxFiles, Config.analysisLanguage, Config.analysisReferenceDate, Config.filesAutoDetect, Config.analysisMaxFileSizeKB)) {
          if (this.enabled()) void this.reindex();
          else this.scanController?.abort();
        }
        if (config.affects(e, Config.crossReferencesGlossary)) this.changed();
        if (config.affects(e, Config.analysisTimeoutSeconds) && this.enabled()) {
          // A new time limit: the files that ran out of time get another chance (the rest is unchanged).
          if (this.forgetTimedOut()) void this.reindex();
        }
      }),
    );
    this.loaded = this.load();
  }

  /** True when cross-references are switched on. */
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
    await this.loaded;
    while (this.scanning) await this.scanning;
  }

  /** Scans the workspace again (the "Re-index Workspace" command); resolves with counts when done. */
  async reindex(options: { force?: boolean } = {}): Promise<{ files: number; articles: number; stories: number; read: number; analysed: number; timedOut: number; ms: number }> {
    const t0 = performance.now();
    await this.loaded;
    this.counters = { read: 0, analysed: 0, timedOut: 0 };
    if (options.force) {
      this.forgetTimedOut();
      for (const e of this.entries.values()) if (!e.live) e.mtime = -1;
    }
    if (this.scanning) {
      this.rescanRequested = true;
      this.scanController?.abort();
    } else {
      this.scanning = this.scanLoop().finally(() => (this.scanning = undefined));
    }
    await this.whenIndexed();
    const articles = [...this.entries.values()].filter((e) => e.status === 'article').length;
    return { files: this.entries.size, articles, stories: this.stories().length, ...this.counters, ms: performance.now() - t0 };
  }

  /**
   * Forgets the files whose analysis timed out, so that the next scan analyses them again, and the cross-references
   * computed so far (some may have timed out); true if there were such files.
   */
  private forgetTimedOut(): boolean {
    this.results.clear();
    let any = false;
    for (const [k, e] of this.entries) {
      if (e.status === 'timedOut') {
        this.entries.delete(k);
        any = true;
      }
    }
    return any;
  }

  /** The index entry of a file. */
  entry(uri: vscode.Uri | string): IndexEntry | undefined {
    return this.entries.get(uri.toString());
  }

  /** All article entries. */
  articles(): IndexEntry[] {
    return [...this.entries.values()].filter((e) => e.status === 'article' && e.summary);
  }

  /** Stories (two or more versions) over the indexed articles, with the user's manual links. */
  stories(): Story[] {
    if (!this.storiesCache) {
      const summaries = this.articles().map((e) => e.summary!);
      this.storiesCache = groupStories(summaries, { manualLinks: this.manualLinks() });
    }
    return this.storiesCache;
  }

  /** The story containing `uri`, or null. */
  storyOf(uri: vscode.Uri | string): Story | null {
    const key = uri.toString();
    return this.stories().find((s) => s.files.includes(key)) ?? null;
  }

  private manualLinks(): ManualLink[] {
    return this.deps.links.all();
  }

  /**
   * Cross-references of the article at `uri` against the other versions of its story (computed in the
   * cross-reference worker, cached by the versions' content hashes). Undefined when it is not an indexed article.
   */
  async crossReferences(uri: vscode.Uri, signal?: AbortSignal): Promise<StoryCrossRefs | undefined> {
    await this.loaded;
    const key = uri.toString();
    let entry = this.entries.get(key);
    if (!entry || entry.status !== 'article') {
      // Not indexed yet (just opened, index still running): take the open document's analysis.
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const analysis = doc && (this.deps.analyses.get(doc) ?? (await this.whenAnalyzed(doc.uri, signal)));
      if (!doc || !analysis) return undefined;
      this.fromLive(doc, analysis);
      entry = this.entries.get(key);
      if (!entry || entry.status !== 'article') return undefined;
    }
    const story = this.storyOf(key);
    const files = story ? story.files : [key];
    // NOTE: configuration values are proxies that cannot be posted to a worker: copy the string pairs.
    const glossary: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.deps.config.get(Config.crossReferencesGlossary) ?? {})) if (typeof v === 'string' && k) glossary[k] = v;
    const choices = this.deps.links.choicesFor(key);
    const hashes = files.map((f) => `${f}@${this.entries.get(f)?.hash ?? ''}`).join('|');
    const cacheKey = sha1(`${key}\n${hashes}\n${JSON.stringify(glossary)}\n${[...choices.linked].sort().join(',')}`);
    const cached = this.results.get(cacheKey);
    if (cached) return abortable(cached, signal);
    const promise = (async (): Promise<StoryCrossRefs> => {
      const t0 = performance.now();
      // NOTE: the computation is shared by every caller (view, hovers, references): it does not take any one
      // caller's cancellation; callers stop waiting on their own (see `abortable`).
      const docs = (await Promise.all(files.map((f) => this.loadDoc(f)))).filter((d): d is IndexedDoc => !!d);
      const focusDoc = docs.find((d) => d.uri === key);
      const versionScores: Record<string, number> = {};
      const focusSummary = this.entries.get(key)?.summary;
      for (const d of docs) {
        if (d.uri === key) continue;
        const other = this.entries.get(d.uri)?.summary;
        versionScores[d.uri] = choices.linked.has(d.uri) ? 1 : focusSummary && other ? storyScore(focusSummary, other) : story?.score ?? 0;
      }
      let result: CrossRefResult = { stories: [], links: [], onlyIn: [] };
      if (focusDoc && docs.length > 1) {
        const input: CrossRefDoc[] = docs.map((d) => ({ file: d.uri, text: d.text, analysis: d.analysis }));
        result = (await this.deps.crossRefClient.crossReference(input, { focus: key, oneStory: true, glossary })).result;
      }
      return { focus: key, story: docs.length > 1 ? story : null, docs, result, versionScores, manual: choices.linked, ms: performance.now() - t0 };
    })();
    this.results.set(cacheKey, promise);
    // A story that ran out of time stays failed for these versions (every hover would run it again otherwise);
    // other failures are retried.
    promise.then(
      (xr) => {
        if (this.results.peek(cacheKey) === promise) this.results.set(cacheKey, promise, approxBytes(xr));
      },
      (err) => {
        if (!isTimeoutError(err)) this.results.delete(cacheKey);
      },
    );
    return abortable(promise, signal);
  }

  /** DocumentAnalyses.whenAnalyzed, given up when `signal` aborts (the caller's hover or view went away). */
  private async whenAnalyzed(uri: vscode.Uri, signal: AbortSignal | undefined): Promise<ArticleAnalysis | undefined> {
    if (!signal) return this.deps.analyses.whenAnalyzed(uri);
    if (signal.aborted) return undefined;
    const source = new vscode.CancellationTokenSource();
    const cancel = () => source.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    try {
      return await this.deps.analyses.whenAnalyzed(uri, source.token);
    } finally {
      signal.removeEventListener('abort', cancel);
      source.dispose();
    }
  }

  /** Text and analysis of one indexed file: the open document's live analysis, else the cache, else analysed. */
  async loadDoc(uriString: string, signal?: AbortSignal): Promise<IndexedDoc | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriString && !d.isClosed);
    const live = doc && this.deps.analyses.get(doc);
    if (doc && live) {
      const text = doc.getText();
      return { uri: uriString, title: titleOf(uriString), language: live.language, text, analysis: live, hash: this.hashOf(doc.uri, text) };
    }
    const uri = vscode.Uri.parse(uriString, true);
    let text: string;
    try {
      text = doc ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    const hash = this.hashOf(uri, text);
    // A version whose analysis ran out of time is left out of the story rather than tried again on every request.
    const state = doc && this.deps.analyses.state(doc.uri);
    if (this.timedOut(uriString, hash) || (state?.status === 'timedOut' && state.version === doc?.version)) return undefined;
    let record: CacheRecord | undefined;
    try {
      record = (await this.readAnalysis(hash)) ?? (await this.analyzeText(uri, text, hash, signal));
    } catch (err) {
      if (!isTimeoutError(err)) throw err;
      this.markTimedOut(uriString, hash, sizeOf(text));
      return undefined;
    }
    if (!record) return undefined;
    const { analysis } = record;
    return { uri: uriString, title: titleOf(uriString), language: analysis.language, text, analysis, hash };
  }

  // -------------------------------------------------------------------------------------------------------------
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
        if ((err as Error).name !== 'AbortError') console.error('[article-lens] indexing failed', err);
      }
    } while (this.rescanRequested && !this.disposed);
  }

  private async scan(signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<void> {
    if (!this.enabled() || !vscode.workspace.workspaceFolders?.length) return;
    const max = Math.max(1, this.deps.config.get(Config.indexMaxFiles));
    const found = await vscode.workspace.findFiles(INDEX_GLOB, undefined, max);
    const uris = found.filter((u) => !SKIP_PATH.test(u.path));
    const seen = new Set(uris.map((u) => u.toString()));
    // Forget files that are gone (but keep open documents' live entries).
    for (const [k, e] of this.entries) if (!seen.has(k) && !e.live) this.entries.delete(k);
    this.setProgress({ done: 0, total: uris.length, running: true });
    let done = 0;
    let lastReport = 0;
    // Stat every file first, many at a time (each is a round trip to the file service): on reopening, unchanged
    // files end here and the scan is over in a moment.
    const stats: Array<vscode.FileStat | undefined> = new Array(uris.length);
    let next = 0;
    const statWorker = async () => {
      while (next < uris.length && !signal.aborted) {
        const i = next++;
        stats[i] = await Promise.resolve(vscode.workspace.fs.stat(uris[i])).catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: STAT_CONCURRENCY }, statWorker));
    for (const [i, uri] of uris.entries()) {
      if (signal.aborted || this.disposed) break;
      try {
        if (await this.indexFile(uri, signal, stats[i])) this.changed();
      } catch (err) {
        if ((err as Error).name === 'AbortError') break;
        this.entries.set(uri.toString(), { uri: uri.toString(), hash: '', mtime: 0, size: 0, status: 'error' });
      }
      done++;
      const now = performance.now();
      if (now - lastReport > 250 || done === uris.length) {
        lastReport = now;
        progress.report({ message: `${done}/${uris.length}` });
        this.setProgress({ done, total: uris.length, running: true });
      }
    }
    this.setProgress({ done, total: uris.length, running: false });
    this.changed();
    if (this.articles().length > 1) {
      // The first Cross-References request should not wait for the worker to start or for the grouping.
      this.deps.crossRefClient.warmUp();
      this.stories();
    }
    await this.save();
  }

  private setProgress(p: IndexProgress): void {
    this.progressState = p;
    this.progressEmitter.fire({ ...p });
  }

  /**
   * Index one file; true when its entry changed. One file is indexed once at a time: a scan and the file watcher
   * asking for the same file wait for each other, so a long text is never analysed (or timed out) twice at once.
   */
  private async indexFile(uri: vscode.Uri, signal?: AbortSignal, knownStat?: vscode.FileStat): Promise<boolean> {
    const key = uri.toString();
    for (let other = this.indexing.get(key); other; other = this.indexing.get(key)) {
      await other.then(
        () => undefined,
        () => undefined,
      );
      // The entry is fresh now; the stat taken before the wait may not be.
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
    const key = uri.toString();
    const prev = this.entries.get(key);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (open) {
      const live = this.deps.analyses.get(open);
      if (live) return this.fromLive(open, live, false);
      if (!this.deps.analyses.isArticle(open)) return this.setEntry({ uri: key, hash: '', mtime: 0, size: 0, status: 'notArticle' }, prev);
      // Open but not analysed yet: DocumentAnalyses will report it (onDidAnalyze).
      return false;
    }
    const stat = knownStat ?? (await vscode.workspace.fs.stat(uri));
    const today = todayIso();
    if (prev && !prev.live && unchanged(prev, stat) && (prev.status !== 'article' || prev.summary) && isCurrent(prev, today)) return false;
    const limitKB = this.deps.config.get(Config.analysisMaxFileSizeKB, uri);
    if (stat.size > limitKB * 1024) return this.setEntry({ uri: key, hash: '', mtime: stat.mtime, size: stat.size, status: 'tooLarge' }, prev);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    this.counters.read++;
    const article = this.isArticleLanguage(uri) || this.deps.files.isArticleFile(uri, text);
    if (!article) return this.setEntry({ uri: key, hash: '', mtime: stat.mtime, size: stat.size, status: 'notArticle' }, prev);
    const hash = this.hashOf(uri, text);
    if (prev?.hash === hash && prev.summary && isCurrent(prev, today)) return this.setEntry({ ...prev, mtime: stat.mtime, size: stat.size, live: false }, prev);
    // Same text as when its analysis ran out of time (touched, or copied back): not tried again.
    if (this.timedOut(key, hash)) return this.setEntry({ uri: key, hash, mtime: stat.mtime, size: stat.size, status: 'timedOut' }, prev);
    let made = this.summaryOf(hash);
    if (!made) {
      let record: CacheRecord | undefined;
      try {
        record = (await this.readAnalysis(hash)) ?? (await this.analyzeText(uri, text, hash, signal));
      } catch (err) {
        if (!isTimeoutError(err)) throw err;
        this.counters.timedOut++;
        console.warn(`[article-lens] indexing ${key}: ${err.message}; it is skipped until it changes or the workspace is re-indexed`);
        return this.setEntry({ uri: key, hash, mtime: stat.mtime, size: stat.size, status: 'timedOut' }, prev);
      }
      if (!record) return this.setEntry({ uri: key, hash: '', mtime: stat.mtime, size: stat.size, status: 'error' }, prev);
      made = record;
    }
    return this.setEntry(
      { uri: key, hash, mtime: stat.mtime, size: stat.size, status: 'article', summary: { ...made.summary, file: key }, ...(made.today ? { today: made.today } : {}) },
      prev,
    );
  }

  /** True when the text with `hash` of the file ran out of time when it was last analysed. */
  private timedOut(uri: string, hash: string): boolean {
    const e = this.entries.get(uri);
    return !!e && e.status === 'timedOut' && e.hash === hash;
  }

  /** Records that the analysis of a file's text ran out of time (cross-referencing found it). */
  private markTimedOut(uri: string, hash: string, size: number): void {
    const prev = this.entries.get(uri);
    if (prev?.live) return;
    console.warn(`[article-lens] the analysis of ${uri} timed out; it is skipped until it changes or the workspace is re-indexed`);
    if (this.setEntry({ uri, hash, mtime: prev?.mtime ?? 0, size, status: 'timedOut' }, prev)) this.changed();
    this.scheduleSave();
  }

  /** Stores an entry; true when its content changed (hash or status), i.e. when stories may change. */
  private setEntry(e: IndexEntry, prev: IndexEntry | undefined): boolean {
    this.entries.set(e.uri, e);
    return !(prev && prev.hash === e.hash && prev.status === e.status);
  }

  /** `.article` and `*.article.txt` files are articles by their name (the language contribution). */
  private isArticleLanguage(uri: vscode.Uri): boolean {
    return /\.article(?:\.txt)?$/i.test(uri.path);
  }

  /** Adopts an open document's live analysis (DocumentAnalyses.onDidAnalyze). */
  private fromLive(doc: vscode.TextDocument, analysis: ArticleAnalysis, notify = true): boolean {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote' && doc.uri.scheme !== 'vscode-userdata') {
      if (doc.languageId !== LANGUAGE_ID) return false;
    }
    const text = doc.getText();
    const hash = this.hashOf(doc.uri, text);
    const key = doc.uri.toString();
    const prev = this.entries.get(key);
    let made = this.summaryOf(hash);
    if (made) this.analysesByHash.set(hash, { analysis, ...made });
    else {
      // The live analysis was made with today's date (DocumentAnalyses uses the same options).
      const record = makeRecord(analysis, text, todayIso());
      this.remember(hash, record);
      made = record;
      if (!doc.isDirty) void this.writeAnalysis(hash, record);
    }
    const changed = this.setEntry(
      {
        uri: key,
        hash,
        mtime: prev?.mtime ?? 0,
        size: sizeOf(text),
        status: 'article',
        summary: { ...made.summary, file: key },
        live: true,
        ...(made.today ? { today: made.today } : {}),
      },
      prev,
    );
    if (changed && notify) this.changed();
    return changed;
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
      void (async () => {
        await this.loaded;
        let any = false;
        for (const k of batch) {
          try {
            any = (await this.indexFile(vscode.Uri.parse(k, true))) || any;
          } catch {
            any = this.entries.delete(k) || any;
          }
        }
        if (any) this.changed();
        this.scheduleSave();
      })();
    }, 500);
  }

  /** Entries, links or settings changed: stories are regrouped lazily and listeners told (debounced). */
  private changed(): void {
    this.storiesCache = undefined;
    if (this.changeTimer) return;
    // While scanning a large workspace, regroup and redraw at most every 2 s.
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    }, this.progressState.running ? 2000 : 200);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Analysis and the content-hash cache.

  private readonly summaryCache = new Lru<Pick<CacheRecord, 'summary' | 'today'>>(MEMORY_SUMMARIES, { maxBytes: MEMORY_SUMMARIES_BYTES, sizeOf: approxBytes });

  /** The fingerprint kept for a hash, unless it depended on a day that is over. */
  private summaryOf(hash: string): Pick<CacheRecord, 'summary' | 'today'> | undefined {
    const hit = this.summaryCache.get(hash);
    return hit && isCurrent(hit, todayIso()) ? hit : undefined;
  }

  private remember(hash: string, record: CacheRecord): void {
    this.analysesByHash.set(hash, record);
    this.summaryCache.set(hash, { summary: record.summary, ...(record.today ? { today: record.today } : {}) });
  }

  /**
   * sha-1 of the analyzer build, the analysis options and the text: the cache key of an analysis. The options are
   * the ones DocumentAnalyses analyses open documents with; `today` is checked per record (see CacheRecord.today).
   */
  private hashOf(uri: vscode.Uri, text: string): string {
    return contentHash(this.build, this.deps.analyses.analysisOptions(uri), text);
  }

  private async analyzeText(uri: vscode.Uri, text: string, hash: string, signal?: AbortSignal): Promise<CacheRecord | undefined> {
    const options = this.deps.analyses.analysisOptions(uri);
    const { analysis } = await this.deps.client.analyze(text, options, signal);
    this.counters.analysed++;
    const record = makeRecord(analysis, text, options.today);
    this.remember(hash, record);
    await this.writeAnalysis(hash, record);
    return record;
  }

  private dir(): vscode.Uri | undefined {
    return this.deps.storageUri && vscode.Uri.joinPath(this.deps.storageUri, 'crossRef-index');
  }

  /** The cached analysis of a hash (memory, then disk), unless it depended on a day that is over. */
  private async readAnalysis(hash: string): Promise<CacheRecord | undefined> {
    const today = todayIso();
    const hit = this.analysesByHash.get(hash);
    if (hit && isCurrent(hit, today)) return hit;
    const dir = this.dir();
    if (!dir) return undefined;
    try {
      const data = parseRecord(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'a', `${hash}.json`))));
      if (!data || !isCurrent(data, today)) return undefined;
      this.remember(hash, data);
      return data;
    } catch {
      return undefined;
    }
  }

  private async writeAnalysis(hash: string, record: CacheRecord): Promise<void> {
    const dir = this.dir();
    if (!dir) return;
    // A read-only or full disk only costs re-analysis next time.
    await writeFileAtomically(vscode.Uri.joinPath(dir, 'a', `${hash}.json`), serializeRecord(record)).catch(() => undefined);
    this.scheduleSave();
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, 2000);
  }

  private async load(): Promise<void> {
    try {
      this.build = String((await vscode.workspace.fs.stat(this.deps.workerUri)).mtime);
    } catch {
      this.build = 'dev';
    }
    const dir = this.dir();
    if (!dir) return;
    await Promise.resolve(vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir, 'a'))).catch(() => undefined);
    try {
      const m = parseManifest(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'index.json'))), this.build);
      if (!m) return;
      const summaries = m.summaries ?? {};
      const today = todayIso();
      for (const [uri, f] of Object.entries(m.files ?? {})) {
        const s = f.hash && Object.hasOwn(summaries, f.hash) ? summaries[f.hash] : undefined;
        // A fingerprint that depended on a day that is over is dropped: the file is analysed again.
        const current = s && isCurrent(s, today);
        const summary: DocSummary | undefined = current ? { file: '', language: s.language, features: s.features } : undefined;
        if (f.status === 'article' && !summary) continue;
        this.entries.set(uri, {
          uri,
          hash: f.hash,
          mtime: f.mtime,
          size: f.size,
          status: f.status,
          summary: summary && { ...summary, file: uri },
          ...(summary && s?.today ? { today: s.today } : {}),
        });
      }
      this.storiesCache = undefined;
    } catch {
      // No cache yet.
    }
  }

  private async save(): Promise<void> {
    const dir = this.dir();
    if (!dir || this.disposed) return;
    const m: Manifest = { format: CACHE_FORMAT, build: this.build, files: {}, summaries: {} };
    for (const e of this.entries.values()) {
      if (e.live || !e.uri.startsWith('file:') && !e.uri.startsWith('vscode-')) continue;
      m.files[e.uri] = { hash: e.hash, mtime: e.mtime, size: e.size, status: e.status };
      // The entry's own copy: the summary cache is bounded and may have dropped it.
      const s = e.hash && e.summary;
      if (s) m.summaries[e.hash] = { language: s.language, features: s.features, ...(e.today ? { today: e.today } : {}) };
    }
    try {
      await vscode.workspace.fs.createDirectory(dir);
      await writeFileAtomically(vscode.Uri.joinPath(dir, 'index.json'), JSON.stringify(m));
    } catch {
      // Cache only.
    }
    await this.prune(dir);
  }

  /**
   * Deletes cached analyses (`a/<hash>.json`) that no entry refers to any more (edited, deleted or re-analysed
   * files, another analyzer build), a bounded number per save. Hashes still in memory are kept: a version being
   * cross-referenced or just analysed may not have its entry yet.
   */
  private async prune(dir: vscode.Uri): Promise<void> {
    const keep = new Set<string>([...this.analysesByHash.keys(), ...this.summaryCache.keys()]);
    for (const e of this.entries.values()) if (e.hash) keep.add(e.hash);
    try {
      const names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(dir, 'a')))
        .filter(([, type]) => type === vscode.FileType.File)
        .map(([name]) => name);
      for (const name of staleRecordFiles(names, keep, PRUNE_PER_SAVE)) {
        if (this.disposed) return;
        await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, 'a', name))).catch(() => undefined);
      }
    } catch {
      // Cache only.
    }
  }

  dispose(): void {
    this.scanController?.abort();
    if (this.changeTimer) clearTimeout(this.changeTimer);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      void this.save();
    }
    this.disposed = true;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
