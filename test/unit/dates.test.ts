import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDates, findReferenceDate } from '../../src/core/dates';
import type { DateMention } from '../../src/core/types';
import { pack } from './packs';
import { packFor } from '../../src/core/lang/registry';

const corpusDir = join(__dirname, '../fixtures/corpus');
const corpus = (prefix: string) => {
  const name = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'].find((f) =>
    f.startsWith(prefix),
  )!;
  return readFileSync(join(corpusDir, name), 'utf8');
};

/** [sentence, reference, expected mentions as [text, kind, value]] */
type Row = [string, string | null, Array<[string, DateMention['kind'], string | null]>];

function check(lang: 'en' | 'fr', rows: Row[]): void {
  for (const [sentence, ref, expected] of rows) {
    it(`${lang}: ${sentence.slice(0, 70)} (ref ${ref})`, () => {
      const got = findDates(sentence, pack(lang), ref);
      for (const g of got) assert.equal(sentence.slice(g.start, g.end), g.text);
      assert.deepEqual(
        got.map((g) => [g.text, g.kind, g.value]),
        expected,
      );
    });
  }
}

describe('dates: English sentences (corpus and news)', () => {
  check('en', [
    [
      'TikTok stepped up its American communications campaign on Monday with a new website.',
      '2020-08-17',
      [['Monday', 'relative', '2020-08-17']],
    ],
    [
      'The tenant of the White House has already taken radical measures ten days ago against the network.',
      '2020-08-17',
      [['ten days ago', 'relative', '2020-08-07']],
    ],
    [
      "On Friday, he signed a second executive order to force ByteDance to sell TikTok's U.S. operations within 90 days.",
      '2020-08-17',
      [
        ['Friday', 'relative', '2020-08-14'],
        ['90 days', 'duration', 'P90D'],
      ],
    ],
    ['On June 1, Kevin Mayer took over as head of the platform.', '2020-08-17', [['June 1', 'date', '2020-06-01']]],
    [
      '"We are here for a long time," Vanessa Pappas said at the start of August in a cheerful video.',
      '2020-08-17',
      [['the start of August', 'date', '2020-08']],
    ],
    [
      'She promised to create "10,000 additional jobs in this country over the next three years".',
      '2020-08-17',
      [['next three years', 'duration', 'P3Y']],
    ],
    [
      'The social network TikTok strengthened on Monday 17 August its communications campaign.',
      '2020-08-17',
      [['Monday 17 August', 'date', '2020-08-17']],
    ],
    [
      'On Friday, August 14, he signed a second executive order.',
      '2020-08-17',
      [['Friday, August 14', 'date', '2020-08-14']],
    ],
    [
      'The American president has accused for months, without proof, the video-sharing platform.',
      '2020-08-17',
      [['months', 'duration', 'PXM']],
    ],
    [
      'The company said last week that three years of talks had failed.',
      '2020-08-17',
      [
        ['last week', 'relative', '2020-W33'],
        ['three years', 'duration', 'P3Y'],
      ],
    ],
    // English: a part of day stays in the span, the value is the day (English TimeBank convention, see dates.ts).
    [
      'Officials met Monday morning and again at 3 p.m.',
      '2020-08-17',
      [
        ['Monday morning', 'relative', '2020-08-17'],
        ['3 p.m.', 'time', '2020-08-17T15:00'],
      ],
    ],
    [
      'President Fidel Castro declared Wednesday night that it is just a matter of days.',
      '2000-04-05',
      [['Wednesday night', 'relative', '2000-04-05']],
    ],
    [
      "``But it's not tonight we're worried about,'' she said, recalling last night's vigil.",
      '1999-10-24',
      [
        ['tonight', 'relative', '1999-10-24'],
        ['last night', 'relative', '1999-10-23'],
      ],
    ],
    [
      'The board meets every week; the report is published each year.',
      '2020-08-17',
      [
        ['every week', 'set', 'P1W'],
        ['each year', 'set', 'P1Y'],
      ],
    ],
    [
      'The decision will be announced tomorrow, a spokesman said yesterday.',
      '2020-08-17',
      [
        ['tomorrow', 'relative', '2020-08-18'],
        ['yesterday', 'relative', '2020-08-16'],
      ],
    ],
    ['Oracle is now also in the running.', '2020-08-17', [['now', 'relative', 'PRESENT_REF']]],
    ['Sales fell in 2019, the company said.', '2020-08-17', [['2019', 'date', '2019']]],
    [
      'The case may finally be resolved in a court hearing the week of March 6, his brother said.',
      '2000-02-24',
      [['the week of March 6', 'date', '2000-W10']],
    ],
    [
      'Munero had fled to Florida in June 1998 and returned to Cuba later that year.',
      '2000-01-28',
      [
        ['June 1998', 'date', '1998-06'],
        ['later that year', 'relative', '1998'],
      ],
    ],
    [
      'The plant closed in March 1997; workers were told that month.',
      '2000-01-28',
      [
        ['March 1997', 'date', '1997-03'],
        ['that month', 'relative', '1997-03'],
      ],
    ],
    ['The summit will take place next Monday in Geneva.', '2020-08-17', [['next Monday', 'relative', '2020-08-24']]],
    [
      'Suspected bombs exploded outside the U.S. embassies Friday, killing dozens of people.',
      '1998-08-08',
      [['Friday', 'relative', '1998-08-07']],
    ],
    [
      'The team planned to leave Nairobi on Thursday for Dar es Salaam.',
      '1998-09-30',
      [['Thursday', 'relative', '1998-10-01']],
    ],
    [
      'The agency ruled that the boy must be returned to his father by Jan. 14.',
      '2000-01-06',
      [['Jan. 14', 'date', '2000-01-14']],
    ],
    [
      'Explosions rocked the embassies on Aug. 7, 1998, in the worst attack in years.',
      '2020-08-17',
      [
        ['Aug. 7, 1998', 'date', '1998-08-07'],
        ['years', 'duration', 'PXY'],
      ],
    ],
    ['Profits rose 12 percent in the third quarter.', '1998-11-20', [['the third quarter', 'date', '1998-Q3']]],
    [
      'The deal was signed two months ago and the plant opens later.',
      '1999-12-15',
      [['two months ago', 'relative', '1999-10']],
    ],
    ['The appeal will be heard in May, a court clerk said.', '2000-03-29', [['May', 'date', '2000-05']]],
    [
      'The evidence arrived over the weekend at the FBI lab.',
      '1998-08-17',
      [['the weekend', 'relative', '1998-W33-WE']],
    ],
    [
      'The suspect was seen at 9 a.m. Tuesday near the embassy.',
      '2000-04-05',
      [['9 a.m. Tuesday', 'time', '2000-04-04T09:00']],
    ],
  ]);
});

