import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../core/analyze';
import type { ArticleAnalysis } from '../core/types';
import { EXPORT_FORMATS, isExportFormat, JSON_VERSION, toCliDocument, type ExportFormat } from '../core/export';
import { ENTITY_KINDS, LAYER_INFO, plainEnglish } from '../core/kinds';
import { DEFAULT_MAX_BYTES, readArticle } from './readArticle';
import { isIsoDate } from '../services/configValidation';
import { cleanForTerminal as clean, jsonForTerminal, textForTerminal } from './terminal';
import { runCrossRef } from './crossRef';
import {
  articleCorrections,
  hasStoryRules,
  resolveCorrections,
  type ArticleCorrectionsMap,
  type CorrectionsSource,
} from './corrections';
import { CORRECTIONS_FILE_NAME } from '../core/corrections/model';
import { groupStories, summarize } from '../core/stories';
import type { AnalyzeOptions, ReaderMarks } from '../core/types';

const FORMATS = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).join('|');

const USAGE = `Usage:
  article-lens analyze [--json | --format ${FORMATS}] [--lang en|fr|<iso>] [--reference-date YYYY-MM-DD]
                       [--corrections FILE | --no-corrections] [--max-size MB] FILE...
  article-lens xref    [--json] [--one-story] [--lang en|fr|<iso>] [--reference-date YYYY-MM-DD]
                       [--corrections FILE | --no-corrections] [--max-size MB] FILE...

  analyze  entities, dates, figures and quoted statements (with speakers) of each article
  xref     cross-references between versions of one story (entities, passages, quotes, dates, figures)

Options:
  --json                 machine-readable output on stdout (shape documented in README.md)
  --format FORMAT        analyze: one FILE's annotations as the editor's Export Annotations writes them
                         (${FORMATS}; json is --json)
  --lang CODE            force the language instead of detecting it
  --reference-date DATE  resolve relative dates ("Monday", "ten days ago") against DATE instead of the article's own
  --corrections FILE     apply the reader's corrections in FILE (paths in it are relative to its folder); by
                         default the nearest ${CORRECTIONS_FILE_NAME} in or above each article's
                         folder is used (not above a folder with .git); stderr says which file
  --no-corrections       apply no corrections file
  --max-size MB          refuse files (articles, corrections) larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})
  --one-story            xref: treat all files as versions of one story instead of grouping them automatically
  -h, --help             this help
`;

export interface CliOptions {
  command: 'analyze' | 'xref';
  json: boolean;
  /** analyze: write one file's annotations in this export format instead of the report (json is `json: true`). */
  format?: Exclude<ExportFormat, 'json'>;
  lang?: string;
  referenceDate?: string;
  maxBytes: number;
  files: string[];
  /** xref: skip automatic story grouping. */
  oneStory?: boolean;
  /** Where corrections come from; absent: found next to the articles. */
  corrections?: Exclude<CorrectionsSource, { kind: 'auto' }>;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string } | { ok: 'help' };

/** Parses argv (without node and script). Pure, for tests. */
export function parseArgs(argv: string[]): ParseResult {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') return { ok: 'help' };
  if (command !== 'analyze' && command !== 'xref') return { ok: false, error: `unknown command: ${clean(command)}` };
  const options: CliOptions = { command, json: false, maxBytes: DEFAULT_MAX_BYTES, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string | undefined => {
      const eq = arg.indexOf('=');
      if (eq > 0) return arg.slice(eq + 1);
      return rest[++i];
    };
    const name = arg.startsWith('--') ? arg.split('=')[0] : arg;
    switch (name) {
      case '--json':
        options.json = true;
        break;
      case '--format': {
        const v = value();
        if (!isExportFormat(v)) return { ok: false, error: `--format needs one of ${FORMATS}` };
        if (v === 'json') options.json = true;
        else options.format = v;
        break;
      }
      case '--one-story':
        options.oneStory = true;
        break;
      case '--corrections': {
        const v = value();
        if (!v) return { ok: false, error: '--corrections needs a corrections FILE' };
        options.corrections = { kind: 'file', path: v };
        break;
      }
      case '--no-corrections':
        options.corrections = { kind: 'none' };
        break;
      case '--lang': {
        const v = value();
        if (!v || !/^[a-z]{2,3}$/.test(v)) return { ok: false, error: '--lang needs a language code such as en or fr' };
        options.lang = v;
        break;
      }
      case '--reference-date': {
        const v = value();
        if (!v || !isIsoDate(v)) return { ok: false, error: '--reference-date needs a date as YYYY-MM-DD' };
        options.referenceDate = v;
        break;
      }
      case '--max-size': {
        const v = Number(value());
        if (!Number.isFinite(v) || v <= 0) return { ok: false, error: '--max-size needs a size in MB' };
        options.maxBytes = Math.round(v * 1024 * 1024);
        break;
      }
      case '-h':
      case '--help':
        return { ok: 'help' };
      case '--':
        options.files.push(...rest.slice(i + 1));
        i = rest.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { ok: false, error: `unknown option: ${clean(arg)}` };
        options.files.push(arg);
    }
  }
  if (options.files.length === 0) return { ok: false, error: 'no FILE given' };
  if (options.format && (command !== 'analyze' || options.files.length !== 1 || options.json)) {
    return {
      ok: false,
      error: `--format ${options.format} writes the annotations of one FILE (analyze only, without --json)`,
    };
  }
  return { ok: true, options };
}

