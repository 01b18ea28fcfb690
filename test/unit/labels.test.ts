// Quick-pick labels built from article text and file names must not render `$(icon)` syntax (src/util/labels.ts).
import assert from 'node:assert/strict';
import { noIcons } from '../../src/util/labels';

describe('quick-pick text from article text', () => {
  const cases: Array<[string, string]> = [
    ['The shares rose to $(12.50) in early trading.', 'The shares rose to $\u200b(12.50) in early trading.'],
    ['Click $(trash) then $(check) to confirm', 'Click $\u200b(trash) then $\u200b(check) to confirm'],
    ['Microsoft offered $30 billion (€25 billion) for TikTok.', 'Microsoft offered $30 billion (€25 billion) for TikTok.'],
    ['plain title.txt', 'plain title.txt'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const out = noIcons(input);
      assert.equal(out, expected);
      assert.doesNotMatch(out, /\$\(/);
    });
  }
});
