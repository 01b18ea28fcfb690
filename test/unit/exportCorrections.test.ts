// The exports with the reader's corrections, on the sample corpus and the corrections file of
// test/fixtures/corrections (each action kind, rules of each scope, link verdicts): the CLI JSON marks every
// annotation `source` and `verified`, the W3C export says who made each annotation (`creator`) and why
// (`motivation`), brat marks them with attributes, and the TMX memory keeps the reader's links and drops the
// rejected ones.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { targetFromSpan } from '../../src/core/corrections/anchor';
import type { LinkCorrection } from '../../src/core/corrections/model';
import { parseCorrections, readCorrections } from '../../src/core/corrections/parse';
import { correctionsForFile } from '../../src/core/corrections/scope';
import { crossReference, type CrossRefDoc } from '../../src/core/crossRef';
import type { SpanLink } from '../../src/core/crossRefTypes';
import { toBrat, toCliDocument, toWebAnnotation, type WebAnnotation } from '../../src/core/export';
import { missingInNotes, tmxPairsFromLinks, toTmx } from '../../src/core/tmx';

const corpusDir = join(__dirname, '..', 'fixtures', 'corpus');
const [A, B, F] = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
const checked = parseCorrections(
  readFileSync(join(__dirname, '..', 'fixtures', 'corrections', 'corpus.corrections.json'), 'utf8'),
);
if ('problem' in checked)
  throw new Error(`the fixture corrections file does not parse: ${JSON.stringify(checked.problem)}`);
const entries = readCorrections(checked.data);
const textOf = (f: string) => readFileSync(join(corpusDir, f), 'utf8');
/** The fixture's paths are relative to its folder. */
const inFile = (f: string) => `../corpus/${f}`;
const story = [A, B, F].map(inFile);
const analysed = (f: string) =>
  analyze(textOf(f), { corrections: correctionsForFile(entries, { file: inFile(f), story }) });

const textA = textOf(A);
const a = analysed(A);

describe('export with corrections: CLI JSON', () => {
  const doc = toCliDocument(A, a);
  const entity = (name: string) => doc.entities.find((e) => e.name === name)!;

  it('gives every entity, mention, date, figure and quote a source and a verified flag', () => {
    const all = [
      ...doc.entities,
      ...doc.entities.flatMap((e) => e.mentions),
      ...doc.dates,
      ...doc.figures,
      ...doc.quotes,
    ];
    assert.ok(all.length > 50);
    for (const x of all) {
      assert.ok(x.source === 'auto' || x.source === 'reader', JSON.stringify(x));
      assert.equal(typeof x.verified, 'boolean');
    }
  });

  it('marks what the reader changed, with the correction, and what they checked', () => {
    const retyped = entity('White House');
    assert.equal(retyped.type, 'organization');
    assert.equal(retyped.source, 'reader');
    assert.equal(retyped.verified, true);
    assert.deepEqual(retyped.corrections, [{ id: 'c2', action: 'retype', at: '2024-05-02T10:00:00.000Z', by: 'Ana' }]);
    const added = entity('US government');
    assert.deepEqual([added.type, added.mentions[0].source], ['organization', 'reader']);
    assert.equal(textA.slice(added.mentions[0].start, added.mentions[0].end), 'US government');
    const checkedOnly = entity('Steve Stoute');
    assert.deepEqual([checkedOnly.source, checkedOnly.verified], ['auto', true]);
    const june = doc.dates.find((d) => d.text === 'June 1')!;
    assert.deepEqual([june.source, june.verified], ['auto', true]);
    const untouched = entity('TikTok');
    assert.deepEqual([untouched.source, untouched.verified, 'corrections' in untouched], ['auto', false, false]);
    assert.equal(
      doc.quotes.some((q) => q.text === 'the last sunshine of the Internet'),
      false,
      'not a quote',
    );
  });

  it('reports the verified counts and the orphaned correction', () => {
    assert.equal(doc.verified?.verified, 6);
    assert.deepEqual(
      doc.corrections.orphaned.map((o) => [o.id, o.reason]),
      [['c14', 'notFound']],
    );
  });
});

describe('export with corrections: W3C Web Annotation', () => {
  const items = toWebAnnotation(textA, a, 'file:///ws/a.txt').first.items;
  const on = (exact: string) => items.filter((i) => i.target.selector[0].exact === exact);
  const one = (exact: string): WebAnnotation => on(exact)[0];

  it('an annotation the reader changed is theirs: a person, motivation editing, when they made it', () => {
    const w = one('White House');
    assert.equal(w.motivation, 'editing');
    assert.deepEqual(w.creator, { type: 'Person', name: 'Ana' });
    assert.equal(w.created, '2024-05-02T10:00:00.000Z');
    assert.deepEqual(
      w.body.map((b) => b.value),
      ['organization', 'White House'],
    );
    const added = one('US government');
    assert.deepEqual([added.motivation, added.creator.type], ['editing', 'Person']);
  });

  it('an automatic annotation the reader checked: the software made it, the reader assessed it', () => {
    const s = one('Steve Stoute');
    assert.equal(s.motivation, 'assessing');
    assert.deepEqual(s.creator, { type: 'Software', name: 'Article Lens' });
    const check = s.body.find((b) => b.purpose === 'assessing');
    assert.deepEqual(check && [check.value, check.creator], ['verified', { type: 'Person', name: 'Ana' }]);
  });

  it('the analysis alone: the software identifies entities and classifies dates, figures and quotes', () => {
    for (const i of on('TikTok')) assert.deepEqual([i.motivation, i.creator.type], ['identifying', 'Software']);
    assert.deepEqual([one('Monday').motivation, one('Monday').creator.type], ['classifying', 'Software']);
    assert.equal(one('two executive orders').motivation, 'classifying');
    assert.ok(items.every((i) => i.creator.type === 'Person' || i.creator.name === 'Article Lens'));
  });
});

