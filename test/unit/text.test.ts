import { strict as assert } from 'node:assert';
import { detectLanguage } from '../../src/core/lang/detect';
import { foldKey, looksBinary, splitParagraphs, splitSentences, stripBom } from '../../src/core/text';

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('text: paragraphs and sentences', () => {
  it('splits paragraphs on blank lines, LF and CRLF alike', () => {
    const lf = 'San Francisco (AFP)\n\nTikTok stepped up.\nSame paragraph.\n\n\nLast one.';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(slices(lf, splitParagraphs(lf)), [
      'San Francisco (AFP)',
      'TikTok stepped up.\nSame paragraph.',
      'Last one.',
    ]);
    assert.deepEqual(slices(crlf, splitParagraphs(crlf)), [
      'San Francisco (AFP)',
      'TikTok stepped up.\r\nSame paragraph.',
      'Last one.',
    ]);
  });

  const sentenceCases: [string, string[]][] = [
    [
      'Microsoft is in advanced negotiations to buy the application. According to the Bloomberg agency, Oracle is now also in the running.',
      [
        'Microsoft is in advanced negotiations to buy the application.',
        'According to the Bloomberg agency, Oracle is now also in the running.',
      ],
    ],
    [
      'Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.',
      ['Mr. Smith met Dr. Jones in the U.S. on Monday.', 'They talked.'],
    ],
    [
      '"TikTok is not available in China. US user data is stored in Virginia," the company said. "We will sue."',
      [
        '"TikTok is not available in China.',
        'US user data is stored in Virginia," the company said.',
        '"We will sue."',
      ],
    ],
    [
      'Puis a ajouté que Microsoft ne serait pas son nouveau propriétaire. « Nous sommes convaincus. »',
      ['Puis a ajouté que Microsoft ne serait pas son nouveau propriétaire.', '« Nous sommes convaincus. »'],
    ],
  ];
  for (const [input, expected] of sentenceCases) {
    it(`sentences: ${input.slice(0, 50)}…`, () => assert.deepEqual(slices(input, splitSentences(input)), expected));
  }
});

describe('text: helpers', () => {
  it('strips only a leading BOM', () => {
    assert.equal(stripBom('\ufeffTikTok'), 'TikTok');
    assert.equal(stripBom('Tik\ufeffTok'), 'Tik\ufeffTok');
  });
  it('folds accents and case for keys', () => {
    assert.equal(foldKey('États-Unis'), foldKey('Etats-Unis'));
    assert.equal(foldKey('  NOUVELLE-Zélande '), 'nouvelle-zelande');
  });
  it('tells binary from text', () => {
    assert.equal(looksBinary('PK\u0003\u0004\u0000\u0000binary'), true);
    assert.equal(looksBinary('Le propriétaire de l’application « TikTok »\r\n'), false);
    assert.equal(looksBinary(''), false);
  });
});

describe('language detection', () => {
  const cases: [string, string][] = [
    [
      "TikTok, accused of espionage by Donald Trump's government, stepped up its American communications campaign on Monday.",
      'en',
    ],
    [
      'Le propriétaire de l’application controversée de partage de vidéos TikTok a jusqu’au 15 septembre pour vendre à une société américaine.',
      'fr',
    ],
    [
      'Der Eigentümer der umstrittenen Video-App hat bis zum 15. September Zeit, sie an ein amerikanisches Unternehmen zu verkaufen.',
      'de',
    ],
    [
      'El propietario de la aplicación tiene hasta el 15 de septiembre para venderla a una empresa estadounidense.',
      'es',
    ],
    ['微软退出收购TikTok', 'und'],
    ['', 'und'],
    ['12 34 56', 'und'],
  ];
  for (const [text, lang] of cases) it(`${lang}: ${text.slice(0, 40)}`, () => assert.equal(detectLanguage(text), lang));
});
