import * as vscode from 'vscode';
import { writeFileAtomically } from '../util/atomicWrite';
import { isFileNotFound } from '../util/documents';
import { approxBytes, Lru } from '../util/lru';
import { todayIso } from './analyses';
import {
  entriesOf,
  isCurrent,
  manifestOf,
  parseManifest,
  parseRecord,
  serializeRecord,
  staleRecordFiles,
  type CacheRecord,
  type IndexEntry,
} from './indexCore';

/** Analyses kept in memory (the rest are on disk, by hash), and their memory budget. */
const MEMORY_ANALYSES = 64;
const MEMORY_ANALYSES_BYTES = 48 * 1024 * 1024;
/**
 * Story fingerprints kept in memory by hash. Entries carry their own copy, so this only saves re-summarising; it
 * gains one per analysed version of an open document while the user types, hence the bound.
 */
const MEMORY_SUMMARIES = 256;
const MEMORY_SUMMARIES_BYTES = 16 * 1024 * 1024;
/** Unreferenced cache files deleted per save at most. */
const PRUNE_PER_SAVE = 200;
/** A save waits this long for more changes. */
const SAVE_DELAY_MS = 2000;

/** The fingerprint part of a cache record. */
export type RecordSummary = Pick<CacheRecord, 'summary' | 'today'>;

/**
 * The workspace index's store: what it knows about each file (IndexEntry), and the analyses by content hash, in
 * memory (bounded by count and bytes) and on disk in the extension's workspace storage: `crossRef-index/index.json`
 * (the file → hash map and the fingerprints) and `crossRef-index/a/<hash>.json` (one analysis each). Files are
 * written atomically and read back only when they have exactly the expected shape (indexCore.ts); unreferenced
 * analyses are pruned a bounded number per save. The disk is a cache: a failure to read it costs re-analysis, a
 * failure to write it is logged. Created by src/crossRefFeatures.ts; filled by IndexScanner, read by StoryService.
 */
export class IndexStore implements vscode.Disposable {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly records = new Lru<CacheRecord>(MEMORY_ANALYSES, {
    maxBytes: MEMORY_ANALYSES_BYTES,
    sizeOf: approxBytes,
  });
  private readonly summaries = new Lru<RecordSummary>(MEMORY_SUMMARIES, {
    maxBytes: MEMORY_SUMMARIES_BYTES,
    sizeOf: approxBytes,
  });
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private buildId = '';
  /** Resolves once the persisted manifest is loaded (or found missing). */
  readonly loaded: Promise<void>;

  constructor(
    private readonly deps: {
      /** Where the cache lives (context.storageUri ?? context.globalStorageUri); undefined = memory only. */
      storageUri: vscode.Uri | undefined;
      /** The analysis worker bundle: its mtime identifies the analyzer build. */
      workerUri: vscode.Uri;
      log: vscode.LogOutputChannel;
    },
  ) {
    this.loaded = this.load();
  }

