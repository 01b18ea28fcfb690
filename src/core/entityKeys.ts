/**
 * Cross-language keys for entities: accent- and case-insensitive, alias-aware, and country/region names in
 * English and French mapped to one key through gazetteer.ts (built from the platform's `Intl.DisplayNames`).
 * Used by crossRef.ts (entity links), align.ts (anchors) and stories.ts (fingerprints).
 */
import { GAZETTEER, lookupGazetteer } from './gazetteer';
import type { Entity, EntityType } from './types';

/** Folds a name for comparison: no accents, lower case, apostrophes/hyphens/dots as separators, single spaces. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]s\b/g, '') // English possessive
    .replace(/(\p{L})\.(?=\p{L}|\s|$)/gu, '$1') // U.S. → US, R.-U. → R-U
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LEADING_ARTICLES = new Set(['the', 'le', 'la', 'les', 'l', 'aux', 'au', 'du', 'des', 'de', 'd', 'en']);

/** Drops a leading article or preposition ("the United States", "les Etats-Unis", "l Inde") from a folded name. */
export function stripArticle(folded: string): string {
  const sp = folded.indexOf(' ');
  if (sp > 0 && LEADING_ARTICLES.has(folded.slice(0, sp))) return folded.slice(sp + 1);
  return folded;
}

/** Longest gazetteer name in words, for n-gram scans over text. */
export const GAZETTEER_MAX_WORDS: number = (() => {
  let max = 1;
  for (const k of GAZETTEER.keys()) max = Math.max(max, k.split(/[\s'’-]+/).length);
  return Math.min(max, 8);
})();

/**
 * The gazetteer key ("country:US", "region:europe", "org:un") a place or body name denotes, or null.
 * Country and region names in English and French come from gazetteer.ts (`Intl.DisplayNames` over every ISO region
 * code). `surface` is the name as written: abbreviations of up to four letters ("US", "UN", "ONU", "UE") only count
 * in capitals, so French "un" or English "us" never match.
 */
export function regionCode(surface: string): string | null {
  const s = surface.trim();
  if (!s) return null;
  const compact = s.replace(/[\s.]/g, '');
  if (compact.length <= 4 && !/^\p{Lu}+$/u.test(compact)) return null;
  const hit =
    lookupGazetteer(s) ?? lookupGazetteer(s.replace(/^(?:aux|au|en|des|du|de la|de l['’]|d['’]|l['’])\s*/i, ''));
  return hit ? hit.key : null;
}

const ORG_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'plc',
  'sa',
  'sas',
  'ag',
  'gmbh',
  'group',
  'groupe',
  'holdings',
  'nv',
  'bv',
  'spa',
]);
const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'pour',
  'l',
  'd',
  'a',
  'an',
  'en',
]);

/** Keys one surface form of an entity yields. */
export function nameKeys(surface: string, type?: EntityType): string[] {
  const keys: string[] = [];
  const code = regionCode(surface);
  if (code) keys.push(`geo:${code}`);
  let folded = stripArticle(foldName(surface));
  if (!folded) return keys;
  if (type === 'organization' || type === undefined) {
    const toks = folded.split(' ');
    while (toks.length > 1 && ORG_SUFFIXES.has(toks[toks.length - 1])) toks.pop();
    folded = toks.join(' ');
  }
  keys.push(`name:${folded}`);
  const toks = folded.split(' ');
  if (type === 'person' && toks.length > 1) keys.push(`surname:${toks[toks.length - 1]}`);
  if (type !== 'person') {
    const content = toks.filter((t) => !FUNCTION_WORDS.has(t));
    if (content.length >= 2) keys.push(`acronym:${content.map((t) => t[0]).join('')}`);
    if (toks.length === 1 && /^\p{Lu}{2,6}$/u.test(surface.replace(/\./g, ''))) keys.push(`acronym:${toks[0]}`);
  }
  return keys;
}

/** All keys of an entity (its name and aliases, plus an optional glossary mapping a name to another language's). */
export function entityKeys(
  e: Pick<Entity, 'name' | 'aliases' | 'type'>,
  glossary?: ReadonlyMap<string, string>,
): string[] {
  const out = new Set<string>();
  for (const s of [e.name, ...e.aliases]) {
    for (const k of nameKeys(s, e.type)) out.add(k);
    const g = glossary?.get(foldName(s));
    if (g) for (const k of nameKeys(g, e.type)) out.add(k);
  }
  return [...out];
}

/** Strong keys decide a link alone; a surname links only to a one-word name ("Trump" ↔ "Donald Trump"). */
export function isStrongKey(k: string): boolean {
  return k.startsWith('geo:') || k.startsWith('name:');
}

/**
 * Whether two entities from different versions are the same: a shared region code or folded name, an
 * acronym that one of them is written as, or a one-word person name equal to the other's surname.
 * Returns the key that tied them, or null.
 */
export function sameEntityKey(
  a: { keys: readonly string[]; name: string; aliases: readonly string[]; type: EntityType },
  b: { keys: readonly string[]; name: string; aliases: readonly string[]; type: EntityType },
): string | null {
  const bs = new Set(b.keys);
  // Region codes first, then names.
  for (const k of a.keys) if (k.startsWith('geo:') && bs.has(k)) return k;
  for (const k of a.keys) if (k.startsWith('name:') && bs.has(k)) return k;
  // A one-word name ("Trump") is the surname of a full name ("Donald Trump").
  const oneWord = (x: typeof a): string[] =>
    [x.name, ...x.aliases].map((s) => stripArticle(foldName(s))).filter((s) => s && !s.includes(' '));
  if (a.type === 'person' || b.type === 'person') {
    for (const w of oneWord(a)) if (bs.has(`surname:${w}`)) return `surname:${w}`;
    const as = new Set(a.keys);
    for (const w of oneWord(b)) if (as.has(`surname:${w}`)) return `surname:${w}`;
  }
  // An acronym written in capitals ("AFP") against a multi-word name's initials.
  for (const k of a.keys)
    if (k.startsWith('acronym:') && bs.has(k)) {
      const written = (x: typeof a): boolean =>
        [x.name, ...x.aliases].some((s) => /^\p{Lu}{2,6}$/u.test(s.replace(/\./g, '')));
      if (written(a) || written(b)) return k;
    }
  return null;
}
