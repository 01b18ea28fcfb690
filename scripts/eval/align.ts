/**
 * Sentence-alignment quality on parallel-dev (30 English–French WMT newstest documents, gold 1:1 by line), plus
 * harder variants derived on the fly as parallel-dev/README.md describes: merges (1:2 / 2:1), deletions (1:0 / 0:1),
 * insertions of unrelated lines, and all of them mixed. Scores link precision/recall/F1 (every EN×FR line pair a
 * bead implies) and strict bead F1 (a predicted bead must equal a gold bead; 1:0 beads are not counted).
 *
 *   npx tsx scripts/eval/align.ts [--limit N] [--data DIR]      (or through main.ts: --only align)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { alignTranslation, type AlignDoc, type AlignPair } from '../../src/core/align';
import { rng } from '../bench/timing';
import { prf, type Row } from './score';
import type { EvalContext, Section, SectionResult } from './section';

/** A line of a variant document: its text and the original line ids it holds ([] for an inserted line). */
interface VLine {
  text: string;
  ids: number[];
}

export interface AlignCase {
  name: string;
  en: VLine[];
  fr: VLine[];
}

export type VariantName = '1:1' | 'merge' | 'delete' | 'insert' | 'mixed';

function merge(lines: VLine[], rand: () => number, p: number, sep = ' '): VLine[] {
  const out: VLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 < lines.length && rand() < p) {
      // Occasionally join three lines (1:3 / 3:1).
      if (i + 2 < lines.length && rand() < 0.15) {
        out.push({
          text: [lines[i], lines[i + 1], lines[i + 2]].map((l) => l.text).join(sep),
          ids: [...lines[i].ids, ...lines[i + 1].ids, ...lines[i + 2].ids],
        });
        i += 2;
      } else {
        out.push({ text: `${lines[i].text}${sep}${lines[i + 1].text}`, ids: [...lines[i].ids, ...lines[i + 1].ids] });
        i++;
      }
    } else out.push(lines[i]);
  }
  return out;
}

function drop(lines: VLine[], rand: () => number, p: number): VLine[] {
  return lines.filter((_, i) => i === 0 || rand() >= p);
}

function insert(lines: VLine[], rand: () => number, p: number, foreign: string[]): VLine[] {
  const out: VLine[] = [];
  for (const l of lines) {
    out.push(l);
    if (foreign.length && rand() < p) out.push({ text: foreign[Math.floor(rand() * foreign.length)], ids: [] });
  }
  return out;
}

/** Builds a variant of one document (`k` alternates the side that is changed). */
export function makeVariant(
  variant: VariantName,
  en: string[],
  fr: string[],
  k: number,
  foreign: { en: string[]; fr: string[] },
): AlignCase {
  const rand = rng(1000 + k * 7919 + variant.length);
  let e: VLine[] = en.map((text, i) => ({ text, ids: [i] }));
  let f: VLine[] = fr.map((text, i) => ({ text, ids: [i] }));
  const enSide = k % 2 === 0;
  if (variant === 'merge' || variant === 'mixed') {
    if (enSide) e = merge(e, rand, 0.2);
    else f = merge(f, rand, 0.2);
    if (variant === 'mixed') {
      if (enSide) f = merge(f, rand, 0.08);
      else e = merge(e, rand, 0.08);
    }
  }
  if (variant === 'delete' || variant === 'mixed') {
    if (enSide) f = drop(f, rand, 0.08);
    else e = drop(e, rand, 0.08);
  }
  if (variant === 'insert' || variant === 'mixed') {
    if (enSide) e = insert(e, rand, 0.06, foreign.en);
    else f = insert(f, rand, 0.06, foreign.fr);
  }
  return { name: variant, en: e, fr: f };
}

function toDoc(lines: VLine[], lang: string): AlignDoc {
  let text = '';
  const units = lines.map((l) => {
    const start = text.length;
    text += l.text;
    const end = text.length;
    text += '\n';
    return { start, end };
  });
  return { text, lang, units };
}

function goldLinks(c: AlignCase): Set<string> {
  const frById = new Map<number, number>();
  c.fr.forEach((l, j) => l.ids.forEach((id) => frById.set(id, j)));
  const out = new Set<string>();
  c.en.forEach((l, i) =>
    l.ids.forEach((id) => {
      const j = frById.get(id);
      if (j !== undefined) out.add(`${i}-${j}`);
    }),
  );
  return out;
}

/** Gold beads: connected components of the gold links (as "i,i|j,j" strings). */
function goldBeads(c: AlignCase, links: Set<string>): Set<string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of links) {
    const [i, j] = l.split('-');
    const a = `e${i}`;
    const b = `f${j}`;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const groups = new Map<string, { e: number[]; f: number[] }>();
  for (const x of parent.keys()) {
    const r = find(x);
    const g = groups.get(r) ?? { e: [], f: [] };
    (x[0] === 'e' ? g.e : g.f).push(Number(x.slice(1)));
    groups.set(r, g);
  }
  void c;
  return new Set([...groups.values()].map((g) => beadKey(g.e, g.f)));
}

function beadKey(a: number[], b: number[]): string {
  return `${[...a].sort((x, y) => x - y).join(',')}|${[...b].sort((x, y) => x - y).join(',')}`;
}

export interface AlignScore {
  variant: string;
  docs: number;
  links: { gold: number; pred: number; tp: number };
  beads: { gold: number; pred: number; tp: number };
  ms: number;
}

