/** Readers for CoNLL-2003 (`TOKEN POS CHUNK NER`) and WikiNEuRal (`index<TAB>TOKEN<TAB>TAG`) files, conlleval chunking. */

export interface Sentence {
  tokens: string[];
  tags: string[];
}

/** A document: CoNLL-2003 `-DOCSTART-` block, or a batch of WikiNEuRal sentences. */
export interface ConllDoc {
  sentences: Sentence[];
}

/** An entity chunk over token indices [start, end) (end exclusive). */
export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/** Parses CoNLL-2003 text into documents split at `-DOCSTART-` lines (sentences are blank-line separated). */
export function readConll2003(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | null = null;
  let sent: Sentence = { tokens: [], tags: [] };
  const flush = (): void => {
    if (sent.tokens.length > 0) {
      if (!doc) {
        doc = { sentences: [] };
        docs.push(doc);
      }
      doc.sentences.push(sent);
    }
    sent = { tokens: [], tags: [] };
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      flush();
      doc = { sentences: [] };
      docs.push(doc);
      continue;
    }
    sent.tokens.push(cols[0]!);
    sent.tags.push(cols[cols.length - 1]!);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** Parses WikiNEuRal `.conllu` (tab-separated `index TOKEN TAG`, blank line between sentences). */
export function readWikiNeural(content: string): Sentence[] {
  const out: Sentence[] = [];
  let sent: Sentence = { tokens: [], tags: [] };
  for (const raw of content.split(/\r?\n/)) {
    if (raw.trim() === '') {
      if (sent.tokens.length) out.push(sent);
      sent = { tokens: [], tags: [] };
      continue;
    }
    const cols = raw.split('\t');
    if (cols.length < 3) continue;
    sent.tokens.push(cols[1]!);
    sent.tags.push(cols[2]!.trim());
  }
  if (sent.tokens.length) out.push(sent);
  return out;
}

/** Groups sentences into documents of `size` sentences. */
export function batchSentences(sentences: Sentence[], size: number): ConllDoc[] {
  const docs: ConllDoc[] = [];
  for (let i = 0; i < sentences.length; i += size) docs.push({ sentences: sentences.slice(i, i + size) });
  return docs;
}

/**
 * conlleval chunking of IOB tags: `B-X` opens an entity; `I-X` opens one when it follows `O` or another type;
 * `I-X` after `B-X`/`I-X` continues it. Other tags (`O`, junk) close any open chunk. Also accepts `E-`/`S-`
 * loosely as I-/B- (not present in our data).
 */
export function chunkTags(tags: readonly string[], offset = 0): Chunk[] {
  const out: Chunk[] = [];
  let cur: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const m = /^([BIES])-(.+)$/.exec(tag);
    if (!m) {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const prefix = m[1]!;
    const type = m[2]!;
    const continues = cur !== null && cur.type === type && (prefix === 'I' || prefix === 'E');
    if (continues) {
      cur!.end = offset + i + 1;
    } else {
      if (cur) out.push(cur);
      cur = { type, start: offset + i, end: offset + i + 1 };
    }
    if ((prefix === 'E' || prefix === 'S') && cur) {
      out.push(cur);
      cur = null;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Text of a document plus the character span of every token (global token index across sentences). */
export interface BuiltDoc {
  text: string;
  tokenStarts: number[];
  tokenEnds: number[];
  /** Gold chunks over global token indices. */
  chunks: Chunk[];
}

/** Joins tokens by single spaces and sentences by `sentenceSep` ("\n" for CoNLL, "\n\n" for WikiNEuRal batches). */
export function buildDoc(doc: ConllDoc, sentenceSep: string): BuiltDoc {
  const parts: string[] = [];
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  const chunks: Chunk[] = [];
  let pos = 0;
  let tokIndex = 0;
  doc.sentences.forEach((s, si) => {
    if (si > 0) {
      parts.push(sentenceSep);
      pos += sentenceSep.length;
    }
    chunks.push(...chunkTags(s.tags, tokIndex));
    s.tokens.forEach((t, ti) => {
      if (ti > 0) {
        parts.push(' ');
        pos += 1;
      }
      tokenStarts.push(pos);
      parts.push(t);
      pos += t.length;
      tokenEnds.push(pos);
      tokIndex++;
    });
  });
  return { text: parts.join(''), tokenStarts, tokenEnds, chunks };
}

/**
 * Maps character spans to token spans. Returns null when the span does not start and end on token boundaries
 * (such a prediction can never match gold: it counts as a false positive).
 */
export function tokenAligner(doc: BuiltDoc): (start: number, end: number) => { start: number; end: number } | null {
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  doc.tokenStarts.forEach((c, i) => byStart.set(c, i));
  doc.tokenEnds.forEach((c, i) => byEnd.set(c, i));
  return (start, end) => {
    const a = byStart.get(start);
    const b = byEnd.get(end);
    if (a === undefined || b === undefined || b < a) return null;
    return { start: a, end: b + 1 };
  };
}
