/**
 * State shared by the steps that apply corrections to one article: the folded text, the anchors found so far (a
 * target is located once), and the report of what each correction did.
 */
import type { CorrectionOutcome, CorrectionTrace, OrphanReason, OrphanedCorrection, Span } from '../types';
import { anchorTarget, type AnchorOptions, type AnchorResult } from './anchor';
import { foldText, type FoldedText } from './foldedText';
import type { CorrectionMeta, EditCorrection, TextTarget } from './model';

export interface CorrectionContext {
  text: string;
  ft: FoldedText;
  applied: CorrectionOutcome[];
  orphaned: OrphanedCorrection[];
  anchors: Map<string, AnchorResult>;
}

export function newContext(text: string): CorrectionContext {
  return { text, ft: foldText(text), applied: [], orphaned: [], anchors: new Map() };
}

/** Locates a target (cached: every correction on one annotation anchors the same way). */
export function anchor(ctx: CorrectionContext, target: TextTarget, options: AnchorOptions = {}): AnchorResult {
  const key = JSON.stringify([
    target.exact,
    target.prefix,
    target.suffix,
    target.start,
    options.within?.start,
    options.within?.end,
  ]);
  let r = ctx.anchors.get(key);
  if (!r) {
    r = anchorTarget(ctx.ft, target, options);
    ctx.anchors.set(key, r);
  }
  return r;
}

export function orphan(
  ctx: CorrectionContext,
  c: { id: string; action: string },
  reason: OrphanReason,
  detail: string,
  exact: string,
): void {
  ctx.orphaned.push({ id: c.id, action: c.action, reason, detail, exact });
}

export function outcome(
  ctx: CorrectionContext,
  c: { id: string; action: string },
  status: CorrectionOutcome['status'],
  span?: Span,
): void {
  ctx.applied.push(
    span
      ? { id: c.id, action: c.action, status, span: { start: span.start, end: span.end } }
      : { id: c.id, action: c.action, status },
  );
}

/** Why a failed anchor is an orphan, in words. */
function anchorDetail(exact: string, r: Extract<AnchorResult, { ok: false }>): string {
  const quoted = JSON.stringify(exact.length > 60 ? `${exact.slice(0, 57)}…` : exact);
  return r.reason === 'notFound'
    ? `${quoted} no longer occurs in the text`
    : `${quoted} occurs ${r.candidates === 1 ? 'once' : `${r.candidates} times`}, but the words around it changed`;
}

/** The span of `target` in the text, or null after reporting the correction as orphaned. */
export function locate(
  ctx: CorrectionContext,
  c: { id: string; action: string },
  target: TextTarget,
  options: AnchorOptions = {},
): Span | null {
  const r = anchor(ctx, target, options);
  if (r.ok) return { start: r.start, end: r.end };
  orphan(ctx, c, r.reason, anchorDetail(target.exact, r), target.exact);
  return null;
}

/** The trace a correction leaves on what it touched. */
export function traceOf(c: CorrectionMeta, action: string): CorrectionTrace {
  const t: CorrectionTrace = { id: c.id, action };
  if (c.at !== undefined) t.at = c.at;
  if (c.by !== undefined) t.by = c.by;
  return t;
}

/** Adds a trace once (applying the same corrections again leaves the same traces). */
export function addTrace(list: CorrectionTrace[], t: CorrectionTrace): void {
  if (!list.some((x) => x.id === t.id && x.action === t.action)) list.push(t);
}

/** Edits in the order they are applied: by time, then as listed (the file lists an article's edits by time). */
export function inApplyOrder<T extends EditCorrection>(edits: readonly T[]): T[] {
  return edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => ((x.e.at ?? '') < (y.e.at ?? '') ? -1 : (x.e.at ?? '') > (y.e.at ?? '') ? 1 : x.i - y.i))
    .map((x) => x.e);
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const MAX_PASSES = 4;

/**
 * Runs `pass` on its own result until the result stops changing (at most a few times): an edit listed before the
 * one that makes what it acts on (a rename before the add that makes the entity) takes effect on the next pass, so
 * applying corrections to their own result changes nothing. Outcomes: `applied` if any pass changed something;
 * orphans: those of the last pass.
 */
export function untilStable<T>(ctx: CorrectionContext, input: T, pass: (input: T, passIndex: number) => T): T {
  const applied = new Map<string, CorrectionOutcome>();
  const before = { applied: ctx.applied, orphaned: ctx.orphaned };
  let orphaned: OrphanedCorrection[] = [];
  let current = input;
  let last: string | undefined;
  for (let i = 0; i < MAX_PASSES; i++) {
    ctx.applied = [];
    ctx.orphaned = [];
    current = pass(current, i);
    for (const o of ctx.applied) {
      const prev = applied.get(o.id);
      if (!prev) applied.set(o.id, o);
      else if (prev.status === 'unchanged' && o.status === 'applied') applied.set(o.id, { ...prev, status: 'applied' });
    }
    orphaned = ctx.orphaned;
    const now = JSON.stringify(current);
    if (now === last) break;
    last = now;
  }
  ctx.applied = [...before.applied, ...[...applied.values()].filter((o) => !orphaned.some((x) => x.id === o.id))];
  ctx.orphaned = [...before.orphaned, ...orphaned];
  return current;
}
