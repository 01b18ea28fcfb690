// Writes each tagger's lexicon (word → first tag) as a plain table (a tab and a tag, then its words, one a line)
// beside its language pack, so that a pack's lexicon can be read without loading the tagger library (fr-compromise takes seconds to build its lexicon).
// Run after upgrading compromise or fr-compromise: `node scripts/lexicons/main.mjs`; a unit test checks the tables
// against the libraries.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const sources = { en: 'compromise', fr: 'fr-compromise' };
for (const [code, lib] of Object.entries(sources)) {
  const mod = require(lib);
  const nlp = mod.default ?? mod;
  const lexicon = nlp.world().model.one.lexicon;
  const byTag = new Map();
  for (const [word, v] of Object.entries(lexicon)) {
    const tag = typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
    if (tag === undefined) continue;
    if (/[\t\n]/.test(word) || /[\t\n]/.test(tag)) throw new Error(`unexpected separator in ${lib}: ${word}`);
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push(word);
  }
  const tags = [...byTag.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const lines = tags.map(([tag, words]) => `\t${tag}\n${words.sort().join('\n')}`);
  const file = `src/core/lang/${code}/lexicon.txt`;
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`${file}: ${lexicon ? Object.keys(lexicon).length : 0} words, ${byTag.size} tags`);
}
