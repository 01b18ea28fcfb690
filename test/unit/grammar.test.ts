// The TextMate grammar (syntaxes/article.tmLanguage.json) colours quotes on first paint. Its `match` patterns for
// quotes are retried from every opening mark, so each must be bounded: otherwise a line with many unmatched
// openers is rescanned to its end from each one (quadratic per line).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Rule {
  match?: string;
}
const grammar = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', 'syntaxes', 'article.tmLanguage.json'), 'utf8'),
) as {
  repository: Record<string, Rule>;
};

/** The rule's pattern as a JS RegExp (the patterns use only syntax that Oniguruma and JS `u` regexes share). */
function pattern(name: string): RegExp {
  const src = grammar.repository[name]?.match;
  assert.ok(src, name);
  return new RegExp(src, 'u');
}

describe('article grammar', () => {
  const cases: Array<[rule: string, line: string, quoted: string | null]> = [
    ['quote-single-curly', 'The minister called the plan ‘a betrayal’ on Monday.', 'a betrayal'],
    [
      'quote-single-curly',
      'He said ‘the company’s future is bright’, analysts noted.',
      'the company’s future is bright',
    ],
    ['quote-single-curly', `A reader wrote ‘${'very '.repeat(120)}long’ here.`, null],
    ['quote-low', 'Der Sprecher sagte: „Wir prüfen das Angebot“ am Montag.', 'Wir prüfen das Angebot'],
    ['quote-low', `Er sagte „${'sehr '.repeat(120)}lang“ dazu.`, null],
  ];
  for (const [rule, line, quoted] of cases) {
    it(`${rule}: ${line.slice(0, 60)}`, () => {
      const m = pattern(rule).exec(line);
      assert.equal(m ? m[2] : null, quoted);
    });
  }
});
