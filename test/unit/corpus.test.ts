import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { foldKey } from '../../src/core/text';
import type { ArticleAnalysis, EntityType } from '../../src/core/types';

// End-to-end expectations on the three sample articles, written by reading them (not from program output).
// Lists are "must find"; a few "must not find" lines guard against the usual false positives.
// (That French-then-English gives the English-only result is proven in entities.test.ts against a fresh process.)

const read = (name: string) => readFileSync(join(__dirname, '../fixtures/corpus', name), 'utf8');
const AFP = read('000_0891fa58e8947cdd.txt');
const REWRITE = read('001_1a341257ed710bcc.txt');
const FRENCH = read('002_99e5ccb7759e430c.txt');

function entityOf(a: ArticleAnalysis, surface: string) {
  const key = foldKey(surface);
  return a.entities.find((e) => foldKey(e.name) === key || e.aliases.some((x) => foldKey(x) === key));
}

function expectEntities(a: ArticleAnalysis, type: EntityType, names: string[]) {
  for (const name of names) {
    const e = entityOf(a, name);
    assert.ok(e, `${type} "${name}" not found; have: ${a.entities.map((x) => `${x.name}:${x.type}`).join(', ')}`);
    assert.equal(e.type, type, `"${name}" should be a ${type}, got ${e.type}`);
  }
}

function quoteStarting(a: ArticleAnalysis, prefix: string) {
  const q = a.quotes.find((x) => x.text.startsWith(prefix));
  assert.ok(q, `no quote starting "${prefix}"; have: ${a.quotes.map((x) => x.text.slice(0, 30)).join(' | ')}`);
  return q;
}

function speakerEntityName(a: ArticleAnalysis, prefix: string): string | null {
  const q = quoteStarting(a, prefix);
  if (!q.speaker) return null;
  const e = a.entities.find((x) => x.id === q.speaker!.entityId);
  return e ? e.name : q.speaker.name;
}

describe('sample corpus: the AFP dispatch (000)', function () {
  this.timeout(60000);
  let a: ArticleAnalysis;
  before(() => {
    a = analyze(AFP);
  });

  it('is English with a reference year from the © line', () => {
    assert.equal(a.language, 'en');
    assert.ok(a.referenceDate, 'a reference date');
    assert.ok(a.referenceDate.value.startsWith('2020'), a.referenceDate.value);
  });

  it('finds the people', () =>
    expectEntities(a, 'person', ['Donald Trump', 'Kevin Mayer', 'Steve Stoute', 'Vanessa Pappas']));
  it('finds the organizations compromise misses', () =>
    expectEntities(a, 'organization', [
      'TikTok',
      'ByteDance',
      'Microsoft',
      'Oracle',
      'Spotify',
      'UnitedMasters',
      'Sequoia Capital',
      'Bloomberg',
    ]));
  it('finds the places', () =>
    expectEntities(a, 'place', [
      'United States',
      'China',
      'Beijing',
      'Virginia',
      'Singapore',
      'Canada',
      'Australia',
      'New Zealand',
    ]));
  it('clusters US and U.S. with the United States', () => {
    const us = entityOf(a, 'United States');
    assert.ok(us);
    assert.equal(entityOf(a, 'U.S.')?.id, us.id);
    assert.equal(entityOf(a, 'US')?.id, us.id);
  });
  it('counts every TikTok mention', () => {
    const tiktok = entityOf(a, 'TikTok');
    const expected = AFP.match(/\bTikTok\b/g)!.length;
    assert.equal(tiktok?.mentions.length, expected);
  });
  it('does not take sentence-initial words or weekdays for names', () => {
    for (const bogus of ['Given', 'Monday', 'Friday', 'If', 'By', 'He', 'She', 'The American president']) {
      assert.equal(entityOf(a, bogus), undefined, bogus);
    }
  });

  it('resolves "June 1" into the past of 2020 and "within 90 days" to a duration', () => {
    const june = a.dates.find((d) => d.text.includes('June 1'));
    assert.equal(june?.value, '2020-06-01');
    const within = a.dates.find((d) => d.text.includes('90 days'));
    assert.equal(within?.kind, 'duration');
    assert.equal(within?.value, 'P90D');
    assert.ok(
      a.dates.some((d) => /ten days ago/.test(d.text)),
      'ten days ago',
    );
    assert.ok(
      a.dates.some((d) => /Monday/.test(d.text)),
      'Monday',
    );
  });

  it('attributes the quotes', () => {
    assert.equal(speakerEntityName(a, 'TikTok is not available in China'), 'TikTok');
    assert.equal(speakerEntityName(a, 'TikTok has never provided'), 'TikTok');
    assert.equal(speakerEntityName(a, 'For nearly a year'), 'TikTok');
    assert.equal(speakerEntityName(a, 'If you are a musician'), 'Steve Stoute');
    assert.equal(speakerEntityName(a, 'We are here for a long time'), 'Vanessa Pappas');
    const said = quoteStarting(a, 'TikTok is not available in China').speaker!;
    assert.equal(AFP.slice(said.start, said.end), 'the company');
  });
  it('marks "rumors" as a scare quote', () => {
    assert.equal(quoteStarting(a, 'rumors').scare, true);
    assert.equal(quoteStarting(a, 'Given the rumors').scare, false);
  });
  it('finds the employee and jobs figures', () => {
    assert.ok(a.figures.some((f) => f.value === 1500 && f.unit === 'employees'));
    assert.ok(a.figures.some((f) => f.value === 10000 && f.unit === 'jobs'));
  });
});