export interface LoadedDocument {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

const NO_FILE: ArticleCorrectionsMap = { of: () => undefined, files: [] };

/**
 * Reads and analyses every file with its corrections; failures are reported on stderr and skipped. Returns the
 * documents and a failure flag. A story-scoped rule covers the versions of its story: when one is in play, the
 * articles are grouped into stories (all of them with --one-story) and those the grouping puts under such a rule
 * are analysed again with it.
 */
export function loadDocuments(
  options: CliOptions,
  stderr: (s: string) => void,
  corrections: ArticleCorrectionsMap = NO_FILE,
): { docs: LoadedDocument[]; failed: boolean } {
  const docs: LoadedDocument[] = [];
  let failed = false;
  const analyzeWith = (file: string, text: string, story?: readonly string[]): ArticleAnalysis => {
    const opts: AnalyzeOptions = { lang: options.lang, referenceDate: options.referenceDate };
    const own = articleCorrections(corrections, file, story);
    if (own) opts.corrections = own;
    return analyze(text, opts);
  };
  for (const file of options.files) {
    // NOTE: file names reach the terminal too: a name can hold escape sequences (retitle the window, clear it).
    const name = clean(file);
    const read = readArticle(file, options.maxBytes);
    if (!read.ok) {
      stderr(`article-lens: ${name}: ${read.error}\n`);
      failed = true;
      continue;
    }
    for (const w of read.warnings) stderr(`article-lens: ${name}: warning: ${w}\n`);
    try {
      docs.push({ file, text: read.text, analysis: analyzeWith(file, read.text) });
    } catch (e) {
      stderr(`article-lens: ${name}: analysis failed: ${clean(String((e as Error)?.message ?? e))}\n`);
      failed = true;
    }
  }
  if (docs.length > 1 && docs.some((d) => hasStoryRules(corrections, d.file))) {
    const stories = options.oneStory
      ? [{ files: docs.map((d) => d.file) }]
      : groupStories(docs.map((d) => summarize(d.analysis, d.text, d.file)));
    for (const d of docs) {
      const story = stories.find((s) => s.files.includes(d.file))?.files;
      if (!story || !hasStoryRules(corrections, d.file)) continue;
      const before = articleCorrections(corrections, d.file)?.rules.length ?? 0;
      if ((articleCorrections(corrections, d.file, story)?.rules.length ?? 0) === before) continue;
      try {
        d.analysis = analyzeWith(d.file, d.text, story);
      } catch (e) {
        stderr(`article-lens: ${clean(d.file)}: analysis failed: ${clean(String((e as Error)?.message ?? e))}\n`);
        failed = true;
      }
    }
  }
  return { docs, failed };
}

/**
 * What the reader did to an annotation, for the text report: "[reader: retype, merge]" when a correction made or
 * changed it, "[verified]" when the reader checked it.
 */
function readerTags(m: ReaderMarks, tag: (s: string) => string): string {
  const tags: string[] = [];
  if (m.source === 'reader') {
    const actions = [...new Set((m.corrections ?? []).map((c) => c.action).filter((x) => x !== 'verify'))];
    tags.push(actions.length ? `reader: ${actions.map(clean).join(', ')}` : 'reader');
  }
  if (m.verified) tags.push('verified');
  return tags.map((t) => ` ${tag(`[${t}]`)}`).join('');
}

/** The human-readable report for `analyze` without --json. */
export function formatReport(doc: LoadedDocument, color: boolean): string {
  const a = doc.analysis;
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const tag = (s: string) => (color ? `\x1b[36m${s}\x1b[39m` : s);
  const lines: string[] = [];
  lines.push(bold(`== ${clean(doc.file)}`));
  const ref = a.referenceDate ? `${a.referenceDate.value} (from ${a.referenceDate.source})` : 'none found';
  lines.push(`language: ${a.language}   reference date: ${ref}`);
  for (const note of a.notes) lines.push(dim(`note: ${note}`));
  const report = a.corrections;
  if (report && (report.applied.length || report.orphaned.length)) {
    const changed = report.applied.filter((c) => c.status === 'applied').length;
    const verified = a.verified ? `; ${a.verified.verified} of ${a.verified.total} verified` : '';
    lines.push(
      `corrections: ${changed} applied, ${report.applied.length - changed} already agreed, ${report.orphaned.length} orphaned${verified}`,
    );
  }
  const title = (kind: keyof typeof LAYER_INFO) => LAYER_INFO[kind].plural(plainEnglish);
  for (const type of ENTITY_KINDS) {
    const list = a.entities.filter((e) => e.type === type);
    if (list.length === 0) continue;
    lines.push(bold(`${title(type)} (${list.length})`));
    for (const e of list) {
      const aliases = e.aliases.length ? dim(` aka ${e.aliases.map(clean).join(', ')}`) : '';
      // An entity the reader changed, or one whose mentions they changed (boundaries, a mention added).
      const marks: ReaderMarks = {
        ...e,
        source: e.source === 'reader' || e.mentions.some((m) => m.source === 'reader') ? 'reader' : e.source,
      };
      if (marks.source === 'reader' && !e.corrections)
        marks.corrections = e.mentions.flatMap((m) => m.corrections ?? []);
      lines.push(`  ${clean(e.name)} ×${e.mentions.length}${aliases}${readerTags(marks, tag)}`);
    }
  }
  if (a.dates.length) {
    lines.push(bold(`${title('date')} (${a.dates.length})`));
    for (const d of a.dates)
      lines.push(`  ${clean(d.text)} ${dim(`→ ${d.value ?? '?'} (${d.kind})`)}${readerTags(d, tag)}`);
  }
  if (a.figures.length) {
    lines.push(bold(`${title('figure')} (${a.figures.length})`));
    for (const f of a.figures)
      lines.push(`  ${clean(f.text)} ${dim(`= ${f.value}${f.unit ? ' ' + clean(f.unit) : ''}`)}${readerTags(f, tag)}`);
  }
  const statements = a.quotes.filter((q) => !q.scare);
  if (a.quotes.length) {
    lines.push(
      bold(`${title('quote')} (${statements.length} statements, ${a.quotes.length - statements.length} scare quotes)`),
    );
    for (const q of a.quotes) {
      const words = clean(q.text);
      const shown = words.length > 90 ? `${words.slice(0, 87)}…` : words;
      const who = q.scare
        ? dim('(scare quote)')
        : q.speaker
          ? `— ${clean(q.speaker.name)}${q.speaker.via !== 'named' ? dim(` (${q.speaker.via}: "${clean(doc.text.slice(q.speaker.start, q.speaker.end))}")`) : ''}`
          : dim('— speaker not stated');
      lines.push(`  “${shown}” ${who}${readerTags(q, tag)}`);
    }
  }
  if (report?.orphaned.length) {
    lines.push(bold(`Orphaned corrections (${report.orphaned.length}): kept in the file, not applied`));
    for (const o of report.orphaned) {
      const exact = clean(o.exact);
      lines.push(
        `  ${clean(o.id)} ${o.action} "${exact.length > 60 ? `${exact.slice(0, 59)}…` : exact}": ${clean(o.detail)}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * One document in an export format, safe to print: JSON-LD escapes what a terminal acts on (the same value), brat
 * replaces it with U+FFFD one character for one (so every offset still points at the same place in the file).
 */
function exportForTerminal(format: Exclude<ExportFormat, 'json'>, d: LoadedDocument): string {
  const out = EXPORT_FORMATS[format].write(
    { name: d.file, uri: pathToFileURL(resolve(d.file)).href },
    d.text,
    d.analysis,
  );
  return format === 'w3c' ? jsonForTerminal(out) : textForTerminal(out);
}

/** Runs the CLI; returns the exit code. I/O is injected so tests can drive it. */
export async function runCli(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void; color: boolean },
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.ok === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    io.stderr(`article-lens: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const corrections = resolveCorrections(
    options.corrections ?? { kind: 'auto' },
    options.files,
    options.maxBytes,
    io.stderr,
  );
  // A corrections file that cannot be used stops everything: a report without the reader's corrections would look
  // like one with them.
  if (!corrections) {
    io.stderr('article-lens: fix the corrections file, or run with --no-corrections\n');
    return 2;
  }
  const { docs, failed } = loadDocuments(options, io.stderr, corrections);
  if (options.command === 'analyze') {
    if (options.format) {
      const format = options.format;
      for (const d of docs) io.stdout(exportForTerminal(format, d));
    } else if (options.json) {
      io.stdout(
        jsonForTerminal(
          JSON.stringify(
            { version: JSON_VERSION, documents: docs.map((d) => toCliDocument(d.file, d.analysis)) },
            null,
            2,
          ),
        ) + '\n',
      );
    } else {
      io.stdout(docs.map((d) => formatReport(d, io.color)).join('\n'));
    }
  } else {
    runCrossRef(docs, options, io, corrections);
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    color,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`article-lens: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
