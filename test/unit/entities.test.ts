import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { findEntities } from '../../src/core/entities';
import { lookupGazetteer } from '../../src/core/gazetteer';
import { tagEnglish } from '../../src/core/lang/en/tagger';
import type { Entity, EntityType } from '../../src/core/types';
import { pack } from './packs';

const ROOT = path.resolve(__dirname, '..', '..');
const corpus = (name: string): string => readFileSync(path.join(ROOT, 'test/fixtures/corpus', name), 'utf8');
const EN_000 = corpus('000_0891fa58e8947cdd.txt');
const EN_001 = corpus('001_1a341257ed710bcc.txt');
const FR_002 = corpus('002_99e5ccb7759e430c.txt');

function byName(ents: Entity[], name: string): Entity | undefined {
  return ents.find((e) => e.name === name || e.aliases.includes(name));
}

function expectEntity(ents: Entity[], name: string, type: EntityType): Entity {
  const e = byName(ents, name);
  assert.ok(e, `expected entity "${name}" (${type}); got ${ents.map((x) => `${x.name}/${x.type}`).join(', ')}`);
  assert.equal(e.type, type, `type of "${name}"`);
  return e;
}

function assertSpans(text: string, ents: Entity[]): void {
  for (const e of ents) {
    for (const m of e.mentions) {
      assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end, `span in bounds: ${JSON.stringify(m)}`);
      assert.equal(text.slice(m.start, m.end), m.text);
    }
  }
}

describe('entities: sample corpus', () => {
  it('000 (EN AFP dispatch): organizations, people and places a reader finds', () => {
    const ents = findEntities(EN_000, pack('en'));
    assertSpans(EN_000, ents);
    for (const o of [
      'TikTok',
      'ByteDance',
      'Oracle',
      'Microsoft',
      'Spotify',
      'UnitedMasters',
      'Sequoia Capital',
      'Bloomberg',
      'Disney',
      'AFP',
    ]) {
      expectEntity(ents, o, 'organization');
    }
    for (const p of ['Donald Trump', 'Kevin Mayer', 'Steve Stoute', 'Vanessa Pappas']) expectEntity(ents, p, 'person');
    for (const l of [
      'China',
      'Washington',
      'Beijing',
      'Virginia',
      'Singapore',
      'Canada',
      'Australia',
      'New Zealand',
      'San Francisco',
    ]) {
      expectEntity(ents, l, 'place');
    }
    const us = expectEntity(ents, 'United States', 'place');
    assert.equal(us.name, 'United States');
    assert.ok(us.aliases.includes('US') && us.aliases.includes('U.S.'), `US aliases: ${us.aliases.join(', ')}`);
    // "TikTok" is an organization at every one of its mentions, sentence-initial ones included.
    const tiktok = expectEntity(ents, 'TikTok', 'organization');
    assert.equal(tiktok.mentions.length, EN_000.split('TikTok').length - 1);
    // Demonyms and weekdays are not entities.
    for (const not of ['American', 'Chinese', 'Monday', 'Friday']) assert.equal(byName(ents, not), undefined, not);
  });

  it('001 (EN rewrite): the same story gives the same key entities', () => {
    const ents = findEntities(EN_001, pack('en'));
    assertSpans(EN_001, ents);
    expectEntity(ents, 'Donald Trump', 'person');
    expectEntity(ents, 'TikTok', 'organization');
    expectEntity(ents, 'ByteDance', 'organization');
    expectEntity(ents, 'Kevin Mayer', 'person');
    expectEntity(ents, 'Steve Stoute', 'person');
    const us = expectEntity(ents, 'United States', 'place');
    assert.ok(us.aliases.includes('US'));
    expectEntity(ents, 'Washington', 'place');
  });

  it('002 (FR article): organizations, people and places, accents and hyphens included', () => {
    const ents = findEntities(FR_002, pack('fr'));
    assertSpans(FR_002, ents);
    const trump = expectEntity(ents, 'Donald Trump', 'person');
    assert.equal(trump.name, 'Donald Trump');
    assert.ok(trump.aliases.includes('Trump'), 'Trump clustered with Donald Trump');
    for (const o of [
      'Microsoft',
      'ByteDance',
      'TikTok',
      'Oracle',
      'Walmart',
      'Wall Street Journal',
      'South China Morning Post',
      'Parti communiste chinois',
      'ZDNet',
    ]) {
      expectEntity(ents, o, 'organization');
    }
    for (const l of ['Etats-Unis', 'Canada', 'Australie', 'Nouvelle-Zélande', 'Chine']) expectEntity(ents, l, 'place');
  });
});

