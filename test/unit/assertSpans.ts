import { strict as assert } from 'node:assert';
import type { ArticleAnalysis, Span } from '../../src/core/types';

/** Every span of an analysis is in bounds and its text is the slice it covers. */
export function assertSpansExact(text: string, a: ArticleAnalysis): void {
  const check = (s: Span & { text?: string }, what: string): void => {
    assert.ok(
      Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length,
      `${what}: [${s.start}, ${s.end})`,
    );
    if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what}: text matches its span`);
  };
  for (const e of a.entities) {
    assert.ok(e.mentions.length > 0, `${e.id} has mentions`);
    for (const m of e.mentions) check(m, `entity ${e.id}`);
  }
  for (const f of a.figures) check(f, 'figure');
  for (const d of a.dates) check(d, 'date');
  for (const q of a.quotes) {
    check(q, 'quote');
    check(q.outer, 'quote outer');
    if (q.speaker) check(q.speaker, 'speaker');
  }
  if (a.referenceDate?.span) check(a.referenceDate.span, 'reference date');
}