describe('dates: English false hits stay out', () => {
  check('en', [
    ['Sun Microsystems may March on, one analyst said, and it may rain.', '2020-08-17', []],
    ['He finished second in the race, a second behind the winner.', '2020-08-17', []],
    ['Now the alliance has 19 members, including a 44-year-old veteran.', '1999-03-12', []],
    ['The Communist Party daily Granma reported it.', '2000-01-28', []],
    ['Theresa May said prices may rise.', '2020-08-17', []],
    ['The firm employs 2000 workers and sold 1,998 units.', '2020-08-17', []],
  ]);
});

describe('dates: French sentences (corpus and news)', () => {
  check('fr', [
    [
      'Le propriétaire de l’application TikTok a jusqu’au 15 septembre pour vendre à une société américaine.',
      '2020-08-17',
      [['15 septembre', 'date', '2020-09-15']],
    ],
    [
      'Le Wall Street Journal de lundi matin rapporte que Oracle serait bientôt annoncé comme partenaire.',
      '2020-09-14',
      [['lundi matin', 'time', '2020-09-14TMO']],
    ],
    [
      'Début août, TikTok avait enregistré plus de 175 millions de téléchargements aux Etats-Unis.',
      '2020-09-14',
      [['Début août', 'date', '2020-08']],
    ],
    [
      'L’article du blog de dimanche a réitéré ce que Microsoft clamait depuis le début.',
      '2020-09-14',
      [['dimanche', 'relative', '2020-09-13']],
    ],
    [
      'Le réseau social est accusé depuis des mois, et pendant près d’un an il a négocié.',
      '2020-09-14',
      [
        ['des mois', 'duration', 'PXM'],
        ['près d’un an', 'duration', 'P1Y'],
      ],
    ],
    [
      "Un incendie s'est déclaré hier vers 18 h dans un entrepôt.",
      '1999-05-21',
      [
        ['hier', 'relative', '1999-05-20'],
        ['18 h', 'time', '1999-05-20T18:00'],
      ],
    ],
    ['Le CICV sur Arte ce soir.', '1999-07-28', [['ce soir', 'time', '1999-07-28TEV']]],
    [
      "Aujourd'hui, le maire a signé le décret du 27 mai 1998.",
      '1999-05-22',
      [
        ["Aujourd'hui", 'relative', '1999-05-22'],
        ['27 mai 1998', 'date', '1998-05-27'],
      ],
    ],
    [
      'La cérémonie a lieu chaque année ; le conseil se réunit tous les jeudis.',
      '2002-09-10',
      [
        ['chaque année', 'set', 'P1Y'],
        ['tous les jeudis', 'set', 'XXXX-WXX-4'],
      ],
    ],
    [
      'Le président a été réélu il y a trois ans, pour un mandat de six mois.',
      '2003-02-16',
      [
        ['il y a trois ans', 'relative', '2000'],
        ['six mois', 'duration', 'P6M'],
      ],
    ],
    [
      "L'accident s'est produit vendredi dernier, la semaine dernière.",
      '1999-05-27',
      [
        ['vendredi dernier', 'relative', '1999-05-21'],
        ['la semaine dernière', 'relative', '1999-W20'],
      ],
    ],
    ['Alain Parmentier, 53 ans, employé de la société, a toujours été présent.', '1999-06-12', []],
  ]);
});

