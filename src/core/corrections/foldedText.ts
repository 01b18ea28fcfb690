/**
 * The text as corrections compare it: accents dropped (État = Etat: French capitals are often written without them),
 * typographic apostrophes as ', every run of white space as one space (a re-wrapped line or CRLF endings still
 * match); case is kept ("State" is not "state"). `toOriginal` maps every folded offset back to the text, so a match
 * found in the folded text is an exact span of the original.
 */

export interface FoldedText {
  text: string;
  folded: string;
  /** Offset in `text` of each folded code unit; one more entry, `text.length`, for the end. */
  toOriginal: Int32Array;
}

const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '\u2032']);
const SPACE = /\s/;
const MARK = /\p{M}/u;

/** Folds one code point (without its combining marks): "É" → "E", "’" → "'". */
function foldChar(ch: string): string {
  if (APOSTROPHES.has(ch)) return "'";
  const d = ch.normalize('NFD');
  if (d === ch) return ch;
  let out = '';
  for (const c of d) if (!MARK.test(c)) out += c;
  return out || ch;
}

/** Folds `text`, keeping the offset map. Linear. */
export function foldText(text: string): FoldedText {
  const codes: string[] = [];
  const map: number[] = [];
  let lastSpace = false;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (!lastSpace) {
          codes.push(' ');
          map.push(i);
        }
        lastSpace = true;
      } else {
        codes.push(text[i]);
        map.push(i);
        lastSpace = false;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const len = ch.length;
    if (SPACE.test(ch)) {
      if (!lastSpace) {
        codes.push(' ');
        map.push(i);
      }
      lastSpace = true;
    } else if (MARK.test(ch)) {
      // A combining mark belongs to the character before it: dropped, and covered by that character's span.
    } else {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) {
        codes.push(f[k]);
        map.push(i);
      }
      lastSpace = false;
    }
    i += len;
  }
  const toOriginal = new Int32Array(map.length + 1);
  toOriginal.set(map);
  toOriginal[map.length] = text.length;
  return { text, folded: codes.join(''), toOriginal };
}

/** The folded form of a pattern (a correction's text), compared against `FoldedText.folded`. */
export function foldPattern(s: string): string {
  return foldText(s).folded;
}

/**
 * The original span of the folded range [from, to). It ends where the next folded character starts, so the combining
 * marks of the last character are inside and the white space after it is not.
 */
export function originalSpan(ft: FoldedText, from: number, to: number): { start: number; end: number } {
  return { start: ft.toOriginal[from], end: to >= ft.folded.length ? ft.text.length : ft.toOriginal[to] };
}

/** Folded offset of an original offset (the first folded character at or after it). */
export function foldedOffset(ft: FoldedText, original: number): number {
  const m = ft.toOriginal;
  let lo = 0;
  let hi = m.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Letters, digits and marks: what a word is made of, for word boundaries. */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\p{M}]/u.test(ch);
}
