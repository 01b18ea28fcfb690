/**
 * What the annotation hover shows at an offset, and which entity the cursor is on (Go to Definition, Find All
 * References). Pure: an analysis and an offset in, markdown and spans out. Called by src/features/hovers.ts and
 * src/features/navigation.ts; unit-tested in test/unit/hoverCards.test.ts.
 */
import type { ArticleAnalysis, Entity, Span } from '../core/types';
import { dateHover, ENGLISH_HOVER_LABELS, entityHover, figureHover, quoteHover, type HoverLabels } from './hoverText';
import { entityMentionAt, smallestAt, spanContains } from './spans';

/**
 * Markdown cards for whatever is at `offset`: the entity (or, when none is there, the date or figure), then the
 * enclosing quote, or the quote attributed by the words at `offset`. `span` is the annotation the hover is for.
 */
export function hoverCards(
  text: string,
  a: ArticleAnalysis,
  offset: number,
  labels: HoverLabels = ENGLISH_HOVER_LABELS,
  locale = 'en',
): { markdown: string[]; span: Span } | undefined {
  const markdown: string[] = [];
  let span: Span | undefined;
  const mention = entityMentionAt(a, offset);
  const quote = a.quotes.find((q) => spanContains(q.outer ?? q, offset));
  const speakerOf = a.quotes.find(
    (q) => q.speaker && q.speaker.end > q.speaker.start && spanContains(q.speaker, offset),
  );
  if (mention) {
    markdown.push(entityHover(text, mention.entity, labels));
    span = mention.span;
  } else {
    const date = smallestAt(a.dates, offset);
    const figure = date ? undefined : smallestAt(a.figures, offset);
    if (date) {
      markdown.push(dateHover(date, a.referenceDate, labels, locale));
      span = date;
    } else if (figure) {
      markdown.push(figureHover(figure, labels, locale));
      span = figure;
    }
  }
  if (speakerOf && !quote) {
    // On the attributing words ("the company said"): show the quote they attribute.
    markdown.push(quoteHover(text, speakerOf, labels));
    span ??= speakerOf.speaker ?? undefined;
  }
  if (quote) {
    markdown.push(quoteHover(text, quote, labels));
    span ??= quote.outer ?? quote;
  }
  return span && markdown.length ? { markdown, span } : undefined;
}

/**
 * The entity at `offset`: the one with the smallest mention there, else the one a quote's attributing words there
 * resolve to ("the company said" → the company).
 */
export function entityAt(a: ArticleAnalysis, offset: number): Entity | undefined {
  const mention = entityMentionAt(a, offset);
  if (mention) return mention.entity;
  for (const q of a.quotes) {
    const sp = q.speaker;
    if (sp?.entityId && sp.end > sp.start && spanContains(sp, offset))
      return a.entities.find((e) => e.id === sp.entityId);
  }
  return undefined;
}
