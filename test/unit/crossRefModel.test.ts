// The Cross-References view model, hover counterparts, cross-file references and the TMX export built from a
// cross-reference result, on the sample corpus (two English versions of one AFP dispatch and a French article on
// the same story). Expectations come from reading the three articles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { crossReference, type CrossRefDoc } from '../../src/core/crossRef';
import type { CrossRefResult } from '../../src/core/crossRefTypes';
import {
  buildCrossRefModel,
  crossRefLabels,
  counterpartsAt,
  counterpartsMarkdown,
  entityMentionsElsewhere,
  linkRequest,
  passageCounterparts,
  type CrossRefDocInfo,
} from '../../src/views/crossRefModel';
import { tmxPairsFromLinks, toTmx } from '../../src/core/tmx';

const dir = path.join(__dirname, '..', 'fixtures', 'corpus');
const [A, B, F] = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
const docs: CrossRefDoc[] = [A, B, F].map((file) => {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return { file, text, analysis: analyze(text) };
});
const textOf = (f: string) => docs.find((d) => d.file === f)!.text;
const infos: CrossRefDocInfo[] = docs.map((d) => ({
  uri: d.file,
  title: d.file,
  language: d.analysis.language,
  analysis: d.analysis,
}));

function forFocus(focus: string): { result: CrossRefResult; model: ReturnType<typeof buildCrossRefModel> } {
  const result = crossReference(docs, { focus });
  const story = result.stories.find((s) => s.files.includes(focus)) ?? null;
  return { result, model: buildCrossRefModel(result, infos, { focus, story }) };
}

const fr = forFocus(F);
const en = forFocus(A);

describe('cross-reference view model: versions and entities side by side', () => {
  it('lists the three articles as versions of one story, the active one first', () => {
    assert.deepEqual(fr.model.versions.map((v) => v.uri).slice(0, 1), [F]);
    assert.deepEqual(
      fr.model.versions
        .map((v) => v.uri)
        .slice(1)
        .sort(),
      [A, B],
    );
    assert.equal(fr.model.versions[0].focus, true);
    assert.equal(fr.model.versions[0].score, null);
    for (const v of fr.model.versions.slice(1)) assert.ok(v.score! > 0 && v.score! <= 1, v.uri);
  });

  it('lists the other versions closest first', () => {
    const withScores = buildCrossRefModel(fr.result, infos, {
      focus: F,
      story: fr.model.versions.length ? { files: [A, B, F], score: 0.3 } : null,
      versionScores: { [A]: 0.2, [B]: 0.6 },
    });
    assert.deepEqual(
      withScores.versions.map((v) => [v.uri, v.score]),
      [
        [F, null],
        [B, 0.6],
        [A, 0.2],
      ],
    );
  });

  const rows: Array<[string, string]> = [
    ['Nouvelle-Zélande', 'New Zealand'],
    ['Australie', 'Australia'],
    ['Chine', 'China'],
    ['Etats-Unis', 'United States'],
    ['Microsoft', 'Microsoft'],
    ['Oracle', 'Oracle'],
    ['ByteDance', 'ByteDance'],
  ];
  for (const [french, english] of rows) {
    it(`puts "${french}" beside "${english}" in both English versions`, () => {
      const row = fr.model.entities.find((r) => r.cells[0]?.name === french);
      assert.ok(row, french);
      assert.equal(row.cells[1]?.name, english);
      assert.equal(row.cells[2]?.name, english);
    });
  }

  it('gives each cell its first mention in that version', () => {
    const row = fr.model.entities.find((r) => r.cells[0]?.name === 'Nouvelle-Zélande')!;
    for (const c of row.cells) {
      assert.ok(c?.first);
      assert.match(textOf(c.uri).slice(c.first.start, c.first.end), /Nouvelle-Zélande|New Zealand/);
    }
  });

  it('lists Walmart (named only in the French article) as only in that version', () => {
    assert.ok(fr.model.onlyIn.some((o) => o.uri === F && o.kind === 'entity' && o.name === 'Walmart'));
  });

  it('has no story when the article is alone', () => {
    const alone = buildCrossRefModel({ stories: [], links: [], onlyIn: [] }, infos, { focus: F, story: null });
    assert.deepEqual(alone.versions, []);
    assert.deepEqual(alone.entities, []);
  });
});

