// Annotation export (src/core/export.ts): the CLI JSON shape, brat standoff, and W3C Web Annotation JSON-LD,
// with offsets that map back to the exact text (code points for brat and W3C, UTF-16 for JSON).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { codePointMapper, EXPORT_FORMATS, toBrat, toCliDocument, type toWebAnnotation } from '../../src/core/export';
import type { ArticleAnalysis } from '../../src/core/types';

const corpusDir = join(__dirname, '..', 'fixtures', 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ file: f, text: readFileSync(join(corpusDir, f), 'utf8').replace(/^\ufeff/, '') }));

/** Slices by code points, the way brat (Python) and the W3C model count characters. */
function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

interface BratT {
  id: string;
  type: string;
  fragments: [number, number][];
  text: string;
}

/** Every character Python's str.splitlines() breaks a line at (brat's tooling reads .ann files with it). */
const SPLITLINES = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/;

/** A strict parser for the subset of brat standoff we write; throws on anything malformed. */
function parseBrat(ann: string): { t: Map<string, BratT>; r: [string, string, string][]; notes: Map<string, string> } {
  const t = new Map<string, BratT>();
  const r: [string, string, string][] = [];
  const notes = new Map<string, string>();
  // Split as brat's Python tooling does: a line break we did not mean would show up as a malformed line.
  for (const line of ann.split(SPLITLINES)) {
    if (!line) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(T\d+)\t([A-Za-z_][\w-]*) (\d+ \d+(?:;\d+ \d+)*)\t([^\t\n]*)$/.exec(line))) {
      const fragments = m[3].split(';').map((p) => p.split(' ').map(Number) as [number, number]);
      for (const [a, b] of fragments) assert.ok(a < b, line);
      t.set(m[1], { id: m[1], type: m[2], fragments, text: m[4] });
    } else if ((m = /^(R\d+)\t(\w+) Arg1:(T\d+) Arg2:(T\d+)$/.exec(line))) {
      assert.ok(t.has(m[3]) && t.has(m[4]), `relation args defined before use: ${line}`);
      r.push([m[2], m[3], m[4]]);
    } else if ((m = /^(#\d+)\tAnnotatorNotes (T\d+)\t([^\t\n]*)$/.exec(line))) {
      assert.ok(t.has(m[2]), line);
      notes.set(m[2], m[3]);
    } else {
      assert.fail(`not a brat standoff line: ${JSON.stringify(line)}`);
    }
  }
  return { t, r, notes };
}

function checkBrat(text: string, a: ArticleAnalysis): ReturnType<typeof parseBrat> {
  const parsed = parseBrat(toBrat(text, a));
  for (const ann of parsed.t.values()) {
    const covered = ann.fragments.map(([s, e]) => cpSlice(text, s, e)).join(' ');
    assert.equal(ann.text, covered.replace(/[\t\r\n]+/g, ' '), `${ann.id} text matches its offsets`);
    for (const [s, e] of ann.fragments)
      assert.doesNotMatch(cpSlice(text, s, e), SPLITLINES, 'fragments have no line breaks');
  }
  return parsed;
}

function checkW3c(text: string, a: ArticleAnalysis, source: string): ReturnType<typeof toWebAnnotation> {
  const json = JSON.parse(EXPORT_FORMATS.w3c.write({ name: 'x.txt', uri: source }, text, a));
  assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(json.type, 'AnnotationCollection');
  const items = json.first.items;
  assert.equal(json.total, items.length);
  const ids = new Set<string>();
  for (const item of items) {
    assert.equal(item.type, 'Annotation');
    assert.ok(['identifying', 'classifying', 'editing', 'assessing'].includes(item.motivation), item.motivation);
    assert.ok(['Software', 'Person'].includes(item.creator.type), 'every annotation has a creator');
    assert.ok(!ids.has(item.id), 'unique ids');
    ids.add(item.id);
    assert.ok(item.body.length >= 1);
    for (const b of item.body) assert.equal(b.type, 'TextualBody');
    assert.equal(item.target.source, source);
    const [quote, pos] = item.target.selector;
    assert.equal(quote.type, 'TextQuoteSelector');
    assert.equal(pos.type, 'TextPositionSelector');
    assert.equal(cpSlice(text, pos.start, pos.end), quote.exact, 'position selector covers the quoted text');
    assert.ok(text.includes(quote.prefix + quote.exact + quote.suffix), 'prefix + exact + suffix is in the text');
  }
  return json;
}

