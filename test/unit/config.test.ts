// Settings are checked before use (src/services/configValidation.ts, applied by src/services/config.ts to every
// read): a workspace's settings file comes with the files of a cloned repository, and a wrong type must not switch a
// limit off. The bounds agree with package.json, and the limits are restricted in untrusted workspaces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Config, CONFIG_DEFAULTS, type ConfigKey } from '../../src/constants';
import { checkSetting, SETTING_RULES } from '../../src/services/configValidation';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const props: Record<string, { type: string; minimum?: number; maximum?: number; enum?: string[]; pattern?: string }> =
  Object.assign({}, ...(pkg.contributes.configuration as { properties: object }[]).map((s) => s.properties));

describe('settings: checked before use', () => {
  const cases: Array<[ConfigKey, unknown, unknown, boolean]> = [
    // key, raw value, value used, reported as a problem
    [Config.analysisMaxFileSizeKB, 512, 512, false],
    [Config.analysisMaxFileSizeKB, 'x', 2048, true],
    [Config.analysisMaxFileSizeKB, '512', 2048, true],
    [Config.analysisMaxFileSizeKB, 0, 1, true],
    [Config.analysisMaxFileSizeKB, -5, 1, true],
    [Config.analysisMaxFileSizeKB, 1e12, 65536, true],
    [Config.analysisMaxFileSizeKB, Number.NaN, 2048, true],
    [Config.analysisMaxFileSizeKB, Number.POSITIVE_INFINITY, 2048, true],
    [Config.analysisMaxFileSizeKB, undefined, 2048, false],
    [Config.analysisMaxFileSizeKB, null, 2048, false],
    [Config.analysisDebounceMs, -1, 0, true],
    [Config.analysisDebounceMs, 60_000, 5000, true],
    [Config.indexMaxFiles, 12.7, 12, true],
    [Config.indexMaxFiles, 1e9, 100000, true],
    [Config.analysisLanguage, 'fr', 'fr', false],
    [Config.analysisLanguage, 'klingon', 'auto', true],
    [Config.analysisLanguage, '$(alert) en', 'auto', true],
    [Config.analysisLanguage, ['en'], 'auto', true],
    [Config.analysisReferenceDate, ' 2020-08-17 ', '2020-08-17', false],
    [Config.analysisReferenceDate, '', '', false],
    [Config.analysisReferenceDate, '2021-02-30', '', true],
    [Config.analysisReferenceDate, 'yesterday', '', true],
    [Config.analysisReferenceDate, 20200817, '', true],
    [Config.decorationsEnabled, false, false, false],
    [Config.decorationsEnabled, 'false', true, true],
    [Config.decorationsEnabled, 0, true, true],
    [Config.crossReferencesGlossary, { 'Maison-Blanche': 'White House' }, { 'Maison-Blanche': 'White House' }, false],
    [Config.crossReferencesGlossary, ['White House'], {}, true],
    [Config.crossReferencesGlossary, 'White House', {}, true],
    [
      Config.crossReferencesGlossary,
      { Élysée: 'Elysee Palace', bad: 3, '': 'empty', long: 'x'.repeat(500) },
      { Élysée: 'Elysee Palace' },
      true,
    ],
  ];
  for (const [key, raw, used, problem] of cases) {
    it(`${key} = ${JSON.stringify(raw)?.slice(0, 60) ?? String(raw)} → ${JSON.stringify(used)}`, () => {
      const r = checkSetting(key, raw);
      assert.deepEqual(r.value, used);
      assert.equal(r.problem !== undefined, problem, r.problem);
    });
  }

  it('a glossary is bounded in entries', () => {
    const big = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`term${i}`, `terme${i}`]));
    const r = checkSetting(Config.crossReferencesGlossary, big);
    assert.equal(Object.keys(r.value).length, 1000);
    assert.match(r.problem ?? '', /4000 entries ignored/);
  });

  it('every default passes its own check unchanged', () => {
    for (const key of Object.keys(SETTING_RULES) as ConfigKey[]) {
      assert.deepEqual(checkSetting(key, CONFIG_DEFAULTS[key]), { value: CONFIG_DEFAULTS[key] }, key);
    }
  });

  it('the rules agree with the types, bounds and choices declared in package.json', () => {
    assert.deepEqual(Object.keys(SETTING_RULES).sort(), Object.keys(props).sort());
    for (const [key, rule] of Object.entries(SETTING_RULES)) {
      const p = props[key];
      if (rule.kind === 'number') {
        assert.equal(p.type, 'number', key);
        assert.deepEqual([p.minimum, p.maximum], [rule.min, rule.max], key);
      } else if (rule.kind === 'enum') assert.deepEqual(p.enum, rule.values, key);
      else if (rule.kind === 'boolean') assert.equal(p.type, 'boolean', key);
      else if (rule.kind === 'isoDateOrEmpty') assert.equal(p.pattern, '^(\\d{4}-\\d{2}-\\d{2})?$', key);
      else assert.equal(p.type, 'object', key);
    }
  });

  it('limits cannot be raised by an untrusted workspace (restrictedConfigurations)', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(trust.description);
    for (const key of [
      Config.analysisMaxFileSizeKB,
      Config.analysisDebounceMs,
      Config.indexMaxFiles,
      Config.crossReferencesGlossary,
    ]) {
      assert.ok(trust.restrictedConfigurations.includes(key), key);
    }
    for (const key of trust.restrictedConfigurations) assert.ok(props[key], `${key} is a setting`);
  });
});