describe('dates: reference date without a full date', () => {
  check('en', [
    [
      'On June 1, Kevin Mayer took over; on Monday the company announced a deal.',
      '2020',
      [
        ['June 1', 'date', '2020-06-01'],
        ['Monday', 'relative', 'XXXX-WXX-1'],
      ],
    ],
    ['On June 1, Kevin Mayer took over.', null, [['June 1', 'date', 'XXXX-06-01']]],
  ]);
  it('marks unanchored values', () => {
    const [june, monday] = findDates('On June 1, and on Monday.', pack('en'), '2020');
    assert.equal(june.resolvedFrom, 'reference');
    assert.equal(monday.resolvedFrom, 'none');
    const [y] = findDates('It happened yesterday.', pack('en'), '2020');
    assert.equal(y.value, null);
    assert.equal(y.resolvedFrom, 'none');
  });
});

describe('dates: a date in a past-tense clause never resolves into the future', () => {
  const rows: Array<[string, string, string]> = [
    ['The meeting took place on Dec. 20.', '2020-08-17', '2019-12-20'],
    ['Il est arrivé le 30 août.', '2020-08-17', '2019-08-30'],
    ['Il avait quitté ses fonctions le 2 octobre.', '2002-09-14', '2001-10-02'],
    ['The report was published on Aug. 17.', '2020-08-17', '2020-08-17'],
    ['The ceremony in Independence, Mo., took place on March 12.', '1999-02-16', '1998-03-12'],
    ['Sales rose sharply in January, the company said.', '1998-10-25', '1998-01'],
    ['On June 1, Kevin Mayer took over as head of the platform.', '2020-08-17', '2020-06-01'],
  ];
  for (const [s, ref, v] of rows)
    it(s, () => assert.equal(findDates(s, pack(s.startsWith('Il') ? 'fr' : 'en'), ref)[0].value, v));
});

describe('dates: without a tense cue, the nearest occurrence with a past bias', () => {
  // A month-day or month resolves ahead only when it is at most ~3 months ahead (the past one is then 9+ months
  // back); a bare weekday only when it is the day after the reference.
  const rows: Array<[string, 'en' | 'fr', string, string]> = [
    ['Congress reconvenes Feb. 10 after the holiday recess.', 'en', '2000-01-07', '2000-02-10'],
    ['The trial opens March 12 in Independence, Mo.', 'en', '1999-02-16', '1999-03-12'],
    ['The hearing is in May, a court clerk said.', 'en', '2000-03-29', '2000-05'],
    ['The annual meeting is on Dec. 20.', 'en', '2020-08-17', '2019-12-20'],
    ['Le concert a lieu le 2 octobre à Belfort.', 'fr', '2002-09-14', '2002-10-02'],
    ['Le général Bentégeat prendra ses fonctions le 30 octobre.', 'fr', '2002-09-14', '2002-10-30'],
    ['The Senate votes Tuesday on the bill.', 'en', '1998-08-17', '1998-08-18'],
    ['The Senate voted Tuesday on the bill.', 'en', '1998-08-17', '1998-08-11'],
    ['The Senate votes Friday on the bill.', 'en', '1998-08-17', '1998-08-14'],
    [
      'Since the decision was announced Wednesday, the family has said it will appeal.',
      'en',
      '2000-01-07',
      '2000-01-05',
    ],
    [
      "The father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said.",
      'en',
      '2000-04-05',
      '2000-04-06T04:00',
    ],
    ['On Friday, the government planned to pay the families of the victims.', 'en', '1998-09-30', '1998-09-25'],
    ['Protesters planned a large demonstration in Little Havana on Saturday.', 'en', '2000-01-07', '2000-01-08'],
  ];
  for (const [s, lang, ref, v] of rows) {
    it(`${lang}: ${s} (ref ${ref})`, () => {
      const got = findDates(s, pack(lang), ref);
      assert.equal(got[got.length - 1]?.value, v); // the expression at stake is the last one in each sentence
    });
  }
});

