// Quoted statements and speakers (src/core/quotes.ts, src/core/attribution.ts).
// Expectations were written by reading each sentence, not copied from program output.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { findQuotes } from '../../src/core/quotes';
import type { Entity, Quote } from '../../src/core/types';
import { pack } from './packs';

const corpus = path.join(__dirname, '..', 'fixtures', 'corpus');

function checkSpans(text: string, qs: Quote[]): void {
  for (const q of qs) {
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(q.outer.start <= q.start && q.end <= q.outer.end && q.outer.end <= text.length);
    if (q.speaker) assert.ok(q.speaker.start >= 0 && q.speaker.end <= text.length && q.speaker.start <= q.speaker.end);
  }
}

function quoteStarting(qs: Quote[], prefix: string): Quote {
  const q = qs.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quote starting "${prefix}"; have: ${qs.map((x) => x.text.slice(0, 25)).join(' | ')}`);
  return q;
}

/** Builds entities from (type, name, surface forms) by finding every occurrence of the forms in the text. */
function entitiesFor(text: string, list: Array<[Entity['type'], string, ...string[]]>): Entity[] {
  return list.map(([type, name, ...forms], i) => {
    const mentions = [];
    for (const f of [name, ...forms]) {
      for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
        mentions.push({ start: at, end: at + f.length, text: f });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { id: `e${i + 1}`, type, name, aliases: forms, mentions };
  });
}

describe('quotes: marks and spans', () => {
  // [label, lang, text, expected quote texts (outermost only), expected mark of the first]
  const table: Array<[string, string, string, string[], Quote['mark']]> = [
    ['straight', 'en', 'He said "We will win" on Monday.', ['We will win'], 'straight'],
    ['curly', 'en', '“We will win,” she said.', ['We will win,'], 'curly'],
    [
      'guillemets with no-break spaces',
      'fr',
      '« Nous allons gagner », a déclaré le ministre.',
      ['Nous allons gagner'],
      'guillemet',
    ],
    [
      'guillemets with narrow no-break spaces',
      'fr',
      '«\u202fNous allons gagner\u202f», a-t-il dit.',
      ['Nous allons gagner'],
      'guillemet',
    ],
    [
      'guillemets with plain no-break spaces',
      'fr',
      'Il a parlé d’«\u00a0urgence nationale\u00a0».',
      ['urgence nationale'],
      'guillemet',
    ],
    [
      'nested curly inside guillemets: one outer quote',
      'fr',
      '« Le président a parlé d’une “menace” pour le pays », écrit le journal.',
      ['Le président a parlé d’une “menace” pour le pays'],
      'guillemet',
    ],
    [
      'nested single inside double',
      'en',
      '“He told me ‘never again’ and left,” she said.',
      ['He told me ‘never again’ and left,'],
      'curly',
    ],
    ['apostrophes are not quotes', 'en', 'Trump’s aides didn’t say the players’ union was wrong.', [], 'curly'],
    [
      'single curly quotes when closed',
      'en',
      'Clinton voters worry; it’s ‘in their heads,’ he said.',
      ['in their heads,'],
      'single',
    ],
    ['two quotes in a paragraph', 'en', '"Yes," he said. "No."', ['Yes,', 'No.'], 'straight'],
    ['inch marks are not quotes', 'en', 'The 12" pizza costs $9.', [], 'straight'],
    [
      'unbalanced quote is capped at the paragraph',
      'en',
      'He said "this never ends.\n\nThe next paragraph is plain narration.',
      ['this never ends.'],
      'straight',
    ],
    ['CRLF paragraphs', 'en', '"Hello," he said.\r\n\r\n"Goodbye," she said.\r\n', ['Hello,', 'Goodbye,'], 'straight'],
  ];
  for (const [label, lang, text, expected, mark] of table) {
    it(label, () => {
      const qs = findQuotes(text, pack(lang), []);
      checkSpans(text, qs);
      assert.deepEqual(
        qs.map((q) => q.text),
        expected,
      );
      if (expected.length) assert.equal(qs[0].mark, mark);
    });
  }

  it('a quote over several paragraphs is chained, one speaker for all parts', () => {
    const text =
      '"We started with nothing," Jane Doe said. "We had no money and no office.\n\n' +
      '"Then the first customers came.\n\n"Now we employ 300 people."\n\nThe company was founded in 2010.';
    const qs = findQuotes(text, pack('en'), []);
    checkSpans(text, qs);
    assert.deepEqual(
      qs.map((q) => q.text),
      [
        'We started with nothing,',
        'We had no money and no office.',
        'Then the first customers came.',
        'Now we employ 300 people.',
      ],
    );
    assert.equal(qs[0].speaker?.name, 'Jane Doe');
    for (const q of qs.slice(1)) {
      assert.equal(q.speaker?.name, 'Jane Doe');
      assert.equal(q.speaker?.via, 'continuation');
    }
  });

  it('never swallows the rest of the article after a stray mark', () => {
    const text = 'The senator called the plan "a disaster.\n\nShe voted against it.\n\n"It will fail," she said.';
    const qs = findQuotes(text, pack('en'), []);
    checkSpans(text, qs);
    assert.ok(qs.every((q) => !q.text.includes('She voted')));
    assert.equal(quoteStarting(qs, 'It will fail').text, 'It will fail,');
  });
});

describe('quotes: scare quotes', () => {
  // [text, quote, scare?]
  const table: Array<[string, string, string, boolean]> = [
    ['en', 'TikTok launched a website to combat "rumors" and signed a deal.', 'rumors', true],
    [
      'en',
      'It ran under the slogan "the last sunshine of the Internet" all summer.',
      'the last sunshine of the Internet',
      true,
    ],
    ['fr', 'Le décret a qualifié la plateforme d’« urgence nationale ».', 'urgence nationale', true],
    ['en', '"Unacceptable," the minister said.', 'Unacceptable,', false],
    [
      'en',
      'He wrote that the decision was "a serious mistake that we will all regret."',
      'a serious mistake that we will all regret.',
      false,
    ],
    // titles and slogans in Title Case are not statements, even with a period inside the marks
    ['en', 'Sanders told MSNBC\'s "Morning Joe" that nobody would question her intelligence.', 'Morning Joe', true],
    ['en', 'Ryan argued on CBS\'s "Face the Nation." He did not elaborate.', 'Face the Nation.', true],
    ['en', 'He repeatedly says, "Don\'t you do it," to the officers.', "Don't you do it,", false],
    // a short phrase that a speech verb attributes is a partial quotation, not a scare quote
    ['en', 'She also said she was "proud" of the employees.', 'proud', false],
    [
      'en',
      'PolitiFact said that there have been "thousands of shootings" in Chicago.',
      'thousands of shootings',
      false,
    ],
  ];
  for (const [lang, text, quoted, scare] of table) {
    it(`${scare ? 'scare' : 'statement'}: ${quoted}`, () => {
      const q = quoteStarting(findQuotes(text, pack(lang), []), quoted);
      assert.equal(q.scare, scare);
      if (scare && !/qualifié/.test(text)) assert.equal(q.speaker, null);
    });
  }

  it('a label quote keeps its speaker when a verb names who applied it', () => {
    const text = 'Le décret du président Donald Trump qui a qualifié la plateforme d’« urgence nationale ».';
    const q = quoteStarting(findQuotes(text, pack('fr'), []), 'urgence nationale');
    assert.equal(q.scare, true);
    assert.equal(q.speaker?.name, 'Donald Trump');
  });
});

describe('quotes: speakers', () => {
  // [label, lang, text, quote prefix, speaker name, speaker words, via]
  const table: Array<[string, string, string, string, string, string, string]> = [
    [
      'verb then name, with apposition',
      'en',
      '"TikTok is the best place for your music to go viral," said Steve Stoute, head of UnitedMasters.',
      'TikTok is the best',
      'Steve Stoute',
      'Steve Stoute',
      'named',
    ],
    [
      'name then verb after an apposition',
      'en',
      '"We are here for a long time," Vanessa Pappas, head of her United States branch, said in a video.',
      'We are here',
      'Vanessa Pappas',
      'Vanessa Pappas',
      'named',
    ],
    [
      'organization reacted',
      'en',
      '"For nearly a year, we have sought a solution," TikTok reacted.',
      'For nearly a year',
      'TikTok',
      'TikTok',
      'named',
    ],
    [
      'colon lead-in',
      'en',
      'The governor told reporters: "We are not going to close the schools."',
      'We are not going',
      'The governor',
      'The governor',
      'description',
    ],
    [
      'according to',
      'en',
      '"The deal is done," according to Reuters.',
      'The deal is done',
      'Reuters',
      'Reuters',
      'named',
    ],
    [
      'told an agency',
      'en',
      'John Smith told AFP: "Nobody warned us."',
      'Nobody warned us',
      'John Smith',
      'John Smith',
      'named',
    ],
    [
      'title and party tag',
      'en',
      '"Subpoenas are not optional," Rep. Jason Chaffetz (R-Utah) said after the vote.',
      'Subpoenas',
      'Jason Chaffetz',
      'Rep. Jason Chaffetz',
      'named',
    ],
    [
      'long subject before the verb',
      'en',
      '"We are pleased with the decision," Trump lawyer Marc Kasowitz said.',
      'We are pleased',
      'Marc Kasowitz',
      'Marc Kasowitz',
      'named',
    ],
    [
      'attribution at the end of the sentence',
      'en',
      '"The only way Wall Street will change will be if executives face jail time" for criminal behavior, Warren said.',
      'The only way',
      'Warren',
      'Warren',
      'named',
    ],
    [
      'participle lead-in',
      'en',
      'Trump attacked Clinton on Iraq, saying, "She is trigger-happy."',
      'She is trigger',
      'Trump',
      'Trump',
      'named',
    ],
    [
      'dash signature',
      'en',
      '“We need law and order.” ― Maria Lopez\n“Fear.” ― Jorge Falcon',
      'We need law',
      'Maria Lopez',
      'Maria Lopez',
      'named',
    ],
    [
      'a déclaré X',
      'fr',
      '« Nous ne céderons pas », a déclaré Emmanuel Macron.',
      'Nous ne céderons',
      'Emmanuel Macron',
      'Emmanuel Macron',
      'named',
    ],
    [
      'ajoute X',
      'fr',
      '« Nous sommes impatients de voir la suite », ajoute Microsoft.',
      'Nous sommes impatients',
      'Microsoft',
      'Microsoft',
      'named',
    ],
    ['selon X', 'fr', 'Selon Le Monde, « le projet est abandonné ».', 'le projet est', 'Le Monde', 'Le Monde', 'named'],
    [
      'X a déclaré :',
      'fr',
      'Le ministre a déclaré : « Les écoles resteront ouvertes. »',
      'Les écoles',
      'Le ministre',
      'Le ministre',
      'description',
    ],
    [
      'indique le décret',
      'fr',
      '« TikTok capture automatiquement des informations », indique le décret d’application.',
      'TikTok capture',
      'le décret',
      'le décret',
      'description',
    ],
    ['a-t-il ajouté', 'fr', '« C’est une erreur », a-t-il ajouté.', 'C’est une erreur', 'il', 'il', 'pronoun'],
    [
      'verb, prepositional phrase, then the speaker',
      'fr',
      '« Nous ne laisserons pas faire », a indiqué à l’AFP un porte-parole du ministère.',
      'Nous ne laisserons',
      'un porte-parole',
      'un porte-parole',
      'description',
    ],
    [
      'description then the name in apposition',
      'fr',
      '« La situation est grave », a précisé mardi le ministre de l’Intérieur, Gérald Darmanin.',
      'La situation',
      'Gérald Darmanin',
      'Gérald Darmanin',
      'named',
    ],
    [
      'name with a role after it',
      'fr',
      '« Nous allons porter plainte », explique Marie Dupont, avocate de la famille.',
      'Nous allons porter',
      'Marie Dupont',
      'Marie Dupont',
      'named',
    ],
    [
      'X a assuré lundi :',
      'fr',
      'Emmanuel Macron a assuré lundi : « Nous tiendrons nos engagements. »',
      'Nous tiendrons',
      'Emmanuel Macron',
      'Emmanuel Macron',
      'named',
    ],
    [
      'a spokesman for the company (unresolved description)',
      'en',
      '"We will appeal," a spokesman for the company said in a statement.',
      'We will appeal',
      'a spokesman for the company',
      'a spokesman for the company',
      'description',
    ],
    [
      'In a statement, X said:',
      'en',
      'In a statement, Microsoft said: "We remain committed to our customers."',
      'We remain',
      'Microsoft',
      'Microsoft',
      'named',
    ],
    [
      'name not in the entity list',
      'en',
      '"I never met him," said John Smith.',
      'I never met',
      'John Smith',
      'John Smith',
      'named',
    ],
  ];
  for (const [label, lang, text, prefix, name, words, via] of table) {
    it(label, () => {
      const qs = findQuotes(text, pack(lang), []);
      checkSpans(text, qs);
      const q = quoteStarting(qs, prefix);
      assert.ok(q.speaker, 'has a speaker');
      assert.equal(q.speaker.name, name);
      assert.equal(text.slice(q.speaker.start, q.speaker.end), words);
      assert.equal(q.speaker.via, via);
      assert.equal(q.speaker.entityId, null);
    });
  }

  it('resolves "the company said" to the organization named before', () => {
    const text =
      'He ordered ByteDance, the owner of TikTok, to sell its operations.\n\n' +
      '"TikTok is not available in China," the company said. "We never provided data."';
    const ents = entitiesFor(text, [
      ['organization', 'ByteDance'],
      ['organization', 'TikTok'],
    ]);
    const qs = findQuotes(text, pack('en'), ents);
    const q = quoteStarting(qs, 'TikTok is not available');
    assert.equal(q.speaker?.entityId, 'e2');
    assert.equal(q.speaker?.name, 'TikTok');
    assert.equal(text.slice(q.speaker!.start, q.speaker!.end), 'the company');
    assert.equal(q.speaker?.via, 'description');
    const cont = quoteStarting(qs, 'We never provided');
    assert.equal(cont.speaker?.name, 'TikTok');
    assert.equal(cont.speaker?.via, 'continuation');
  });

  it('resolves "he said" to the last person, not an organization', () => {
    const text = 'John Smith joined Acme Corp in 2010.\n\n"It was the best decision of my life," he said.';
    const ents = entitiesFor(text, [
      ['person', 'John Smith'],
      ['organization', 'Acme Corp'],
    ]);
    const q = quoteStarting(findQuotes(text, pack('en'), ents), 'It was the best');
    assert.equal(q.speaker?.entityId, 'e1');
    assert.equal(q.speaker?.via, 'pronoun');
    assert.equal(text.slice(q.speaker!.start, q.speaker!.end), 'he');
  });

  it('resolves "conclut-elle" to the subject of the sentence before (elle can be a company)', () => {
    const text =
      'TikTok a également rappelé son engagement avec l’administration Trump pendant près d’un an. ' +
      '« Nous sommes en désaccord avec la position de l’administration », conclut-elle.';
    const ents = entitiesFor(text, [
      ['organization', 'TikTok'],
      ['person', 'Trump'],
    ]);
    const q = quoteStarting(findQuotes(text, pack('fr'), ents), 'Nous sommes en désaccord');
    assert.equal(q.speaker?.name, 'TikTok');
    assert.equal(text.slice(q.speaker!.start, q.speaker!.end), 'elle');
    assert.equal(q.speaker?.via, 'pronoun');
  });

  it('resolves "a-t-elle" past a complement ("la ministre de la Santé") to the person in apposition', () => {
    const text =
      'La ministre de la Santé, Agnès Buzyn, a démissionné. « J’ai pris cette décision seule », a-t-elle expliqué.';
    const ents = entitiesFor(text, [
      ['organization', 'Santé'],
      ['person', 'Agnès Buzyn'],
    ]);
    const q = quoteStarting(findQuotes(text, pack('fr'), ents), 'J’ai pris');
    assert.equal(q.speaker?.name, 'Agnès Buzyn');
    assert.equal(text.slice(q.speaker!.start, q.speaker!.end), 'elle');
  });

  it('prefers the nearest sentence that mentions someone over an older subject', () => {
    const text =
      'Jane Doe chaired the meeting. The plan was later criticized by John Smith. "It will never work," he said.';
    const ents = entitiesFor(text, [
      ['person', 'Jane Doe'],
      ['person', 'John Smith'],
    ]);
    const q = quoteStarting(findQuotes(text, pack('en'), ents), 'It will never work');
    assert.equal(q.speaker?.name, 'John Smith');
  });

  it('resolves a surname to the full name of a known person', () => {
    const text = 'Pat Caddell spoke on Thursday.\n\n"This is in their heads," said Caddell.';
    const ents = [
      {
        id: 'e1',
        type: 'person' as const,
        name: 'Pat Caddell',
        aliases: [],
        mentions: [{ start: 0, end: 11, text: 'Pat Caddell' }],
      },
    ];
    const q = quoteStarting(findQuotes(text, pack('en'), ents), 'This is in their heads');
    assert.equal(q.speaker?.entityId, 'e1');
    assert.equal(q.speaker?.name, 'Pat Caddell');
  });

  // [text, quote prefix, expected speaker name or null]
  const continuation: Array<[string, string, string | null]> = [
    // a split quote resumes after the attribution and a comma
    [
      '"It was fine," Trump said during a rally in Kenansville, N.C., "but a lot of people are going to vote."',
      'but a lot',
      'Trump',
    ],
    [
      '“Every time you say that,” Tester said, referring to the excuse, “you give ammunition to the people.”',
      'you give',
      'Tester',
    ],
    // a coordinated speech verb carries the subject over
    [
      'She also said she was "proud" of the employees and promised to create "10,000 additional jobs in this country over the next three years".',
      '10,000',
      'She',
    ],
    // the object of other words is not a continuation
    [
      '“We want to set the record straight,” the company said on its website, under the slogan “The Internet’s Last Sunshine.”',
      'The Internet',
      null,
    ],
  ];
  for (const [text, prefix, who] of continuation) {
    it(`continuation: ${prefix}… → ${who ?? 'none'}`, () => {
      const q = quoteStarting(findQuotes(text, pack('en'), []), prefix);
      assert.equal(q.speaker?.name ?? null, who);
    });
  }

  it('a quote paragraph after a paragraph ending in "X continued:" gets X', () => {
    const text = 'Caddell continued:\n\n"The health issue overall is very much a partisan issue."';
    const q = quoteStarting(findQuotes(text, pack('en'), []), 'The health issue');
    assert.equal(q.speaker?.name, 'Caddell');
  });
});

describe('quotes: sample corpus through analyze()', () => {
  const en = readFileSync(path.join(corpus, '000_0891fa58e8947cdd.txt'), 'utf8');
  const fr = readFileSync(path.join(corpus, '002_99e5ccb7759e430c.txt'), 'utf8');
  const a = analyze(en, { lang: 'en' });
  const b = analyze(fr, { lang: 'fr' });

  const speakerName = (qs: Quote[], prefix: string): string | undefined => quoteStarting(qs, prefix).speaker?.name;

  it('keeps every span exact', () => {
    checkSpans(en, a.quotes);
    checkSpans(fr, b.quotes);
  });

  // [prefix, speaker, attributing words, via]
  const enTable: Array<[string, string, string, string]> = [
    ['Given the rumors', 'TikTok', 'the hugely popular social network', 'description'],
    ['TikTok is not available in China', 'TikTok', 'the company', 'description'],
    ['TikTok has never provided', 'TikTok', 'the company', 'continuation'],
    ['For nearly a year', 'TikTok', 'TikTok', 'named'],
    ['If you are a musician', 'Steve Stoute', 'Steve Stoute', 'named'],
    // a whole quote paragraph right after an attributed quote paragraph continues that speaker
    ['By combining the two', 'Steve Stoute', 'Steve Stoute', 'continuation'],
    ['We are here for a long time', 'Vanessa Pappas', 'Vanessa Pappas', 'named'],
    // "She also said she was "proud"": a partial quotation attributed by "said"
    ['proud', 'Vanessa Pappas', 'She', 'pronoun'],
  ];
  for (const [prefix, who, words, via] of enTable) {
    it(`EN: "${prefix}…" → ${who} (${via})`, () => {
      const q = quoteStarting(a.quotes, prefix);
      assert.equal(q.scare, false);
      assert.equal(q.speaker?.name, who);
      assert.equal(en.slice(q.speaker!.start, q.speaker!.end), words);
      assert.equal(q.speaker?.via, via);
      const ent = a.entities.find((e) => e.id === q.speaker?.entityId);
      assert.equal(ent?.name, who, 'resolved to the entity');
    });
  }

  it('EN: scare quotes "rumors" and the slogan have no speaker', () => {
    for (const p of ['rumors', 'the last sunshine of the Internet']) {
      const q = quoteStarting(a.quotes, p);
      assert.equal(q.scare, true, p);
      assert.equal(q.speaker, null, p);
    }
  });

  const frTable: Array<[string, string, string, string]> = [
    ['ByteDance nous a fait savoir', 'Microsoft', 'la société', 'description'],
    ['Pour ce faire', 'Microsoft', 'Microsoft', 'named'],
    ['Nous sommes en désaccord', 'TikTok', 'elle', 'pronoun'],
    ['TikTok capture automatiquement', 'le décret', 'le décret', 'description'],
  ];
  for (const [prefix, who, words, via] of frTable) {
    it(`FR: « ${prefix}… » → ${who} (${via})`, () => {
      const q = quoteStarting(b.quotes, prefix);
      assert.equal(q.scare, false);
      assert.equal(speakerName(b.quotes, prefix), who);
      assert.equal(fr.slice(q.speaker!.start, q.speaker!.end), words);
      assert.equal(q.speaker?.via, via);
    });
  }

  it('FR: « urgence nationale » is a scare quote without the spaces inside the guillemets', () => {
    const q = quoteStarting(b.quotes, 'urgence nationale');
    assert.equal(q.text, 'urgence nationale');
    assert.equal(q.scare, true);
    assert.equal(fr.slice(q.outer.start, q.outer.start + 1), '«');
    assert.equal(fr.slice(q.outer.end - 1, q.outer.end), '»');
  });

  it("FR: the second quote of a paragraph continues the first one's speaker", () => {
    const q = quoteStarting(b.quotes, 'Nous sommes convaincus');
    assert.equal(q.speaker?.name, 'Microsoft');
    assert.equal(q.speaker?.via, 'continuation');
  });
});

describe('quotes: hostile input', () => {
  const table: Array<[string, () => string]> = [
    ['10,000 straight quote marks', () => '"'.repeat(10000)],
    ['10,000 mixed marks', () => '“«"‘’‹›»”„'.repeat(1000)],
    ['a 2 MB single line of quotes', () => 'He said "hello there" and left. '.repeat(65000)],
    ['a 2 MB line with one opening mark', () => '"' + 'a '.repeat(1000000)],
    ['many unclosed single quotes', () => '‘a '.repeat(100000)],
    ['lone surrogates', () => '\ud800"\udc00"'.repeat(1000)],
  ];
  for (const [label, make] of table) {
    it(`${label}: no exception, exact spans, paragraph-capped`, () => {
      const text = make();
      const qs = findQuotes(text, pack('en'), []);
      checkSpans(text, qs);
    });
  }

  it('stops when the signal is aborted', () => {
    const ac = new AbortController();
    ac.abort();
    assert.throws(() => findQuotes('"a" said X', pack('en'), [], ac.signal), /cancelled/);
  });
});
