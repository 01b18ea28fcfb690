import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { findReferenceDate } from '../../src/core/dates';
import { pack } from './packs';

function corpus(prefix: string): string {
  const dir = path.join(__dirname, '..', 'fixtures', 'corpus');
  const f = readdirSync(dir).find((n) => n.startsWith(prefix));
  if (!f) throw new Error(`no corpus file ${prefix}`);
  return readFileSync(path.join(dir, f), 'utf8');
}

describe('reference date: history, datelines and the dates of the reported events', () => {
  it('never takes a date the article names a past event by', () => {
    const fr =
      'Hommage aux victimes\n\nVingt ans après les attentats du 11 septembre 2001, les familles se sont réunies à New York.';
    assert.equal(findReferenceDate(fr, pack('fr')), null);
    const en =
      'Memorial\n\nThe Aug. 7, 1998, bombings killed more than 200 people. Investigators said on Tuesday they had a lead.';
    assert.equal(findReferenceDate(en, pack('en')), null);
    const since = 'Markets\n\nThe index has not been this low since March 9, 2009, traders said.';
    assert.equal(findReferenceDate(since, pack('en')), null);
  });

  it('prefers the weekday and date of the reported events over a date of history', () => {
    const text =
      'Hommage aux victimes\n\nVingt ans après les attentats du 11 septembre 2001, les familles se sont réunies ' +
      'samedi 11 septembre 2021 à New York, a indiqué la mairie.';
    const r = findReferenceDate(text, pack('fr'));
    assert.equal(r?.value, '2021-09-11');
    assert.equal(r?.source, 'text');
    assert.equal(r?.span?.text, 'samedi 11 septembre 2021');
    assert.match(r?.reason ?? '', /weekday/);
  });

  it('gives a weekday and date without a year the year in which that day has that weekday', () => {
    const text =
      'Storm hits the coast\n\nThe storm made landfall on Thursday 31 October, three years after the hurricane ' +
      'of 2016, officials said. Schools will reopen in 2019 at the earliest.';
    const r = findReferenceDate(text, pack('en'));
    // 31 October 2019 was a Thursday
    assert.equal(r?.value, '2019-10-31');
    assert.equal(r?.span?.text, 'Thursday 31 October');
  });

  it('takes a later date of the reported events, not an older year the article recalls', () => {
    const text =
      'Rates\n\nThe bank last cut rates on June 2, 2015. On 17 March 2020 it cut them again, the governor said.';
    assert.equal(findReferenceDate(text, pack('en'))?.value, '2020-03-17');
  });

  it('a dateline wins over every other date, and says so', () => {
    const text =
      'PARIS, 14 septembre 2020 (AFP) - Depuis le 11 septembre 2001, la sécurité a changé, a dit lundi 13 septembre le ministre.';
    const r = findReferenceDate(text, pack('fr'));
    assert.deepEqual([r?.value, r?.source, r?.reason], ['2020-09-14', 'dateline', 'the dateline']);
  });

  it('resolves the relative dates of the sample AFP dispatch against its © year, with a dateline added the day', () => {
    const text = corpus('000');
    assert.equal(analyze(text, { lang: 'en' }).referenceDate?.source, 'copyright');
    const dated = `SAN FRANCISCO, Aug. 17, 2020 (AFP)\n\n${text}`;
    const a = analyze(dated, { lang: 'en' });
    assert.deepEqual([a.referenceDate?.value, a.referenceDate?.source], ['2020-08-17', 'dateline']);
    const monday = a.dates.find((d) => d.text === 'Monday');
    assert.equal(monday?.value, '2020-08-17');
  });

  it('the sample French article gives no reference date from its deadline (“jusqu’au 15 septembre”)', () => {
    assert.equal(findReferenceDate(corpus('002'), pack('fr')), null);
  });
});
