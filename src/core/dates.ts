import type { DateMention, ReferenceDate } from './types';

/** Finds the article's own reference date: a dateline, an explicit full date, a "© 2020" line. */
export function findReferenceDate(text: string, lang: string): ReferenceDate | null {
  void text; void lang;
  return null; // PLACEHOLDER: being written
}

/** Finds date, time, duration and set expressions and resolves them against `reference` (YYYY-MM-DD or YYYY). */
export function findDates(text: string, lang: string, reference: string | null, signal?: AbortSignal): DateMention[] {
  void text; void lang; void reference; void signal;
  return []; // PLACEHOLDER: being written
}