describe('export with corrections: brat attributes', () => {
  it('marks the reader\u2019s annotations Reader and the checked ones Verified', () => {
    const lines = toBrat(textA, a).split('\n');
    const idOf = (text: string) => lines.find((l) => /^T\d+\t/.test(l) && l.endsWith(`\t${text}`))!.split('\t')[0];
    const attributes = lines.filter((l) => l.startsWith('A')).map((l) => l.split('\t')[1]);
    assert.ok(attributes.includes(`Reader ${idOf('White House')}`));
    assert.ok(attributes.includes(`Verified ${idOf('Steve Stoute')}`));
    assert.ok(!attributes.includes(`Reader ${idOf('Steve Stoute')}`));
    assert.ok(attributes.every((x) => /^(Reader|Verified) T\d+$/.test(x)));
  });
});

describe('export with corrections: TMX', () => {
  const docs: CrossRefDoc[] = [A, B, F].map((f) => ({ file: inFile(f), text: textOf(f), analysis: analysed(f) }));
  const lang = (f: string) => (f.endsWith(F) ? 'fr' : 'en');
  const plain = crossReference(docs, { oneStory: true });
  const enFr = plain.links.filter(
    (l): l is SpanLink => l.kind === 'passage' && l.a.file === inFile(A) && l.b.file === inFile(F),
  );
  const rejectedPassage = enFr[0];
  const end = (s: SpanLink['a']) => ({ file: s.file, ...targetFromSpan(docs.find((d) => d.file === s.file)!.text, s) });
  const fr = docs[2].text;
  const frSentence = 'Microsoft sur les rangs';
  const frAt = fr.indexOf(frSentence);
  const links: LinkCorrection[] = [
    ...entries.links,
    { id: 'p1', kind: 'passage', status: 'rejected', a: end(rejectedPassage.a), b: end(rejectedPassage.b) },
    {
      id: 'p2',
      kind: 'passage',
      status: 'manual',
      a: { file: inFile(A), exact: 'Microsoft' },
      b: { file: inFile(F), ...targetFromSpan(fr, { start: frAt, end: frAt + frSentence.length }) },
    },
  ];
  const corrected = crossReference(docs, { oneStory: true, corrections: { links } });
  const pairs = tmxPairsFromLinks(corrected.links, lang, { srcLang: 'en', includeQuotes: true });

  it('leaves out the passage pair the reader rejected and keeps the one they made by hand', () => {
    assert.ok(enFr.length > 0, 'the aligner links English and French passages');
    const same = (p: (typeof pairs)[number], x: string, y: string) => p.source.text === x && p.target.text === y;
    assert.ok(
      tmxPairsFromLinks(plain.links, lang, { srcLang: 'en' }).some((p) =>
        same(p, rejectedPassage.a.text, rejectedPassage.b.text),
      ),
    );
    assert.ok(!pairs.some((p) => same(p, rejectedPassage.a.text, rejectedPassage.b.text)), 'rejected pair left out');
    const manual = pairs.find((p) => same(p, 'Microsoft', frSentence));
    assert.equal(manual?.reader, 'manual');
  });

  it('adds the entity pairs the reader confirmed or linked as term units, and none they rejected', () => {
    const terms = pairs.filter((p) => p.segtype === 'phrase').map((p) => [p.source.text, p.target.text, p.reader]);
    assert.deepEqual(terms, [
      ['New Zealand', 'Nouvelle-Zélande', 'confirmed'],
      ['US government', 'l’administration', 'manual'],
    ]);
    const xml = toTmx(pairs, { srcLang: 'en' });
    assert.match(
      xml,
      /<tu segtype="phrase">\n {6}<note>[^<]*<\/note>\n {6}<prop type="x-reader">confirmed<\/prop>\n {6}<tuv xml:lang="en"><seg>New Zealand<\/seg>/,
    );
    assert.doesNotMatch(xml, /<seg>Chine<\/seg>/);
  });

  it('lists in the header what each version lacks', () => {
    const focus = crossReference(docs, { oneStory: true, focus: inFile(F), corrections: { links } });
    const notes = missingInNotes(focus.missingIn ?? [], (f) => f.replace('../corpus/', ''));
    assert.equal(notes.length, 1, 'one note: the French version is the focus');
    assert.match(notes[0], new RegExp(`^Missing in ${F} \\(in the other versions\\): `));
    assert.match(notes[0], new RegExp(`entity Kevin Mayer \\[${A}, ${B}\\]`));
    // The reader rejected China ↔ Chine: China is then missing in the French version.
    assert.match(notes[0], /entity China \[/);
    const xml = toTmx(pairs, { srcLang: 'en', notes });
    assert.match(xml, /<header [^>]*>\n {4}<note>Missing in 002_99e5ccb7759e430c\.txt/);
    assert.match(xml, /<\/header>\n {2}<body>/);
  });
});
