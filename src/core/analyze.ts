import { applyCorrections, NO_CORRECTIONS, readerReferenceDate } from './corrections/apply';
import { findDates, findReferenceDate } from './dates';
import { findEntities } from './entities';
import { findFigures } from './figures';
import { detectLanguage } from './lang/detect';
import { findQuotes } from './quotes';
import { shippedSpeakers } from './speakers/shipped';
import { splitParagraphs, splitSentences, throwIfAborted } from './text';
import type { AnalyzeOptions, ArticleAnalysis, ReferenceDate } from './types';

/** Languages with entity extraction. Others get quotes, figures and dates only. */
export const ENTITY_LANGUAGES = ['en', 'fr'] as const;

/**
 * Analyses one article. The only entry point the CLI and the extension call.
 * `text` must already have its BOM removed (see `stripBom`); offsets index into it as given.
 * With `options.corrections`, the reader's rules constrain the entity tagger, the reader's reference date resolves
 * the dates, quotes are attributed with the corrected entities, and every edit is applied (corrections/apply.ts).
 * Throws an `AbortError` when `options.signal` is aborted.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): ArticleAnalysis {
  const { signal } = options;
  throwIfAborted(signal);
  const language = options.lang ?? detectLanguage(text);
  const notes: string[] = [];
  const entitiesSupported = (ENTITY_LANGUAGES as readonly string[]).includes(language);
  if (!entitiesSupported) {
    notes.push(
      language === 'und'
        ? 'language not recognised: entities are not extracted'
        : `language not supported for entities: ${language}`,
    );
  }
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text, paragraphs);
  throwIfAborted(signal);

  let referenceDate: ReferenceDate | null = null;
  if (options.referenceDate) {
    referenceDate = { value: options.referenceDate, source: 'caller' };
  } else {
    referenceDate = findReferenceDate(text, language);
  }
  throwIfAborted(signal);

  const corrections = options.corrections ?? NO_CORRECTIONS;
  const nameRules = corrections.rules.map((r) => ({ text: r.text, type: r.type }));
  const entities = entitiesSupported ? findEntities(text, language as 'en' | 'fr', signal, { nameRules }) : [];
  throwIfAborted(signal);
  const figures = findFigures(text, language, signal);
  throwIfAborted(signal);
  const anchor = readerReferenceDate(corrections)?.value ?? referenceDate?.value ?? options.today ?? null;
  const dates = findDates(text, language, anchor, signal);
  throwIfAborted(signal);

  const base: ArticleAnalysis = { language, entitiesSupported, notes, referenceDate, entities, figures, dates, quotes: [], sentences, paragraphs };
  return applyCorrections(text, base, corrections, {
    // the rules attribute speakers; the trained ranker (speakers/) re-ranks them when it ships
    findQuotes: (corrected) => shippedSpeakers(text, corrected, findQuotes(text, language, corrected, signal), sentences, paragraphs),
    findDates: () => dates,
  });
}
