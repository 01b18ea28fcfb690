/**
 * Quality harness (`npm run eval`): scores the analysis core on the development data and prints one markdown table.
 *
 *   npx tsx scripts/eval/main.ts [--only ner-en,ner-fr,dates-en,dates-fr,quotes] [--limit N] [--data DIR]
 *
 * Data: `--data DIR`, else env ARTICLE_LENS_EVAL_DATA, else `../shared/eval-data` next to the repository.
 * Full results go to `.artifacts/eval-results.json` (partial runs: `.artifacts/eval-<sections>[-limitN].json`,
 * or `--out FILE`). `--errors N` prints N error samples per list to stderr. Timing goes to stderr.
 *
 * Sections are listed in SECTIONS below. To add one, write a module exporting a `Section` (see section.ts), or
 * just a function `(ctx?) => Promise<Row[]>` wrapped with `section(name, fn)`, import it, and put it in the list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { align } from './align';
import { datesEn, datesFr } from './dates';
import { nerEn, nerFr } from './ner';
import { quotes } from './quotes';
import { referenceDates } from './referenceDate';
import { fmt, type Row } from './score';
import type { EvalContext, Section, SectionResult } from './section';

/** Wraps a row-returning function as a section. */
export function section(name: string, run: (ctx: EvalContext) => Promise<Row[] | SectionResult>): Section {
  return { name, run };
}

const SECTIONS: Section[] = [nerEn, nerFr, datesEn, datesFr, referenceDates, quotes, align];

interface Args {
  only: string[] | null;
  /** Print up to this many error samples per list (fp, fn, …) of each section to stderr. */
  errors: number;
  limit?: number;
  data?: string;
  out?: string;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: null, errors: 0, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--only')
      args.only = value()
        .split(/[,|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (flag === '--limit') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error('--limit needs a positive integer');
      args.limit = n;
    } else if (flag === '--errors') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error('--errors needs a non-negative integer');
      args.errors = n;
    } else if (flag === '--data') args.data = value();
    else if (flag === '--out') args.out = value();
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return args;
}

function findRepoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/** Renders rows as one markdown table; row notes become numbered footnotes under it. */
export function renderTable(rows: Row[]): string {
  const head = ['task', 'dataset', 'system', 'slice', 'gold', 'pred', 'P', 'R', 'F1', 'other', 'target', 'met?'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const notes: string[] = [];
  for (const r of rows) {
    let slice = r.slice;
    if (r.note) {
      let n = notes.indexOf(r.note);
      if (n < 0) n = notes.push(r.note) - 1;
      slice += ` [${n + 1}]`;
    }
    const other = r.extra ? `${r.extra.name} ${fmt(r.extra.value)} (n=${r.extra.n})` : '';
    const cells = [
      r.task,
      r.dataset,
      r.system,
      slice,
      r.gold === undefined ? '' : String(r.gold),
      r.pred === undefined ? '' : String(r.pred),
      r.p === undefined ? '' : fmt(r.p),
      r.r === undefined ? '' : fmt(r.r),
      r.f1 === undefined ? '' : fmt(r.f1),
      other,
      r.target ?? '',
      r.met === undefined ? '' : r.met ? 'yes' : '**no**',
    ];
    lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  }
  if (notes.length) lines.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return lines.join('\n');
}

/** Prints the `errors` lists found in a section's details (e.g. `articleLens.errors.fp`), `max` lines each. */
function printErrors(name: string, details: unknown, max: number, log: (m: string) => void): void {
  const visit = (obj: unknown, where: string): void => {
    if (!obj || typeof obj !== 'object') return;
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      if (k === 'errors' && v && typeof v === 'object') {
        for (const [kind, list] of Object.entries(v as Record<string, unknown>)) {
          if (!Array.isArray(list) || list.length === 0) continue;
          log(`  [${name}${where}] ${kind} (first ${Math.min(max, list.length)} of ${list.length} kept):`);
          for (const line of list.slice(0, max)) log(`    ${String(line)}`);
        }
      } else if (k !== 'errors') visit(v, `${where}.${k}`);
    }
  };
  visit(details, '');
}

