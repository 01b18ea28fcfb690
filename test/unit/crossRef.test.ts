import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { crossReference, type CrossRefDoc } from '../../src/core/crossRef';
import type { EntityLink, SpanLink } from '../../src/core/crossRefTypes';
import { regionCode, sameEntityKey, entityKeys } from '../../src/core/entityKeys';
import { escapeXml, tmxPairsFromLinks, toTmx } from '../../src/core/tmx';
import type { ArticleAnalysis } from '../../src/core/types';

const dir = path.join(__dirname, '..', 'fixtures', 'corpus');
const [A, B, F] = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
const docs: CrossRefDoc[] = [A, B, F].map((file) => {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return { file, text, analysis: analyze(text) };
});
const result = crossReference(docs);
const entityLinks = result.links.filter((l): l is EntityLink => l.kind === 'entity');
const spans = (kind: SpanLink['kind'], fa: string, fb: string): SpanLink[] =>
  result.links.filter((l): l is SpanLink => l.kind === kind && l.a.file === fa && l.b.file === fb);
const linked = (kind: SpanLink['kind'], fa: string, ta: string, fb: string, tb: string): SpanLink | undefined =>
  spans(kind, fa, fb).find((l) => l.a.text.includes(ta) && l.b.text.includes(tb));

describe('crossref: entity keys', () => {
  const regions: Array<[string, string | null]> = [
    ['Etats-Unis', 'country:US'],
    ['États-Unis', 'country:US'],
    ['United States', 'country:US'],
    ['US', 'country:US'],
    ['U.S.', 'country:US'],
    ['les Etats-Unis', 'country:US'],
    ['Nouvelle-Zélande', 'country:NZ'],
    ['New Zealand', 'country:NZ'],
    ['Chine', 'country:CN'],
    ['China', 'country:CN'],
    ['Australie', 'country:AU'],
    ['Allemagne', 'country:DE'],
    // lower-case short forms are words, not countries
    ['us', null],
    ['un', null],
    ['IT', null],
  ];
  for (const [name, key] of regions) it(`${name} → ${key}`, () => assert.equal(regionCode(name), key));

  const same: Array<[string, string, string, string, boolean]> = [
    ['Trump', 'person', 'Donald Trump', 'person', true],
    ['donald trump', 'person', 'Donald TRUMP', 'person', true],
    ['Melania Trump', 'person', 'Donald Trump', 'person', false],
    ['Etats-Unis', 'place', 'US', 'place', true],
    ['AFP', 'organization', 'Agence France-Presse', 'organization', true],
    ['Oracle Corp.', 'organization', 'Oracle', 'place', true],
    ['Microsoft', 'organization', 'Oracle', 'organization', false],
  ];
  for (const [a, ta, b, tb, expected] of same) {
    it(`${a} ${expected ? '=' : '≠'} ${b}`, () => {
      const ea = { name: a, aliases: [], type: ta as 'person' };
      const eb = { name: b, aliases: [], type: tb as 'person' };
      assert.equal(!!sameEntityKey({ ...ea, keys: entityKeys(ea) }, { ...eb, keys: entityKeys(eb) }), expected);
    });
  }
});

