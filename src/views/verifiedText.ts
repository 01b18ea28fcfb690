/**
 * "N of M verified" as the panel and the status bar show it, and the orphaned corrections as the panel lists them.
 * Pure; unit-tested in test/unit/verifiedText.test.ts.
 */
import { KINDS, LAYER_INFO, type Translate } from '../core/kinds';
import type { ArticleAnalysis } from '../core/types';
import type { PanelOrphan } from '../shared/protocol';

/** "3 of 42 verified", or null for an analysis without counts (made by an older build) or with nothing in it. */
export function verifiedSummary(a: Pick<ArticleAnalysis, 'verified'>, t: Translate): string | null {
  const v = a.verified;
  if (!v || v.total === 0) return null;
  return t('{0} of {1} verified', v.verified, v.total);
}

/** One line per kind that has annotations: "People: 1 of 5 verified". */
export function verifiedByKind(a: Pick<ArticleAnalysis, 'verified'>, t: Translate): string[] {
  const v = a.verified;
  if (!v) return [];
  return KINDS.filter((k) => v.byKind[k].total > 0).map(
    (k) => `${LAYER_INFO[k].plural(t)}: ${t('{0} of {1} verified', v.byKind[k].verified, v.byKind[k].total)}`,
  );
}

/** The corrections of the article that no longer attach to its text, one row each (never silently dropped). */
export function orphanRows(a: Pick<ArticleAnalysis, 'corrections'>): PanelOrphan[] {
  return (a.corrections?.orphaned ?? []).map((o) => ({ id: o.id, action: o.action, exact: o.exact, detail: o.detail }));
}
