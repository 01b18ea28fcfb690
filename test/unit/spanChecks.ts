// What every analysis promises about its spans, checked by the fuzz and adversarial-input tests.
import { strict as assert } from 'node:assert';
import type { ArticleAnalysis, Span } from '../../src/core/types';

function checkSpan(text: string, s: Span & { text?: string }, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
  assert.ok(
    s.start >= 0 && s.end <= text.length && s.start < s.end,
    `${what}: [${s.start}, ${s.end}) non-empty within ${text.length}`,
  );
  if (s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${what}: text equals its slice`);
}

/** Spans sorted by start and pairwise disjoint. */
function checkDisjoint(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(
      spans[i - 1].end <= spans[i].start,
      `${what}: [${spans[i - 1].start}, ${spans[i - 1].end}) and [${spans[i].start}, ${spans[i].end}) overlap or are out of order`,
    );
  }
}

function inside(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Every span of `a` is exact (in bounds, non-empty, `text` equal to the slice it covers); sentences, paragraphs,
 * figures, dates, quotes (by their marks) and entity mentions (over all entities) are sorted and disjoint; a quote's
 * words lie inside its marks, sentences inside paragraphs; entity ids follow first mentions; the result is JSON.
 */
export function assertSpansValid(text: string, a: ArticleAnalysis): void {
  for (const p of a.paragraphs) checkSpan(text, p, 'paragraph');
  checkDisjoint(a.paragraphs, 'paragraphs');
  for (const s of a.sentences) {
    checkSpan(text, s, 'sentence');
    assert.ok(
      a.paragraphs.some((p) => inside(s, p)),
      `sentence [${s.start}, ${s.end}) inside a paragraph`,
    );
  }
  checkDisjoint(a.sentences, 'sentences');

  for (const f of a.figures) {
    checkSpan(text, f, 'figure');
    assert.ok(Number.isFinite(f.value), `figure ${JSON.stringify(f.text)}: finite value`);
  }
  checkDisjoint(a.figures, 'figures');
  for (const d of a.dates) checkSpan(text, d, 'date');
  checkDisjoint(a.dates, 'dates');

  for (const q of a.quotes) {
    checkSpan(text, q, 'quote');
    checkSpan(text, q.outer, 'quote marks');
    assert.ok(inside(q, q.outer), `quote [${q.start}, ${q.end}) inside its marks [${q.outer.start}, ${q.outer.end})`);
    if (q.speaker) checkSpan(text, { start: q.speaker.start, end: q.speaker.end }, 'speaker');
  }
  checkDisjoint(
    a.quotes.map((q) => q.outer),
    'quotes',
  );

  const mentions: Span[] = [];
  let lastFirst = -1;
  a.entities.forEach((e, i) => {
    assert.equal(e.id, `e${i + 1}`, 'entity ids in order');
    assert.ok(e.mentions.length > 0, `entity ${e.id} has mentions`);
    for (const m of e.mentions) checkSpan(text, m, `entity ${e.id} mention`);
    checkDisjoint(e.mentions, `entity ${e.id} mentions`);
    assert.ok(e.mentions[0].start > lastFirst, `entity ${e.id}: ids follow first mentions`);
    lastFirst = e.mentions[0].start;
    mentions.push(...e.mentions);
  });
  checkDisjoint(
    mentions.sort((x, y) => x.start - y.start),
    'entity mentions',
  );
  assert.doesNotThrow(() => JSON.stringify(a));
}
