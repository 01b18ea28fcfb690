/**
 * What each setting may hold, and the check that turns whatever a settings file says into a usable value. Pure (no
 * vscode import) so that it is unit-tested (test/unit/config.test.ts, which also checks these bounds against
 * package.json); src/services/config.ts applies it to every read. Workspace settings come with the files of a
 * cloned repository: `"maxFileSizeKB": "x"` must not switch the size limit off, and a language or a reference date
 * must be one the analysis understands.
 */
import { Config, CONFIG_DEFAULTS, type ConfigKey, type ConfigValues } from '../constants';
import { KINDS, highlightSetting, type HighlightSetting } from '../core/kinds';

type Rule =
  | { kind: 'boolean' }
  | { kind: 'number'; min: number; max: number; integer?: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'isoDateOrEmpty' }
  | { kind: 'glossary'; maxEntries: number; maxLength: number };

const BOOLEAN: Rule = { kind: 'boolean' };

/** The rule of every setting; the bounds are those declared in package.json. */
export const SETTING_RULES: Record<ConfigKey, Rule> = {
  ...(Object.fromEntries(KINDS.map((kind) => [highlightSetting(kind), BOOLEAN])) as Record<HighlightSetting, Rule>),
  [Config.decorationsEnabled]: BOOLEAN,
  [Config.semanticTokensEnabled]: BOOLEAN,
  [Config.analysisMaxFileSizeKB]: { kind: 'number', min: 1, max: 65536 },
  [Config.analysisDebounceMs]: { kind: 'number', min: 0, max: 5000 },
  [Config.analysisTimeoutSeconds]: { kind: 'number', min: 0.1, max: 3600 },
  [Config.analysisLanguage]: { kind: 'enum', values: ['auto', 'en', 'fr'] },
  [Config.analysisReferenceDate]: { kind: 'isoDateOrEmpty' },
  [Config.filesAutoDetect]: BOOLEAN,
  [Config.hoversEnabled]: BOOLEAN,
  [Config.statusBarEnabled]: BOOLEAN,
  [Config.crossReferencesEnabled]: BOOLEAN,
  // Sent to the cross-reference worker with every request: bounded so that a settings file cannot make it huge.
  [Config.crossReferencesGlossary]: { kind: 'glossary', maxEntries: 1000, maxLength: 200 },
  [Config.indexMaxFiles]: { kind: 'number', min: 1, max: 100000, integer: true },
  // Each worker holds the NLP libraries (about a hundred megabytes): a workspace must not start hundreds.
  [Config.indexWorkers]: { kind: 'number', min: 0, max: 64, integer: true },
};

/** A setting's usable value, and what was wrong with the raw one (undefined when nothing was). */
export interface CheckedSetting<T> {
  value: T;
  problem?: string;
}

/** True for a real calendar date written YYYY-MM-DD (2021-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * The value to use for `key` given the raw value from the configuration (undefined when unset): the raw value when
 * it is valid, clamped into range when it is a number outside it, the default otherwise, with the reason.
 */
export function checkSetting<K extends ConfigKey>(key: K, raw: unknown): CheckedSetting<ConfigValues[K]> {
  const fallback = CONFIG_DEFAULTS[key];
  if (raw === undefined || raw === null) return { value: fallback };
  const rule = SETTING_RULES[key];
  const use = (value: unknown, problem?: string) => ({
    value: value as ConfigValues[K],
    ...(problem ? { problem } : {}),
  });
  switch (rule.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? use(raw) : use(fallback, 'not true or false');
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return use(fallback, 'not a number');
      let n = rule.integer ? Math.floor(raw) : raw;
      if (n < rule.min) n = rule.min;
      if (n > rule.max) n = rule.max;
      return n === raw
        ? use(n)
        : use(n, `out of range (${rule.min} to ${rule.max}${rule.integer ? ', whole numbers' : ''})`);
    }
    case 'enum':
      return typeof raw === 'string' && rule.values.includes(raw)
        ? use(raw)
        : use(fallback, `not one of ${rule.values.join(', ')}`);
    case 'isoDateOrEmpty': {
      if (typeof raw !== 'string') return use(fallback, 'not a date');
      const s = raw.trim();
      return s === '' || isIsoDate(s) ? use(s) : use(fallback, 'not a date written YYYY-MM-DD');
    }
    case 'glossary': {
      if (typeof raw !== 'object' || Array.isArray(raw)) return use(fallback, 'not an object of term pairs');
      // A plain copy: configuration values are proxies, which cannot be posted to a worker.
      const out: Record<string, string> = {};
      let dropped = 0;
      let kept = 0;
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        const ok =
          typeof v === 'string' &&
          k.trim() !== '' &&
          v.trim() !== '' &&
          k.length <= rule.maxLength &&
          v.length <= rule.maxLength;
        if (!ok || kept >= rule.maxEntries || k === '__proto__') dropped++;
        else {
          out[k] = v;
          kept++;
        }
      }
      return dropped
        ? use(
            out,
            `${dropped} entries ignored (each must map a term to a translation, both text of at most ${rule.maxLength} characters, ${rule.maxEntries} entries at most)`,
          )
        : use(out);
    }
  }
}
