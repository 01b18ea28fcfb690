/** Maps a compromise-family tagger's JSON terms to spans of the analysed text (English and French builds alike). */
import type { TaggedTerm } from './pack';

/** One term of compromise's `json({ offset: true, terms: { offset: true } })`. */
export interface RawTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * Maps compromise terms to spans. compromise reports UTF-16 offsets; when a reported offset does not
 * point at the term's text (it happens around contractions), the text is searched for near that offset.
 */
export function toTaggedTerms(text: string, json: Array<{ terms: RawTerm[] }>): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  let floor = 0;
  for (const s of json) {
    for (const t of s.terms) {
      if (!t.text) continue;
      let start = t.offset?.start ?? -1;
      if (start < floor || text.slice(start, start + t.text.length) !== t.text) {
        // Search near the reported offset only: an unbounded indexOf per missed term is quadratic on odd input.
        const from = Math.max(floor, start - 64);
        const to = Math.max(from, start >= 0 ? start : floor) + 256 + t.text.length;
        const found = text.slice(from, to).indexOf(t.text);
        if (found < 0) continue;
        start = from + found;
      }
      out.push({ start, end: start + t.text.length, text: t.text, tags: t.tags });
      floor = start + t.text.length;
    }
  }
  return out;
}
