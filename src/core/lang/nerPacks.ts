/** The entity tagger's language packs. */
import type { NerPack } from '../ner/pack';
import { englishNer } from './en/ner';
import { frenchNer } from './fr/ner';

const PACKS: Readonly<Record<'en' | 'fr', NerPack>> = { en: englishNer, fr: frenchNer };

/** The tagger pack of an entity language. */
export function nerPack(lang: 'en' | 'fr'): NerPack {
  return PACKS[lang];
}
