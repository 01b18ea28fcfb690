import type { DecorationLayer, HighlightKind } from '../constants';
import type { ArticleAnalysis, Span } from '../core/types';

/** Layer → the highlight kind (setting) that switches it; the speaker goes with its quote. */
export const LAYER_KIND: Record<DecorationLayer, HighlightKind> = {
  person: 'person',
  organization: 'organization',
  place: 'place',
  date: 'date',
  figure: 'figure',
  quote: 'quote',
  speaker: 'quote',
};

/** Spans per painted layer from one analysis (quotes with their marks). Used by decorations and tokens. */
export function layerSpans(a: ArticleAnalysis): Record<DecorationLayer, Span[]> {
  const out: Record<DecorationLayer, Span[]> = {
    person: [],
    organization: [],
    place: [],
    date: a.dates,
    figure: a.figures,
    quote: a.quotes.map((q) => q.outer ?? q),
    speaker: [],
  };
  for (const e of a.entities) out[e.type].push(...e.mentions);
  for (const q of a.quotes) if (q.speaker && q.speaker.end > q.speaker.start) out.speaker.push(q.speaker);
  return out;
}
