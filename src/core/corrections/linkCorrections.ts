/**
 * Link corrections located in the versions of one story: each end is anchored in its article like any correction
 * (file + exact, with prefix/suffix/start), and the reader's latest verdict on a pair wins (a link confirmed, then
 * rejected, is rejected). Used by crossRef.ts, which applies them: a rejected link is never made, a confirmed one is
 * marked, a manual one is made even where the aligner found nothing.
 */
import type { CorrectionOutcome, OrphanedCorrection, Span } from '../types';
import { anchorTarget } from './anchor';
import { foldText, type FoldedText } from './foldedText';
import type { LinkCorrection, LinkKind, StoryCorrections } from './model';
import { normalizePath } from './scope';

export interface LinkEndAt {
  /** Index of the document in the story. */
  doc: number;
  span: Span;
}

export interface LocatedLink {
  link: LinkCorrection;
  a: LinkEndAt;
  b: LinkEndAt;
}

export interface LinkReport {
  applied: CorrectionOutcome[];
  orphaned: OrphanedCorrection[];
}

/**
 * The link corrections between documents of this story, located, the latest verdict per pair of ends only (older
 * ones are reported `unchanged`). Links with an end that does not anchor are reported orphaned.
 */
export function locateLinks(
  docs: ReadonlyArray<{ file: string; text: string }>,
  corrections: StoryCorrections | undefined,
  report: LinkReport,
): LocatedLink[] {
  if (!corrections?.links.length) return [];
  const pathOf = corrections.pathOf ?? ((f: string) => f);
  const index = new Map<string, number>();
  docs.forEach((d, i) => index.set(normalizePath(pathOf(d.file)), i));
  const folded = new Map<number, FoldedText>();
  const fold = (i: number): FoldedText => {
    let f = folded.get(i);
    if (!f) folded.set(i, (f = foldText(docs[i].text)));
    return f;
  };
  const located: LocatedLink[] = [];
  const ordered = corrections.links
    .map((l, i) => ({ l, i }))
    .sort((x, y) => ((x.l.at ?? '') < (y.l.at ?? '') ? -1 : (x.l.at ?? '') > (y.l.at ?? '') ? 1 : x.i - y.i))
    .map((x) => x.l);
  for (const link of ordered) {
    const da = index.get(normalizePath(link.a.file));
    const db = index.get(normalizePath(link.b.file));
    if (da === undefined || db === undefined || da === db) continue; // another story's link
    const ends: LinkEndAt[] = [];
    for (const [doc, end] of [
      [da, link.a],
      [db, link.b],
    ] as const) {
      const r = anchorTarget(fold(doc), end);
      if (!r.ok) {
        report.orphaned.push({
          id: link.id,
          action: 'link',
          reason: r.reason,
          detail: `${JSON.stringify(end.exact)} ${r.reason === 'notFound' ? 'no longer occurs in' : 'is no longer where the link was made in'} ${end.file}`,
          exact: end.exact,
        });
        break;
      }
      ends.push({ doc, span: { start: r.start, end: r.end } });
    }
    if (ends.length === 2) located.push({ link, a: ends[0], b: ends[1] });
  }
  // The latest verdict on a pair of ends wins.
  const key = (l: LocatedLink): string => {
    const x = `${l.a.doc}:${l.a.span.start}:${l.a.span.end}`;
    const y = `${l.b.doc}:${l.b.span.start}:${l.b.span.end}`;
    return `${l.link.kind}|${x < y ? `${x}|${y}` : `${y}|${x}`}`;
  };
  const latest = new Map<string, LocatedLink>();
  for (const l of located) {
    const prev = latest.get(key(l));
    if (prev) report.applied.push({ id: prev.link.id, action: 'link', status: 'unchanged' });
    latest.set(key(l), l);
  }
  return [...latest.values()];
}

/** The located link between documents x and y (either direction), oriented so that `a` is in x. */
export function between(links: readonly LocatedLink[], kind: LinkKind, x: number, y: number): LocatedLink[] {
  const out: LocatedLink[] = [];
  for (const l of links) {
    if (l.link.kind !== kind) continue;
    if (l.a.doc === x && l.b.doc === y) out.push(l);
    else if (l.a.doc === y && l.b.doc === x) out.push({ link: l.link, a: l.b, b: l.a });
  }
  return out;
}

function overlaps(s: Span, t: Span): boolean {
  return s.start < t.end && t.start < s.end;
}

/** Whether a pair of spans (in x, in y) is what `l` (oriented x → y) designates. */
export function designates(l: LocatedLink, sx: Span, sy: Span): boolean {
  return overlaps(l.a.span, sx) && overlaps(l.b.span, sy);
}
