/**
 * What the part-of-speech taggers (compromise, fr-compromise) are given.
 *
 * Both taggers have rules whose cost grows with the square or the cube of a sentence's length: a word like "Street",
 * "St." or "Inc." walks back over every capitalised word before it in its clause and re-tags the whole stretch, and
 * the sentence splitter re-tests the growing sentence after every abbreviation. News sentences are short, so this
 * never shows, but a run of "St. " or "Ave. " (abbreviations never end a sentence), initials, capitalised words or a
 * long line without a full stop makes one tagger sentence of the whole run: 8 KB of "St. " took 45 s.
 *
 * So the text is cut into bounded pieces before tagging, and each piece is made its own tagger sentence. A piece
 * ends at every line break, when it reaches MAX_PIECE_CHARS (preferably at one of our own sentence ends, else after a
 * comma, semicolon or colon, else at a space, hyphen, dash or slash), and before the word that would make a run of
 * more than MAX_CAPITALISED_RUN capitalised words. A cut is shown to the tagger by replacing the separator that ends
 * the piece with a line feed in the text handed to it (same length, so every offset stays valid); a piece with no
 * separator at all (one enormous "word") ends the tagger call instead. Two more same-length rewrites keep the
 * taggers' own sentence splitter from undoing the cuts or paying per sentence: stretches without letters are blanked
 * (the splitter glues them to the sentence before, line breaks or not), and runs of one-word sentences lose their
 * inner full stops (see neutraliseTinySentences).
 *
 * On real news none of this fires: the dev corpora (CoNLL-2003, WikiNEuRal fr, PolNeAR, both TimeBanks) get a
 * handful of cuts in lists of more than 16 names, and their scores do not change.
 */
import { splitSentences } from './text';
import type { Span } from './types';

/** Longest piece handed to a tagger as one stretch without a line break, in UTF-16 code units. */
export const MAX_PIECE_CHARS = 1000;
/**
 * Most consecutive capitalised words in one piece. Words without a letter or a digit ("(", "--") neither count nor
 * break a run; any other word (lower-case, a number) breaks it, as it breaks the taggers' backward walks.
 */
export const MAX_CAPITALISED_RUN = 16;
/** Largest text handed to one tagger call (pieces are grouped up to this size). */
export const MAX_CALL_CHARS = 20_000;

/** One tagger call: `text` is `source.slice(start, start + text.length)` with the cut separators turned into "\n". */
export interface TaggerCall {
  start: number;
  text: string;
}

/** What the taggers' sentence splitter counts as content (compromise's own test). */
const HAS_WORD = /[\p{L}\p{N}\p{So}]/u;

const LF = 10;
const CR = 13;

/** Characters a piece may end on: the tagger never puts them inside a term's text. */
function isSeparator(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x85 ||
    c === 45 /* - */ ||
    c === 0x2010 ||
    c === 0x2011 ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 47 /* / */
  );
}

/** True for characters that make a word count: letters and digits of any script (surrogate halves count too). */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && c !== 0xd7 && c !== 0xf7 && !(c >= 0x3000 && c <= 0x303f);
}

/** True when the character at `i` (a whole code point) is an upper-case or title-case letter. */
function isUpperStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return /^[\p{Lu}\p{Lt}]/u.test(text.slice(i, i + 2));
}

/**
 * Splits `text` into contiguous pieces covering it, none longer than MAX_PIECE_CHARS and none holding more than
 * MAX_CAPITALISED_RUN capitalised words in a row; every line break ends a piece. A piece that does not end at a
 * line break or at the end of the text ends with a separator (space, hyphen, dash, slash) when there is one in reach,
 * else it is a hard cut (never between the two halves of a surrogate pair). Linear in the length of the text.
 */
