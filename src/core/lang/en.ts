/**
 * English tagging with `compromise`. The only file that imports 'compromise'.
 *
 * NOTE: `require` (not `import`) on purpose: bundlers resolve `import 'compromise'` to its ESM source, which
 * shares one module instance (one lexicon, one tagger) with fr-compromise's `import 'compromise/one'`, so loading
 * French would change English results. The CommonJS builds are self-contained bundles with separate instances.
 */
import nlpRequired = require('compromise');

type Nlp = ((text: string) => { json(o: object): unknown }) & { world(): { model: { one: { lexicon: Record<string, unknown> } } } };
const nlp: Nlp = ((nlpRequired as unknown as { default?: Nlp }).default ?? nlpRequired) as unknown as Nlp;

/** One compromise term: its span in the analysed text and its tags. */
export interface TaggedTerm {
  start: number;
  end: number;
  text: string;
  tags: string[];
}

interface RawTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Tags `text` with one compromise parse and returns its terms with UTF-16 offsets checked against `text`. */
export function tagEnglish(text: string): TaggedTerm[] {
  const doc = nlp(text);
  const json = doc.json({ offset: true, text: false, normal: false, terms: { offset: true } }) as Array<{ terms: RawTerm[] }>;
  return toTaggedTerms(text, json);
}

/** The lexicon tag of a lower-cased word ("john" → "MaleName"), or undefined when compromise does not know it. */
export function englishLexiconTag(word: string): string | undefined {
  const v = Object.prototype.hasOwnProperty.call(LEXICON, word) ? LEXICON[word] : undefined;
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
}

// NOTE: compromise's own lexicon object, read once at load; never written to.
const LEXICON: Readonly<Record<string, unknown>> = nlp.world().model.one.lexicon;

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