/** Logs how the main numbers moved since the previous results in the same output file, if any. */
function printDelta(file: string, rows: Row[], log: (m: string) => void): void {
  let prev: Row[];
  try {
    prev = (JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] }).rows;
  } catch {
    return;
  }
  const key = (r: Row): string => `${r.task}|${r.dataset}|${r.system}|${r.slice}`;
  const before = new Map(prev.map((r) => [key(r), r]));
  const out: string[] = [];
  for (const r of rows) {
    const b = before.get(key(r));
    if (!b) continue;
    const parts: string[] = [];
    if (r.f1 !== undefined && b.f1 !== undefined && Math.abs(r.f1 - b.f1) >= 0.0005)
      parts.push(`F1 ${fmt(b.f1)}→${fmt(r.f1)}`);
    if (r.extra && b.extra && Math.abs(r.extra.value - b.extra.value) >= 0.0005) {
      parts.push(`${r.extra.name} ${fmt(b.extra.value)}→${fmt(r.extra.value)}`);
    }
    if (parts.length) out.push(`  ${r.dataset} ${r.system} ${r.slice}: ${parts.join(', ')}`);
  }
  log(
    out.length
      ? `[eval] changes since the previous run in ${path.basename(file)}:\n${out.join('\n')}`
      : '[eval] no change since the previous run',
  );
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`eval: ${(e as Error).message}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(
      `usage: eval [--only ${SECTIONS.map((s) => s.name).join(',')}] [--limit N] [--errors N] [--data DIR] [--out FILE]\n` +
        'Dev-set scores on ../shared/eval-data (or --data / ARTICLE_LENS_EVAL_DATA).\n' +
        'Results: .artifacts/eval-results.json for a full run, .artifacts/eval-<sections>[-limitN].json for a partial one.\n',
    );
    return 0;
  }
  const repoRoot = findRepoRoot();
  const dataDir = path.resolve(
    args.data ?? process.env.ARTICLE_LENS_EVAL_DATA ?? path.join(repoRoot, '..', 'shared', 'eval-data'),
  );
  if (!existsSync(dataDir)) {
    process.stdout.write(`eval skipped: no eval data at ${dataDir} (pass --data DIR or set ARTICLE_LENS_EVAL_DATA)\n`);
    return 0;
  }
  const unknown = (args.only ?? []).filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length) {
    process.stderr.write(
      `eval: unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const selected = SECTIONS.filter((s) => !args.only || args.only.includes(s.name));
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const ctx: EvalContext = { dataDir, repoRoot, log, ...(args.limit !== undefined ? { limit: args.limit } : {}) };

  const rows: Row[] = [];
  const sections: Record<string, { ms: number; details?: unknown; error?: string }> = {};
  const tAll = Date.now();
  for (const s of selected) {
    log(`[eval] ${s.name} …`);
    const t0 = Date.now();
    try {
      const res = await s.run(ctx);
      const r = Array.isArray(res) ? { rows: res } : res;
      rows.push(...r.rows);
      sections[s.name] = { ms: Date.now() - t0, details: r.details };
      if (args.errors > 0) printErrors(s.name, r.details, args.errors, log);
    } catch (e) {
      const msg = e instanceof Error ? (e.stack ?? e.message) : String(e);
      log(`[eval] ${s.name} FAILED: ${msg}`);
      sections[s.name] = { ms: Date.now() - t0, error: msg };
      rows.push({ task: s.name, dataset: '', system: 'article-lens', slice: 'FAILED', note: msg.split('\n')[0] ?? '' });
    }
    log(`[eval] ${s.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const totalMs = Date.now() - tAll;
  log(`[eval] total: ${(totalMs / 1000).toFixed(1)} s`);

  const notes = [
    '',
    `Development-set ("dev") scores${args.limit !== undefined ? `, first ${args.limit} documents per dataset only` : ''}; not test results.`,
    'Entities: exact token span + type (conlleval); MISC gold is excluded (we do not predict MISC), so a prediction on a MISC span is a false positive.',
    'Dates: strict = exact span, relaxed = overlap (one-to-one); value accuracy over relaxed-matched pairs.',
    'Quotes: a non-scare quote matches a gold direct-quote Content span it overlaps (one-to-one); speaker accuracy over matched pairs whose gold has a Source.',
  ];
  process.stdout.write(`${renderTable(rows)}\n${notes.join('\n')}\n`);

  // Partial runs get their own file so that concurrent partial runs do not overwrite the full results.
  const partial = args.only !== null || args.limit !== undefined;
  const name = partial
    ? `eval-${selected.map((s) => s.name).join('+')}${args.limit !== undefined ? `-limit${args.limit}` : ''}.json`
    : 'eval-results.json';
  const out = path.resolve(args.out ?? path.join(repoRoot, '.artifacts', name));
  mkdirSync(path.dirname(out), { recursive: true });
  printDelta(out, rows, log);
  writeFileSync(
    out,
    JSON.stringify(
      { date: new Date().toISOString(), dataDir, limit: args.limit ?? null, totalMs, rows, sections },
      null,
      1,
    ),
  );
  log(`[eval] wrote ${path.relative(process.cwd(), out)}`);
  return Object.values(sections).some((s) => s.error) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
