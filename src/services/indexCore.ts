/**
 * The VS Code-free part of the workspace index (src/services/indexStore.ts, indexScanner.ts, storyService.ts): the
 * index entry of a file, the content hash that keys the cache, the cached record of one analysed text (analysis +
 * story fingerprint) and its strict validation, the persisted manifest (file → hash, hash → fingerprint) and its
 * round trip to entries, the "unchanged on disk" test, the files to prune, the files to scan (from the extension
 * manifest's language contribution) and the key of a cached cross-reference. Unit-tested in
 * test/unit/indexCore.test.ts, and shared with the benchmark (scripts/bench/indexBench.ts) so that it measures the
 * same code path minus VS Code.
 */
import { createHash } from 'node:crypto';
import { ENTITY_KINDS } from '../core/kinds';
import type { DocSummary } from '../core/crossRefTypes';
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
export function todayUsed(
  analysis: Pick<ArticleAnalysis, 'referenceDate'>,
  today: string | undefined,
): string | undefined {
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
export function contentHash(
  build: string,
  options: Pick<AnalyzeOptions, 'lang' | 'referenceDate'>,
  text: string,
): string {
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

// Shape checks of what is read back from the cache folder. The cache lives on disk where anything can change it
// (another build of the extension, a full disk, a user's cleanup script): a record that is not exactly what the
// analysis produces would reach every feature (offsets into the text, values shown in hovers), so anything else is
// a cache miss.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOffset = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const oneOf = (values: readonly string[]) => (v: unknown) => isString(v) && values.includes(v);
const arrayOf = (check: (v: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(check);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isSpan(v: unknown): v is Json {
  return isObject(v) && isOffset(v.start) && isOffset(v.end) && v.start <= v.end;
}

/** A span with its text, which is always `text.slice(start, end)`: the lengths must agree. */
function isMention(v: unknown): v is Json {
  return isSpan(v) && isString(v.text) && v.text.length === (v.end as number) - (v.start as number);
}

const isOptionalString = (v: unknown) => v === undefined || isString(v);

const isTrace = (v: unknown) =>
  isObject(v) && isString(v.id) && isString(v.action) && isOptionalString(v.at) && isOptionalString(v.by);

/** Who stands behind an annotation: analyze() sets source and verified on every one; traces only when corrected. */
const hasMarks = (v: Json) =>
  oneOf(['auto', 'reader'])(v.source) &&
  typeof v.verified === 'boolean' &&
  (v.corrections === undefined || arrayOf(isTrace)(v.corrections));

function isMarkedMention(v: unknown): v is Json {
  return isMention(v) && hasMarks(v);
}

const isEntity = (v: unknown) =>
  isObject(v) &&
  isString(v.id) &&
  oneOf(ENTITY_KINDS)(v.type) &&
  isString(v.name) &&
  arrayOf(isString)(v.aliases) &&
  arrayOf(isMarkedMention)(v.mentions) &&
  hasMarks(v);

const isFigure = (v: unknown) =>
  isMarkedMention(v) &&
  Number.isFinite(v.value) &&
  (v.unit === null || isString(v.unit)) &&
  oneOf(['money', 'percent', 'count', 'number'])(v.kind);

const isDate = (v: unknown) =>
  isMarkedMention(v) &&
  oneOf(['date', 'relative', 'duration', 'time', 'set'])(v.kind) &&
  (v.value === null || isString(v.value)) &&
  oneOf(['explicit', 'reference', 'none', 'reader'])(v.resolvedFrom);

const isSpeaker = (v: unknown) =>
  isSpan(v) &&
  isString(v.name) &&
  (v.entityId === null || isString(v.entityId)) &&
  oneOf(['named', 'description', 'pronoun', 'continuation', 'reader'])(v.via);

const isQuote = (v: unknown) =>
  isMarkedMention(v) &&
  isSpan(v.outer) &&
  oneOf(['straight', 'curly', 'guillemet', 'single', 'other'])(v.mark) &&
  typeof v.scare === 'boolean' &&
  (v.speaker === null || isSpeaker(v.speaker));

const isReferenceDate = (v: unknown) =>
  v === null ||
  (isObject(v) &&
    isString(v.value) &&
    /^\d{4}(?:-\d{2}-\d{2})?$/.test(v.value) &&
    oneOf(['caller', 'dateline', 'text', 'copyright', 'reader'])(v.source) &&
    (v.span === undefined || isMention(v.span)));

const isOutcome = (v: unknown) =>
  isObject(v) &&
  isString(v.id) &&
  isString(v.action) &&
  oneOf(['applied', 'unchanged'])(v.status) &&
  (v.span === undefined || isSpan(v.span)) &&
  (v.occurrences === undefined || isOffset(v.occurrences));

const isOrphan = (v: unknown) =>
  isObject(v) &&
  isString(v.id) &&
  isString(v.action) &&
  oneOf(['notFound', 'contextChanged', 'noAnnotation', 'invalid'])(v.reason) &&
  isString(v.detail) &&
  isString(v.exact);

const isCorrectionsReport = (v: unknown) =>
  isObject(v) && arrayOf(isOutcome)(v.applied) && arrayOf(isOrphan)(v.orphaned);

const isCount = (v: unknown) => isObject(v) && isOffset(v.verified) && isOffset(v.total) && v.verified <= v.total;

const isVerifiedCounts = (v: unknown) =>
  isCount(v) &&
  isObject((v as Json).byKind) &&
  ['person', 'organization', 'place', 'date', 'figure', 'quote'].every((k) => isCount(((v as Json).byKind as Json)[k]));

/** True when `v` has exactly the shape of an ArticleAnalysis (extra fields are allowed, missing or wrong ones not). */
export function isArticleAnalysis(v: unknown): v is ArticleAnalysis {
  return (
    isObject(v) &&
    isString(v.language) &&
    typeof v.entitiesSupported === 'boolean' &&
    arrayOf(isString)(v.notes) &&
    isReferenceDate(v.referenceDate) &&
    arrayOf(isEntity)(v.entities) &&
    arrayOf(isFigure)(v.figures) &&
    arrayOf(isDate)(v.dates) &&
    arrayOf(isQuote)(v.quotes) &&
    arrayOf(isSpan)(v.sentences) &&
    arrayOf(isSpan)(v.paragraphs) &&
    isCorrectionsReport(v.corrections) &&
    isVerifiedCounts(v.verified)
  );
}

/** Story-fingerprint features: a plain object of finite numbers. */
function isFeatures(v: unknown): v is Record<string, number> {
  return isObject(v) && Object.values(v).every((x) => Number.isFinite(x));
}

const isToday = (v: unknown) => v === undefined || (isString(v) && ISO_DAY.test(v));

/** True when `v` is a cache record exactly as makeRecord builds it. */
export function isCacheRecord(v: unknown): v is CacheRecord {
  return (
    isObject(v) &&
    isArticleAnalysis(v.analysis) &&
    isObject(v.summary) &&
    isString(v.summary.file) &&
    isString(v.summary.language) &&
    isFeatures(v.summary.features) &&
    isToday(v.today)
  );
}

/** Parses a cache record; undefined when it is not exactly one (truncated file, older format, edited by hand). */
export function parseRecord(json: string): CacheRecord | undefined {
  try {
    const r: unknown = JSON.parse(json);
    return isCacheRecord(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

const isFileEntry = (v: unknown) =>
  isObject(v) &&
  isString(v.hash) &&
  (v.hash === '' || /^[0-9a-f]{40}$/.test(v.hash)) &&
  Number.isFinite(v.mtime) &&
  isOffset(v.size) &&
  oneOf(ENTRY_STATUSES)(v.status);

const isSummaryEntry = (v: unknown) =>
  isObject(v) && isString(v.language) && isFeatures(v.features) && isToday(v.today);

/** True when `v` is a manifest of this format and analyzer build, every entry well formed. */
export function isManifest(v: unknown, build: string): v is Manifest {
  return (
    isObject(v) &&
    v.format === CACHE_FORMAT &&
    v.build === build &&
    isObject(v.files) &&
    Object.values(v.files).every(isFileEntry) &&
    isObject(v.summaries) &&
    Object.entries(v.summaries).every(([hash, s]) => /^[0-9a-f]{40}$/.test(hash) && isSummaryEntry(s))
  );
}

/** Parses the manifest; undefined when missing, malformed, or made by another format or analyzer build. */
export function parseManifest(json: string, build: string): Manifest | undefined {
  try {
    const m: unknown = JSON.parse(json);
    return isManifest(m, build) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** True when a file can be taken from the manifest without reading it (same mtime and size as when indexed). */
export function unchanged(
  prev: { mtime: number; size: number } | undefined,
  stat: { mtime: number; size: number },
): boolean {
  return !!prev && prev.mtime === stat.mtime && prev.size === stat.size;
}

/** Name of a cached analysis file in `crossRef-index/a/`. */
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

/**
 * The manifest to persist for the entries: files on disk only (not open documents' live entries, not untitled or
 * virtual documents), each article with its own copy of its fingerprint (the summary cache is bounded and may have
 * dropped it).
 */
export function manifestOf(entries: Iterable<IndexEntry>, build: string): Manifest {
  const m: Manifest = { format: CACHE_FORMAT, build, files: {}, summaries: {} };
  for (const e of entries) {
    if (e.live || (!e.uri.startsWith('file:') && !e.uri.startsWith('vscode-'))) continue;
    m.files[e.uri] = { hash: e.hash, mtime: e.mtime, size: e.size, status: e.status };
    const s = e.hash && e.summary;
    if (s) m.summaries[e.hash] = { language: s.language, features: s.features, ...(e.today ? { today: e.today } : {}) };
  }
  return m;
}

/**
 * The entries a persisted manifest gives back on `today`: an article whose fingerprint is missing or depended on a
 * day that is over is left out (it is analysed again).
 */
export function entriesOf(m: Manifest, today: string): IndexEntry[] {
  const out: IndexEntry[] = [];
  for (const [uri, f] of Object.entries(m.files)) {
    const s = f.hash && Object.hasOwn(m.summaries, f.hash) ? m.summaries[f.hash] : undefined;
    const current = s && isCurrent(s, today);
    if (f.status === 'article' && !current) continue;
    out.push({
      uri,
      hash: f.hash,
      mtime: f.mtime,
      size: f.size,
      status: f.status,
      ...(current ? { summary: { file: uri, language: s.language, features: s.features } } : {}),
      ...(current && s.today ? { today: s.today } : {}),
    });
  }
  return out;
}

/** The files of the `article` language, as the extension manifest contributes them. */
export interface ArticleFilePatterns {
  /** Glob of the files the index scans and watches: the language's extensions and file name patterns, and `*.txt`. */
  glob: string;
  /** True when a path names an `article` file by its name alone (no detection needed). */
  isArticleName(path: string): boolean;
}

/** A `*`-and-`?` file name pattern as a case-insensitive regular expression on the last path segment. */
function nameMatcher(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`(?:^|/)${body}$`, 'i');
}

/**
 * The files to index, read from the extension manifest (`contributes.languages`, the entry of `languageId`):
 * its `extensions` and `filenamePatterns`, plus every `.txt` file (plain text detected as an article). Anything
 * malformed in the manifest is skipped, leaving `*.txt`.
 */
export function articleFilePatterns(packageJSON: unknown, languageId: string): ArticleFilePatterns {
  const languages = (packageJSON as { contributes?: { languages?: unknown } } | null)?.contributes?.languages;
  const language = Array.isArray(languages)
    ? languages.find((l) => (l as { id?: unknown } | null)?.id === languageId)
    : undefined;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && /^[^{},/\\]+$/.test(x)) : [];
  const extensions = strings((language as { extensions?: unknown } | undefined)?.extensions);
  const patterns = strings((language as { filenamePatterns?: unknown } | undefined)?.filenamePatterns);
  const names = [...new Set([...extensions.map((e) => `*${e}`), ...patterns, '*.txt'])];
  const matchers = [...extensions.map((e) => `*${e}`), ...patterns].map(nameMatcher);
  return {
    glob: `**/{${names.join(',')}}`,
    isArticleName: (path) => matchers.some((m) => m.test(path)),
  };
}

/**
 * Key of a cached cross-reference result: the focus, every version with its content hash, the glossary and the
 * versions linked by hand (any change in them is another result).
 */
export function crossRefKey(
  focus: string,
  versions: Array<{ uri: string; hash: string }>,
  glossary: Record<string, string>,
  linked: Iterable<string>,
): string {
  const hashes = versions.map((v) => `${v.uri}@${v.hash}`).join('|');
  return createHash('sha1')
    .update(`${focus}\n${hashes}\n${JSON.stringify(glossary)}\n${[...linked].sort().join(',')}`)
    .digest('hex');
}

/** The estimate of a scan's time left: the files to go at the pace of the files done since the scan started. */
export function remainingMs(done: number, total: number, elapsedMs: number): number | undefined {
  if (done < 3 || done >= total || !(elapsedMs > 0)) return undefined;
  return Math.round(((total - done) * elapsedMs) / done);
}
