// The side panel's view model (src/views/panelModel.ts) for a real article, and the status it shows when there is
// no analysis. Expectations come from reading the article.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { ENTITY_KINDS, plainEnglish, type Translate } from '../../src/core/kinds';
import { buildPanelModel } from '../../src/views/panelModel';

const file = '001_1a341257ed710bcc.txt';
const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', file), 'utf8');
const a = analyze(text);
const doc = { uri: `file:///news/${file}`, title: file };

describe('panel model', () => {
  const m = buildPanelModel(doc, a, { status: 'ready' }, plainEnglish, 'en');

  it('describes the document and its analysis', () => {
    assert.equal(m.uri, doc.uri);
    assert.equal(m.title, file);
    assert.equal(m.language, 'en');
    assert.equal(m.status, null);
    assert.deepEqual(m.entityKinds, [...ENTITY_KINDS], 'sections in the registry order');
  });

  it('lists every entity with its kind, mention count and mention spans', () => {
    assert.equal(m.entities.length, a.entities.length);
    const tiktok = m.entities.find((e) => e.name === 'TikTok');
    assert.ok(tiktok);
    assert.equal(tiktok.type, 'organization');
    assert.equal(tiktok.count, tiktok.mentions.length);
    assert.ok(tiktok.count > 10, 'TikTok is the subject of the article');
    for (const e of m.entities) for (const s of e.mentions) assert.equal(text.slice(s.start, s.end).length > 0, true);
    const us = m.entities.find((e) => e.name === 'United States');
    assert.deepEqual(us?.aliases, ['US']);
  });

  it('sorts dates in time order, unresolved ones last in text order, with a readable label', () => {
    const resolved = m.dates.filter((d) => d.value && /^\d{4}/.test(d.value)).map((d) => d.value!);
    assert.deepEqual(resolved, [...resolved].sort());
    const firstUnresolved = m.dates.findIndex((d) => !d.value || !/^\d{4}/.test(d.value));
    if (firstUnresolved >= 0) assert.ok(m.dates.slice(firstUnresolved).every((d) => !d.value || !/^\d{4}/.test(d.value)));
    const tail = m.dates.slice(firstUnresolved);
    assert.deepEqual(tail.map((d) => d.start), [...tail.map((d) => d.start)].sort((x, y) => x - y));
    assert.equal(m.dates.find((d) => d.text === 'Monday 17 August')?.label, 'August 17');
  });

  it('lists statements with their speakers and leaves scare quotes out; figures with value and unit', () => {
    assert.ok(m.quotes.length > 0);
    assert.ok(m.quotes.every((q) => !q.scare));
    assert.ok(!m.quotes.some((q) => q.text === 'rumors'), '“rumors” is a scare quote');
    assert.ok(m.quotes.some((q) => q.speaker === 'Steve Stoute' && q.via === 'named'));
    for (const q of m.quotes) assert.match(text.slice(q.start, q.end), /^[“"«]/, 'a quote row covers its marks');
    const jobs = m.figures.find((f) => f.text === '1,500 American employees');
    assert.deepEqual(jobs && [jobs.value, jobs.unit], [1500, 'employees']);
  });

  it('labels every section through the translator', () => {
    const marked: Translate = (s, ...args) => `‹${plainEnglish(s, ...args)}›`;
    const labels = buildPanelModel(doc, a, undefined, marked, 'en').labels;
    assert.deepEqual(labels.kinds, { person: '‹People›', organization: '‹Organizations›', place: '‹Places›', date: '‹Dates›', figure: '‹Figures›', quote: '‹Quotes›' });
    assert.equal(labels.filter, '‹Filter›');
  });

  it('without an analysis, says why instead of listing', () => {
    const status = (state: Parameters<typeof buildPanelModel>[2]) => buildPanelModel(doc, undefined, state, plainEnglish, 'en');
    assert.match(status({ status: 'tooLarge' }).status ?? '', /too large to analyse/);
    assert.match(status({ status: 'timedOut' }).status ?? '', /took too long/);
    assert.equal(status({ status: 'error', error: 'worker exited' }).status, 'The analysis failed: worker exited');
    assert.equal(status({ status: 'pending' }).status, 'Analysing…');
    const empty = status({ status: 'pending' });
    assert.deepEqual([empty.entities, empty.dates, empty.quotes, empty.figures], [[], [], [], []]);
  });

  it('with no article, has no document and no status', () => {
    const none = buildPanelModel(undefined, undefined, undefined, plainEnglish, 'en');
    assert.equal(none.uri, null);
    assert.equal(none.status, null);
    assert.match(none.labels.noArticle, /^Open an article/);
  });

  it("shows the analysis's notes as its status (a language without entity support)", () => {
    const de = analyze('Die Bundesregierung hat am Montag in Berlin neue Regeln beschlossen, sagte ein Sprecher.', { lang: 'de' });
    assert.ok(de.notes.length > 0);
    assert.equal(buildPanelModel(doc, de, { status: 'ready' }, plainEnglish, 'en').status, de.notes.join(' · '));
  });
});