/** A hand-made analysis with astral characters, CRLF, a quote over two paragraphs and a speaker. */
function handMade(): { text: string; a: ArticleAnalysis } {
  const text = 'Paris 😀 (AFP)\r\n\r\n“Nous allons 🚀 vite,\r\n\r\nvraiment”, a déclaré Emmanuel Macron lundi.';
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const q = { start: text.indexOf('Nous'), end: text.indexOf('”') };
  const a: ArticleAnalysis = {
    language: 'fr',
    entitiesSupported: true,
    notes: [],
    referenceDate: null,
    entities: [
      { id: 'e1', type: 'place', name: 'Paris', aliases: [], mentions: [at('Paris')] },
      { id: 'e2', type: 'person', name: 'Emmanuel Macron', aliases: [], mentions: [at('Emmanuel Macron')] },
    ],
    figures: [],
    dates: [{ ...at('lundi'), kind: 'relative', value: null, resolvedFrom: 'none' }],
    quotes: [
      {
        ...q,
        text: text.slice(q.start, q.end),
        outer: { start: q.start - 1, end: q.end + 1 },
        mark: 'curly',
        scare: false,
        speaker: { name: 'Emmanuel Macron', entityId: 'e2', ...at('Emmanuel Macron'), via: 'named' },
      },
    ],
    sentences: [],
    paragraphs: [],
  };
  return { text, a };
}

describe('export: code-point offsets', () => {
  it('maps UTF-16 offsets to code points around astral characters', () => {
    const text = 'a😀b🚀c';
    const cp = codePointMapper(text);
    const table: [number, number][] = [
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
      [6, 4],
      [7, 5],
    ];
    for (const [u, c] of table) assert.equal(cp(u), c, `utf16 ${u}`);
    assert.equal(codePointMapper('plain')(3), 3);
  });
});