export function taggerPieces(text: string): Span[] {
  const n = text.length;
  const pieces: Span[] = [];
  if (n === 0) return pieces;
  // Our own sentence ends are the preferred places to cut a long stretch: there the tagger would split anyway.
  const sentenceEnd = new Uint8Array(n + 1);
  for (const s of splitSentences(text)) sentenceEnd[s.end] = 1;

  let pieceStart = 0;
  let lastSentence = -1; // cut candidates in the current piece: positions right after a separator
  let lastClause = -1;
  let lastSoft = -1;
  let run = 0;
  let wordStart = -1; // start of the word being read, -1 between words
  let wordKind: 'upper' | 'other' | 'neutral' = 'neutral'; // decided by the word's first letter or digit
  let wordDecided = false;

  const reset = (at: number): void => {
    pieceStart = at;
    lastSentence = lastClause = lastSoft = -1;
    run = 0;
    wordStart = -1;
  };
  const cut = (at: number): void => {
    if (at > pieceStart) pieces.push({ start: pieceStart, end: at });
    reset(at);
  };
  /** Ends the word being read (at a separator or a line break); cuts before it when it makes the run too long. */
  const endWord = (): void => {
    if (wordStart < 0) return;
    if (wordKind === 'other') run = 0;
    else if (wordKind === 'upper' && ++run > MAX_CAPITALISED_RUN && wordStart > pieceStart) {
      cut(wordStart);
      run = 1;
    }
    wordStart = -1;
  };

  for (let i = 0; i < n; i++) {
    if (i - pieceStart >= MAX_PIECE_CHARS) {
      // Character i would make the piece too long: cut at the best place seen so far (all at or before i).
      let at: number;
      if (lastSentence > pieceStart) at = lastSentence;
      else if (lastClause > pieceStart + MAX_PIECE_CHARS / 4) at = lastClause;
      else if (lastSoft > pieceStart) at = lastSoft;
      else {
        at = i; // hard cut, never inside a surrogate pair
        if ((text.charCodeAt(at - 1) & 0xfc00) === 0xd800) at--;
      }
      cut(at);
      i = at - 1; // read the rest again as the start of the next piece
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      endWord();
      cut(i + 1);
      continue;
    }
    if (isSeparator(c)) {
      endWord();
      lastSoft = i + 1;
      if (sentenceEnd[i] === 1) lastSentence = i + 1;
      const p = i > pieceStart ? text.charCodeAt(i - 1) : 0;
      if (p === 44 /* , */ || p === 59 /* ; */ || p === 58 /* : */) lastClause = i + 1;
    } else {
      if (wordStart < 0) {
        wordStart = i;
        wordKind = 'neutral';
        wordDecided = false;
      }
      if (!wordDecided && isWordChar(c)) {
        wordDecided = true;
        wordKind = isUpperStart(text, i) ? 'upper' : 'other';
      }
    }
  }
  endWord();
  cut(n);
  return pieces;
}

/** Fewest consecutive one-word sentences whose marks are hidden from the tagger. */
export const MIN_TINY_SENTENCE_RUN = 4;

/** A sentence mark as the taggers split on it: a run of . ! ? followed by white space or the end of the piece. */
const SENTENCE_MARK = /[.!?]+(?=\s|$)/g;
const WORD = /[\p{L}\p{N}]\S*/gu;

/**
 * The taggers pay a fixed cost per sentence and clause (each is matched against every rule hook), so a run of
 * one-word sentences ("Me. Pr. Tv.", "M. M. M.", "Yes! No!") costs about twice what prose of the same size does. In a
 * run of at least MIN_TINY_SENTENCE_RUN of them, every mark but the last becomes "*", which the taggers read as plain
 * punctuation: the same words at the same offsets, in one sentence. Prose has no such runs (commas are left alone:
 * lists of single names are ordinary news).
 */
export function neutraliseTinySentences(piece: string): string {
  const marks: Array<[number, number]> = [];
  SENTENCE_MARK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_MARK.exec(piece)) !== null) marks.push([m.index, m.index + m[0].length]);
  if (marks.length < MIN_TINY_SENTENCE_RUN) return piece;
  const words = (from: number, to: number): number => (piece.slice(from, to).match(WORD) ?? []).length;
  let out: string[] | null = null;
  let runStart = 0; // index in `marks` of the first sentence of the current run of one-word sentences
  for (let k = 0; k <= marks.length; k++) {
    if (k < marks.length && words(k === 0 ? 0 : marks[k - 1][1], marks[k][0]) <= 1) continue;
    if (k - runStart >= MIN_TINY_SENTENCE_RUN) {
      out ??= piece.split('');
      for (let q = runStart; q < k - 1; q++) for (let c = marks[q][0]; c < marks[q][1]; c++) out[c] = '*';
    }
    runStart = k + 1;
  }
  return out ? out.join('') : piece;
}

/**
 * The tagger calls for `text`: its pieces grouped up to MAX_CALL_CHARS, each group's text with the separator that
 * ends an inner piece replaced by "\n" (so the tagger's sentence splitter cuts there); a hard cut ends the group.
 * Every call text has the length of the stretch of `text` it stands for, so tagger offsets need no mapping.
 */
export function taggerCalls(text: string, pieces: Span[] = taggerPieces(text)): TaggerCall[] {
  const calls: TaggerCall[] = [];
  let start = -1;
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (start >= 0) calls.push({ start, text: parts.join('') });
    start = -1;
    parts = [];
    size = 0;
  };
  for (const p of pieces) {
    const len = p.end - p.start;
    if (start >= 0 && size + len > MAX_CALL_CHARS) flush();
    if (start < 0) start = p.start;
    let piece = text.slice(p.start, p.end);
    // The tagger's splitter glues a stretch without letters onto the sentence before it, line breaks or not, so
    // runs of punctuation would grow one sentence without bound. Such a stretch has no words to tag: blank it.
    if (!HAS_WORD.test(piece)) piece = piece.replace(/[^\r\n]/g, ' ');
    else piece = neutraliseTinySentences(piece);
    const last = text.charCodeAt(p.end - 1);
    if (p.end === text.length || last === LF || (last === CR && text.charCodeAt(p.end) === LF)) {
      parts.push(piece);
    } else if (isSeparator(last) || last === CR) {
      // NOTE: a lone CR (old Mac line ends) splits the tagger's lines but, unlike LF, not its sentences.
      parts.push(piece.slice(0, -1), '\n');
    } else {
      parts.push(piece);
      size += len;
      flush();
      continue;
    }
    size += len;
  }
  flush();
  return calls;
}
