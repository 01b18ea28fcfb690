/** The language pack of a supported language, for tests that call an engine directly. */
import type { LanguagePack } from '../../src/core/lang/pack';
import { packFor } from '../../src/core/lang/registry';

export function pack(lang: string): LanguagePack {
  const found = packFor(lang);
  if (!found) throw new Error(`no language pack for ${lang}`);
  return found;
}
