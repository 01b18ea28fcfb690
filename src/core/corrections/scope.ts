/**
 * Which corrections apply to one article: its own edits, and the rules whose scope includes it — every article for a
 * workspace rule, the articles of the story of the file it was made in for a story rule, that file for a file rule.
 * Pure: the caller says where the article is and which files are versions of its story (both as paths relative to
 * the folder of the corrections file). New articles are covered by construction: nothing lists the files a rule
 * applies to.
 */
import type { ArticleCorrections, EditCorrection, LinkCorrection, RuleCorrection } from './model';

/** A path as the file compares them: `/`-separated, without `./` or empty segments, `..` folded where possible. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export interface ArticlePlace {
  /** The article's path. */
  file: string;
  /** The paths of the versions of its story (the article itself may be among them). */
  story?: readonly string[];
}

/** Whether `rule` applies to the article. */
export function ruleApplies(rule: RuleCorrection, article: ArticlePlace): boolean {
  if (rule.scope === 'workspace') return true;
  if (rule.file === undefined) return false;
  const made = normalizePath(rule.file);
  const self = normalizePath(article.file);
  if (made === self) return true;
  return rule.scope === 'story' && (article.story ?? []).some((f) => normalizePath(f) === made);
}

/** The rules and edits of `corrections` that apply to the article. */
export function correctionsForFile(
  corrections: { rules: readonly RuleCorrection[]; edits: readonly EditCorrection[] },
  article: ArticlePlace,
): ArticleCorrections {
  const self = normalizePath(article.file);
  return {
    rules: corrections.rules.filter((r) => ruleApplies(r, article)),
    edits: corrections.edits.filter((e) => normalizePath(e.file) === self),
  };
}

/** The link corrections between two of the given files. */
export function linksAmong(links: readonly LinkCorrection[], files: readonly string[]): LinkCorrection[] {
  const set = new Set(files.map(normalizePath));
  return links.filter((l) => set.has(normalizePath(l.a.file)) && set.has(normalizePath(l.b.file)));
}
