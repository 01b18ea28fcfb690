import type { Entity } from './types';

/** Finds people, organizations and places (EN via compromise, FR via fr-compromise) with rule layers on top. */
export function findEntities(text: string, lang: 'en' | 'fr', signal?: AbortSignal): Entity[] {
  void text; void lang; void signal;
  return []; // PLACEHOLDER: being written
}
