/** French entity tagger: the model trained on HIPE-2022 NewsEye and Europeana French (see nerModel.md beside it). */
import { lazyNerPack } from '../../ner/pack';
import { frenchLexicon } from './lexicon';
// The model reads the English lexicon too (names cross languages): from its table, so compromise never loads.
import { englishLexicon } from '../en/lexicon';

// NOTE: `require` inside the loader, so the model is decoded on first use (see ../en/ner.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const frenchNer = lazyNerPack([frenchLexicon, englishLexicon], () => require('./nerModel.bin') as Uint8Array, {
  // Measured on dev (see nerModel.md): the rules' mentions first, the tagger's where the rules found none.
  extendToRules: false,
  preferStrongRules: false,
  rulesFirst: true,
});
