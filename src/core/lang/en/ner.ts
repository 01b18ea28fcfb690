/** English entity tagger: the model trained on CoNLL-2003 (see nerModel.md beside it) and the lexicons it reads. */
import { lazyNerPack } from '../../ner/pack';
import { englishLexicon } from './lexicon';
// The model reads the French lexicon too (names cross languages): from its table, so fr-compromise never loads.
import { frenchLexicon } from '../fr/lexicon';

// NOTE: `require` inside the loader, so the model is decoded on first use (esbuild's binary loader embeds the bytes;
// mocha's hook in test/binaryModule.js reads the same file).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const englishNer = lazyNerPack([englishLexicon, frenchLexicon], () => require('./nerModel.bin') as Uint8Array, {
  // Measured on dev: the tagger's own spans are best for English.
  extendToRules: false,
  preferStrongRules: false,
  rulesFirst: false,
});
