/**
 * Where dictionary rules occur in an article: every occurrence of the rule's text as whole words, in the text as
 * corrections compare it (foldedText.ts: accents, apostrophes and white space do not matter, case does — a rule for
 * "State" does not touch "state", one for "ET" not the French "et"). The name is matched as it is written, so a rule
 * applies in every language where the name is the same ("La Haye" in French, "Countrywide" in both).
 *
 * Where rules overlap, the longer text wins ("Cour de La Haye" over "La Haye"); two rules for the same text are
 * decided by scope — the narrower wins (file, then story, then workspace) — then by time (the later wins).
 */
import type { Span } from '../types';
import { foldPattern, isWordChar, originalSpan, type FoldedText } from './foldedText';
import type { RuleCorrection, RuleScope } from './model';

export interface RuleOccurrence extends Span {
  rule: RuleCorrection;
}

const SCOPE_RANK: Record<RuleScope, number> = { workspace: 0, story: 1, file: 2 };

/** For each text, the rule that decides it. */
export function decidingRules(rules: readonly RuleCorrection[]): Map<string, RuleCorrection> {
  const byText = new Map<string, RuleCorrection>();
  for (const r of rules) {
    const key = foldPattern(r.text).trim();
    if (!key) continue;
    const prev = byText.get(key);
    const wins =
      !prev ||
      SCOPE_RANK[r.scope] > SCOPE_RANK[prev.scope] ||
      (SCOPE_RANK[r.scope] === SCOPE_RANK[prev.scope] && (r.at ?? '') >= (prev.at ?? ''));
    if (wins) byText.set(key, r);
  }
  return byText;
}

/** Occurrences of the rules' texts, sorted, never overlapping. */
export function findRuleOccurrences(ft: FoldedText, rules: readonly RuleCorrection[]): RuleOccurrence[] {
  const deciding = [...decidingRules(rules).entries()].sort(
    (a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1),
  );
  const taken: Array<{ from: number; to: number; rule: RuleCorrection }> = [];
  const folded = ft.folded;
  const covered = new Uint8Array(folded.length);
  const free = (from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (covered[k]) return false;
    return true;
  };
  for (const [pattern, rule] of deciding) {
    const checkBefore = isWordChar(pattern[0]);
    const checkAfter = isWordChar(pattern[pattern.length - 1]);
    for (let i = folded.indexOf(pattern); i >= 0; i = folded.indexOf(pattern, i + 1)) {
      const to = i + pattern.length;
      if (checkBefore && isWordChar(folded[i - 1])) continue;
      if (checkAfter && isWordChar(folded[to])) continue;
      if (!free(i, to)) continue;
      covered.fill(1, i, to);
      taken.push({ from: i, to, rule });
    }
  }
  return taken.map((t) => ({ ...originalSpan(ft, t.from, t.to), rule: t.rule })).sort((a, b) => a.start - b.start);
}
