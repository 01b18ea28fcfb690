import type { Figure } from './types';

/** Finds money amounts, percentages and counts with their unit. */
export function findFigures(text: string, lang: string, signal?: AbortSignal): Figure[] {
  void text; void lang; void signal;
  return []; // PLACEHOLDER: being written
}
