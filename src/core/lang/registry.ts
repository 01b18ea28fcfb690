/**
 * The languages with a pack, one line each. Adding a language: a folder `lang/<code>/` with a `pack.ts` (the type
 * checker lists what a LanguagePack needs), one line here, and its stop words in detect.ts.
 */
import { english } from './en/pack';
import { french } from './fr/pack';
import type { LanguagePack } from './pack';

const PACKS: ReadonlyMap<string, LanguagePack> = new Map([
  ['en', english],
  ['fr', french],
]);

/** The pack of a language code, or undefined: the engines then do the language-neutral part only. */
export function packFor(lang: string): LanguagePack | undefined {
  return PACKS.get(lang);
}

/** Every pack, in registry order (names and datelines cross languages: lexicons and month names are read in all). */
export function allPacks(): readonly LanguagePack[] {
  return [...PACKS.values()];
}