const EN_CASES: Array<[string, Array<[string, EntityType]>]> = [
  [
    'Apple Inc said on Tuesday that Tim Cook would travel to Paris next week.',
    [
      ['Apple Inc', 'organization'],
      ['Tim Cook', 'person'],
      ['Paris', 'place'],
    ],
  ],
  [
    'German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin.',
    [
      ['Angela Merkel', 'person'],
      ['Emmanuel Macron', 'person'],
      ['Berlin', 'place'],
    ],
  ],
  [
    'The agreement was signed by NATO and the European Union in Brussels.',
    [
      ['NATO', 'organization'],
      ['European Union', 'organization'],
      ['Brussels', 'place'],
    ],
  ],
  [
    'Shares of ByteDance rivals fell, the firm Goldman Sachs said, while PayPal gained in New York.',
    [
      ['ByteDance', 'organization'],
      ['Goldman Sachs', 'organization'],
      ['PayPal', 'organization'],
      ['New York', 'place'],
    ],
  ],
  [
    'Mr. Johnson told reporters in London that the U.K. would not change course.',
    [
      ['Johnson', 'person'],
      ['London', 'place'],
      ['U.K.', 'place'],
    ],
  ],
];

const FR_CASES: Array<[string, Array<[string, EntityType]>]> = [
  [
    "Le président Emmanuel Macron s'est rendu à Marseille avec la ministre Élisabeth Borne.",
    [
      ['Emmanuel Macron', 'person'],
      ['Marseille', 'place'],
      ['Élisabeth Borne', 'person'],
    ],
  ],
  [
    "La Banque centrale européenne a relevé ses taux, selon l'Agence France-Presse.",
    [['Banque centrale européenne', 'organization']],
  ],
  [
    'Les États-Unis et le Royaume-Uni ont signé un accord avec la Nouvelle-Zélande.',
    [
      ['États-Unis', 'place'],
      ['Royaume-Uni', 'place'],
      ['Nouvelle-Zélande', 'place'],
    ],
  ],
  [
    "Le navire a traversé l'océan Indien avant d'atteindre Madagascar.",
    [
      ['océan Indien', 'place'],
      ['Madagascar', 'place'],
    ],
  ],
  [
    "L'Empire romain s'étendait alors jusqu'à la Garonne, selon l'historien.",
    [
      ['Empire romain', 'place'],
      ['Garonne', 'place'],
    ],
  ],
  [
    'Les Canadiens de Montréal ont quitté la Ligue nationale de hockey ?',
    [
      ['Canadiens de Montréal', 'organization'],
      ['Ligue nationale de hockey', 'organization'],
    ],
  ],
  ['Le ministre a rencontré le patron de la société Huawei au ministère de la Défense.', [['Huawei', 'organization']]],
];

describe('entities: real sentences', () => {
  for (const [lang, cases] of [
    ['en', EN_CASES],
    ['fr', FR_CASES],
  ] as const) {
    for (const [input, expected] of cases) {
      it(`${lang}: ${input}`, () => {
        const ents = findEntities(input, pack(lang));
        assertSpans(input, ents);
        for (const [name, type] of expected) expectEntity(ents, name, type);
      });
    }
  }

  it('remembers a type and links a surname to the full name for the whole article', () => {
    const text =
      'Donald Trump signed the order on Friday. Trump said the company ByteDance had 90 days.\n\nByteDance did not comment. Later, Trump added that ByteDance should sell.';
    const ents = findEntities(text, pack('en'));
    const trump = expectEntity(ents, 'Donald Trump', 'person');
    assert.deepEqual(trump.aliases, ['Trump']);
    assert.equal(trump.mentions.length, 3);
    const bd = expectEntity(ents, 'ByteDance', 'organization');
    assert.equal(bd.mentions.length, 3);
  });

  it('clusters United States / US / U.S. and États-Unis / Etats-Unis', () => {
    const en = findEntities('The United States said US officials and U.S. diplomats would meet.', pack('en'));
    const us = expectEntity(en, 'United States', 'place');
    assert.deepEqual([...us.aliases].sort(), ['U.S.', 'US']);
    const fr = findEntities('Les États-Unis ont répondu. Aux Etats-Unis, la décision divise.', pack('fr'));
    const eu = expectEntity(fr, 'États-Unis', 'place');
    assert.equal(eu.mentions.length, 2);
  });

  it('types sports results lines: a city followed by a score is a team', () => {
    const text =
      'Results of English league matches on Saturday:\nLeeds 2 Chelsea 1\nLiverpool 0 Arsenal 0\n\nThe match was played in Leeds on a cold evening.';
    const ents = findEntities(text, pack('en'));
    const leedsTeam = ents.find((e) => e.type === 'organization' && e.name === 'Leeds');
    assert.ok(leedsTeam, 'Leeds as a team');
    assert.equal(leedsTeam.mentions[0].start, text.indexOf('Leeds 2'));
    expectEntity(ents, 'Chelsea', 'organization');
    expectEntity(ents, 'Arsenal', 'organization');
  });

  it('reads headlines in capitals only through the gazetteer and lexicons', () => {
    const ents = findEntities(
      'SOCCER - JAPAN BEAT CHINA IN HONG KONG\nTOKYO 1996-08-30\nJapan beat China 2-1 on Friday.',
      pack('en'),
    );
    expectEntity(ents, 'JAPAN', 'place');
    expectEntity(ents, 'HONG KONG', 'place');
    expectEntity(ents, 'TOKYO', 'place');
    assert.equal(byName(ents, 'SOCCER'), undefined);
    assert.equal(byName(ents, 'BEAT'), undefined);
  });

  it('does not take acronyms from lower-case or sentence-initial words ("Un", "Us", "eau")', () => {
    const fr = findEntities("Un accord a été signé. L'ONU et l'UE ont salué l'eau potable.", pack('fr'));
    assert.equal(byName(fr, 'Un'), undefined);
    expectEntity(fr, 'ONU', 'organization');
    expectEntity(fr, 'UE', 'organization');
  });

  it('gazetteer has country names in both languages', () => {
    assert.equal(lookupGazetteer('Nouvelle-Zélande')?.key, 'country:NZ');
    assert.equal(lookupGazetteer('New Zealand')?.key, 'country:NZ');
    assert.equal(lookupGazetteer('Etats-Unis')?.key, lookupGazetteer('U.S.')?.key);
    assert.equal(lookupGazetteer('Allemagne')?.key, 'country:DE');
  });
});

