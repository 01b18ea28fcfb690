/** compromise's English lexicon (word → tag) from its table, without loading compromise. */
import type { LexiconProbe } from '../../ner/features';
import { lexiconTable } from '../lexiconTable';

// NOTE: `require` inside the loader: esbuild's text loader embeds the table; test/binaryModule.js reads it in mocha.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const englishLexicon: LexiconProbe = lexiconTable(() => require('./lexicon.txt') as string);