describe('sample corpus: the rewrite (001)', function () {
  this.timeout(60000);
  let a: ArticleAnalysis;
  before(() => {
    a = analyze(REWRITE);
  });
  it('resolves "Monday 17 August" and "Friday, August 14" against the article year', () => {
    assert.equal(a.language, 'en');
    const aug17 = a.dates.find((d) => d.text.includes('17 August'));
    assert.ok(aug17?.value?.endsWith('-08-17'), aug17?.value ?? 'missing');
    const aug14 = a.dates.find((d) => d.text.includes('August 14'));
    assert.ok(aug14?.value?.endsWith('-08-14'), aug14?.value ?? 'missing');
  });
  it('links "Donald Trump" mentions into one person', () => {
    const trump = entityOf(a, 'Donald Trump');
    assert.equal(trump?.type, 'person');
    assert.ok((trump?.mentions.length ?? 0) >= 4);
  });
  it('attributes curly-quoted statements', () => {
    assert.equal(speakerEntityName(a, 'If you’re a musician'), 'Steve Stoute');
    assert.equal(speakerEntityName(a, 'For almost a year'), 'TikTok');
  });
});

describe('sample corpus: the French article (002)', function () {
  this.timeout(60000);
  let a: ArticleAnalysis;
  before(() => {
    a = analyze(FRENCH);
  });
  it('is French', () => assert.equal(a.language, 'fr'));
  it('finds full names, companies and accented places', () => {
    expectEntities(a, 'person', ['Donald Trump']);
    expectEntities(a, 'organization', ['Microsoft', 'TikTok', 'ByteDance', 'Oracle', 'Walmart']);
    expectEntities(a, 'place', ['Etats-Unis', 'Canada', 'Australie', 'Nouvelle-Zélande', 'Chine']);
    assert.equal(entityOf(a, 'Trump')?.id, entityOf(a, 'Donald Trump')?.id);
  });
  it('reads « guillemets » with their non-breaking spaces', () => {
    const q = quoteStarting(a, 'ByteDance nous a fait savoir');
    assert.equal(q.mark, 'guillemet');
    assert.ok(!/^\s|\s$/.test(q.text), 'no spaces inside the quote text');
    assert.equal(quoteStarting(a, 'urgence nationale').scare, true);
  });
  it('attributes « écrit la société », « ajoute Microsoft », « conclut-elle »', () => {
    assert.equal(speakerEntityName(a, 'ByteDance nous a fait savoir'), 'Microsoft');
    assert.equal(speakerEntityName(a, 'Pour ce faire'), 'Microsoft');
    assert.equal(speakerEntityName(a, 'Nous sommes en désaccord'), 'TikTok');
  });
  it('finds "15 septembre" and "pendant près d’un an"', () => {
    const sept = a.dates.find((d) => d.text.includes('15'));
    assert.ok(sept?.value?.endsWith('-09-15'), sept?.value ?? 'missing');
    const year = a.dates.find((d) => /près d.un an/.test(d.text));
    assert.equal(year?.kind, 'duration');
  });
  it('finds the download figures', () => {
    assert.ok(a.figures.some((f) => f.value === 175e6 && f.unit === 'téléchargements'));
  });
});
