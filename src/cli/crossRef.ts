import { crossReference } from '../core/crossRef';
import type { CrossRefResult, MissingInItem, ReaderVerdict, SpanLink } from '../core/crossRefTypes';
import { JSON_VERSION, toCliDocument } from '../core/export';
import { LAYER_INFO, plainEnglish } from '../core/kinds';
import { storyCorrections, type ArticleCorrectionsMap } from './corrections';
import type { CliOptions, LoadedDocument } from './main';
import { cleanForTerminal as clean, jsonForTerminal } from './terminal';

type Io = { stdout: (s: string) => void; stderr: (s: string) => void; color: boolean };

/** `article-lens xref`: groups the files into stories and prints the cross-references between versions. */
export function runCrossRef(
  docs: LoadedDocument[],
  options: CliOptions,
  io: Io,
  corrections?: ArticleCorrectionsMap,
): void {
  const links = corrections && storyCorrections(corrections);
  const result = crossReference(
    docs.map((d) => ({ file: d.file, text: d.text, analysis: d.analysis })),
    { oneStory: options.oneStory, ...(links ? { corrections: links } : {}) },
  );
  if (options.json) {
    const out = {
      version: JSON_VERSION,
      documents: docs.map((d) => toCliDocument(d.file, d.analysis)),
      ...result,
    };
    io.stdout(jsonForTerminal(JSON.stringify(out, null, 2)) + '\n');
    return;
  }
  io.stdout(formatCrossRefReport(result, io.color));
}

const cut = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "confirmed" / "linked by hand": what the reader said about a link. */
function verdict(l: ReaderVerdict): string {
  return l.manual ? 'linked by hand' : l.confirmed ? 'confirmed' : '';
}

/** What each version lacks, grouped by the version that lacks it. */
export function formatMissingIn(
  missing: readonly MissingInItem[],
  bold: (s: string) => string,
  dim: (s: string) => string,
): string[] {
  const lines: string[] = [];
  const files = [...new Set(missing.map((m) => m.file))];
  for (const file of files) {
    const list = missing.filter((m) => m.file === file);
    lines.push(bold(`\nMissing in ${clean(file)} (in the other versions) (${list.length})`));
    for (const m of list)
      lines.push(`  ${m.kind}: ${cut(clean(m.name))} ${dim(`[in ${m.presentIn.map(clean).join(', ')}]`)}`);
  }
  return lines;
}

/** Human-readable cross-reference report. */
export function formatCrossRefReport(r: CrossRefResult, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  const warn = (s: string) => (color ? `\x1b[33m${s}\x1b[39m` : s);
  const lines: string[] = [];
  if (r.stories.length === 0) lines.push('No two files look like versions of one story.');
  for (const s of r.stories) lines.push(bold(`Story (score ${s.score.toFixed(2)}): ${s.files.map(clean).join(', ')}`));
  const entityLinks = r.links.filter((l) => l.kind === 'entity');
  if (entityLinks.length) {
    lines.push(bold(`\nEntities in several versions (${entityLinks.length})`));
    for (const l of entityLinks) {
      if (l.kind !== 'entity') continue;
      const said = verdict(l);
      lines.push(
        `  ${l.items.map((i) => `${clean(i.name || i.span?.text || '')} ${dim(`[${clean(i.file)}]`)}`).join('  =  ')}${said ? `  ${warn(said)}` : ''}`,
      );
    }
  }
  const span = (kind: SpanLink['kind']) => r.links.filter((l): l is SpanLink => l.kind === kind);
  for (const kind of ['quote', 'passage', 'date', 'figure'] as const) {
    // Passages (linked sentences) are not an annotation kind.
    const title = kind === 'passage' ? 'Passages' : LAYER_INFO[kind].plural(plainEnglish);
    const list = span(kind);
    if (!list.length) continue;
    lines.push(bold(`\n${title} (${list.length})`));
    for (const l of list) {
      const flags = [
        l.conflict ? warn('CONFLICT') : '',
        verdict(l) ? warn(verdict(l)) : '',
        l.reworded ? warn('reworded') : kind === 'quote' && !l.crossLanguage ? 'identical' : '',
        dim(`score ${l.score.toFixed(2)}`),
      ].filter(Boolean);
      lines.push(`  ${cut(clean(l.a.text))} ${dim(`[${clean(l.a.file)}]`)}`);
      lines.push(`  ↔ ${cut(clean(l.b.text))} ${dim(`[${clean(l.b.file)}]`)}  ${flags.join(' ')}`);
      if (l.differences?.length)
        lines.push(dim(`    differences: ${l.differences.map((d) => `"${clean(d.a)}" → "${clean(d.b)}"`).join('; ')}`));
      if (l.note) lines.push(dim(`    ${clean(l.note)}`));
    }
  }
  if (r.onlyIn.length) {
    lines.push(bold(`\nOnly in one version (${r.onlyIn.length})`));
    for (const o of r.onlyIn) lines.push(`  ${o.kind}: ${cut(clean(o.name))} ${dim(`[${clean(o.file)}]`)}`);
  }
  lines.push(...formatMissingIn(r.missingIn ?? [], bold, dim));
  const orphaned = r.corrections?.orphaned ?? [];
  if (orphaned.length) {
    lines.push(bold(`\nOrphaned link corrections (${orphaned.length})`));
    for (const o of orphaned)
      lines.push(`  ${clean(o.id)} ${o.action} "${cut(clean(o.exact), 60)}": ${clean(o.detail)}`);
  }
  return lines.join('\n') + '\n';
}
