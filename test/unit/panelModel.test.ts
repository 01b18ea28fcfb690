// The side panel's view model (src/views/panelModel.ts) for a real article, and the status it shows when there is
// no analysis. Expectations come from reading the article.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { ENTITY_KINDS, plainEnglish, type Translate } from '../../src/core/kinds';
import { buildPanelModel, correctionRequest } from '../../src/views/panelModel';

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
    if (firstUnresolved >= 0)
      assert.ok(m.dates.slice(firstUnresolved).every((d) => !d.value || !/^\d{4}/.test(d.value)));
    const tail = m.dates.slice(firstUnresolved);
    assert.deepEqual(
      tail.map((d) => d.start),
      [...tail.map((d) => d.start)].sort((x, y) => x - y),
    );
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
    assert.deepEqual(labels.kinds, {
      person: '‹People›',
      organization: '‹Organizations›',
      place: '‹Places›',
      date: '‹Dates›',
      figure: '‹Figures›',
      quote: '‹Quotes›',
    });
    assert.equal(labels.filter, '‹Filter›');
  });

  it('without an analysis, says why instead of listing', () => {
    const status = (state: Parameters<typeof buildPanelModel>[2]) =>
      buildPanelModel(doc, undefined, state, plainEnglish, 'en');
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
    const de = analyze('Die Bundesregierung hat am Montag in Berlin neue Regeln beschlossen, sagte ein Sprecher.', {
      lang: 'de',
    });
    assert.ok(de.notes.length > 0);
    assert.equal(buildPanelModel(doc, de, { status: 'ready' }, plainEnglish, 'en').status, de.notes.join(' · '));
  });

  describe("rows' correction buttons", () => {
    const ids = (row: { actions: Array<{ id: string }> }) => row.actions.map((x) => x.id);

    it('an entity offers not an entity, change type, rename, merge and verified, anchored on its first mention', () => {
      const tiktok = m.entities.find((e) => e.name === 'TikTok')!;
      assert.deepEqual(ids(tiktok), ['notEntity', 'retype', 'rename', 'merge', 'verify']);
      assert.deepEqual(tiktok.target, { kind: 'entity', ...tiktok.mentions[0] });
      assert.equal(text.slice(tiktok.target.start, tiktok.target.end), 'TikTok');
      assert.ok(tiktok.actions.every((x) => x.label.length > 0));
    });

    it('a verified entity no longer offers "Mark verified"; the only entity has nothing to merge with', () => {
      const verified = { ...a, entities: a.entities.map((e) => (e.name === 'TikTok' ? { ...e, verified: true } : e)) };
      const row = buildPanelModel(doc, verified, { status: 'ready' }, plainEnglish, 'en').entities.find(
        (e) => e.name === 'TikTok',
      )!;
      assert.ok(!ids(row).includes('verify'));
      const alone = { ...a, entities: a.entities.filter((e) => e.name === 'TikTok') };
      assert.deepEqual(ids(buildPanelModel(doc, alone, undefined, plainEnglish, 'en').entities[0]), [
        'notEntity',
        'retype',
        'rename',
        'verify',
      ]);
    });

    it('a quote offers set speaker, clear speaker (when it has one), not a quote, scare quote and verified', () => {
      const said = m.quotes.find((q) => q.speaker)!;
      assert.deepEqual(ids(said), ['setSpeaker', 'clearSpeaker', 'notQuote', 'scare', 'verify']);
      // Anchored on the quoted words (inside the marks), as the light bulb's quote corrections are.
      assert.equal(text.slice(said.target.start, said.target.end), said.text);
      const nobody = m.quotes.find((q) => !q.speaker);
      if (nobody) assert.deepEqual(ids(nobody), ['setSpeaker', 'notQuote', 'scare', 'verify']);
    });

    it('a date offers set value, reference date (a full day other than the current one) and verified', () => {
      for (const d of m.dates) {
        const day = !!d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && d.value !== a.referenceDate?.value;
        assert.deepEqual(ids(d), day ? ['setDate', 'referenceDate', 'verify'] : ['setDate', 'verify'], d.text);
      }
      // A date resolved to a full day other than the reference date can become the reference date.
      const first = a.dates[0];
      assert.ok(first, 'the article has dates');
      const other = { ...a, dates: a.dates.map((d) => (d === first ? { ...d, value: '1999-01-01' } : d)) };
      const row = buildPanelModel(doc, other, undefined, plainEnglish, 'en').dates.find(
        (d) => d.start === first.start,
      )!;
      assert.deepEqual(ids(row), ['setDate', 'referenceDate', 'verify']);
    });

    it('a figure offers verified', () => {
      assert.ok(m.figures.length > 0);
      for (const f of m.figures) assert.deepEqual(ids(f), ['verify']);
    });

    it('labels come through the translator', () => {
      const marked: Translate = (s, ...args) => `‹${plainEnglish(s, ...args)}›`;
      const row = buildPanelModel(doc, a, undefined, marked, 'en').entities[0];
      assert.ok(
        row.actions.every((x) => /^‹.+›$/.test(x.label)),
        JSON.stringify(row.actions),
      );
    });
  });

  describe('a `correct` message from the webview', () => {
    const tiktok = m.entities.find((e) => e.name === 'TikTok')!;
    const quote = m.quotes[0];

    it('names a row and one of its actions: gives the command arguments', () => {
      assert.deepEqual(correctionRequest(m, { uri: doc.uri, action: 'retype', target: tiktok.target }), {
        action: 'retype',
        args: { uri: doc.uri, start: tiktok.target.start, end: tiktok.target.end },
      });
      assert.deepEqual(correctionRequest(m, { uri: doc.uri, action: 'notEntity', target: tiktok.target })?.args, {
        uri: doc.uri,
        start: tiktok.target.start,
        end: tiktok.target.end,
        wholeEntity: true,
      });
      assert.deepEqual(correctionRequest(m, { uri: doc.uri, action: 'verify', target: quote.target })?.args, {
        uri: doc.uri,
        start: quote.target.start,
        end: quote.target.end,
        kind: 'quote',
      });
    });

    it('is refused when it names another document, no row, an action the row lacks, or is malformed', () => {
      const refused = [
        { uri: 'file:///elsewhere.txt', action: 'retype', target: tiktok.target },
        { uri: doc.uri, action: 'retype', target: { ...tiktok.target, start: tiktok.target.start + 1 } },
        { uri: doc.uri, action: 'setSpeaker', target: tiktok.target },
        { uri: doc.uri, action: 'retype', target: { ...tiktok.target, kind: 'quote' } },
        { uri: doc.uri, action: 'undo', target: tiktok.target },
        { uri: doc.uri, action: 'toString', target: tiktok.target },
        { uri: doc.uri, action: 'retype', target: { ...tiktok.target, kind: '__proto__' } },
        { uri: doc.uri, action: 'retype', target: { ...tiktok.target, start: '12' } },
        { uri: doc.uri, action: 'retype' },
        { uri: doc.uri, action: 'retype', target: null },
        { action: 'retype', target: tiktok.target },
      ];
      for (const msg of refused) assert.equal(correctionRequest(m, msg), undefined, JSON.stringify(msg));
      const none = buildPanelModel(undefined, undefined, undefined, plainEnglish, 'en');
      assert.equal(correctionRequest(none, { uri: null, action: 'retype', target: tiktok.target }), undefined);
    });
  });
});