describe('entities: offsets, robustness, cost', () => {
  it("compromise's offsets are UTF-16 indices into the JS string (accents, CRLF, emoji)", () => {
    const text = 'Café 😀 déjà vu\r\nÉmile Zola 👍🏽 went to Montréal.\r\n\r\n😀😀 Jean Dupont met Zoë Kravitz.';
    for (const t of tagEnglish(text)) assert.equal(text.slice(t.start, t.end), t.text);
    const ents = findEntities(text, pack('en'));
    assertSpans(text, ents);
    expectEntity(ents, 'Montréal', 'place');
    const zola = byName(ents, 'Émile Zola');
    assert.ok(zola);
    assert.equal(zola.mentions[0].start, text.indexOf('Émile Zola'));
  });

  it('does not throw on hostile input', () => {
    const inputs = [
      '',
      '   ',
      '\u0000\u0001\u0002',
      '\ud800 Lone \udc00 Surrogates',
      '"'.repeat(10_000),
      'A'.repeat(50_000),
      'É.'.repeat(5000),
      "l'''' d'' L'A'B'C",
      'U.S.'.repeat(2000),
    ];
    for (const s of inputs) {
      for (const lang of ['en', 'fr'] as const) assertSpans(s, findEntities(s, pack(lang)));
    }
  });

  it('finishes on a 1 MB text and honours an aborted signal', () => {
    let big = '';
    while (big.length < 1_000_000) big += EN_000 + '\n\n';
    const ents = findEntities(big, pack('en'));
    assert.ok(byName(ents, 'TikTok'));
    const ac = new AbortController();
    ac.abort();
    assert.throws(
      () => findEntities(big, pack('en'), ac.signal),
      (e: Error) => e.name === 'AbortError',
    );
  });
});

describe('entities: English and French compromise instances are isolated', () => {
  const enOnlyScript = `
    const { findEntities } = require(${JSON.stringify(path.join(ROOT, 'src/core/entities.ts'))});
    const { packFor } = require(${JSON.stringify(path.join(ROOT, 'src/core/lang/registry.ts'))});
    const fs = require('fs');
    const text = fs.readFileSync(${JSON.stringify(path.join(ROOT, 'test/fixtures/corpus/000_0891fa58e8947cdd.txt'))}, 'utf8');
    process.stdout.write(JSON.stringify(findEntities(text, packFor('en'))));
  `;

  it('English after French in this process equals English in a fresh process', () => {
    findEntities(FR_002, pack('fr'));
    const afterFrench = JSON.stringify(findEntities(EN_000, pack('en')));
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    // The fresh process loads the entity models as mocha does (test/binaryModule.js).
    const r = spawnSync(tsx, ['--require', './test/binaryModule.js', '-e', enOnlyScript], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(afterFrench, r.stdout);
  });

  it('the esbuild bundle (as shipped) also gives the same English results before and after French', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'al-iso-'));
    try {
      const entry = `
        import { findEntities } from ${JSON.stringify(path.join(ROOT, 'src/core/entities'))};
        import { packFor } from ${JSON.stringify(path.join(ROOT, 'src/core/lang/registry'))};
        import { readFileSync } from 'fs';
        const en = readFileSync(${JSON.stringify(path.join(ROOT, 'test/fixtures/corpus/000_0891fa58e8947cdd.txt'))}, 'utf8');
        const fr = readFileSync(${JSON.stringify(path.join(ROOT, 'test/fixtures/corpus/002_99e5ccb7759e430c.txt'))}, 'utf8');
        const before = JSON.stringify(findEntities(en, packFor('en')!));
        findEntities(fr, packFor('fr')!);
        const after = JSON.stringify(findEntities(en, packFor('en')!));
        process.stdout.write(JSON.stringify({ same: before === after, before }));
      `;
      const out = buildSync({
        stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        write: false,
        logLevel: 'silent',
        target: 'node20',
        loader: { '.bin': 'binary', '.txt': 'text' },
      });
      const file = path.join(dir, 'bundle.js');
      writeFileSync(file, out.outputFiles[0].text);
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.equal(r.status, 0, r.stderr);
      const res = JSON.parse(r.stdout) as { same: boolean; before: string };
      assert.equal(res.same, true, 'French changed the English results in the bundle');
      assert.equal(res.before, JSON.stringify(findEntities(EN_000, pack('en'))));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
