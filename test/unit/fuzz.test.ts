import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import type { ArticleAnalysis, Span } from '../../src/core/types';

/** Every span of an analysis is in bounds, non-empty-or-ordered, and its `text` equals the slice it covers. */
function assertSpansValid(text: string, a: ArticleAnalysis): void {
  const check = (s: Span & { text?: string }, what: string) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: integer offsets`);
    assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `${what}: [${s.start}, ${s.end}) within ${text.length}`);
    if (s.text !== undefined) assert.equal(text.slice(s.start, s.end), s.text, `${what}: text matches its span`);
  };
  for (const e of a.entities) for (const m of e.mentions) check(m, `entity ${e.id}`);
  for (const f of a.figures) check(f, 'figure');
  for (const d of a.dates) check(d, 'date');
  for (const q of a.quotes) {
    check(q, 'quote');
    check(q.outer, 'quote outer');
    if (q.speaker) check({ start: q.speaker.start, end: q.speaker.end }, 'speaker');
  }
  for (const s of a.sentences) check(s, 'sentence');
  for (const p of a.paragraphs) check(p, 'paragraph');
  assert.doesNotThrow(() => JSON.stringify(a));
}

const hostile: [string, () => string][] = [
  ['empty', () => ''],
  ['whitespace', () => ' \n\r\n\t\u00a0\u202f \n\n   '],
  ['binary bytes', () => String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
  ['lone surrogates', () => 'Trump \ud800 said "yes \udc00" in Paris \ud83d'],
  ['10,000 straight quote marks', () => '"'.repeat(10000)],
  ['10,000 mixed quote marks', () => '“«"‘»”’'.repeat(1500)],
  ['unbalanced quotes over paragraphs', () => '"TikTok said\n\n« Microsoft a dit\n\n“Oracle'.repeat(200)],
  ['CRLF article with emoji and accents', () => 'Émilie Dupont 👩‍💻 a déclaré : « Nous sommes prêts » à Paris.\r\n\r\n"We are ready," said Donald Trump 🇺🇸 on Monday.\r\n'],
  ['markdown and HTML', () => '[click](command:workbench.action.quit) <script>alert(1)</script> "quote" said **Bob**'],
  ['a megabyte of spaces', () => 'He said' + ' '.repeat(1024 * 1024) + 'nothing.'],
  ['a megabyte of newlines', () => '"Yes," she said.' + '\r\n'.repeat(512 * 1024) + 'End.'],
  ['100 KB of full stops', () => '.'.repeat(100 * 1024) + ' then lower case'],
  ['50,000 ellipses', () => '…'.repeat(50000) + ' Then a capital'],
  ['an overflowing number', () => 'It cost $' + '9'.repeat(400) + ' billion, or 1e308 billion.'],
  ['a 2 MB single line', () => 'TikTok said "we are here" on Monday, June 1, and 1,500 employees cheered in Washington. '.repeat(2 * 1024 * 1024 / 88)],
];

describe('analyze() on hostile input', function () {
  this.timeout(600000);
  for (const [name, make] of hostile) {
    it(`survives ${name}`, () => {
      const text = make();
      const a = analyze(text);
      assertSpansValid(text, a);
    });
  }

  it('survives random unicode text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        assertSpansValid(text, analyze(text));
      }),
      { numRuns: 150 },
    );
  });

  it('survives random article-like text (property)', () => {
    const word = fc.constantFrom(
      'Donald', 'Trump', 'TikTok', 'said', '"', '“', '”', '«', '»', '\u00a0', 'Monday', 'le', 'lundi', '15', 'septembre',
      '1,500', '%', '$', 'millions', '.', ',', '\n\n', '\r\n', 'Microsoft', 'a', 'déclaré', 'elle', 'the', 'company', "'",
      'U.S.', 'États-Unis', 'ago', 'ten', 'days', '©', '2020', '(AFP)', '-', '–', '…',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 120 }), fc.constantFrom('en', 'fr', undefined), (words, lang) => {
        const text = words.join(' ');
        assertSpansValid(text, analyze(text, { lang }));
      }),
      { numRuns: 200 },
    );
  });

  it('stops when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    assert.throws(() => analyze('TikTok said "yes".', { signal: controller.signal }), { name: 'AbortError' });
  });
});
