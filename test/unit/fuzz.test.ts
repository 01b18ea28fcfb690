// analyze() on random and hostile text: it must never throw, and every span it returns must be exact.
// The property runs are seeded: the seed is printed, and ARTICLE_LENS_FUZZ_SEED=<seed> replays a run.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ADVERSARIAL_GENERATORS } from '../../scripts/bench/adversarialTexts';
import { analyze } from '../../src/core/analyze';
import type { Lang } from '../../src/core/types';
import { assertSpansValid } from './spanChecks';

const SEED = process.env.ARTICLE_LENS_FUZZ_SEED
  ? Number(process.env.ARTICLE_LENS_FUZZ_SEED)
  : Math.floor(Math.random() * 2 ** 31);
// Printed on every run (not only on failure), so a CI log always says how to replay it.
console.log(`  analyze() fuzz seed ${SEED} (replay with ARTICLE_LENS_FUZZ_SEED=${SEED})`);

/** Runs one seeded property; each property gets its own seed derived from SEED so they can be replayed alone. */
function check<T>(index: number, arb: fc.Arbitrary<T>, numRuns: number, run: (value: T) => void): void {
  fc.assert(fc.property(arb, run), { seed: SEED + index, numRuns, endOnFailure: true });
}

const analyzeAndCheck = (text: string, lang?: Lang): void =>
  assertSpansValid(text, analyze(text, lang ? { lang } : {}));
const langs = fc.constantFrom<Lang | undefined>('en', 'fr', undefined);

const hostile: [string, () => string][] = [
  ['empty', () => ''],
  ['whitespace', () => ' \n\r\n\t\u00a0\u202f \n\n   '],
  ['binary bytes', () => String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ['lone surrogates', () => 'Trump \ud800 said "yes \udc00" in Paris \ud83d'],
  ['10,000 straight quote marks', () => '"'.repeat(10000)],
  ['10,000 mixed quote marks', () => '“«"‘»”’'.repeat(1500)],
  ['unbalanced quotes over paragraphs', () => '"TikTok said\n\n« Microsoft a dit\n\n“Oracle'.repeat(200)],
  [
    'CRLF article with emoji and accents',
    () =>
      'Émilie Dupont 👩‍💻 a déclaré : « Nous sommes prêts » à Paris.\r\n\r\n"We are ready," said Donald Trump 🇺🇸 on Monday.\r\n',
  ],
  ['markdown and HTML', () => '[click](command:workbench.action.quit) <script>alert(1)</script> "quote" said **Bob**'],
  ['a megabyte of spaces', () => 'He said' + ' '.repeat(1024 * 1024) + 'nothing.'],
  ['a megabyte of newlines', () => '"Yes," she said.' + '\r\n'.repeat(512 * 1024) + 'End.'],
  ['100 KB of full stops', () => '.'.repeat(100 * 1024) + ' then lower case'],
  ['50,000 ellipses', () => '…'.repeat(50000) + ' Then a capital'],
  ['an overflowing number', () => 'It cost $' + '9'.repeat(400) + ' billion, or 1e308 billion.'],
  [
    'a 2 MB single line',
    () =>
      'TikTok said "we are here" on Monday, June 1, and 1,500 employees cheered in Washington. '.repeat(
        (2 * 1024 * 1024) / 88,
      ),
  ],
  ['a 200 KB word without a space', () => 'Abc'.repeat(70000)],
  ['200 KB of lone CR line ends', () => 'The mayor said on Monday that St. Louis would close.\r'.repeat(4000)],
  [
    'NUL bytes inside an article',
    () => 'The mayor\u0000 said on Monday\u0000 that "the city\u0000 would close."'.repeat(300),
  ],
];

describe('analyze() on hostile input', function () {
  this.timeout(600000);
  for (const [name, make] of hostile) {
    it(`survives ${name}`, () => analyzeAndCheck(make()));
  }

  it('stops when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    assert.throws(() => analyze('TikTok said "yes".', { signal: controller.signal }), { name: 'AbortError' });
  });
});

