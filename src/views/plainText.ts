/**
 * Untrusted text (file names, article text, setting values) turned into a plain-text UI string. Pure; unit-tested
 * (test/unit/plainText.test.ts). Used for every notification message, quick-pick label/description/detail/title/
 * placeholder and status-bar text that shows text which is not ours.
 *
 * VS Code gives some of those strings meaning: a notification renders `[label](command:…)` as a clickable link,
 * quick picks, titles and the status bar render `$(name)` as an icon. Markdown escaping does not apply there (the
 * backslashes would show), so the syntax is broken with an invisible U+200B instead.
 */

/** C0/C1 controls, DEL, bidi embeddings/overrides/isolates, line and paragraph separators, BOM/ZW no-break. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * `text` safe to put into a plain-text UI string: control, bidi and line-separator characters become spaces, white
 * space is folded (one line, in reading order), `](` and `$(` are broken so no link or icon can form (also across the
 * boundary with the text around it: a trailing `]` or `$` is broken too), and it is cut to `maxLength` characters.
 */
export function plainText(text: string, maxLength = 200): string {
  let s = text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  if (s.length > maxLength) {
    let cut = Math.max(0, maxLength - 1);
    // Never split a surrogate pair.
    if (cut > 0 && /[\ud800-\udbff]/.test(s[cut - 1])) cut--;
    s = `${s.slice(0, cut)}…`;
  }
  return s.replace(/([\]$])(?=\(|$)/g, '$1\u200b');
}