describe('crossref: sample corpus (real analyze output)', () => {
  it('treats the three articles as one story', () => {
    assert.deepEqual(
      result.stories.map((s) => s.files),
      [[A, B, F]],
    );
  });

  // Read from the articles: these are named in all three (English names in 000/001, French in 002).
  const acrossAll: Array<[string, string]> = [
    ['United States', 'Etats-Unis'],
    ['New Zealand', 'Nouvelle-Zélande'],
    ['China', 'Chine'],
    ['Australia', 'Australie'],
    ['Canada', 'Canada'],
    ['TikTok', 'TikTok'],
    ['ByteDance', 'ByteDance'],
    ['Microsoft', 'Microsoft'],
    ['Oracle', 'Oracle'],
  ];
  for (const [en, fr] of acrossAll) {
    it(`links entity ${en} (000, 001) with ${fr} (002)`, () => {
      const link = entityLinks.find((l) => l.items.some((i) => i.file === A && i.name === en));
      assert.ok(link, `no link for ${en}`);
      assert.ok(link.items.some((i) => i.file === B && i.name === en));
      assert.ok(
        link.items.some((i) => i.file === F && i.name === fr),
        JSON.stringify(link.items),
      );
    });
  }
  it('links Donald Trump in all three (the French article also says just "Trump")', () => {
    const link = entityLinks.find((l) => l.items.some((i) => i.file === F && /Trump/.test(i.name)));
    assert.ok(link && link.items.some((i) => i.file === A) && link.items.some((i) => i.file === B));
  });
  it('links the people of the two English versions', () => {
    for (const n of ['Kevin Mayer', 'Steve Stoute', 'Vanessa Pappas']) {
      const link = entityLinks.find((l) => l.items.some((i) => i.file === A && i.name === n));
      assert.ok(link && link.items.some((i) => i.file === B && i.name === n), n);
    }
  });

  it('links the English "for nearly a year … find a solution" to the French "pendant près d\'un an, pour trouver une solution"', () => {
    assert.ok(
      linked(
        'passage',
        A,
        'For nearly a year, we have sought to discuss with the US government',
        F,
        'pendant près d’un an, pour trouver une solution',
      ),
    );
  });
  it('links "in the United States, Canada, in Australia and New Zealand" to "aux Etats-Unis, au Canada, en Australie et en Nouvelle-Zélande"', () => {
    assert.ok(
      linked(
        'passage',
        A,
        'in the United States, Canada, in Australia and New Zealand',
        F,
        'aux Etats-Unis, au Canada, en Australie et en Nouvelle-Zélande',
      ),
    );
  });

  it('aligns the English rewrite sentence by sentence, with word differences', () => {
    const l = linked(
      'passage',
      A,
      'On Friday, he signed a second executive order',
      B,
      'On Friday, August 14, he signed a second executive order',
    );
    assert.ok(l && l.reworded);
    assert.ok(
      l.differences!.some((d) => d.a === '' && d.b === 'August 14'),
      JSON.stringify(l.differences),
    );
    const same = linked(
      'passage',
      A,
      'Microsoft is in advanced negotiations to buy the application.',
      B,
      'Microsoft is in advanced negotiations to buy the application.',
    );
    assert.ok(same && same.reworded === false && same.score === 1);
  });

  it('pairs the reworded quote "any US data … if asked" with "any US information … if requested to do so"', () => {
    const q = linked(
      'quote',
      A,
      'any US data to the Chinese government, and would not if asked',
      B,
      'if requested to do so',
    );
    assert.ok(q && q.reworded);
    assert.deepEqual(q.differences, [
      { a: 'data', b: 'information' },
      { a: 'asked', b: 'requested to do so' },
    ]);
  });
  it('finds the quote both English versions give word for word', () => {
    const q = linked('quote', A, 'TikTok is not available in China.', B, 'TikTok is not available in China.');
    assert.ok(q && q.reworded === false);
  });
  it('pairs Steve Stoute\'s quote (reworded "you are" / "you’re") and flags no speaker conflict', () => {
    const q = linked('quote', A, 'If you are a musician', B, 'If you’re a musician');
    assert.ok(q && q.reworded && !q.conflict);
  });
  it("links no quote of the French article (its quotes are Microsoft's and the executive order's, not in the English ones)", () => {
    assert.equal(spans('quote', A, F).length + spans('quote', B, F).length, 0);
  });

  it('resolves "Monday" in 000 to Monday 17 August from 001', () => {
    const d = spans('date', A, B).filter((l) => l.a.text === 'Monday' && /August 17|17 August/.test(l.b.text));
    // 001 gives no year; 000's "© 2020" does.
    assert.ok(d.length >= 1 && d.every((l) => l.resolvedValue === '2020-08-17'), JSON.stringify(d));
  });
  it('links "June 1" and the durations "90 days" across the English versions; the year comes from 000\'s "© 2020"', () => {
    const june = linked('date', A, 'June 1', B, 'June 1');
    assert.ok(june && june.resolvedValue === '2020-06-01', JSON.stringify(june));
    assert.ok(linked('date', A, '90 days', B, '90 days'));
  });
  it('links the figure "1,500 American employees" across the English versions', () => {
    const f = linked('figure', A, '1,500', B, '1,500');
    assert.ok(f && !f.conflict);
  });

  it('lists what only one version has', () => {
    const only = (file: string, kind: string, name: string): boolean =>
      result.onlyIn.some((o) => o.file === file && o.kind === kind && o.name.includes(name));
    assert.ok(only(F, 'entity', 'Walmart'));
    assert.ok(only(F, 'figure', '175\u00a0millions'));
    assert.ok(only(F, 'date', '15\u00a0septembre'));
    assert.ok(only(F, 'quote', 'Nous sommes en désaccord'));
    assert.ok(!only(A, 'entity', 'TikTok'));
    assert.ok(!only(F, 'entity', 'Nouvelle-Zélande'));
  });

  it('every link side is the text at its offsets', () => {
    const byFile = new Map(docs.map((d) => [d.file, d.text]));
    for (const l of result.links) {
      if (l.kind === 'entity') continue;
      for (const s of [l.a, l.b]) assert.equal(byFile.get(s.file)!.slice(s.start, s.end), s.text);
    }
  });

  it('stops when cancelled', () => {
    const ac = new AbortController();
    ac.abort();
    assert.throws(() => crossReference(docs, { signal: ac.signal }), /cancel/i);
  });
});

