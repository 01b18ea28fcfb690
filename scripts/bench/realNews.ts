/**
 * Real news text for the benchmarks: the sample corpus, plus PolNeAR dev articles for English when the shared eval
 * data is found (ARTICLE_LENS_EVAL_DATA, else ../shared/eval-data beside the repository), repeated to a size.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectLanguage } from '../../src/core/lang/detect';

export type BenchLang = 'en' | 'fr';

/** All real articles of `lang` joined by blank lines. `root` is the repository root. */
export function corpusText(root: string, lang: BenchLang): string {
  const corpusDir = join(root, 'test/fixtures/corpus');
  const texts = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'))
    .filter((t) => detectLanguage(t) === lang);
  const extra = lang === 'en' ? englishExtra(root) : [];
  return [...texts, ...extra].join('\n\n');
}

function englishExtra(root: string): string[] {
  const data = process.env.ARTICLE_LENS_EVAL_DATA ? resolve(process.env.ARTICLE_LENS_EVAL_DATA) : join(root, '../shared/eval-data');
  const dir = join(data, 'polnear-dev/text');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .slice(0, 40)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Real text cut or repeated to `bytes` (UTF-8), ending on a paragraph boundary where possible. */
export function sized(source: string, bytes: number): string {
  let out = '';
  while (Buffer.byteLength(out) < bytes) out += (out ? '\n\n' : '') + source;
  let cut = out;
  while (Buffer.byteLength(cut) > bytes) cut = cut.slice(0, Math.floor(cut.length * (bytes / Buffer.byteLength(cut))) - 1);
  const para = cut.lastIndexOf('\n\n');
  return para > cut.length * 0.8 ? cut.slice(0, para) : cut;
}