  /** The analyzer build the cache belongs to (part of every content hash). */
  get build(): string {
    return this.buildId;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Entries.

  entry(uri: vscode.Uri | string): IndexEntry | undefined {
    return this.entries.get(uri.toString());
  }

  all(): IterableIterator<IndexEntry> {
    return this.entries.values();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Stores an entry; true when its content changed (hash or status), i.e. when stories may change. */
  set(e: IndexEntry): boolean {
    const prev = this.entries.get(e.uri);
    this.entries.set(e.uri, e);
    return !(prev && prev.hash === e.hash && prev.status === e.status);
  }

  delete(uri: string): boolean {
    return this.entries.delete(uri);
  }

  /** Forgets the files whose analysis timed out, so that the next scan analyses them again; true if there were any. */
  forgetTimedOut(): boolean {
    let any = false;
    for (const [k, e] of this.entries) {
      if (e.status === 'timedOut') {
        this.entries.delete(k);
        any = true;
      }
    }
    return any;
  }

  /** Makes the next scan read every file on disk again (its texts still come from the hash cache). */
  markStale(): void {
    for (const e of this.entries.values()) if (!e.live) e.mtime = -1;
  }

  /** True when the text with `hash` of the file ran out of time when it was last analysed. */
  timedOut(uri: string, hash: string): boolean {
    const e = this.entries.get(uri);
    return !!e && e.status === 'timedOut' && e.hash === hash;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Analyses by content hash.

  /** The fingerprint kept for a hash, unless it depended on a day that is over. */
  summary(hash: string): RecordSummary | undefined {
    const hit = this.summaries.get(hash);
    return hit && isCurrent(hit, todayIso()) ? hit : undefined;
  }

  /** Keeps a record in memory (and its fingerprint). */
  remember(hash: string, record: CacheRecord): void {
    this.records.set(hash, record);
    this.summaries.set(hash, { summary: record.summary, ...(record.today ? { today: record.today } : {}) });
  }

  /** The cached analysis of a hash (memory, then disk), unless it depended on a day that is over. */
  async record(hash: string): Promise<CacheRecord | undefined> {
    const today = todayIso();
    const hit = this.records.get(hash);
    if (hit && isCurrent(hit, today)) return hit;
    const file = this.recordFile(hash);
    if (!file) return undefined;
    let json: string;
    try {
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (err) {
      if (!isFileNotFound(err))
        this.deps.log.warn(`Workspace index: could not read the cached analysis ${hash}: ${(err as Error).message}`);
      return undefined;
    }
    const data = parseRecord(json);
    if (!data) {
      this.deps.log.warn(`Workspace index: the cached analysis ${hash} is not one this version wrote; analysing again`);
      return undefined;
    }
    if (!isCurrent(data, today)) return undefined;
    this.remember(hash, data);
    return data;
  }

  /** Keeps a record in memory and writes it to disk (then the manifest, a little later). */
  async write(hash: string, record: CacheRecord): Promise<void> {
    this.remember(hash, record);
    const file = this.recordFile(hash);
    if (!file) return;
    try {
      await writeFileAtomically(file, serializeRecord(record));
    } catch (err) {
      // A read-only or full disk only costs re-analysis next time.
      this.deps.log.warn(`Workspace index: could not cache an analysis: ${(err as Error).message}`);
    }
    this.scheduleSave();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Persistence.

  private dir(): vscode.Uri | undefined {
    return this.deps.storageUri && vscode.Uri.joinPath(this.deps.storageUri, 'crossRef-index');
  }

  private recordFile(hash: string): vscode.Uri | undefined {
    const dir = this.dir();
    return dir && vscode.Uri.joinPath(dir, 'a', `${hash}.json`);
  }

  /** Saves the manifest soon (changes come in bursts while scanning). */
  scheduleSave(): void {
    if (this.saveTimer || this.disposed) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.save();
    }, SAVE_DELAY_MS);
  }

  private async load(): Promise<void> {
    try {
      this.buildId = String((await vscode.workspace.fs.stat(this.deps.workerUri)).mtime);
    } catch (err) {
      this.deps.log.warn(
        `Workspace index: no analysis worker at ${this.deps.workerUri.fsPath} (${(err as Error).message}); caching for a development build`,
      );
      this.buildId = 'dev';
    }
    const dir = this.dir();
    if (!dir) return;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir, 'a'));
    } catch (err) {
      this.deps.log.warn(`Workspace index: cannot create its cache folder: ${(err as Error).message}`);
    }
    let json: string;
    try {
      json = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, 'index.json')));
    } catch (err) {
      if (!isFileNotFound(err))
        this.deps.log.warn(`Workspace index: could not read its cache: ${(err as Error).message}`);
      return;
    }
    // Another analyzer build's manifest is not an error: that build's analyses no longer apply.
    const m = parseManifest(json, this.buildId);
    if (!m) return;
    for (const e of entriesOf(m, todayIso())) this.entries.set(e.uri, e);
  }

  /** Writes the manifest, then prunes unreferenced analyses. */
  async save(): Promise<void> {
    const dir = this.dir();
    if (!dir || this.disposed) return;
    try {
      await vscode.workspace.fs.createDirectory(dir);
      await writeFileAtomically(
        vscode.Uri.joinPath(dir, 'index.json'),
        JSON.stringify(manifestOf(this.entries.values(), this.buildId)),
      );
    } catch (err) {
      this.deps.log.warn(`Workspace index: could not save its cache: ${(err as Error).message}`);
    }
    await this.prune(dir);
  }

  /**
   * Deletes cached analyses (`a/<hash>.json`) that no entry refers to any more (edited, deleted or re-analysed
   * files, another analyzer build), a bounded number per save. Hashes still in memory are kept: a version being
   * cross-referenced or just analysed may not have its entry yet.
   */
  private async prune(dir: vscode.Uri): Promise<void> {
    const keep = new Set<string>([...this.records.keys(), ...this.summaries.keys()]);
    for (const e of this.entries.values()) if (e.hash) keep.add(e.hash);
    let names: string[];
    try {
      names = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(dir, 'a')))
        .filter(([, type]) => type === vscode.FileType.File)
        .map(([name]) => name);
    } catch (err) {
      this.deps.log.warn(`Workspace index: could not list its cache: ${(err as Error).message}`);
      return;
    }
    for (const name of staleRecordFiles(names, keep, PRUNE_PER_SAVE)) {
      if (this.disposed) return;
      try {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, 'a', name));
      } catch (err) {
        if (!isFileNotFound(err))
          this.deps.log.warn(
            `Workspace index: could not delete the stale cache file ${name}: ${(err as Error).message}`,
          );
      }
    }
  }

  /** Flushes a pending save (the manifest is written once more) and stops. */
  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      void this.save();
    }
    this.disposed = true;
  }
}
