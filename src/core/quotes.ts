import type { Entity, Quote } from './types';

/** Finds quoted statements (straight, curly, « » and nested), marks scare quotes, and attributes speakers. */
export function findQuotes(text: string, lang: string, entities: Entity[], signal?: AbortSignal): Quote[] {
  void text; void lang; void entities; void signal;
  return []; // PLACEHOLDER: being written
}
