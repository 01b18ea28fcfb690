/**
 * Applying the reader's corrections to one article's analysis, in a defined order:
 *
 * 1. The reference date: the latest `referenceDate` edit wins over the caller's option and over the date found in
 *    the text; dates are resolved against it.
 * 2. Dictionary rules (they also constrain the entity tagger beforehand: see analyze.ts), then
 * 3. the entity edits, in time order — edits win over rules, a later edit over an earlier one;
 * 4. entity ids renumbered in order of first mention; quotes found (or their speakers remapped) with the corrected
 *    entities;
 * 5. the quote, date and figure edits, in time order;
 * 6. every annotation marked with its source, verified flag and the corrections that touched it, and the counts.
 *
 * Steps 2–3 and step 5 are each repeated on their own result until it stops changing (an edit listed before the one
 * that makes what it acts on takes effect on the next pass), so applying the same corrections to the result changes
 * nothing in the annotations (their report then says `unchanged`). Every span stays exact (`text.slice(start, end) === text`, in bounds). A correction that cannot
 * be re-attached is listed in `corrections.orphaned` with the reason, never dropped.
 */
import { findDates } from '../dates';
import { packFor } from '../lang/registry';
import type { ArticleAnalysis, DateMention, Entity, Quote, ReferenceDate } from '../types';
import { remapSpeakers, correctAnnotations } from './annotationCorrections';
import { anchor, inApplyOrder, newContext, outcome, untilStable } from './context';
import { correctEntities } from './entityCorrections';
import type { ArticleCorrections, ReferenceDateEdit } from './model';
import { verifiedCounts } from './verified';

export const NO_CORRECTIONS: ArticleCorrections = { rules: [], edits: [] };

/** The reader's reference date for the article: the latest `referenceDate` edit, if any. */
export function readerReferenceDate(corrections: ArticleCorrections | undefined): ReferenceDateEdit | undefined {
  const refs = inApplyOrder(corrections?.edits ?? []).filter(
    (e): e is ReferenceDateEdit => e.action === 'referenceDate',
  );
  return refs[refs.length - 1];
}

export interface ApplyOptions {
  /**
   * Finds the quotes again with the corrected entities (analyze() does, so that attribution sees them). Without it,
   * the speakers of the analysis's quotes are pointed at the corrected entities.
   */
  findQuotes?: (entities: Entity[]) => Quote[];
  /** Finds the dates again against a reference date the reader changed. Default: `findDates` on the text. */
  findDates?: (reference: string) => DateMention[];
}

/** The analysis with the corrections applied (see the file comment); `analysis` is not changed. */
export function applyCorrections(
  text: string,
  analysis: ArticleAnalysis,
  corrections: ArticleCorrections = NO_CORRECTIONS,
  options: ApplyOptions = {},
): ArticleAnalysis {
  const ctx = newContext(text);
  const edits = inApplyOrder(corrections.edits);

  let referenceDate: ReferenceDate | null = analysis.referenceDate;
  let dates = analysis.dates;
  const ref = readerReferenceDate(corrections);
  for (const e of edits) if (e.action === 'referenceDate' && e !== ref) outcome(ctx, e, 'unchanged');
  if (ref) {
    const at = ref.target ? anchor(ctx, ref.target) : undefined;
    const span = at?.ok ? { start: at.start, end: at.end, text: text.slice(at.start, at.end) } : undefined;
    const same = analysis.referenceDate?.value === ref.value;
    if (same && analysis.referenceDate?.source === 'reader') outcome(ctx, ref, 'unchanged', span);
    else {
      if (!same)
        dates = (options.findDates ?? ((r: string) => findDates(text, packFor(analysis.language), r)))(ref.value);
      referenceDate = span ? { value: ref.value, source: 'reader', span } : { value: ref.value, source: 'reader' };
      outcome(ctx, ref, 'applied', span);
    }
  }

  const corrected = correctEntities(ctx, analysis.entities, corrections.rules, edits);
  const quotes = options.findQuotes
    ? options.findQuotes(corrected.entities)
    : remapSpeakers(analysis.quotes, corrected.entities, corrected.idMap);
  const rest = untilStable(ctx, { quotes, dates, figures: analysis.figures }, (current) =>
    correctAnnotations(ctx, { entities: corrected.entities, ...current }, edits, corrected.handled),
  );
  const out: ArticleAnalysis = {
    ...analysis,
    referenceDate,
    entities: corrected.entities,
    quotes: rest.quotes,
    dates: rest.dates,
    figures: rest.figures,
    corrections: { applied: ctx.applied, orphaned: ctx.orphaned },
  };
  out.verified = verifiedCounts(out);
  return out;
}
