/** French entity tagger: the model trained on HIPE-2022 NewsEye and Europeana French (see nerModel.md beside it). */
import { lazyNerPack } from '../../ner/pack';
import { englishLexiconTag } from '../en';
import { frenchLexiconTag } from '../fr';

// NOTE: `require` inside the loader, so the model is decoded on first use (see ../en/ner.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const frenchNer = lazyNerPack([frenchLexiconTag, englishLexiconTag], () => require('./nerModel.bin') as Uint8Array, {
  // Measured on dev: widening the tagger's spans to the rules' enclosing ones helps modern French (see nerModel.md).
  extendToRules: true,
});