/** A minimal hand-made analysis (sentences and the fields a test needs). */
function handMade(text: string, language: string, over: Partial<ArticleAnalysis>): ArticleAnalysis {
  return {
    language,
    entitiesSupported: true,
    notes: [],
    referenceDate: null,
    entities: [],
    figures: [],
    dates: [],
    quotes: [],
    sentences: [{ start: 0, end: text.length }],
    paragraphs: [{ start: 0, end: text.length }],
    ...over,
  };
}

describe('crossref: conflicts', () => {
  it('flags a quote attributed to a different speaker', () => {
    const t1 = '"We will not sell the company," said Jane Roe, the chief executive.';
    const t2 = '"We will not sell the company," said John Doe, the chairman.';
    const mk = (t: string, name: string): ArticleAnalysis => {
      const s = t.indexOf(name);
      return handMade(t, 'en', {
        entities: [
          { id: 'e1', type: 'person', name, aliases: [], mentions: [{ start: s, end: s + name.length, text: name }] },
        ],
        quotes: [
          {
            start: 1,
            end: 29,
            text: t.slice(1, 29),
            outer: { start: 0, end: 31 },
            mark: 'straight',
            scare: false,
            speaker: { name, entityId: 'e1', start: s, end: s + name.length, via: 'named' },
          },
        ],
      });
    };
    const r = crossReference(
      [
        { file: 'a', text: t1, analysis: mk(t1, 'Jane Roe') },
        { file: 'b', text: t2, analysis: mk(t2, 'John Doe') },
      ],
      { oneStory: true },
    );
    const q = r.links.find((l): l is SpanLink => l.kind === 'quote');
    assert.ok(q && q.conflict && q.reworded === false, JSON.stringify(q));
    assert.deepEqual(q.speakers, { a: 'Jane Roe', b: 'John Doe' });
  });

  it('flags figures that disagree in passages reporting the same fact', () => {
    const t1 = 'The storm killed 12 people in the province of Leyte, officials said on Sunday.';
    const t2 = 'The storm killed 15 people in the province of Leyte, officials said on Sunday.';
    const fig = (t: string, n: string) => {
      const s = t.indexOf(n);
      return {
        start: s,
        end: s + n.length + 7,
        text: t.slice(s, s + n.length + 7),
        value: Number(n),
        unit: 'people',
        kind: 'count' as const,
      };
    };
    const r = crossReference(
      [
        { file: 'a', text: t1, analysis: handMade(t1, 'en', { figures: [fig(t1, '12')] }) },
        { file: 'b', text: t2, analysis: handMade(t2, 'en', { figures: [fig(t2, '15')] }) },
      ],
      { oneStory: true },
    );
    const f = r.links.find((l): l is SpanLink => l.kind === 'figure');
    assert.ok(f && f.conflict && f.a.text === '12 people' && f.b.text === '15 people', JSON.stringify(f));
  });
});

describe('crossref: TMX export', () => {
  it('escapes XML and writes one unit per pair', () => {
    const xml = toTmx(
      [{ source: { lang: 'en', text: 'AT&T said "<yes>"' }, target: { lang: 'fr', text: 'AT&T a dit « oui »\u0001' } }],
      { creationDate: '2020-08-17T10:00:00Z' },
    );
    assert.match(xml, /<tmx version="1.4">/);
    assert.match(xml, /<seg>AT&amp;T said &quot;&lt;yes&gt;&quot;<\/seg>/);
    assert.match(xml, /<seg>AT&amp;T a dit « oui »<\/seg>/);
    assert.match(xml, /creationdate="20200817T100000Z"/);
    assert.equal((xml.match(/<tu>/g) ?? []).length, 1);
    assert.equal(escapeXml("l'an"), 'l&apos;an');
  });
  it('exports the English–French passage links of the sample story, French as target', () => {
    const lang = new Map(docs.map((d) => [d.file, d.analysis.language]));
    const pairs = tmxPairsFromLinks(result.links, (f) => lang.get(f) ?? 'und', { srcLang: 'en' });
    assert.ok(pairs.length >= 2 && pairs.every((p) => p.source.lang === 'en' && p.target.lang === 'fr'));
    assert.ok(pairs.some((p) => p.target.text.includes('en Nouvelle-Zélande')));
    assert.match(toTmx(pairs), /<tuv xml:lang="fr"><seg>[^<]*Nouvelle-Zélande/);
  });
});

