/**
 * The reader's corrections for the command line: `--corrections FILE`, or the `article-lens.corrections.json` found
 * by walking up from each article's folder (stopping at a folder with `.git`, the top of a repository, or at the
 * filesystem root), or none with `--no-corrections`. Paths inside a corrections file are relative to its folder.
 * A file that cannot be used (not a plain file, too large, not UTF-8, merge-conflict markers, not JSON, not a
 * corrections file) is an error naming the file; one written by a newer version is read as far as this version
 * understands it (the CLI never writes it), with a warning.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  CORRECTIONS_FILE_NAME,
  CORRECTIONS_VERSION,
  type ArticleCorrections,
  type LinkCorrection,
  type StoryCorrections,
} from '../core/corrections/model';
import { checkCorrections, readCorrections, type ReadCorrections } from '../core/corrections/parse';
import { correctionsForFile, normalizePath } from '../core/corrections/scope';
import { parseJsonBytes } from '../services/workspaceJsonCore';
import { formatBytes, readFileBounded } from './readArticle';
import { cleanForTerminal as clean } from './terminal';

/** Where the CLI takes corrections from. */
export type CorrectionsSource = { kind: 'auto' } | { kind: 'file'; path: string } | { kind: 'none' };

/** One corrections file, read and validated. */
export interface LoadedCorrections {
  /** Absolute path of the file. */
  path: string;
  /** The folder its paths are relative to. */
  dir: string;
  entries: ReadCorrections;
}

export type LoadResult = { ok: true; file: LoadedCorrections; warnings: string[] } | { ok: false; error: string };

/** Reads and validates one corrections file (at most `maxBytes`, as articles). Errors do not name the file. */
export function loadCorrectionsFile(path: string, maxBytes: number): LoadResult {
  const read = readFileBounded(path, maxBytes);
  if (!read.ok) return read;
  const parsed = parseJsonBytes(read.bytes, maxBytes);
  if (!parsed.ok) {
    const p = parsed.problem;
    switch (p.kind) {
      case 'conflict':
        return {
          ok: false,
          error: `has unresolved merge-conflict markers (line ${p.line}); resolve the conflict first`,
        };
      case 'tooLarge':
        return {
          ok: false,
          error: `too large (${formatBytes(p.size)}; the limit is ${formatBytes(p.limit)}, see --max-size)`,
        };
      case 'syntax':
        return { ok: false, error: `is not valid JSON (${clean(p.detail)})` };
      default:
        return { ok: false, error: 'cannot be read' };
    }
  }
  const checked = checkCorrections(parsed.json);
  if ('problem' in checked) {
    const p = checked.problem;
    return {
      ok: false,
      error: `is not a corrections file (${p.kind === 'newer' ? `format ${p.version}` : clean(p.detail)})`,
    };
  }
  const warnings: string[] = [];
  if (checked.readOnly?.kind === 'newer') {
    warnings.push(
      `written by a newer version of Article Lens (format ${checked.readOnly.version}; this one reads ${CORRECTIONS_VERSION}): ` +
        'only the entries this version understands are applied',
    );
  }
  const entries = readCorrections(checked.data);
  for (const issue of entries.issues) {
    warnings.push(`${issue.list}[${issue.index}] (${clean(issue.id)}) is not applied: ${clean(issue.detail)}`);
  }
  const abs = resolve(path);
  return { ok: true, file: { path: abs, dir: dirname(abs), entries }, warnings };
}

/**
 * The corrections file for an article in `folder`: the nearest `article-lens.corrections.json` in it or above it,
 * not above a folder holding `.git` (a repository's own file, never a parent project's) nor the filesystem root.
 */
export function findCorrectionsFile(folder: string): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    const candidate = join(dir, CORRECTIONS_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, '.git'))) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The path of `article` (a path as given on the command line) as the corrections file writes it. */
export function articlePath(file: LoadedCorrections, article: string): string {
  return normalizePath(relative(file.dir, resolve(article)));
}

