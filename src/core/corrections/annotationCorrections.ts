/**
 * Corrections of quotes, dates and figures, applied after the entities are corrected (a speaker named by the reader
 * is looked up among the corrected entities), in time order:
 *
 * - speaker: the quote whose words the target is (or overlaps most) gets the speaker — the entity with a mention at
 *   `speaker.entity`, else the entity named (or aliased) `speaker.name`, else the name alone; the attributing words
 *   stay where the analysis found them, or the speaker is placed on the nearest mention of the entity, or (none)
 *   on an empty span at the closing mark. `speaker: null` clears it. notQuote removes the quote; scare sets the flag.
 * - date: the date at the target gets the value (resolved by the reader); with no date there, one is added.
 * - remove with kind date / figure removes the one with exactly the target's boundaries; verify marks the annotation
 *   with exactly the target's boundaries (a quote: its words, or its words with the marks).
 */
import { foldKey } from '../text';
import type { CorrectionTrace, DateMention, Entity, Figure, Quote, Span, Speaker } from '../types';
import {
  addTrace,
  anchor,
  locate,
  orphan,
  outcome,
  overlap,
  sameSpan,
  traceOf,
  type CorrectionContext,
} from './context';
import type { EditCorrection, SpeakerEdit } from './model';

interface Marked<T> {
  item: T;
  source: 'auto' | 'reader';
  verified: boolean;
  traces: CorrectionTrace[];
  removed: boolean;
}

function marked<T extends { source?: 'auto' | 'reader'; verified?: boolean; corrections?: CorrectionTrace[] }>(
  item: T,
): Marked<T> {
  return {
    item,
    source: item.source ?? 'auto',
    verified: item.verified ?? false,
    traces: [...(item.corrections ?? [])],
    removed: false,
  };
}

function change<T>(x: Marked<T>, t: CorrectionTrace): void {
  x.source = 'reader';
  x.verified = true;
  addTrace(x.traces, t);
}

function exactOf<T extends Span>(list: Marked<T>[], span: Span, alsoOuter = false): Marked<T> | undefined {
  return list.find(
    (x) => !x.removed && (sameSpan(x.item, span) || (alsoOuter && sameSpan((x.item as unknown as Quote).outer, span))),
  );
}

function mostOverlapping<T extends Span>(list: Marked<T>[], span: Span, alsoOuter = false): Marked<T> | undefined {
  const exact = exactOf(list, span, alsoOuter);
  if (exact) return exact;
  let best: Marked<T> | undefined;
  let most = 0;
  for (const x of list) {
    if (x.removed) continue;
    const o = overlap(x.item, span);
    if (o > most) {
      best = x;
      most = o;
    }
  }
  return best;
}

/**
 * After entity corrections on an analysis made without them: each speaker points to its entity now (a merged one
 * to the entity it joined), and takes its name. Attributing words that name someone (`named`) are matched again to
 * the mention under them when their entity is gone or split off, or when the reader added a mention there, as
 * attribution itself matches them; a speaker whose entity is gone otherwise keeps its words as its name.
 */
export function remapSpeakers(
  quotes: readonly Quote[],
  entities: readonly Entity[],
  idMap: ReadonlyMap<string, string | null>,
): Quote[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentionAt = (s: Span): Entity | undefined => {
    if (s.end <= s.start) return undefined;
    for (const e of entities) if (e.type !== 'place' && e.mentions.some((m) => overlap(m, s) > 0)) return e;
    return undefined;
  };
  return quotes.map((q) => {
    const sp = q.speaker;
    if (!sp || sp.via === 'reader') return q;
    let entity = sp.entityId !== null ? byId.get(idMap.get(sp.entityId) ?? '') : undefined;
    if (sp.via === 'named') entity = mentionAt(sp) ?? entity;
    else if (!entity && sp.entityId !== null && sp.via === 'description') entity = mentionAt(sp);
    if (!entity && sp.entityId === null) return q;
    const speaker: Speaker = entity ? { ...sp, name: entity.name, entityId: entity.id } : { ...sp, entityId: null };
    return { ...q, speaker };
  });
}

function speakerEntity(
  ctx: CorrectionContext,
  entities: readonly Entity[],
  s: NonNullable<SpeakerEdit['speaker']>,
): Entity | undefined {
  if (s.entity) {
    const r = anchor(ctx, s.entity);
    if (r.ok) {
      const at = { start: r.start, end: r.end };
      const e = entities.find((x) => x.mentions.some((m) => overlap(m, at) > 0));
      if (e) return e;
    }
  }
  const key = foldKey(s.name);
  const named = entities.filter((e) => foldKey(e.name) === key || e.aliases.some((a) => foldKey(a) === key));
  return named.find((e) => e.type === 'person') ?? named.find((e) => e.type === 'organization') ?? named[0];
}

/** Where the speaker is painted: the attributing words found, else the entity's nearest mention close by. */
function speakerSpan(q: Quote, entity: Entity | undefined): Span {
  if (q.speaker) return { start: q.speaker.start, end: q.speaker.end };
  const near = 300;
  let best: Span | undefined;
  let bestDistance = Infinity;
  for (const m of entity?.mentions ?? []) {
    const d =
      m.end <= q.outer.start ? q.outer.start - m.end : m.start >= q.outer.end ? m.start - q.outer.end : Infinity;
    if (d < bestDistance && d <= near) {
      best = m;
      bestDistance = d;
    }
  }
  return best ? { start: best.start, end: best.end } : { start: q.outer.end, end: q.outer.end };
}

export interface AnnotationsIn {
  entities: readonly Entity[];
  quotes: readonly Quote[];
  dates: readonly DateMention[];
  figures: readonly Figure[];
}

