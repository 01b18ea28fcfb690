/**
 * Decides whether a plain-text document is a prose news article, so that opening one annotates it without setup.
 * Pure (no vscode import): used by the language-detection feature and by DocumentAnalyses, and unit-tested.
 */
import { looksBinary } from '../core/text';

/** File names that are plain text but never articles (logs, licences, requirement lists, …). */
const NOT_ARTICLES =
  /(^|[\\/])(requirements[^\\/]*|license[^\\/]*|licence[^\\/]*|copying|notice|authors|changelog[^\\/]*|robots|\.?[^\\/]*\.log)$/i;

/**
 * True when `text` reads like prose: at least a few hundred characters, several sentences ending in
 * . ! ? or closing quotes, mostly letters and spaces, long lines of words, and little code punctuation.
 */
export function looksLikeArticle(text: string, fileName = ''): boolean {
  if (fileName && NOT_ARTICLES.test(fileName)) return false;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  if (sample.trim().length < 280 || looksBinary(sample)) return false;
  let letters = 0;
  let spaces = 0;
  let code = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) letters++;
    else if (ch === ' ' || ch === '\u00a0' || ch === '\n' || ch === '\r') spaces++;
    else if ('{}[]<>=;|\\$#@_^`~'.includes(ch)) code++;
  }
  const n = sample.length;
  if ((letters + spaces) / n < 0.75 || code / n > 0.06) return false;
  const sentenceEnds = (sample.match(/\p{L}[.!?…]["'”»’)]?(?=\s|$)/gu) ?? []).length;
  if (sentenceEnds < 3) return false;
  // Share of characters on "prose lines": lines of at least 8 words.
  let proseChars = 0;
  let nonEmpty = 0;
  for (const line of sample.split(/\r?\n/)) {
    const t = line.trim();
    if (!t) continue;
    nonEmpty += t.length;
    if (t.split(/\s+/).length >= 8) proseChars += t.length;
  }
  return nonEmpty > 0 && proseChars / nonEmpty >= 0.5;
}