describe('cross-reference view model: linked passages and quotes', () => {
  it('orients every pair from the active article', () => {
    for (const p of [...fr.model.passages, ...fr.model.quotes, ...fr.model.dates, ...fr.model.figures])
      assert.equal(p.a.uri, F);
    for (const p of [...en.model.passages, ...en.model.quotes]) assert.equal(p.a.uri, A);
  });

  it('links the French list of countries to the English one', () => {
    const p = fr.model.passages.find((x) => x.a.text.includes('en Australie et en Nouvelle-Zélande') && x.b.uri === A);
    assert.ok(p);
    assert.match(p.b.text, /Canada, in Australia and New Zealand/);
    assert.equal(p.fidelity, 'translated');
  });

  it('links "pendant près d’un an, pour trouver une solution" to "For nearly a year … to find a solution"', () => {
    const p = fr.model.passages.find((x) => x.a.text.includes('pendant près d’un an') && x.b.uri === A);
    assert.ok(p);
    assert.match(p.b.text, /For nearly a year, we have sought to discuss with the US government to find a solution/);
  });

  it('marks the rewritten quote "any US data … if asked" as reworded, with its word differences', () => {
    const q = en.model.quotes.find((x) => x.a.text.includes('never provided any US data') && x.b.uri === B);
    assert.ok(q);
    assert.equal(q.fidelity, 'reworded');
    assert.ok(q.differences.some((d) => d.a.includes('data') && d.b.includes('information')));
    assert.match(q.b.text, /any US information to the Chinese government, and would not if requested to do so/);
  });

  it('marks the quote that both English versions give word for word as identical', () => {
    const q = en.model.quotes.find((x) => x.a.text.startsWith('TikTok is not available in China') && x.b.uri === B);
    assert.ok(q);
    assert.equal(q.fidelity, 'identical');
    assert.deepEqual(q.differences, []);
  });
});

describe('cross-reference counterparts (hover, references, open beside)', () => {
  const frText = textOf(F);
  const frAnalysis = docs[2].analysis;

  it('the hover on "Nouvelle-Zélande" names "New Zealand" in both English versions', () => {
    const offset = frText.indexOf('Nouvelle-Zélande') + 3;
    const groups = counterpartsAt(fr.result, F, frAnalysis, offset, infos);
    const entity = groups.find((g) => g.kind === 'entity');
    assert.ok(entity);
    assert.deepEqual(entity.items.map((i) => [i.uri, i.text]).sort(), [
      [A, 'New Zealand'],
      [B, 'New Zealand'],
    ]);
    const md = counterpartsMarkdown(groups);
    assert.match(md, /^\*\*In other versions:\*\*/);
    assert.match(md, /New Zealand/);
  });

  it('references of "Trump" in the French article reach every mention in both English versions', () => {
    const offset = frText.indexOf('Trump');
    const entity = counterpartsAt(fr.result, F, frAnalysis, offset, infos).find((g) => g.kind === 'entity');
    assert.ok(entity?.entityId);
    const refs = entityMentionsElsewhere(fr.result, F, entity.entityId, infos);
    // 000 names him once ("Donald Trump's government"), 001 four times ("Donald Trump" in the title and text).
    for (const [f, n] of [
      [A, 1],
      [B, 4],
    ] as const) {
      const mine = refs.filter((r) => r.uri === f);
      assert.equal(mine.length, n, f);
      for (const r of mine) assert.match(textOf(f).slice(r.start, r.end), /Trump/);
    }
  });

  it('the passage at the cursor has its English counterpart (Open Counterpart Beside)', () => {
    const offset = frText.indexOf('au Canada, en Australie');
    const items = passageCounterparts(fr.result, F, offset, infos);
    assert.ok(items.some((i) => i.uri === A && i.text.includes('New Zealand')));
  });

  it('hover markdown is inert for hostile article text and file names', () => {
    const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold**';
    const result: CrossRefResult = {
      stories: [{ files: ['x.txt', 'y.txt'], score: 1 }],
      links: [
        {
          kind: 'entity',
          items: [
            { file: 'x.txt', entityId: 'e1', name: 'X' },
            { file: 'y.txt', entityId: 'e1', name: hostile },
          ],
        },
      ],
      onlyIn: [],
    };
    const analysis = {
      ...docs[0].analysis,
      entities: [
        { id: 'e1', type: 'person' as const, name: 'X', aliases: [], mentions: [{ start: 0, end: 1, text: 'X' }] },
      ],
    };
    const md = counterpartsMarkdown(
      counterpartsAt(result, 'x.txt', analysis, 0, [{ uri: 'y.txt', title: '[t](https://evil)', language: 'en' }]),
    );
    assert.ok(md.includes('\\[click\\]\\(command\\:'));
    assert.doesNotMatch(md, /(?<!\\)\]\(|(?<!\\)<img|(?<!\\)\*\*bold/);
  });
});

