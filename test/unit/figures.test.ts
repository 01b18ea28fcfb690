import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFigures, parseNumber } from '../../src/core/figures';
import { pack } from './packs';

const corpus = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');

describe('figures', () => {
  const cases: [string, 'en' | 'fr', [text: string, value: number, unit: string | null, kind: string][]][] = [
    [
      'The deal is worth $1.5 billion, up 20% from 2019.',
      'en',
      [
        ['$1.5 billion', 1.5e9, 'USD', 'money'],
        ['20%', 20, '%', 'percent'],
      ],
    ],
    [
      'Shares fell 4.5 percent to €12.30 on March 3.',
      'en',
      [
        ['4.5 percent', 4.5, '%', 'percent'],
        ['€12.30', 12.3, 'EUR', 'money'],
      ],
    ],
    [
      'She said she was proud of the 1,500 American employees.',
      'en',
      [['1,500 American employees', 1500, 'employees', 'count']],
    ],
    ['The platform has nearly one billion users worldwide.', 'en', [['one billion users', 1e9, 'users', 'count']]],
    [
      "Il a levé 3,5 milliards d'euros, soit 12 % de plus.",
      'fr',
      [
        ["3,5 milliards d'euros", 3.5e9, 'EUR', 'money'],
        ['12 %', 12, '%', 'percent'],
      ],
    ],
    [
      'plus de 175 millions de téléchargements aux Etats-Unis et environ 800 millions dans le monde',
      'fr',
      [
        ['175 millions de téléchargements', 175e6, 'téléchargements', 'count'],
        ['800 millions', 800e6, 'téléchargements', 'count'],
      ],
    ],
    ['Quelque 1 500 personnes ont fui.', 'fr', [['1 500 personnes', 1500, 'personnes', 'count']]],
    // Dates and durations are the date layer's, articles are not numbers.
    ['He banned, from here at 45 days, any transaction within 90 days, on June 1, 2020.', 'en', []],
    ['Microsoft a fait une offre le 15 septembre.', 'fr', []],
    ['one of the men left at 10:30', 'en', []],
    // A number too large for a double is dropped, not reported as Infinity (null in JSON).
    ['It cost $1' + '0'.repeat(400) + ' in all.', 'en', []],
    // Numbers inside URLs and codes are not figures.
    ['See https://example.com/?q=%22TikTok%22&page=25 for 20% more.', 'en', [['20%', 20, '%', 'percent']]],
  ];
  for (const [input, lang, expected] of cases) {
    it(`${lang}: ${input}`, () => {
      const got = findFigures(input, pack(lang)).map((f) => [f.text, f.value, f.unit, f.kind]);
      assert.deepEqual(got, expected);
      for (const f of findFigures(input, pack(lang))) assert.equal(input.slice(f.start, f.end), f.text);
    });
  }

  it('finds the counts a reader sees in the AFP dispatch', () => {
    const figures = findFigures(corpus('000_0891fa58e8947cdd.txt'), pack('en'));
    const byText = new Map(figures.map((f) => [f.text, f]));
    assert.equal(byText.get('1,500 American employees')?.value, 1500);
    assert.equal(byText.get('10,000 additional jobs')?.unit, 'jobs');
    assert.equal(byText.get('one billion users')?.value, 1e9);
  });

  const numbers: [string, boolean, number | null][] = [
    ['1,500', false, 1500],
    ['1.5', false, 1.5],
    ['1 500', true, 1500],
    ['1.500', true, 1500],
    ['3,5', true, 3.5],
    ['12', true, 12],
  ];
  for (const [s, fr, v] of numbers)
    it(`parseNumber ${s} (${fr ? 'fr' : 'en'})`, () => assert.equal(parseNumber(s, fr), v));
});
