/**
 * Real news text for the benchmarks: the sample corpus, plus, when the shared eval data is found
 * (ARTICLE_LENS_EVAL_DATA, else ../shared/eval-data beside the repository), PolNeAR dev articles for English and the
 * French TimeBank articles for French; repeated to a size.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage } from '../../src/core/lang/detect';
import { readTimeml } from '../eval/timeml';

export type BenchLang = 'en' | 'fr';

/** All real articles of `lang` joined by blank lines. `root` is the repository root. */
export function corpusText(root: string, lang: BenchLang): string {
  const corpusDir = join(root, 'test/fixtures/corpus');
  const texts = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    .filter((t) => detectLanguage(t) === lang);
  const extra = lang === 'en' ? englishExtra(root) : frenchExtra(root);
  return [...texts, ...extra].join('\n\n');
}

function evalData(root: string): string {
  return process.env.ARTICLE_LENS_EVAL_DATA
    ? resolve(process.env.ARTICLE_LENS_EVAL_DATA)
    : join(root, '../shared/eval-data');
}

function englishExtra(root: string): string[] {
  const dir = join(evalData(root), 'polnear-dev/text');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .slice(0, 40)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** French TimeBank's news articles (Le Monde and others, 1999), the text inside their <TEXT> elements. */
function frenchExtra(root: string): string[] {
  const dir = join(evalData(root), 'fr-timebank-even/tml');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tml'))
    .sort()
    .map((f) => readTimeml(readFileSync(join(dir, f), 'utf8')).text.trim());
}

/** Real text cut or repeated to `bytes` (UTF-8), ending on a paragraph boundary where possible. */
export function sized(source: string, bytes: number): string {
  let out = '';
  while (Buffer.byteLength(out) < bytes) out += (out ? '\n\n' : '') + source;
  let cut = out;
  while (Buffer.byteLength(cut) > bytes)
    cut = cut.slice(0, Math.floor(cut.length * (bytes / Buffer.byteLength(cut))) - 1);
  const para = cut.lastIndexOf('\n\n');
  return para > cut.length * 0.8 ? cut.slice(0, para) : cut;
}
