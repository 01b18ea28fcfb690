/**
 * Makes article text safe to print on a terminal: control characters (C0, DEL, C1 — CSI U+009B among them) and
 * bidirectional overrides/isolates would let a hostile article move the cursor, recolour or reorder the report.
 * White space is folded so one mention stays on one line.
 */
export function cleanForTerminal(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