export interface AnnotationsOut {
  quotes: Quote[];
  dates: DateMention[];
  figures: Figure[];
}

function finish<T extends object>(list: Marked<T>[]): T[] {
  return list
    .filter((x) => !x.removed)
    .map((x) => {
      const out = { ...x.item, source: x.source, verified: x.verified } as T & { corrections?: CorrectionTrace[] };
      if (x.traces.length) out.corrections = x.traces;
      else delete out.corrections;
      return out;
    });
}

/** Applies the quote, date and figure edits (in apply order); `handled`: verify edits already done on entities. */
export function correctAnnotations(
  ctx: CorrectionContext,
  input: AnnotationsIn,
  edits: readonly EditCorrection[],
  handled: ReadonlySet<string>,
): AnnotationsOut {
  const quotes = input.quotes.map((q) => marked({ ...q }));
  let dates = input.dates.map((d) => marked({ ...d }));
  const figures = input.figures.map((f) => marked({ ...f }));
  const text = ctx.text;
  for (const e of edits) {
    if (handled.has(e.id)) continue;
    const t = traceOf(e, e.action);
    switch (e.action) {
      case 'speaker': {
        const span = locate(ctx, e, e.target);
        if (!span) continue;
        const q = mostOverlapping(quotes, span, true);
        if (!q) {
          orphan(ctx, e, 'noAnnotation', `no quote at ${JSON.stringify(e.target.exact)} to attribute`, e.target.exact);
          continue;
        }
        if (e.speaker === null) {
          if (!q.item.speaker) {
            outcome(ctx, e, 'unchanged', q.item);
            continue;
          }
          q.item.speaker = null;
        } else {
          const entity = speakerEntity(ctx, input.entities, e.speaker);
          const name = entity?.name ?? e.speaker.name;
          const entityId = entity?.id ?? null;
          if (q.item.speaker && q.item.speaker.name === name && q.item.speaker.entityId === entityId) {
            outcome(ctx, e, 'unchanged', q.item);
            continue;
          }
          q.item.speaker = { name, entityId, ...speakerSpan(q.item, entity), via: 'reader' };
        }
        change(q, t);
        outcome(ctx, e, 'applied', q.item);
        continue;
      }
      case 'notQuote':
      case 'scare': {
        const span = locate(ctx, e, e.target);
        if (!span) continue;
        const q = mostOverlapping(quotes, span, true);
        if (!q) {
          outcome(ctx, e, 'unchanged', span);
          continue;
        }
        if (e.action === 'notQuote') {
          q.removed = true;
          outcome(ctx, e, 'applied', q.item);
          continue;
        }
        if (q.item.scare === e.scare) {
          outcome(ctx, e, 'unchanged', q.item);
          continue;
        }
        q.item.scare = e.scare;
        change(q, t);
        outcome(ctx, e, 'applied', q.item);
        continue;
      }
      case 'date': {
        const span = locate(ctx, e, e.target);
        if (!span) continue;
        const d = mostOverlapping(dates, span);
        if (d && d.item.value === e.value) {
          outcome(ctx, e, 'unchanged', d.item);
          continue;
        }
        if (d) {
          d.item.value = e.value;
          d.item.resolvedFrom = e.value === null ? 'none' : 'reader';
          change(d, t);
          outcome(ctx, e, 'applied', d.item);
          continue;
        }
        const added = marked<DateMention>({
          start: span.start,
          end: span.end,
          text: text.slice(span.start, span.end),
          kind: e.value?.startsWith('P') ? 'duration' : 'date',
          value: e.value,
          resolvedFrom: e.value === null ? 'none' : 'reader',
        });
        change(added, t);
        dates = [...dates, added].sort((a, b) => a.item.start - b.item.start);
        outcome(ctx, e, 'applied', span);
        continue;
      }
      case 'remove': {
        if (e.kind !== 'date' && e.kind !== 'figure') continue;
        const span = locate(ctx, e, e.target);
        if (!span) continue;
        const x = e.kind === 'date' ? exactOf(dates, span) : exactOf(figures, span);
        if (!x) {
          outcome(ctx, e, 'unchanged', span);
          continue;
        }
        x.removed = true;
        outcome(ctx, e, 'applied', span);
        continue;
      }
      case 'verify': {
        if (e.kind === 'entity') continue;
        const span = locate(ctx, e, e.target);
        if (!span) continue;
        const x =
          e.kind === 'quote'
            ? exactOf(quotes, span, true)
            : e.kind === 'date'
              ? exactOf(dates, span)
              : e.kind === 'figure'
                ? exactOf(figures, span)
                : (exactOf(quotes, span, true) ?? exactOf(dates, span) ?? exactOf(figures, span));
        if (!x) {
          orphan(
            ctx,
            e,
            'noAnnotation',
            `no ${e.kind ?? 'annotation'} ${JSON.stringify(e.target.exact)} to mark as checked`,
            e.target.exact,
          );
          continue;
        }
        addTrace(x.traces, t);
        if (x.verified) outcome(ctx, e, 'unchanged', span);
        else {
          x.verified = true;
          outcome(ctx, e, 'applied', span);
        }
        continue;
      }
      default:
        continue;
    }
  }
  // Dates never overlap: one added by the reader replaces those it covers.
  const readerDates = dates.filter((d) => !d.removed && d.source === 'reader');
  for (const d of dates) {
    if (d.removed || d.source === 'reader') continue;
    if (readerDates.some((r) => overlap(r.item, d.item) > 0)) d.removed = true;
  }
  return { quotes: finish(quotes), dates: finish(dates), figures: finish(figures) };
}
