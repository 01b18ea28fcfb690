import * as vscode from 'vscode';
import { Config } from '../constants';
import { abortError } from '../core/abort';
import type { CrossRefDoc } from '../core/crossRef';
import type { CrossRefResult, Story } from '../core/crossRefTypes';
import { groupStories, storyScore } from '../core/stories';
import type { StoryCorrections } from '../core/corrections/model';
import type { ArticleAnalysis } from '../core/types';
import { toAbortSignal } from '../util/cancellation';
import { fileTitle, openDocument } from '../util/documents';
import { approxBytes, Lru } from '../util/lru';
import { sizeOf, type DocumentAnalyses } from './analyses';
import type { ExtensionConfig } from './config';
import type { CorrectionsService } from './corrections';
import type { CrossRefClient } from './crossRefClient';
import { crossRefKey } from './indexCore';
import type { IndexScanner } from './indexScanner';
import type { IndexStore } from './indexStore';
import type { StoryLinks } from './storyLinks';
import { isTimeoutError } from './workerJobs';

/** Cross-reference results kept in memory, and their budget: each holds the texts of its versions. */
const MEMORY_RESULTS = 16;
const MEMORY_RESULTS_BYTES = 64 * 1024 * 1024;

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

/** `promise`, or an AbortError as soon as `signal` aborts (the work itself goes on for other callers). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The workspace index's story service: which indexed articles are versions of one story (core/stories.ts over
 * their fingerprints, with the user's story links), and the cross-references of an article against the other
 * versions of its story, computed in the cross-reference worker and cached by the versions' content hashes (bounded
 * by count and bytes; a story that ran out of time stays failed for those versions). Fires onDidChange (debounced)
 * when stories may have changed. Created by src/crossRefFeatures.ts; read by the Cross-References view and the
 * cross-reference providers and commands.
 */
export class StoryService implements vscode.Disposable {
  // Sized once the result is in (a pending promise counts for nothing).
  private readonly results = new Lru<Promise<StoryCrossRefs>>(MEMORY_RESULTS, { maxBytes: MEMORY_RESULTS_BYTES });
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private storiesCache: Story[] | undefined;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;

  /** Fires (debounced) when entries, links or the glossary change: stories and cross-references may differ. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly deps: {
      analyses: DocumentAnalyses;
      config: ExtensionConfig;
      crossRefClient: CrossRefClient;
      links: StoryLinks;
      corrections?: CorrectionsService;
      scanner: IndexScanner;
      store: IndexStore;
      log: vscode.LogOutputChannel;
    },
  ) {
    const { config, links, scanner, store } = deps;
    // Stories asked for while the cache was loading were grouped without it.
    void store.loaded.then(() => (this.storiesCache = undefined));
    this.disposables.push(
      this.changeEmitter,
      scanner.onDidChangeEntries(() => this.changed()),
      scanner.onDidProgress((p) => {
        if (p.running || scanner.articles().length < 2) return;
        // The first Cross-References request should not wait for the worker to start or for the grouping.
        deps.crossRefClient.warmUp();
        this.stories();
      }),
      links.onDidChange(() => this.changed()),
      ...(deps.corrections ? [deps.corrections.onDidChange(() => this.changed())] : []),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (config.affects(e, Config.crossReferencesGlossary)) this.changed();
        // Some cross-references may have run out of time under the old limit.
        if (config.affects(e, Config.analysisTimeoutSeconds)) this.results.clear();
      }),
    );
  }

  /** True when cross-references are switched on. */
  enabled(): boolean {
    return this.deps.scanner.enabled();
  }

  /** Forgets the cross-references computed so far (Re-index Workspace: some may have timed out). */
  clearResults(): void {
    this.results.clear();
  }

  /** Stories (two or more versions) over the indexed articles, with the user's manual links. */
  stories(): Story[] {
    this.storiesCache ??= groupStories(
      this.deps.scanner.articles().map((e) => e.summary!),
      { manualLinks: this.deps.links.all() },
    );
    return this.storiesCache;
  }

  /** The story containing `uri`, or null. */
  storyOf(uri: vscode.Uri | string): Story | null {
    const key = uri.toString();
    return this.stories().find((s) => s.files.includes(key)) ?? null;
  }