describe('dates: findReferenceDate', () => {
  const rows: Array<[string, string, string | null, string | null]> = [
    ['WASHINGTON, Aug. 17, 2020 (AFP) - TikTok stepped up its campaign on Monday.', 'en', '2020-08-17', 'dateline'],
    // a line that holds little but the date is the article's dateline
    [
      'TikTok strikes back\n\nPublished on 17 August 2020\n\nTikTok intensified its campaign on Monday.',
      'en',
      '2020-08-17',
      'dateline',
    ],
    ['PARIS, 14 septembre 2020 (AFP) - Microsoft écarté du rachat de TikTok.', 'fr', '2020-09-14', 'dateline'],
    ['Microsoft écarté du rachat de TikTok.\n\nLe propriétaire a jusqu’au 15 septembre pour vendre.', 'fr', null, null],
  ];
  for (const [text, lang, value, source] of rows) {
    it(`${lang}: ${text.slice(0, 50)}`, () => {
      const r = findReferenceDate(text, pack(lang));
      assert.equal(r?.value ?? null, value);
      assert.equal(r?.source ?? null, source);
      if (r?.span) assert.equal(text.slice(r.span.start, r.span.end), r.span.text);
    });
  }
  it('finds the © line of the AFP dispatch (000)', () => {
    const text = corpus('000');
    const r = findReferenceDate(text, pack('en'));
    assert.deepEqual([r?.value, r?.source, r?.span?.text], ['2020', 'copyright', '© 2020']);
  });
});

describe('dates: sample corpus', () => {
  const cases: Array<[string, 'en' | 'fr', Array<[string, string | null]>]> = [
    [
      '000',
      'en',
      [
        ['Monday', '2020-08-17'],
        ['ten days ago', '2020-08-07'],
        ['Friday', '2020-08-14'],
        ['90 days', 'P90D'],
        ['June 1', '2020-06-01'],
        ['the start of August', '2020-08'],
        ['next three years', 'P3Y'],
      ],
    ],
    [
      '001',
      'en',
      [
        ['Monday 17 August', '2020-08-17'],
        ['Friday, August 14', '2020-08-14'],
      ],
    ],
    [
      '002',
      'fr',
      [
        ['15 septembre', '2020-09-15'],
        ['lundi matin', '2020-08-17TMO'],
        ['Début août', '2020-08'],
        ['près d’un an', 'P1Y'],
        ['dimanche', '2020-08-16'],
      ],
    ],
  ];
  for (const [prefix, lang, expected] of cases) {
    it(`${prefix}: finds and resolves the dates read in the text`, () => {
      const text = corpus(prefix);
      const got = findDates(text, pack(lang), '2020-08-17');
      for (const g of got) assert.equal(text.slice(g.start, g.end), g.text);
      for (const [t, v] of expected) {
        // The French article uses non-breaking spaces ("15\u00a0septembre").
        const hit = got.find((g) => g.text.replace(/\s/g, ' ') === t);
        assert.ok(hit, `missing ${t} in ${got.map((g) => g.text).join(' | ')}`);
        assert.equal(hit.value, v, t);
      }
    });
  }
});

describe('dates: robustness', () => {
  it('handles empty, hostile and long input without throwing', () => {
    assert.deepEqual(findDates('', pack('en'), null), []);
    assert.equal(findReferenceDate('', pack('en')), null);
    const hostile = ['\u0000\ud800 June 1 \udfff', '"'.repeat(10000), 'Monday '.repeat(20000), '1'.repeat(200000)];
    for (const h of hostile) {
      for (const lang of ['en', 'fr', 'de']) {
        for (const d of findDates(h, packFor(lang), '2020-08-17')) assert.equal(h.slice(d.start, d.end), d.text);
        findReferenceDate(h, packFor(lang));
      }
    }
  });
  it('keeps offsets exact with CRLF and emoji', () => {
    const text = '😀 Le 15 septembre,\r\n\r\nhier soir 🎉 à 21 h 45.';
    const got = findDates(text, pack('fr'), '2020-08-17');
    assert.deepEqual(
      got.map((g) => g.text),
      ['Le 15 septembre', 'hier soir', '21 h 45'],
    );
    for (const g of got) assert.equal(text.slice(g.start, g.end), g.text);
  });
  it('stops when the signal is aborted', () => {
    const ctl = new AbortController();
    ctl.abort();
    assert.throws(() => findDates('On June 1. '.repeat(2000), pack('en'), '2020-08-17', ctl.signal), /cancelled/);
  });
});