/** Aligns every case and sums link and bead counts. */
export function scoreCases(
  cases: AlignCase[],
  align: (en: AlignDoc, fr: AlignDoc) => AlignPair[] = (a, b) => alignTranslation(a, b),
): AlignScore {
  const s: AlignScore = {
    variant: cases[0]?.name ?? '',
    docs: cases.length,
    links: { gold: 0, pred: 0, tp: 0 },
    beads: { gold: 0, pred: 0, tp: 0 },
    ms: 0,
  };
  for (const c of cases) {
    const gl = goldLinks(c);
    const gb = goldBeads(c, gl);
    const t0 = performance.now();
    const beads = align(toDoc(c.en, 'en'), toDoc(c.fr, 'fr'));
    s.ms += performance.now() - t0;
    const pl = new Set<string>();
    const pb = new Set<string>();
    for (const b of beads) {
      if (!b.a.length || !b.b.length) continue;
      pb.add(beadKey(b.a, b.b));
      for (const i of b.a) for (const j of b.b) pl.add(`${i}-${j}`);
    }
    s.links.gold += gl.size;
    s.links.pred += pl.size;
    for (const l of pl) if (gl.has(l)) s.links.tp++;
    s.beads.gold += gb.size;
    s.beads.pred += pb.size;
    for (const b of pb) if (gb.has(b)) s.beads.tp++;
  }
  return s;
}

export interface ParallelDoc {
  name: string;
  en: string[];
  fr: string[];
}

/** Reads parallel-dev/<doc>/{en,fr}.txt (sorted by folder name). */
export function readParallel(dir: string, limit?: number): ParallelDoc[] {
  const names = readdirSync(dir)
    .filter((n) => existsSync(path.join(dir, n, 'en.txt')))
    .sort();
  return names.slice(0, limit ?? names.length).map((name) => {
    const read = (f: string): string[] =>
      readFileSync(path.join(dir, name, f), 'utf8')
        .split('\n')
        .filter((l) => l.length > 0);
    return { name, en: read('en.txt'), fr: read('fr.txt') };
  });
}

/** All variants of all documents; each insertion comes from the next document (so never from the same one). */
export function buildCases(
  docs: ParallelDoc[],
  variants: VariantName[] = ['1:1', 'merge', 'delete', 'insert', 'mixed'],
): Map<VariantName, AlignCase[]> {
  const out = new Map<VariantName, AlignCase[]>();
  for (const v of variants) {
    out.set(
      v,
      docs.map((d, k) => {
        const other = docs[(k + 1) % docs.length];
        const foreign = other === d ? { en: [], fr: [] } : { en: other.en, fr: other.fr };
        return makeVariant(v, d.en, d.fr, k, foreign);
      }),
    );
  }
  return out;
}

/** The eval section: one row per variant (link P/R/F1, strict bead F1 in `extra`). */
export async function runAlign(ctx: EvalContext): Promise<SectionResult> {
  const dir = path.join(ctx.dataDir, 'parallel-dev');
  if (!existsSync(dir)) return { rows: [] };
  const docs = readParallel(dir, ctx.limit);
  const rows: Row[] = [];
  const details: AlignScore[] = [];
  for (const [variant, cases] of buildCases(docs)) {
    const s = scoreCases(cases);
    details.push(s);
    const links = prf(s.links.gold, s.links.pred, s.links.tp);
    const beads = prf(s.beads.gold, s.beads.pred, s.beads.tp);
    ctx.log(
      `[align] ${variant}: link F1 ${links.f1.toFixed(3)}, strict bead F1 ${beads.f1.toFixed(3)}, ${s.ms.toFixed(0)} ms`,
    );
    rows.push({
      task: 'alignment',
      dataset: `parallel-dev en-fr (${docs.length} docs)`,
      system: 'article-lens',
      slice: `${variant} links`,
      gold: links.gold,
      pred: links.pred,
      tp: links.tp,
      p: links.p,
      r: links.r,
      f1: links.f1,
      extra: { name: 'strict bead F1', value: beads.f1, n: beads.gold },
      target: 'F1 ≥ 0.84 (Gale–Church)',
      met: links.f1 >= 0.84,
    });
    // Ablation: the same dynamic programme on lengths alone (no anchors, no orphan penalty).
    const base = scoreCases(cases, (a, b) => alignTranslation(a, b, { anchorWeight: 0, orphanPenalty: 0 }));
    const bl = prf(base.links.gold, base.links.pred, base.links.tp);
    const bb = prf(base.beads.gold, base.beads.pred, base.beads.tp);
    rows.push({
      task: 'alignment',
      dataset: `parallel-dev en-fr (${docs.length} docs)`,
      system: 'length only (ablation)',
      slice: `${variant} links`,
      gold: bl.gold,
      pred: bl.pred,
      tp: bl.tp,
      p: bl.p,
      r: bl.r,
      f1: bl.f1,
      extra: { name: 'strict bead F1', value: bb.f1, n: bb.gold },
    });
  }
  return { rows, details };
}

export const align: Section = { name: 'align', run: runAlign };

// NOTE: inside an esbuild bundle every module sees require.main === module; also check the script name.
if (require.main === module && /align\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const argv = process.argv.slice(2);
  const get = (f: string): string | undefined => {
    const i = argv.indexOf(f);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = get('--data') ?? path.join(__dirname, '..', '..', '..', 'shared', 'eval-data');
  const limit = get('--limit') ? Number(get('--limit')) : undefined;
  runAlign({
    dataDir,
    repoRoot: process.cwd(),
    log: (m) => void process.stderr.write(`${m}\n`),
    ...(limit ? { limit } : {}),
  }).then(
    (r) => {
      for (const row of r.rows) {
        process.stdout.write(
          `${row.system.padEnd(24)} ${row.slice.padEnd(14)} P ${row.p!.toFixed(3)} R ${row.r!.toFixed(3)} F1 ${row.f1!.toFixed(3)}  strict bead F1 ${row.extra!.value.toFixed(3)}\n`,
        );
      }
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