  /**
   * Cross-references of an article document at its current version, for a provider or a command: undefined when
   * cross-references are off, it is not an article (or has no analysis), it has no other version, or the document
   * changed meanwhile. Rejects with an AbortError when `token` is cancelled, with the worker's error when
   * cross-referencing fails.
   */
  async forDocument(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<StoryCrossRefs | undefined> {
    if (!this.enabled()) return undefined;
    const version = document.version;
    if (!(await this.deps.analyses.forRequest(document, token))) return undefined;
    const xr = await this.crossReferences(document.uri, toAbortSignal(token));
    if (!xr || token.isCancellationRequested || document.version !== version || !xr.story) return undefined;
    return xr;
  }

  /**
   * Cross-references of the article at `uri` against the other versions of its story (computed in the
   * cross-reference worker, cached by the versions' content hashes). Undefined when it is not an indexed article.
   * Rejects with an AbortError when `signal` aborts (the computation goes on for the other callers).
   */
  async crossReferences(uri: vscode.Uri, signal?: AbortSignal): Promise<StoryCrossRefs | undefined> {
    const { store, scanner, links, config } = this.deps;
    await store.loaded;
    const key = uri.toString();
    let entry = store.entry(key);
    if (!entry || entry.status !== 'article') {
      // Not indexed yet (just opened, index still running): take the open document's analysis.
      const doc = openDocument(key);
      const analysis = doc && (this.deps.analyses.get(doc) ?? (await this.whenAnalyzed(doc.uri, signal)));
      if (!doc || !analysis) return undefined;
      scanner.adopt(doc, analysis);
      entry = store.entry(key);
      if (!entry || entry.status !== 'article') return undefined;
    }
    const story = this.storyOf(key);
    const files = story ? story.files : [key];
    // NOTE: configuration values are proxies that cannot be posted to a worker: copy the string pairs.
    const glossary: Record<string, string> = {};
    for (const [k, v] of Object.entries(config.get(Config.crossReferencesGlossary) ?? {}))
      if (typeof v === 'string' && k) glossary[k] = v;
    const choices = links.choicesFor(key);
    const corrections = this.deps.corrections?.forStory(key, files);
    const cacheKey =
      crossRefKey(
        key,
        files.map((f) => ({ uri: f, hash: store.entry(f)?.hash ?? '' })),
        glossary,
        choices.linked,
      ) + (corrections ? `+${JSON.stringify(corrections)}` : '');
    const cached = this.results.get(cacheKey);
    if (cached) return abortable(cached, signal);
    // NOTE: the computation is shared by every caller (view, hovers, references): it does not take any one caller's
    // cancellation; callers stop waiting on their own (see `abortable`).
    const promise = this.compute(key, story, files, glossary, choices.linked, corrections);
    this.results.set(cacheKey, promise);
    // A story that ran out of time stays failed for these versions (every hover would run it again otherwise);
    // other failures are retried. The callers report the failure.
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

  private async compute(
    key: string,
    story: Story | null,
    files: string[],
    glossary: Record<string, string>,
    linked: Set<string>,
    corrections: StoryCorrections | undefined,
  ): Promise<StoryCrossRefs> {
    const { store } = this.deps;
    const t0 = performance.now();
    const docs = (await Promise.all(files.map((f) => this.loadDoc(f)))).filter((d): d is IndexedDoc => !!d);
    const focusDoc = docs.find((d) => d.uri === key);
    const versionScores: Record<string, number> = {};
    const focusSummary = store.entry(key)?.summary;
    for (const d of docs) {
      if (d.uri === key) continue;
      const other = store.entry(d.uri)?.summary;
      versionScores[d.uri] = linked.has(d.uri)
        ? 1
        : focusSummary && other
          ? storyScore(focusSummary, other)
          : (story?.score ?? 0);
    }
    let result: CrossRefResult = { stories: [], links: [], onlyIn: [] };
    if (focusDoc && docs.length > 1) {
      const input: CrossRefDoc[] = docs.map((d) => ({ file: d.uri, text: d.text, analysis: d.analysis }));
      result = (
        await this.deps.crossRefClient.crossReference(input, {
          focus: key,
          oneStory: true,
          glossary,
          ...(corrections ? { corrections } : {}),
        })
      ).result;
    }
    return {
      focus: key,
      story: docs.length > 1 ? story : null,
      docs,
      result,
      versionScores,
      manual: linked,
      ms: performance.now() - t0,
    };
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

  /**
   * Text and analysis of one version: the open document's live analysis, else the cache, else analysed. Undefined
   * when it cannot be read or its analysis ran out of time (it is left out of the story rather than tried again on
   * every request).
   */
  private async loadDoc(uriString: string): Promise<IndexedDoc | undefined> {
    const { analyses, scanner, store } = this.deps;
    const doc = openDocument(uriString);
    const live = doc && analyses.get(doc);
    if (doc && live) {
      const text = doc.getText();
      return {
        uri: uriString,
        title: fileTitle(uriString),
        language: live.language,
        text,
        analysis: live,
        hash: scanner.hashOf(doc.uri, text),
      };
    }
    const uri = vscode.Uri.parse(uriString, true);
    let text: string;
    try {
      text = doc ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      this.deps.log.warn(
        `Cross-references: ${uriString} could not be read, so it is left out: ${(err as Error).message}`,
      );
      return undefined;
    }
    const hash = scanner.hashOf(uri, text);
    const state = doc && analyses.state(doc.uri);
    if (store.timedOut(uriString, hash) || (state?.status === 'timedOut' && state.version === doc?.version))
      return undefined;
    let record;
    try {
      record = await scanner.recordFor(uri, text, hash);
    } catch (err) {
      if (!isTimeoutError(err)) throw err;
      scanner.markTimedOut(uriString, hash, sizeOf(text));
      return undefined;
    }
    return {
      uri: uriString,
      title: fileTitle(uriString),
      language: record.analysis.language,
      text,
      analysis: record.analysis,
      hash,
    };
  }

  /** Stories may have changed: they are regrouped lazily and listeners told (debounced). */
  private changed(): void {
    this.storiesCache = undefined;
    if (this.changeTimer) return;
    // While scanning a large workspace, regroup and redraw at most every 2 s.
    this.changeTimer = setTimeout(
      () => {
        this.changeTimer = undefined;
        this.changeEmitter.fire();
      },
      this.deps.scanner.progress().running ? 2000 : 200,
    );
  }

  dispose(): void {
    if (this.changeTimer) clearTimeout(this.changeTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
