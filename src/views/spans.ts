/** Span look-ups by offset shared by the view models (hover cards, navigation, cross-reference counterparts). */
import type { ArticleAnalysis, Entity, Span } from '../core/types';

/** True when `offset` lies inside [start, end] (end inclusive, so a hover at a word's end still counts). */
export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The smallest of `items` containing `offset` (the innermost annotation under the cursor). */
export function smallestAt<T extends Span>(items: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const it of items) {
    if (spanContains(it, offset) && (!best || it.end - it.start < best.end - best.start)) best = it;
  }
  return best;
}

/** The entity whose mention at `offset` is the smallest, with that mention. */
export function entityMentionAt(a: ArticleAnalysis, offset: number): { entity: Entity; span: Span } | undefined {
  let best: { entity: Entity; span: Span } | undefined;
  for (const entity of a.entities) {
    const m = smallestAt(entity.mentions, offset);
    if (m && (!best || m.end - m.start < best.span.end - best.span.start)) best = { entity, span: m };
  }
  return best;
}
