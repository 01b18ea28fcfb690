/**
 * "N of M verified": entities count once each under their type, quotes, dates and figures once per annotation.
 * The panel and the status bar show these counts.
 */
import { ENTITY_KINDS, KINDS, type Kind } from '../kinds';
import type { ArticleAnalysis, VerifiedCount, VerifiedCounts } from '../types';

export function verifiedCounts(a: Pick<ArticleAnalysis, 'entities' | 'quotes' | 'dates' | 'figures'>): VerifiedCounts {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { verified: 0, total: 0 }])) as Record<Kind, VerifiedCount>;
  const count = (k: Kind, verified: boolean | undefined): void => {
    byKind[k].total++;
    if (verified) byKind[k].verified++;
  };
  for (const e of a.entities) if ((ENTITY_KINDS as readonly string[]).includes(e.type)) count(e.type, e.verified);
  for (const q of a.quotes) count('quote', q.verified);
  for (const d of a.dates) count('date', d.verified);
  for (const f of a.figures) count('figure', f.verified);
  let verified = 0;
  let total = 0;
  for (const k of KINDS) {
    verified += byKind[k].verified;
    total += byKind[k].total;
  }
  return { verified, total, byKind };
}
