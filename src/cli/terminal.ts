/**
 * Makes article text and file names safe to print on a terminal: control characters (C0, DEL, C1 — CSI U+009B
 * among them), bidirectional marks, overrides and isolates, and line/paragraph separators would let a hostile
 * article or file name move the cursor, retitle the window, recolour or reorder the report. White space is folded
 * so one mention stays on one line.
 */
export function cleanForTerminal(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal acts on (DEL, C1 controls, bidi controls,
 * line separators) written as `\uXXXX` escapes: the same JSON value, safe to print. They can only occur inside
 * strings, where the escape means the same character.
 */
export function jsonForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Lines of text with every character a terminal acts on but tab and line feed (C0 and C1 controls, DEL, bidi
 * controls, line and paragraph separators) replaced by U+FFFD, one for one: the same number of characters and code
 * points, so offsets into the text stay right. For brat standoff on stdout.
 */
export function textForTerminal(s: string): string {
  return s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    '\ufffd',
  );
}