describe('TMX export of the alignment', () => {
  const langOf = (f: string) => docs.find((d) => d.file === f)!.analysis.language;
  const pairs = tmxPairsFromLinks(fr.result.links, langOf, { srcLang: 'fr', includeQuotes: true });
  const xml = toTmx(pairs, { srcLang: 'fr', creationDate: '2020-08-17T10:00:00Z' });

  it('has one translation unit per French–English pair, French first', () => {
    assert.ok(pairs.length >= 2);
    assert.equal((xml.match(/<tu>/g) ?? []).length, pairs.length);
    for (const p of pairs) {
      assert.equal(p.source.lang, 'fr');
      assert.equal(p.target.lang, 'en');
    }
    assert.ok(
      pairs.some((p) => p.source.text.includes('en Nouvelle-Zélande') && p.target.text.includes('New Zealand')),
    );
  });

  it('is well-formed TMX 1.4', () => {
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<tmx version="1\.4">/);
    assert.match(xml, /<header [^>]*srclang="fr"[^>]*creationdate="20200817T100000Z"/);
    assert.equal((xml.match(/<tuv xml:lang="(?:fr|en)"><seg>[^<]*<\/seg><\/tuv>/g) ?? []).length, pairs.length * 2);
    // No raw markup characters leak from the articles into the segments.
    for (const seg of xml.match(/<seg>([^<]*)<\/seg>/g) ?? [])
      assert.doesNotMatch(seg.slice(5, -6), /[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
  });
});

describe('cross-reference view model: what each version lacks', () => {
  const french = JSON.parse(
    readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.fr.json'), 'utf8'),
  ) as Record<string, string>;
  const inFrench = (message: string, ...args: Array<string | number | boolean>) =>
    (french[message] ?? message).replace(/\{(\d+)\}/g, (whole, i: string) =>
      Number(i) < args.length ? String(args[Number(i)]) : whole,
    );

  it('lists, for the French article, what the English versions have and it does not, each where it is', () => {
    const section = fr.model.missing[0];
    assert.deepEqual([section.uri, section.focus, section.heading], [F, true, 'Missing here (in the other versions)']);
    assert.equal(fr.model.missing.length, 1, 'focused on the French article: only what it lacks');
    const mayer = section.items.find((i) => i.name === 'Kevin Mayer');
    assert.ok(mayer, section.items.map((i) => i.name).join(', '));
    assert.deepEqual([mayer.kind, mayer.kindLabel, mayer.type], ['entity', 'Person', 'person']);
    assert.deepEqual(mayer.presentIn.map((p) => p.uri).sort(), [A, B]);
    assert.equal(textOf(mayer.where!.uri).slice(mayer.where!.span.start, mayer.where!.span.end), 'Kevin Mayer');
    const quote = section.items.find((i) => i.kind === 'quote')!;
    assert.equal(textOf(quote.where!.uri).slice(quote.where!.span.start, quote.where!.span.end), quote.name);
    // Nothing the French article has is listed as missing from it.
    const frNames = new Set(docs[2].analysis.entities.map((e) => e.name));
    assert.ok(section.items.every((i) => i.kind !== 'entity' || !frNames.has(i.name)));
  });

  it('gives every version its section when the result covers the whole story, in French too', () => {
    const result = crossReference(docs);
    const story = result.stories.find((s) => s.files.includes(F)) ?? null;
    const model = buildCrossRefModel(result, infos, { focus: F, story, labels: crossRefLabels(inFrench) });
    assert.deepEqual(model.missing.map((s) => s.uri)[0], F);
    assert.deepEqual(
      model.missing
        .map((s) => s.uri)
        .slice(1)
        .sort(),
      [A, B],
    );
    assert.equal(model.missing[0].heading, 'Absent ici (présent dans les autres versions)');
    const other = model.missing[1];
    assert.equal(other.heading, `Absent de ${other.title} (présent dans les autres versions)`);
    // The French article's entities are what the English versions lack: Walmart is only in French.
    assert.ok(
      other.items.some((i) => i.name === 'Walmart' && i.presentIn[0].uri === F && i.kindLabel === 'Organisation'),
    );
  });
});

describe("cross-reference view model: the reader's verdicts and the view's buttons", () => {
  const m = fr.model;
  const row = m.entities.find((r) => r.cells[0]?.first && r.cells.slice(1).some((c) => c?.first))!;
  const a = { uri: row.cells[0]!.uri, ...row.cells[0]!.first! };
  const other = row.cells.slice(1).find((c) => c?.first)!;
  const b = { uri: other.uri, ...other.first! };
  const pair = m.passages[0];
  const pa = { uri: pair.a.uri, start: pair.a.start, end: pair.a.end };
  const pb = { uri: pair.b.uri, start: pair.b.start, end: pair.b.end };

  it('links the aligner found carry no verdict; confirmed and hand-made links are marked', () => {
    assert.ok([...m.entities, ...m.passages, ...m.quotes].every((x) => x.verdict === null));
    const marked: CrossRefResult = {
      ...fr.result,
      links: fr.result.links.map((l, i) =>
        i === 0 ? { ...l, confirmed: true } : i === 1 ? { ...l, manual: true } : l,
      ),
    };
    const story = fr.result.stories.find((s) => s.files.includes(F)) ?? null;
    const again = buildCrossRefModel(marked, infos, { focus: F, story });
    const verdicts = [...again.entities, ...again.quotes, ...again.passages, ...again.dates, ...again.figures].map(
      (x) => x.verdict,
    );
    assert.equal(verdicts.filter((v) => v === 'confirmed').length, 1);
    assert.equal(verdicts.filter((v) => v === 'manual').length, 1);
  });

  it('a verdict on a link the view shows is run with its two ends, in either order', () => {
    assert.deepEqual(linkRequest(m, { type: 'linkVerdict', verdict: 'confirmed', kind: 'entity', a, b }), {
      verdict: 'confirmed',
      args: { kind: 'entity', a, b },
    });
    assert.deepEqual(
      linkRequest(m, { type: 'linkVerdict', verdict: 'rejected', kind: 'passage', a: pb, b: pa })?.args,
      {
        kind: 'passage',
        a: pb,
        b: pa,
      },
    );
  });

  it('Link to… on what one version only has, or another lacks, is run with that end', () => {
    const walmart = m.onlyIn.find((o) => o.name === 'Walmart' && o.span)!;
    assert.ok(walmart);
    const end = { uri: walmart.uri, ...walmart.span! };
    assert.deepEqual(linkRequest(m, { type: 'linkTo', kind: 'entity', end }), {
      verdict: 'manual',
      args: { kind: 'entity', a: end },
    });
    const missing = m.missing.flatMap((v) => v.items).find((x) => x.where)!;
    const where = { uri: missing.where!.uri, ...missing.where!.span };
    assert.equal(linkRequest(m, { type: 'linkTo', kind: missing.kind, end: where })?.verdict, 'manual');
  });

  it('refuses what the view does not show, and malformed messages', () => {
    const walmart = m.onlyIn.find((o) => o.name === 'Walmart' && o.span)!;
    const end = { uri: walmart.uri, ...walmart.span! };
    const refused = [
      { type: 'linkVerdict', verdict: 'manual', kind: 'entity', a, b },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'entity', a, b: a },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'entity', a: { ...a, start: a.start + 1 }, b },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'figure', a: pa, b: pb },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'passage', a: pa, b: { ...pb, uri: 'file:///elsewhere.txt' } },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'hasOwnProperty', a: pa, b: pb },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'passage', a: pa },
      { type: 'linkVerdict', verdict: 'confirmed', kind: 'passage', a: { ...pa, start: '0' }, b: pb },
      { type: 'linkTo', kind: 'quote', end },
      { type: 'linkTo', kind: 'entity', end: { ...end, end: end.end + 1 } },
      { type: 'linkTo', kind: 'entity', end: null },
      { type: 'reveal', kind: 'entity', end },
    ];
    for (const msg of refused) assert.equal(linkRequest(m, msg), undefined, JSON.stringify(msg));
  });
});
