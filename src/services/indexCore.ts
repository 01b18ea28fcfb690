/**
 * The VS Code-free part of the workspace index (src/services/workspaceIndex.ts): the content hash that keys the
 * cache, the cached record of one analysed text (analysis + story fingerprint), the persisted manifest (file →
 * hash, hash → fingerprint) and the "unchanged on disk" test. Shared with the benchmark (scripts/bench/indexBench.ts)
 * so that it measures the same code path minus VS Code.
 */
import { createHash } from 'node:crypto';
import type { DocSummary } from '../core/crossrefTypes';
import { summarize } from '../core/stories';
import type { AnalyzeOptions, ArticleAnalysis } from '../core/types';

/** Cache format version: bump when the cached shapes change. */
export const CACHE_FORMAT = 1;

/**
 * What the index found for a file. `timedOut`: its analysis ran past its deadline; kept by content hash so the file
 * is not analysed again on every start (only when its text or the analyzer build changes, or on Re-index Workspace).
 */
export const ENTRY_STATUSES = ['article', 'notArticle', 'tooLarge', 'error', 'timedOut'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Persisted index: which hash each file had (with mtime/size to skip unchanged files) and each hash's fingerprint. */
export interface Manifest {
  format: number;
  /** Analyzer build the cache was made with (the worker bundle's mtime); another build invalidates the cache. */
  build: string;
  files: Record<string, { hash: string; mtime: number; size: number; status: EntryStatus }>;
  /** `today`: set when the fingerprint depends on the day it was made (see CacheRecord.today). */
  summaries: Record<string, { language: string; features: Record<string, number>; today?: string }>;
}

/** One cached analysis, stored as `<hash>.json`. */
export interface CacheRecord {
  analysis: ArticleAnalysis;
  summary: DocSummary;
  /**
   * The `today` option the analysis was made with, when it mattered: only an article with no reference date (from
   * the caller or its own text) resolves relative dates against today. Such a record is stale the next day.
   */
  today?: string;
}

/**
 * The `today` an analysis depends on: `today` when it found no reference date (relative dates were resolved
 * against today), else undefined. This is why `today` is not part of the content hash: most articles carry their
 * own date and their cached analyses stay valid; the others are checked with `isCurrent`.
 */
export function todayUsed(analysis: Pick<ArticleAnalysis, 'referenceDate'>, today: string | undefined): string | undefined {
  return analysis.referenceDate ? undefined : today;
}

/** True when a cached analysis made with `made.today` (see todayUsed) is still what analysing today would give. */
export function isCurrent(made: { today?: string }, today: string): boolean {
  return made.today === undefined || made.today === today;
}

/**
 * sha-1 of the analyzer build, the analysis options that change the result for any text (forced language,
 * caller's reference date), and the text. `today` changes the result only for articles without a reference date:
 * it is recorded in those records instead (CacheRecord.today, isCurrent).
 */
export function contentHash(build: string, options: Pick<AnalyzeOptions, 'lang' | 'referenceDate'>, text: string): string {
  return createHash('sha1')
    .update(`${build}\u0000${options.lang ?? ''}\u0000${options.referenceDate ?? ''}\u0000`)
    .update(text)
    .digest('hex');
}

/** The cache record of an analysed text (its fingerprint is file-independent: `file` is empty). */
export function makeRecord(analysis: ArticleAnalysis, text: string, today?: string): CacheRecord {
  const used = todayUsed(analysis, today);
  return { analysis, summary: summarize(analysis, text, ''), ...(used ? { today: used } : {}) };
}

export function serializeRecord(r: CacheRecord): string {
  return JSON.stringify(r);
}

/** Parses a cache record; undefined when it is not one (truncated file, older format). */
export function parseRecord(json: string): CacheRecord | undefined {
  try {
    const r = JSON.parse(json) as CacheRecord;
    return r && r.analysis && r.summary && typeof r.summary.features === 'object' ? r : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the manifest; undefined when missing, malformed, or made by another format or analyzer build. */
export function parseManifest(json: string, build: string): Manifest | undefined {
  try {
    const m = JSON.parse(json) as Manifest;
    return m && m.format === CACHE_FORMAT && m.build === build && m.files && m.summaries ? m : undefined;
  } catch {
    return undefined;
  }
}

/** True when a file can be taken from the manifest without reading it (same mtime and size as when indexed). */
export function unchanged(prev: { mtime: number; size: number } | undefined, stat: { mtime: number; size: number }): boolean {
  return !!prev && prev.mtime === stat.mtime && prev.size === stat.size;
}

/** Name of a cached analysis file in `xref-index/a/`. */
const RECORD_FILE = /^([0-9a-f]{40})\.json$/;

/**
 * Cache files (`<hash>.json` names) that no kept hash refers to, at most `max` of them (so one save does bounded
 * work however many files a change of analyzer build left behind). Other names are never listed.
 */
export function staleRecordFiles(names: Iterable<string>, keep: ReadonlySet<string>, max: number): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (out.length >= max) break;
    const m = RECORD_FILE.exec(name);
    if (m && !keep.has(m[1])) out.push(name);
  }
  return out;
}
