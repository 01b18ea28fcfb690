import { applyCorrections, NO_CORRECTIONS, readerReferenceDate } from './corrections/apply';
import { findDates, findReferenceDate } from './dates';
import { findEntities } from './entities';
import { findFigures } from './figures';
import { detectLanguage } from './lang/detect';
import { packFor } from './lang/registry';
import { findQuotes } from './quotes';
import { shippedSpeakers } from './speakers/shipped';
import { throwIfAborted } from './abort';
import { splitParagraphs, splitSentences } from './text';
import type { AnalyzeOptions, ArticleAnalysis, ReferenceDate } from './types';

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
  // A language without a pack gets the language-neutral part: quotes by their marks, figures in digits, ISO dates.
  const pack = packFor(language);
  const entitiesSupported = pack !== undefined;
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

  const referenceDate: ReferenceDate | null = options.referenceDate
    ? { value: options.referenceDate, source: 'caller' }
    : findReferenceDate(text, pack);
  throwIfAborted(signal);

  const corrections = options.corrections ?? NO_CORRECTIONS;
  const nameRules = corrections.rules.map((r) => ({ text: r.text, type: r.type }));
  const entities = pack ? findEntities(text, pack, signal, { nameRules }) : [];
  throwIfAborted(signal);
  const figures = findFigures(text, pack, signal);
  throwIfAborted(signal);
  const anchor = readerReferenceDate(corrections)?.value ?? referenceDate?.value ?? options.today ?? null;
  const dates = findDates(text, pack, anchor, signal);
  throwIfAborted(signal);

  const base: ArticleAnalysis = {
    language,
    entitiesSupported,
    notes,
    referenceDate,
    entities,
    figures,
    dates,
    quotes: [],
    sentences,
    paragraphs,
  };
  return applyCorrections(text, base, corrections, {
    // The rules attribute speakers and the trained ranker (speakers/) re-ranks them; its cue words are a language's,
    // so a language without a pack keeps the quotes without speakers.
    findQuotes: (corrected) => {
      const quotes = findQuotes(text, pack, corrected, signal);
      return pack ? shippedSpeakers(text, corrected, quotes, sentences, paragraphs) : quotes;
    },
    findDates: () => dates,
  });
}