// Pieces of news and of hostile text, mixed at random.
const WORDS = [
  'Donald',
  'Trump',
  'TikTok',
  'said',
  'says',
  'told',
  'the',
  'company',
  'Microsoft',
  'Monday',
  'June',
  '1,',
  'ago',
  'ten',
  'days',
  'le',
  'lundi',
  '15',
  'septembre',
  'a',
  'déclaré',
  'elle',
  'États-Unis',
  'Paris',
  'Washington',
  '1,500',
  '%',
  '$',
  'millions',
  '2020',
  '©',
  '(AFP)',
  'U.S.',
  'St.',
  'Ave.',
  'Mr.',
  'Mme',
  'M.',
  'J.',
  'R.',
  'Inc.',
  'Corp.',
  'Street',
  'River',
  'Jean-Pierre',
  'well-known',
  'New',
  'York',
  'de',
  'la',
  'Banque',
  'France',
];
const MARKS = [
  '"',
  '“',
  '”',
  '«',
  '»',
  '‘',
  '’',
  "'",
  '„',
  '‹',
  '›',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  '-',
  '–',
  '—',
  '(',
  ')',
  '[',
  ']',
  '/',
  '*',
  '•',
];
const ODD = [
  '\n',
  '\n\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  '\t',
  '\u00a0',
  '\u202f',
  '\u2028',
  '\u0085',
  '\u000b',
  '\f',
  '\ufffd',
  '\u0000',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2069',
  '\u200f',
  '\u200e',
  '\u061c',
  '\u200b',
  '\ufeff',
  '😀',
  '👩‍💻',
  '🇺🇸',
  '𝐀𝐁𝐂',
  '𠜎',
  'é',
  'é',
  '\ud800',
  '\udc00',
  'שלום',
  'مرحبا',
  'Привет',
  '東京',
];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
);
const glue = fc.constantFrom(' ', ' ', ' ', '', '\n', '  ');
const soup = fc.array(fc.tuple(token, glue), { maxLength: 160 }).map((parts) => parts.map(([t, g]) => t + g).join(''));
/** A unit of 1–4 tokens repeated 10–200 times: runs of anything (abbreviations, initials, quotes, marks). */
const runs = fc
  .tuple(fc.array(token, { minLength: 1, maxLength: 4 }), fc.integer({ min: 10, max: 200 }), soup)
  .map(([unit, n, tail]) => (unit.join(' ') + ' ').repeat(n) + tail);
/** Malformed UTF-8 decoded the way a file read decodes it: replacement characters among real words. */
const badUtf8 = fc
  .tuple(soup, fc.uint8Array({ maxLength: 300 }), soup)
  .map(([a, bytes, b]) => a + Buffer.from(bytes).toString('utf8') + b);
/** An adversarial generator's text at a small size, with random tokens spliced in. */
const adversarial = fc
  .tuple(
    fc.constantFrom(...ADVERSARIAL_GENERATORS),
    fc.integer({ min: 100, max: 2000 }),
    fc.array(fc.tuple(fc.nat(), token), { maxLength: 8 }),
  )
  .map(([g, bytes, inserts]) => {
    let text = g.make(bytes);
    for (const [at, t] of inserts) {
      const i = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, i) + t + text.slice(i);
    }
    return { text, lang: g.lang };
  });
/** One long line (5–20 KB) with no line break: the quote, sentence and date windows must stay bounded. */
const longLine = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...WORDS, ...MARKS), fc.constantFrom(' ', ' ', '')), {
      minLength: 20,
      maxLength: 60,
    }),
    fc.integer({ min: 5, max: 20 }),
  )
  .map(([parts, kb]) =>
    parts
      .map(([t, g]) => t + g)
      .join('')
      .replace(/[\r\n]/g, ' ')
      .repeat(kb * 50)
      .slice(0, kb * 1024),
  );

describe(`analyze() fuzzing (seed ${SEED}; 2,130 texts)`, function () {
  this.timeout(600000);

  it('random unicode strings (graphemes and raw code units): 400 texts', () => {
    check(1, fc.string({ unit: 'grapheme', maxLength: 400 }), 200, (t) => analyzeAndCheck(t));
    check(2, fc.tuple(fc.string({ unit: 'binary', maxLength: 400 }), langs), 200, ([t, lang]) =>
      analyzeAndCheck(t, lang),
    );
  });

  it('article-like soup with CRLF, bidi controls, NUL, non-BMP and lone surrogates: 800 texts', () => {
    check(3, fc.tuple(soup, langs), 800, ([t, lang]) => analyzeAndCheck(t, lang));
  });

  it('runs of repeated units (abbreviations, initials, quotes, marks): 400 texts', () => {
    check(4, fc.tuple(runs, langs), 400, ([t, lang]) => analyzeAndCheck(t, lang));
  });

  it('malformed UTF-8 decoded to replacement characters: 200 texts', () => {
    check(5, fc.tuple(badUtf8, langs), 200, ([t, lang]) => analyzeAndCheck(t, lang));
  });

  it('adversarial generators at small sizes, with random splices: 300 texts', () => {
    check(6, adversarial, 300, ({ text, lang }) => analyzeAndCheck(text, lang));
  });

  it('long single lines (5–20 KB): 30 texts', () => {
    check(7, fc.tuple(longLine, langs), 30, ([t, lang]) => analyzeAndCheck(t, lang));
  });
});