/** Every article's corrections file (undefined: none), each file read once. */
export interface ArticleCorrectionsMap {
  of(article: string): LoadedCorrections | undefined;
  /** The files used, in the order they were first needed. */
  files: LoadedCorrections[];
}

/**
 * Decides which corrections file each article takes and reads them; messages (which file is used, warnings,
 * errors) go to `stderr`. Undefined when a file cannot be used: the CLI then stops (see README, exit code 2).
 */
export function resolveCorrections(
  source: CorrectionsSource,
  articles: readonly string[],
  maxBytes: number,
  stderr: (s: string) => void,
): ArticleCorrectionsMap | undefined {
  const loaded = new Map<string, LoadedCorrections>();
  const byArticle = new Map<string, LoadedCorrections | undefined>();
  const empty: ArticleCorrectionsMap = { of: () => undefined, files: [] };
  if (source.kind === 'none') return empty;
  const foundIn = new Map<string, string | undefined>();
  let failed = false;
  const load = (path: string, how: string): LoadedCorrections | undefined => {
    const key = resolve(path);
    const known = loaded.get(key);
    if (known) return known;
    const name = clean(path);
    const r = loadCorrectionsFile(path, maxBytes);
    if (!r.ok) {
      stderr(`article-lens: ${name}: ${r.error}\n`);
      failed = true;
      return undefined;
    }
    const e = r.file.entries;
    stderr(
      `article-lens: ${how} ${name} (${e.rules.length} rules, ${e.edits.length} edits, ${e.links.length} links)\n`,
    );
    for (const w of r.warnings) stderr(`article-lens: ${name}: warning: ${w}\n`);
    loaded.set(key, r.file);
    return r.file;
  };
  if (source.kind === 'file') {
    if (!load(source.path, 'corrections from')) return undefined;
  }
  for (const article of articles) {
    if (source.kind === 'file') {
      byArticle.set(article, loaded.get(resolve(source.path)));
      continue;
    }
    const folder = dirname(resolve(article));
    if (!foundIn.has(folder)) foundIn.set(folder, findCorrectionsFile(folder));
    const found = foundIn.get(folder);
    // NOTE: named relative to the working directory, the way the user names the articles.
    byArticle.set(
      article,
      found === undefined ? undefined : load(relative(process.cwd(), found) || found, 'corrections found:'),
    );
  }
  if (failed) return undefined;
  return { of: (a) => byArticle.get(a), files: [...loaded.values()] };
}

/**
 * The corrections of one article: its edits and the rules whose scope covers it. `story` lists the articles (as
 * given on the command line) that are versions of its story; only those that take the same file count.
 */
export function articleCorrections(
  map: ArticleCorrectionsMap,
  article: string,
  story: readonly string[] = [],
): ArticleCorrections | undefined {
  const file = map.of(article);
  if (!file) return undefined;
  const versions = story.filter((s) => map.of(s) === file).map((s) => articlePath(file, s));
  return correctionsForFile(file.entries, { file: articlePath(file, article), story: versions });
}

/** True when some story-scoped rule of the article's file is about another article (the story decides then). */
export function hasStoryRules(map: ArticleCorrectionsMap, article: string): boolean {
  const file = map.of(article);
  return !!file?.entries.rules.some((r) => r.scope === 'story');
}

/**
 * The link corrections of every file used, for `crossReference`: their ends made absolute (each file's paths are
 * relative to its own folder), and documents matched to them by absolute path.
 */
export function storyCorrections(map: ArticleCorrectionsMap): StoryCorrections | undefined {
  const links: LinkCorrection[] = map.files.flatMap((f) =>
    f.entries.links.map((l) => ({
      ...l,
      a: { ...l.a, file: resolve(f.dir, l.a.file) },
      b: { ...l.b, file: resolve(f.dir, l.b.file) },
    })),
  );
  if (!map.files.length) return undefined;
  return { links, pathOf: (file) => resolve(file) };
}
