import * as vscode from 'vscode';
import { Config, OVERRIDES_STATE_KEY } from '../constants';
import { isAbortError } from '../core/abort';
import type { ArticleCorrections } from '../core/corrections/model';
import type { AnalyzeOptions, ArticleAnalysis, Lang } from '../core/types';
import { openDocument } from '../util/documents';
import type { DocumentStatus } from '../views/analysisStatus';
import type { AnalysisClient } from './analysisClient';
import { isTimeoutError } from './workerJobs';
import type { ArticleFiles } from './articleFiles';
import type { ExtensionConfig } from './config';

/**
 * Where one document's analysis stands. `timedOut`: it ran past its deadline (articleLens.analysis.timeoutSeconds)
 * and was stopped; it is not retried until the text, the setting or the analysis options change, or on Re-analyse.
 */
export type AnalysisStatus = DocumentStatus['status'];

/** Cached state of one document, keyed by its URI; valid for `version` only. */
export interface AnalysisState {
  uri: vscode.Uri;
  version: number;
  status: AnalysisStatus;
  analysis?: ArticleAnalysis;
  /** Size of the text in bytes (UTF-16 length × 1 is close enough for the limit; see sizeOf). */
  size: number;
  /** Milliseconds the worker spent on the analysis. */
  ms?: number;
  error?: string;
  /** The deadline the analysis had, in milliseconds (status `timedOut`). */
  timeoutMs?: number;
  /** The options (corrections included) it was made with, as a key: a correction makes it stale. */
  optionsKey?: string;
}

/** Where the reader's corrections of an article come from (src/services/corrections.ts). */
export interface CorrectionsSource {
  forDocument(uri: vscode.Uri): ArticleCorrections | undefined;
  readonly onDidChange: vscode.Event<void>;
}

/** Payload of onDidAnalyze. */
export interface AnalyzedEvent {
  document: vscode.TextDocument;
  analysis: ArticleAnalysis;
}

/** Per-document choices made with the "Set Language" and "Set Reference Date" commands. */
export interface DocumentOverrides {
  lang?: Lang;
  referenceDate?: string;
}

interface Inflight {
  version: number;
  optionsKey: string;
  controller: AbortController;
  promise: Promise<void>;
}

/** Upper bound of the debounce that grows with the last analysis time of a document. */
const MAX_ADAPTIVE_DEBOUNCE_MS = 5000;

