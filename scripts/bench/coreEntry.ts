// Bundled to dist/bench-core.js so the benchmark's child processes load the core exactly as the CLI ships it.
import { packFor } from '../../src/core/lang/registry';
import type { NerPack } from '../../src/core/ner/pack';

export { analyze } from '../../src/core/analyze';

/** The cold-start breakdown (scripts/bench/coldStart.mjs) times the entity models' decoding on its own. */
export function nerPack(lang: string): NerPack {
  const pack = packFor(lang);
  if (!pack) throw new Error(`no language pack for ${lang}`);
  return pack.ner;
}
