/**
 * A tagger's lexicon read from its table (lang/<code>/lexicon.txt, written by scripts/lexicons/main.mjs): a line
 * with a tab and a tag opens a block, the words of that tag follow one a line. Reading the table takes milliseconds;
 * loading the tagger library to ask it takes seconds (fr-compromise builds its lexicon at load).
 */
import type { LexiconProbe } from '../ner/features';

/** A probe over the table `load()` returns; the table is read and parsed on the first look-up. */
export function lexiconTable(load: () => string): LexiconProbe {
  let table: Map<string, string> | null = null;
  return (word) => (table ??= parseLexicon(load())).get(word);
}

export function parseLexicon(text: string): Map<string, string> {
  const table = new Map<string, string>();
  let tag = '';
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) tag = line.slice(1);
    else if (line) table.set(line, tag);
  }
  return table;
}