/** Today's date, YYYY-MM-DD (UTC): the `today` option, the last-resort anchor of relative dates. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** UTF-8 byte length, computed without allocating a buffer for the common ASCII case. */
export function sizeOf(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * DocumentAnalyses: the one cache of ArticleAnalysis that feeds every feature (decorations, tokens, hovers,
 * symbols, navigation, panel, status bar, commands). Keyed by URI and valid for one document version;
 * analyses run in the worker, immediately when an article is opened or becomes active, and debounced per
 * document while typing. Created in extension.ts.
 */
export class DocumentAnalyses implements vscode.Disposable {
  private readonly states = new Map<string, AnalysisState>();
  private readonly inflight = new Map<string, Inflight>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly analyzedEmitter = new vscode.EventEmitter<AnalyzedEvent>();
  private readonly changeEmitter = new vscode.EventEmitter<AnalysisState>();

  /** Fires after a document's analysis for its current version is ready. */
  readonly onDidAnalyze = this.analyzedEmitter.event;
  /** Fires on every state change (pending, ready, too large, error, timed out) and when a closed document is dropped. */
  readonly onDidChangeState = this.changeEmitter.event;

  constructor(
    private readonly client: AnalysisClient,
    private readonly files: ArticleFiles,
    private readonly config: ExtensionConfig,
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
    private readonly corrections?: CorrectionsSource,
  ) {
    this.disposables.push(
      this.analyzedEmitter,
      this.changeEmitter,
      vscode.workspace.onDidOpenTextDocument((doc) => this.request(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        // Long articles wait longer: no point starting a 10 s analysis after every pause in typing.
        const last = this.states.get(e.document.uri.toString())?.ms ?? 0;
        const debounce = this.config.get(Config.analysisDebounceMs, e.document);
        this.request(e.document, Math.max(debounce, Math.min(last, MAX_ADAPTIVE_DEBOUNCE_MS)));
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.onClosed(doc)),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.request(editor.document, 0)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          this.config.affects(
            e,
            Config.analysisLanguage,
            Config.analysisReferenceDate,
            Config.analysisMaxFileSizeKB,
            Config.filesAutoDetect,
          )
        ) {
          this.reanalyzeAll();
        } else if (this.config.affects(e, Config.analysisTimeoutSeconds)) {
          this.retryTimedOut();
        }
      }),
    );
    // A correction repaints: articles whose corrections changed are analysed again (the others keep their key).
    if (corrections) this.disposables.push(corrections.onDidChange(() => this.refreshStale()));
    for (const doc of vscode.workspace.textDocuments) this.request(doc, 0);
  }

  /** Analyses again the open articles whose options (corrections included) changed since their analysis. */
  private refreshStale(): void {
    for (const doc of vscode.workspace.textDocuments) this.request(doc, 0);
  }

  /** The analysis of the document's current version, or undefined if it is not (yet) available. */
  get(document: vscode.TextDocument): ArticleAnalysis | undefined {
    const s = this.states.get(document.uri.toString());
    return s && s.status === 'ready' && s.version === document.version ? s.analysis : undefined;
  }

  /**
   * The latest analysis of the document even if it was made for an earlier version (while a re-analysis is
   * pending). For display only (counts, lists): its offsets may be slightly off after edits.
   */
  latest(document: vscode.TextDocument): ArticleAnalysis | undefined {
    return this.states.get(document.uri.toString())?.analysis;
  }

  /** The state kept for a URI (possibly for an older version), or undefined. */
  state(uri: vscode.Uri): AnalysisState | undefined {
    return this.states.get(uri.toString());
  }

  /** True when the document is treated as an article. */
  isArticle(document: vscode.TextDocument): boolean {
    return this.files.isArticle(document);
  }

  /**
   * Resolves with the analysis of the document at `uri` once its current version is analysed; opens the document
   * if needed. Resolves undefined when it is not an article, too large, failed, or was closed.
   */
  async whenAnalyzed(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<ArticleAnalysis | undefined> {
    const key = uri.toString();
    let doc = this.find(key) ?? (await vscode.workspace.openTextDocument(uri));
    for (;;) {
      if (token?.isCancellationRequested) return undefined;
      doc = this.find(key) ?? doc;
      if (doc.isClosed) {
        if (!this.states.has(key)) return undefined;
        // Changing the language closes and reopens a document: wait for it to come back (or to be dropped).
        const back = await new Promise<boolean>((resolve) => {
          const subs = [
            vscode.workspace.onDidOpenTextDocument((d) => d.uri.toString() === key && finish(true)),
            this.onDidChangeState((st) => st.uri.toString() === key && st.status === 'closed' && finish(false)),
            ...(token ? [token.onCancellationRequested(() => finish(false))] : []),
          ];
          function finish(v: boolean): void {
            for (const d of subs) d.dispose();
            resolve(v);
          }
          if (this.find(key)) finish(true);
        });
        if (!back) return undefined;
        continue;
      }
      if (!this.files.isArticle(doc)) return undefined;
      const s = this.states.get(key);
      if (s && s.version === doc.version && s.status !== 'pending')
        return s.status === 'ready' ? s.analysis : undefined;
      const next = new Promise<void>((resolve) => {
        const subs: vscode.Disposable[] = [];
        const done = () => {
          for (const d of subs) d.dispose();
          resolve();
        };
        subs.push(this.onDidChangeState((st) => st.uri.toString() === key && st.status !== 'pending' && done()));
        if (token) subs.push(token.onCancellationRequested(done));
      });
      // NOTE: while the user types, a debounced run is pending; wait for it rather than forcing one per request
      // (hover and semantic-token requests arrive on every keystroke).
      if (!this.timers.has(key)) this.request(doc, 0);
      await next;
    }
  }

  /**
   * The analysis a provider (hover, semantic tokens, outline, definitions, references) answers from: the current
   * version's, waiting for it when it is not ready yet. Undefined when the document is not an article, has no
   * analysis (too large, failed, timed out), the request was cancelled, or the document changed meanwhile (the
   * answer would point at the wrong words; VS Code asks again).
   */
  async forRequest(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<ArticleAnalysis | undefined> {
    if (!this.isArticle(document)) return undefined;
    const version = document.version;
    const analysis = this.get(document) ?? (await this.whenAnalyzed(document.uri, token));
    if (!analysis || token.isCancellationRequested || document.version !== version) return undefined;
    return analysis;
  }

  /**
   * The options a document is analysed with: its overrides, else the settings, plus today's date. The one place
   * they are built: the workspace index uses it too, for its analyses and its cache key.
   */
  analysisOptions(uri: vscode.Uri): Omit<AnalyzeOptions, 'signal'> & { today: string } {
    const ov = this.overrides(uri);
    const langSetting = this.config.get(Config.analysisLanguage, uri);
    const refSetting = this.config.get(Config.analysisReferenceDate, uri).trim();
    const corrections = this.corrections?.forDocument(uri);
    return {
      lang: ov.lang ?? (langSetting === 'auto' ? undefined : langSetting),
      referenceDate: ov.referenceDate ?? (refSetting || undefined),
      today: todayIso(),
      ...(corrections ? { corrections } : {}),
    };
  }

  /** Forgets cached results and analyses every open article again (the "Re-analyse" command). */
  reanalyzeAll(): void {
    for (const f of this.inflight.values()) f.controller.abort();
    this.inflight.clear();
    this.states.clear();
    for (const doc of vscode.workspace.textDocuments) this.request(doc, 0);
  }

  /** Re-analyses one document now, ignoring the cache. */
  reanalyze(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.inflight.get(key)?.controller.abort();
    this.inflight.delete(key);
    this.states.delete(key);
    this.request(document, 0);
  }

  /** Overrides (language, reference date) chosen for a document. */
  overrides(uri: vscode.Uri): DocumentOverrides {
    return this.memento.get<Record<string, DocumentOverrides>>(OVERRIDES_STATE_KEY, {})[uri.toString()] ?? {};
  }

  /** Changes a document's overrides (persisted in workspace state) and re-analyses it. */
  async setOverrides(document: vscode.TextDocument, patch: DocumentOverrides): Promise<void> {
    const all = { ...this.memento.get<Record<string, DocumentOverrides>>(OVERRIDES_STATE_KEY, {}) };
    const key = document.uri.toString();
    const next: DocumentOverrides = { ...all[key], ...patch };
    if (!next.lang) delete next.lang;
    if (!next.referenceDate) delete next.referenceDate;
    if (Object.keys(next).length) all[key] = next;
    else delete all[key];
    await this.memento.update(OVERRIDES_STATE_KEY, all);
    this.reanalyze(document);
  }

  /** Schedules an analysis of `doc` after `delayMs` (0 = now), replacing any pending one for it. */
  request(doc: vscode.TextDocument, delayMs: number): void {
    if (!this.files.isArticle(doc)) return;
    const key = doc.uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    const s = this.states.get(key);
    const optionsKey = JSON.stringify(this.analysisOptions(doc.uri));
    if (s && s.version === doc.version && s.status !== 'pending' && (s.optionsKey ?? optionsKey) === optionsKey) return;
    const running = this.inflight.get(key);
    if (running?.version === doc.version && running.optionsKey === optionsKey) return;
    if (!s || s.status !== 'pending' || s.version !== doc.version || s.optionsKey !== optionsKey) {
      this.setState({
        uri: doc.uri,
        version: doc.version,
        status: 'pending',
        size: s?.size ?? 0,
        analysis: s?.analysis,
        ms: s?.ms,
        optionsKey,
      });
    }
    if (delayMs <= 0) {
      this.run(doc);
    } else {
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          const current = this.find(key);
          if (current) this.run(current);
        }, delayMs),
      );
    }
  }

  private run(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const options = this.analysisOptions(doc.uri);
    const optionsKey = JSON.stringify(options);
    const previous = this.inflight.get(key);
    if (previous?.version === doc.version && previous.optionsKey === optionsKey) return;
    previous?.controller.abort();
    const version = doc.version;
    const text = doc.getText();
    const size = sizeOf(text);
    const limitKB = this.config.get(Config.analysisMaxFileSizeKB, doc);
    if (size > limitKB * 1024) {
      this.inflight.delete(key);
      this.setState({ uri: doc.uri, version, status: 'tooLarge', size, optionsKey });
      return;
    }
    const controller = new AbortController();
    const promise = this.client.analyze(text, options, controller.signal).then(
      ({ analysis, ms }) => {
        if (this.inflight.get(key)?.controller !== controller) return;
        this.inflight.delete(key);
        const pending = this.newerPending(key, version);
        if (pending) {
          // The user typed on while this version was analysed: the newer version stays pending (its own run is
          // debounced), and shows this result meanwhile, the closest one to its text.
          this.setState({ ...pending, analysis, ms });
          return;
        }
        this.setState({ uri: doc.uri, version, status: 'ready', analysis, size, ms, optionsKey });
        const current = this.find(key);
        if (current && current.version === version) this.analyzedEmitter.fire({ document: current, analysis });
      },
      (err: Error) => {
        if (this.inflight.get(key)?.controller !== controller) return;
        this.inflight.delete(key);
        if (isAbortError(err)) return;
        // An older version's failure says nothing certain about the newer text, whose run is still to come.
        if (this.newerPending(key, version)) {
          this.log.warn(`Analysis of an older version of ${key} failed: ${err.message}`);
          return;
        }
        if (isTimeoutError(err)) {
          this.log.warn(`Analysis of ${key} stopped: ${err.message}`);
          this.setState({
            uri: doc.uri,
            version,
            status: 'timedOut',
            size,
            error: err.message,
            timeoutMs: err.limitMs,
            optionsKey,
          });
        } else {
          this.log.error(`Analysis of ${key} failed: ${err.message}`);
          this.setState({ uri: doc.uri, version, status: 'error', size, error: err.message, optionsKey });
        }
      },
    );
    this.inflight.set(key, { version, optionsKey, controller, promise });
  }

  /**
   * The pending state of a newer version than `version`, if the document has moved on since that version's run
   * started (an edit while it ran: request() marked the new version pending and debounced its run).
   */
  private newerPending(key: string, version: number): AnalysisState | undefined {
    const s = this.states.get(key);
    return s && s.status === 'pending' && s.version !== version ? s : undefined;
  }

  /** The time limit changed: analyses that ran out of time get another chance under the new one. */
  private retryTimedOut(): void {
    for (const [key, s] of [...this.states]) {
      const doc = s.status === 'timedOut' ? this.find(key) : undefined;
      if (!doc) continue;
      this.states.delete(key);
      this.request(doc, 0);
    }
  }

  private setState(state: AnalysisState): void {
    this.states.set(state.uri.toString(), state);
    this.changeEmitter.fire(state);
  }

  private find(key: string): vscode.TextDocument | undefined {
    return openDocument(key);
  }

  private onClosed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    // NOTE: changing a document's language closes and reopens it; keep the cache when it comes straight back.
    setTimeout(() => {
      if (this.find(key)) return;
      const t = this.timers.get(key);
      if (t) clearTimeout(t);
      this.timers.delete(key);
      this.inflight.get(key)?.controller.abort();
      this.inflight.delete(key);
      const s = this.states.get(key);
      if (s) {
        this.states.delete(key);
        this.changeEmitter.fire({ ...s, status: 'closed', analysis: undefined, version: -1 });
      }
    }, 1000);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const f of this.inflight.values()) f.controller.abort();
    this.inflight.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
