import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  alignComparable,
  alignRewrite,
  alignTranslation,
  findCognates,
  looksLikeTranslation,
  normalizeNumber,
  type AlignDoc,
} from '../../src/core/align';
import { wordDiff } from '../../src/core/wordDiff';

const parallel = path.join(__dirname, '..', 'fixtures', 'parallel');
const DOCS = ['2012-canoe_2011_11_15_256036.html', '2012-foxnews-2011-11-15-104485.html'];

function lines(doc: string, lang: 'en' | 'fr'): string[] {
  return readFileSync(path.join(parallel, doc, `${lang}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean);
}

function toDoc(ls: string[], lang: string): AlignDoc {
  let text = '';
  const units = ls.map((l) => {
    const start = text.length;
    text += l;
    const u = { start, end: text.length };
    text += '\n';
    return u;
  });
  return { text, lang, units };
}

function beadsOf(en: string[], fr: string[]): string[] {
  return alignTranslation(toDoc(en, 'en'), toDoc(fr, 'fr')).map((b) => `${b.a.join('+')}:${b.b.join('+')}`);
}

describe('align: word differences', () => {
  const table: Array<[string, string, Array<{ a: string; b: string }>]> = [
    [
      'TikTok has never provided any US data to the Chinese government, and would not if asked.',
      'TikTok has never provided any US information to the Chinese government, and would not if requested to do so.',
      [
        { a: 'data', b: 'information' },
        { a: 'asked', b: 'requested to do so' },
      ],
    ],
    ['TikTok is not available in China.', '“TikTok is not available in China.”', []],
    ['The American president has accused', 'the US president has accused', [{ a: 'American', b: 'US' }]],
    ['Les États-Unis ont annoncé', 'Les Etats-Unis ont annoncé lundi', [{ a: '', b: 'lundi' }]],
  ];
  for (const [a, b, diffs] of table) {
    it(`${a} | ${b}`, () => {
      const d = wordDiff(a, b);
      assert.deepEqual(d.differences, diffs);
      assert.equal(d.identical, diffs.length === 0);
    });
  }
});

describe('align: numbers and cognates', () => {
  const numbers: Array<[string, string]> = [
    ['1,500', '1500'],
    ['1 500', '1500'],
    ['1\u00a0500', '1500'],
    ['1.500', '1500'],
    ['2,5', '2.5'],
    ['49', '49'],
    ['10,000', '10000'],
  ];
  for (const [s, v] of numbers) it(`${JSON.stringify(s)} → ${v}`, () => assert.equal(normalizeNumber(s), v));
  it('finds English–French cognates and not unrelated words', () => {
    const c = findCognates(
      ['government', 'solution', 'operations', 'statistics', 'house'],
      ['gouvernement', 'solution', 'opérations'.normalize('NFD').replace(/\p{M}/gu, ''), 'statistiques', 'maison'],
    );
    assert.deepEqual(c.get('gouvernement'), ['government']);
    assert.deepEqual(c.get('solution'), ['solution']);
    assert.deepEqual(c.get('operations'), ['operations']);
    assert.deepEqual(c.get('statistiques'), ['statistics']);
    assert.equal(c.get('maison'), undefined);
  });
});

describe('align: translations (parallel-dev samples)', () => {
  for (const doc of DOCS) {
    const en = lines(doc, 'en');
    const fr = lines(doc, 'fr');
    it(`${doc}: recovers the 1:1 gold alignment`, () => {
      assert.deepEqual(
        beadsOf(en, fr),
        en.map((_, i) => `${i}:${i}`),
      );
    });
    it(`${doc}: two English lines joined → one 2:1 bead`, () => {
      const merged = [...en.slice(0, 2), `${en[2]} ${en[3]}`, ...en.slice(4)];
      const beads = beadsOf(merged, fr);
      assert.ok(beads.includes('2:2+3'), beads.join(' '));
      assert.ok(beads.includes('0:0') && beads.includes('3:4'), beads.join(' '));
    });
    it(`${doc}: a French line deleted → its English line is left unaligned (1:0)`, () => {
      const cut = [...fr.slice(0, 3), ...fr.slice(4)];
      const beads = beadsOf(en, cut);
      assert.ok(beads.includes('3:'), beads.join(' '));
      assert.ok(beads.includes('4:3'), beads.join(' '));
    });
    it(`${doc}: is recognised as a translation`, () => {
      const a = toDoc(en, 'en');
      const b = toDoc(fr, 'fr');
      assert.ok(looksLikeTranslation(a, b, alignTranslation(a, b)));
    });
  }
});

describe('align: comparable articles and rewrites', () => {
  const en = [
    'Microsoft is in advanced negotiations to buy the application.',
    'The software specialist wants to make an offer for the operations of the application in the United States, Canada, in Australia and New Zealand.',
    'The president signed an executive order on Friday.',
  ];
  const fr = [
    'Elle aurait fait une offre conjointe pour les opérations de la compagnie aux Etats-Unis, au Canada, en Australie et en Nouvelle-Zélande.',
    'Le Wall Street Journal rapporte que la vente serait bientôt annoncée.',
  ];
  it('anchors the list of countries across languages and leaves the rest unpaired', () => {
    const pairs = alignComparable(toDoc(en, 'en'), toDoc(fr, 'fr'));
    assert.deepEqual(
      pairs.map((p) => [p.a, p.b]),
      [[[1], [0]]],
    );
  });
  it('uses a glossary as extra anchors', () => {
    const a = toDoc(['The president signed an executive order against the platform on Friday.'], 'en');
    const b = toDoc(['Vendredi, le président a signé un décret contre la plateforme.'], 'fr');
    assert.equal(alignComparable(a, b).length, 1); // président/president, plateforme/platform, Friday/vendredi
    const none = toDoc(['Le chef de l’État a signé un décret.'], 'fr');
    assert.equal(alignComparable(a, none).length, 0);
    assert.equal(
      alignComparable(a, none, {
        glossary: { 'executive order': 'décret', president: 'chef de l’État' },
        threshold: 0.2,
      }).length,
      1,
    );
  });
  it('pairs a reordered rewrite one to one with word differences', () => {
    const a = toDoc(['TikTok reacted on Monday.', 'Oracle is now also in the running, according to Bloomberg.'], 'en');
    const b = toDoc(
      ['According to Bloomberg, Oracle is now also up and running.', 'TikTok responded on Monday.'],
      'en',
    );
    const pairs = alignRewrite(a, b);
    assert.deepEqual(
      pairs.map((p) => [p.a[0], p.b[0]]),
      [
        [0, 1],
        [1, 0],
      ],
    );
    assert.deepEqual(pairs[0].differences, [{ a: 'reacted', b: 'responded' }]);
  });
});
