// Untrusted text in plain-text UI strings (notifications, quick picks, status bar) cannot form a command link or
// an icon, and stays on one line (src/views/plainText.ts).
import assert from 'node:assert/strict';
import { plainText } from '../../src/views/plainText';

/** The pattern VS Code's notifications turn into a link (src/vs/base/common/linkedText.ts). */
const LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;

describe('plainText: untrusted text in plain-text UI strings', () => {
  const hostileName =
    '[Open the source](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D).txt';
  const cases: Array<[string, string]> = [
    ['The shares rose to $(12.50) in early trading.', 'The shares rose to $\u200b(12.50) in early trading.'],
    ['Click $(trash) then $(check) to confirm', 'Click $\u200b(trash) then $\u200b(check) to confirm'],
    [
      'Microsoft offered $30 billion (€25 billion) for TikTok.',
      'Microsoft offered $30 billion (€25 billion) for TikTok.',
    ],
    ['plain title.txt', 'plain title.txt'],
    ['', ''],
    [
      hostileName,
      '[Open the source]\u200b(command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D).txt',
    ],
    ['[x](https://evil.example "t")', '[x]\u200b(https://evil.example "t")'],
    ['ends with a bracket]', 'ends with a bracket]\u200b'],
    ['costs $', 'costs $\u200b'],
    ['line\none\r\ntwo\u2028three\u0085four\u000bfive\u000csix', 'line one two three four five six'],
    ['\u001b[31mred\u001b[0m \u009b2J', '[31mred [0m 2J'],
    ['bidi \u202eesrever\u202c and \u2066isolate\u2069 \u200fmark', 'bidi esrever and isolate mark'],
  ];
  // Titles with the special characters spelled out, so that the test report itself stays readable.
  const title = (s: string) =>
    JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const [input, expected] of cases) {
    it(title(input), () => {
      const out = plainText(input);
      assert.equal(out, expected);
      assert.doesNotMatch(out, /\$\(/);
      assert.doesNotMatch(out, LINKED_TEXT);
    });
  }

  it('cannot form a link together with the text around it', () => {
    const a = plainText('see [Open the source]');
    const b = plainText('(command:workbench.action.quit)');
    assert.doesNotMatch(`Article Lens: ${a}${b}`, LINKED_TEXT);
    assert.doesNotMatch(`${plainText('$')}(alert)`, /\$\(/);
  });

  it('cuts long text without splitting a surrogate pair', () => {
    assert.equal(plainText('a'.repeat(300)).length, 200);
    assert.ok(plainText('a'.repeat(300)).endsWith('…'));
    const emoji = plainText(`${'a'.repeat(8)}😀😀`, 10);
    assert.equal(emoji, `${'a'.repeat(8)}…`);
    assert.doesNotMatch(emoji, /[\ud800-\udfff]/);
  });
});