describe('export: CLI JSON', () => {
  it('has the CLI shape: version, documents[{file, language, referenceDate, entities, figures, dates, quotes}]', () => {
    const { text, a } = handMade();
    const json = JSON.parse(EXPORT_FORMATS.json.write({ name: 'story.fr.txt', uri: 'file:///story.fr.txt' }, text, a));
    assert.equal(json.version, 1);
    assert.equal(json.documents.length, 1);
    const d = json.documents[0];
    // The documented fields, in order; the extra fields the CLI adds may sit between them.
    const documented = ['file', 'language', 'referenceDate', 'entities', 'figures', 'dates', 'quotes'];
    assert.deepEqual(
      Object.keys(d).filter((k) => documented.includes(k)),
      documented,
    );
    assert.equal(d.file, 'story.fr.txt');
    assert.deepEqual(d.entities[1], {
      id: 'e2',
      type: 'person',
      name: 'Emmanuel Macron',
      aliases: [],
      source: 'auto',
      verified: false,
      mentions: [
        {
          start: text.indexOf('Emmanuel'),
          end: text.indexOf('Emmanuel') + 15,
          text: 'Emmanuel Macron',
          source: 'auto',
          verified: false,
        },
      ],
    });
    assert.equal(d.quotes[0].speaker.name, 'Emmanuel Macron');
    assert.equal(d.quotes[0].speaker.entityId, 'e2');
    for (const e of d.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  });
});

describe('export: brat standoff', () => {
  it('writes valid lines whose text matches the code-point offsets (astral characters, CRLF, multi-paragraph quote)', () => {
    const { text, a } = handMade();
    const { t, r, notes } = checkBrat(text, a);
    const types = [...t.values()].map((x) => x.type);
    assert.deepEqual(types, ['Place', 'Person', 'Date', 'Quote', 'Speaker']);
    const quote = [...t.values()].find((x) => x.type === 'Quote');
    assert.ok(quote);
    assert.equal(quote.fragments.length, 2, 'the quote over two paragraphs becomes two fragments');
    assert.equal(quote.text, 'Nous allons 🚀 vite, vraiment');
    assert.deepEqual(r, [['SaidBy', quote.id, 'T5']]);
    assert.equal(notes.get('T2'), 'e2: Emmanuel Macron');
  });

  it('splits spans and cleans notes at every line break splitlines() knows (U+2028, U+0085, VT, FF)', () => {
    const text = 'Jane\u2028Doe met the\u0085Acme\u000bBoard in\u000cParis\u2029today.';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const a: ArticleAnalysis = {
      ...handMade().a,
      language: 'en',
      entities: [
        { id: 'e1', type: 'person', name: 'Jane\u2028Doe', aliases: [], mentions: [at('Jane\u2028Doe')] },
        { id: 'e2', type: 'organization', name: 'Acme\u000bBoard', aliases: [], mentions: [at('Acme\u000bBoard')] },
      ],
      dates: [],
      figures: [{ ...at('in\u000cParis\u2029today'), value: 1, unit: 'x\u0085y', kind: 'count' }],
      quotes: [],
    };
    const ann = toBrat(text, a);
    assert.equal(ann.split(SPLITLINES).length, ann.split('\n').length, 'no line break inside a line');
    const { t, notes } = checkBrat(text, a);
    assert.deepEqual(
      [...t.values()].map((x) => [x.type, x.fragments.length, x.text]),
      [
        ['Person', 2, 'Jane Doe'],
        ['Organization', 2, 'Acme Board'],
        ['Figure', 3, 'in Paris today'],
      ],
    );
    assert.equal(notes.get('T1'), 'e1: Jane Doe');
    assert.equal(notes.get('T3'), 'count: 1 x y');
  });

  it('is valid on every corpus article analysed by the core', () => {
    for (const { file, text } of corpus) {
      const a = analyze(text);
      const { t } = checkBrat(text, a);
      const expected = a.entities.reduce((n, e) => n + e.mentions.length, 0) + a.dates.length + a.figures.length;
      assert.ok(t.size >= expected, file);
    }
  });
});

describe('export: W3C Web Annotation', () => {
  it('is a JSON-LD AnnotationCollection whose selectors round-trip (astral characters, CRLF)', () => {
    const { text, a } = handMade();
    const json = checkW3c(text, a, 'file:///ws/story.fr.txt');
    const bodies = json.first.items.map((i) => i.body.map((b) => b.value).join('|'));
    assert.deepEqual(bodies, ['place|Paris', 'person|Emmanuel Macron', 'date', 'quote|speaker: Emmanuel Macron']);
  });

  it('round-trips on every corpus article analysed by the core', () => {
    for (const { file, text } of corpus) {
      const a = analyze(text);
      const json = checkW3c(text, a, `file:///corpus/${file}`);
      const expected =
        a.entities.reduce((n, e) => n + e.mentions.length, 0) + a.dates.length + a.figures.length + a.quotes.length;
      assert.equal(json.total, expected, file);
    }
  });

  it('CLI document offsets index the UTF-16 text on the corpus', () => {
    for (const { file, text } of corpus) {
      const d = toCliDocument(file, analyze(text));
      for (const e of d.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
      for (const q of d.quotes) assert.equal(text.slice(q.start, q.end), q.text);
      for (const x of [...d.dates, ...d.figures]) assert.equal(text.slice(x.start, x.end), x.text);
    }
  });
});