describe('crossref: one article against its story', () => {
  it('with `focus`, returns only links and only-in items that involve that file', () => {
    const r = crossReference(docs, { focus: F });
    assert.deepEqual(
      r.stories.map((s) => s.files),
      [[A, B, F]],
    );
    for (const l of r.links) {
      if (l.kind === 'entity') assert.ok(l.items.some((i) => i.file === F));
      else assert.ok(l.a.file === F || l.b.file === F);
    }
    assert.ok(r.onlyIn.length > 0 && r.onlyIn.every((o) => o.file === F));
    assert.ok(r.links.some((l) => l.kind === 'passage' && l.a.file === A && l.b.file === F));
  });
});

describe('crossref: hostile input', () => {
  const cases: Array<[string, string, string]> = [
    ['empty', '', ''],
    ['white space and quote marks', ' \n\n '.repeat(50), '"'.repeat(10000)],
    ['binary-looking', '\u0000\u0001\u0002'.repeat(1000), '\ud800 lone surrogate \udfff'],
    [
      'CRLF and emoji',
      'TikTok 👍 said on Monday.\r\n\r\n"We are here," she said.',
      'TikTok 👍 said on Monday.\r\n\r\n"We are here," he said.',
    ],
  ];
  for (const [name, t1, t2] of cases) {
    it(`${name}: no exception, spans in bounds`, () => {
      const r = crossReference(
        [
          { file: 'a', text: t1, analysis: analyze(t1) },
          { file: 'b', text: t2, analysis: analyze(t2) },
        ],
        { oneStory: true },
      );
      for (const l of r.links) {
        if (l.kind === 'entity') continue;
        assert.equal(t1.slice(l.a.start, l.a.end), l.a.text);
        assert.equal(t2.slice(l.b.start, l.b.end), l.b.text);
      }
    });
  }

  it('many repeated sentences, figures and quotes in two languages finish (inverted indexes, capped DP)', () => {
    const en = 'TikTok said on Monday that "1,500 people" work in the United States. '.repeat(3000);
    const fr = 'TikTok a dit lundi que « 1 500 personnes » travaillent aux Etats-Unis. '.repeat(2500);
    const mk = (text: string, language: string): ArticleAnalysis => {
      const sentences = [];
      for (let i = 0; i < text.length;) {
        const end = text.indexOf('. ', i);
        if (end < 0) break;
        sentences.push({ start: i, end: end + 1 });
        i = end + 2;
      }
      const figures = sentences.map((s) => {
        const k = text.indexOf('1', s.start);
        return { start: k, end: k + 5, text: text.slice(k, k + 5), value: 1500, unit: null, kind: 'number' as const };
      });
      return handMade(text, language, { sentences, figures });
    };
    const r = crossReference(
      [
        { file: 'en', text: en, analysis: mk(en, 'en') },
        { file: 'fr', text: fr, analysis: mk(fr, 'fr') },
      ],
      { oneStory: true },
    );
    assert.ok(Array.isArray(r.links));
  });
});

describe('crossref: translation pairs (parallel-dev samples through analyze())', () => {
  const parallel = path.join(__dirname, '..', 'fixtures', 'parallel');
  for (const d of ['2012-canoe_2011_11_15_256036.html', '2012-foxnews-2011-11-15-104485.html']) {
    it(`${d}: one story, and every passage link pairs a line with its translation`, () => {
      const read = (l: string): string =>
        readFileSync(path.join(parallel, d, `${l}.txt`), 'utf8')
          .split('\n')
          .filter(Boolean)
          .join('\n\n');
      const en = read('en');
      const fr = read('fr');
      const r = crossReference([
        { file: 'en', text: en, analysis: analyze(en) },
        { file: 'fr', text: fr, analysis: analyze(fr) },
      ]);
      assert.deepEqual(
        r.stories.map((s) => s.files),
        [['en', 'fr']],
      );
      const lineOf = (t: string, pos: number): number => t.slice(0, pos).split('\n\n').length - 1;
      const passages = r.links.filter((l): l is SpanLink => l.kind === 'passage');
      const lines = en.split('\n\n').length;
      assert.ok(passages.length >= lines, `${passages.length} passages for ${lines} lines`);
      for (const p of passages) assert.equal(lineOf(en, p.a.start), lineOf(fr, p.b.start), `${p.a.text} | ${p.b.text}`);
    });
  }
});
