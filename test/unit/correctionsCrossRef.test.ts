import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { targetFromSpan } from '../../src/core/corrections/anchor';
import type { EditCorrection, LinkCorrection, LinkEnd } from '../../src/core/corrections/model';
import { crossReference, type CrossRefDoc } from '../../src/core/crossRef';
import type { CrossRefResult, EntityLink, SpanLink } from '../../src/core/crossRefTypes';

const fixtures = path.join(__dirname, '..', 'fixtures');
const story = path.join(fixtures, 'parallel', '2013-liberation_2012_12_01_160509');
/** The Libération story on Egypt's constitution, English and French, one paragraph per line as the aligner takes it. */
const text = (lang: string): string =>
  readFileSync(path.join(story, `${lang}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .join('\n\n');
const EN = text('en');
const FR = text('fr');

function end(file: string, body: string, exact: string, nth = 0): LinkEnd {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = body.indexOf(exact, i + 1);
  assert.ok(i >= 0, `"${exact}" in ${file}`);
  return { file, ...targetFromSpan(body, { start: i, end: i + exact.length }) };
}
const link = (
  id: string,
  kind: LinkCorrection['kind'],
  status: LinkCorrection['status'],
  a: LinkEnd,
  b: LinkEnd,
): LinkCorrection => ({ id, kind, status, a, b, at: `2024-05-02T10:00:0${id.length % 10}.000Z` });

function docsWith(edits: { en?: EditCorrection[]; fr?: EditCorrection[] } = {}): CrossRefDoc[] {
  return [
    { file: 'en.txt', text: EN, analysis: analyze(EN, { corrections: { rules: [], edits: edits.en ?? [] } }) },
    { file: 'fr.txt', text: FR, analysis: analyze(FR, { corrections: { rules: [], edits: edits.fr ?? [] } }) },
  ];
}
const plain = docsWith();
const entityLinks = (r: CrossRefResult): EntityLink[] => r.links.filter((l): l is EntityLink => l.kind === 'entity');
const spanLinks = (r: CrossRefResult, kind: SpanLink['kind']): SpanLink[] =>
  r.links.filter((l): l is SpanLink => l.kind === kind);
const entityLink = (r: CrossRefResult, enName: string): EntityLink | undefined =>
  entityLinks(r).find((l) => l.items.some((i) => i.file === 'en.txt' && i.name === enName));

describe('cross-reference corrections: entity links', () => {
  const before = crossReference(plain, { oneStory: true });

  it('a rejected link is gone, and each side is then only in its version (and missing in the other)', () => {
    assert.ok(entityLink(before, 'Egypt'), 'the aligner links Egypt and Egypte');
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [link('l1', 'entity', 'rejected', end('en.txt', EN, 'Egypt'), end('fr.txt', FR, 'Egypte'))],
      },
    });
    assert.equal(entityLink(r, 'Egypt'), undefined);
    assert.ok(r.onlyIn.some((o) => o.file === 'en.txt' && o.name === 'Egypt'));
    assert.ok(r.missingIn?.some((m) => m.file === 'fr.txt' && m.name === 'Egypt' && m.presentIn.join() === 'en.txt'));
    assert.deepEqual(r.corrections?.applied, [{ id: 'l1', action: 'link', status: 'applied' }]);
    // Every other link is still there.
    assert.equal(entityLinks(r).length, entityLinks(before).length - 1);
  });

  it('a confirmed link is marked as such', () => {
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [
          link('l2', 'entity', 'confirmed', end('en.txt', EN, 'Mohammed Morsi'), end('fr.txt', FR, 'Mohammed Morsi')),
        ],
      },
    });
    const l = entityLink(r, 'Mohammed Morsi')!;
    assert.equal(l.confirmed, true);
    assert.deepEqual(l.corrections, ['l2']);
    assert.equal(entityLink(r, 'Egypt')?.confirmed, undefined);
  });

  it('a manual link appears where the aligner found none: « le chef de l’Etat » ↔ "the head of State"', () => {
    const manual = link(
      'l3',
      'entity',
      'manual',
      end('en.txt', EN, 'head of State'),
      end('fr.txt', FR, "chef de l'Etat"),
    );
    const r = crossReference(plain, { oneStory: true, corrections: { links: [manual] } });
    const l = entityLinks(r).find((x) => x.corrections?.includes('l3'));
    assert.ok(l, JSON.stringify(entityLinks(r).map((x) => x.items.map((i) => i.name))));
    assert.equal(l.manual, true);
    // Both ends are (part of) entities of their article: "Head of State" (named so later on), "Etat".
    assert.deepEqual(
      l.items.map((i) => [i.file, i.name]),
      [
        ['en.txt', 'Head of State'],
        ['fr.txt', 'Etat'],
      ],
    );
    assert.equal(l.key, 'manual');
  });

  it('a manual link between words that are no entity ("the liberals" ↔ « les libéraux ») keeps the spans', () => {
    const manual = link(
      'l33',
      'entity',
      'manual',
      end('en.txt', EN, 'the liberals'),
      end('fr.txt', FR, 'les libéraux'),
    );
    const r = crossReference(plain, { oneStory: true, corrections: { links: [manual] } });
    const l = entityLinks(r).find((x) => x.corrections?.includes('l33'))!;
    assert.deepEqual(
      l.items.map((i) => [i.file, i.entityId, i.span?.text]),
      [
        ['en.txt', '', 'the liberals'],
        ['fr.txt', '', 'les libéraux'],
      ],
    );
    assert.ok(
      l.items.every((i) => i.span && (i.file === 'en.txt' ? EN : FR).slice(i.span.start, i.span.end) === i.span.text),
    );
  });

  it('a manual link between two entities joins them as one', () => {
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [link('l4', 'entity', 'manual', end('en.txt', EN, 'Muslim Brothers'), end('fr.txt', FR, 'Frères'))],
      },
    });
    const l = entityLink(r, 'Muslim Brothers')!;
    assert.deepEqual(
      l.items.map((i) => i.name),
      ['Muslim Brothers', 'Frères'],
    );
    assert.equal(l.manual, true);
    assert.equal(
      r.onlyIn.some((o) => o.name === 'Frères'),
      false,
    );
  });

  it('entity corrections in one article flow into the links: a merged entity links as one, a fixed name links', () => {
    const en = [
      {
        id: 'm',
        file: 'en.txt',
        action: 'merge',
        target: targetFromSpan(EN, { start: EN.indexOf('Brothers'), end: EN.indexOf('Brothers') + 8 }),
        into: end('en.txt', EN, 'Muslim Brothers'),
      } as EditCorrection,
    ];
    const fr = [
      {
        id: 's',
        file: 'fr.txt',
        action: 'span',
        target: end('fr.txt', FR, 'Egypte Sophie Pommier'),
        span: end('fr.txt', FR, 'Sophie Pommier'),
      } as EditCorrection,
    ];
    const docs = docsWith({ en, fr });
    const r = crossReference(docs, {
      oneStory: true,
      corrections: {
        links: [link('l5', 'entity', 'manual', end('en.txt', EN, 'Brothers'), end('fr.txt', FR, 'Frères'))],
      },
    });
    const brothers = entityLinks(r).find((l) => l.items.some((i) => i.name === 'Frères'))!;
    const enItems = brothers.items.filter((i) => i.file === 'en.txt');
    assert.equal(enItems.length, 1, 'one English entity');
    const merged = docs[0].analysis.entities.find((e) => e.id === enItems[0].entityId)!;
    assert.ok(
      merged.mentions.some((m) => m.text === 'Brothers') && merged.mentions.some((m) => m.text === 'Muslim Brothers'),
    );
    // "Egypte Sophie Pommier" had no counterpart; "Sophie Pommier" links with the English one.
    assert.ok(entityLink(crossReference(docs, { oneStory: true }), 'Sophie Pommier'));
    assert.equal(entityLink(before, 'Sophie Pommier'), undefined);
  });

  it('a link correction whose text is gone is orphaned, not dropped', () => {
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [
          link('l6', 'entity', 'rejected', { file: 'en.txt', exact: 'Hosni Mubarak' }, end('fr.txt', FR, 'Egypte')),
        ],
      },
    });
    assert.deepEqual(
      r.corrections?.orphaned.map((o) => [o.id, o.reason]),
      [['l6', 'notFound']],
    );
    assert.ok(entityLink(r, 'Egypt'));
  });

  it('paths of the corrections file are mapped to the documents (the extension passes URIs)', () => {
    const docs = plain.map((d) => ({ ...d, file: `file:///work/story/${d.file}` }));
    const pathOf = (uri: string) => uri.replace('file:///work/story/', '');
    const r = crossReference(docs, {
      oneStory: true,
      corrections: {
        links: [link('l7', 'entity', 'rejected', end('./en.txt', EN, 'Egypt'), end('fr.txt', FR, 'Egypte'))],
        pathOf,
      },
    });
    assert.equal(
      entityLinks(r).some((l) => l.items.some((i) => i.name === 'Egypt')),
      false,
    );
  });
});

describe('cross-reference corrections: passages, quotes, dates, figures', () => {
  const before = crossReference(plain, { oneStory: true });

  it('a rejected date link is gone (Saturday ≠ samedi, say), a confirmed one is marked', () => {
    assert.ok(spanLinks(before, 'date').some((l) => l.a.text === 'Saturday' && l.b.text === 'samedi'));
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [
          link('d1', 'date', 'rejected', end('en.txt', EN, 'Saturday'), end('fr.txt', FR, 'samedi')),
          link('d22', 'date', 'confirmed', end('fr.txt', FR, '1971'), end('en.txt', EN, '1971')),
        ],
      },
    });
    assert.equal(
      spanLinks(r, 'date').some((l) => l.a.text === 'Saturday'),
      false,
    );
    assert.ok(r.onlyIn.some((o) => o.kind === 'date' && o.name === 'samedi'));
    assert.equal(spanLinks(r, 'date').find((l) => l.a.text === '1971')?.confirmed, true);
  });

  it('a manual quote link appears, and neither quote is listed as missing from the other version', () => {
    const en = end('en.txt', EN, 'Either you vote for my text, or I keep full powers');
    const fr = end('fr.txt', FR, 'Soit vous votez pour mon texte');
    assert.equal(
      spanLinks(before, 'quote').some((l) => l.a.text.startsWith('Either you vote')),
      false,
    );
    const r = crossReference(plain, {
      oneStory: true,
      corrections: { links: [link('q1', 'quote', 'manual', en, fr)] },
    });
    const q = spanLinks(r, 'quote').find((l) => l.a.text.startsWith('Either you vote'))!;
    assert.ok(q, 'the reader linked them');
    assert.deepEqual(
      [q.manual, q.score, q.crossLanguage, q.b.text.startsWith('Soit vous votez')],
      [true, 1, true, true],
    );
    assert.equal(
      r.missingIn?.some((m) => m.kind === 'quote' && m.name.startsWith('Either you vote')),
      false,
    );
    assert.equal(
      r.onlyIn.some((o) => o.kind === 'quote' && o.name.startsWith('Soit vous votez')),
      false,
    );
  });

  it('a rejected passage link is gone; a rejected figure link too', () => {
    const p = spanLinks(before, 'passage')[3];
    const pa = { file: 'en.txt', ...targetFromSpan(EN, p.a) };
    const pb = { file: 'fr.txt', ...targetFromSpan(FR, p.b) };
    const f = spanLinks(before, 'figure').find((l) => l.a.text === '85 members')!;
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [
          link('p1', 'passage', 'rejected', pa, pb),
          link(
            'f1',
            'figure',
            'rejected',
            { file: 'en.txt', ...targetFromSpan(EN, f.a) },
            { file: 'fr.txt', ...targetFromSpan(FR, f.b) },
          ),
        ],
      },
    });
    assert.equal(
      spanLinks(r, 'passage').some((l) => l.a.start === p.a.start && l.b.start === p.b.start),
      false,
    );
    assert.equal(spanLinks(r, 'passage').length, spanLinks(before, 'passage').length - 1);
    assert.equal(
      spanLinks(r, 'figure').some((l) => l.a.text === '85 members'),
      false,
    );
  });

  it('the latest verdict on a pair wins (confirmed, then rejected: rejected)', () => {
    const a = end('en.txt', EN, '1971');
    const b = end('fr.txt', FR, '1971');
    const r = crossReference(plain, {
      oneStory: true,
      corrections: {
        links: [
          { ...link('x', 'date', 'rejected', a, b), at: '2024-05-03T00:00:00.000Z' },
          { ...link('y', 'date', 'confirmed', a, b), at: '2024-05-02T00:00:00.000Z' },
        ],
      },
    });
    assert.equal(
      spanLinks(r, 'date').some((l) => l.a.text === '1971'),
      false,
    );
  });
});

describe('cross-references: what each version lacks (missingIn)', () => {
  const dir = path.join(fixtures, 'corpus');
  const [A, B, F] = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
  const docs: CrossRefDoc[] = [A, B, F].map((file) => {
    const t = readFileSync(path.join(dir, file), 'utf8');
    return { file, text: t, analysis: analyze(t) };
  });
  const r = crossReference(docs);

  it('the French rewrite lacks the people both English versions name (Kevin Mayer, Steve Stoute)', () => {
    for (const name of ['Kevin Mayer', 'Steve Stoute']) {
      const m = r.missingIn?.find((x) => x.file === F && x.kind === 'entity' && x.name === name);
      assert.ok(m, name);
      assert.deepEqual(m.presentIn, [A, B]);
      assert.equal(m.type, 'person');
    }
  });

  it('nothing all versions have is listed; what two of three have is listed for the third only', () => {
    assert.equal(
      r.missingIn?.some((m) => m.name === 'TikTok' || m.name === 'Microsoft'),
      false,
    );
    for (const m of r.missingIn ?? []) {
      assert.equal(m.presentIn.includes(m.file), false);
      assert.ok(m.presentIn.length >= 1 && m.presentIn.length < 3);
    }
  });

  it('the English versions lack what only the French has (Walmart), with where it is', () => {
    const w = r.missingIn?.filter((x) => x.name === 'Walmart');
    assert.deepEqual(w?.map((x) => x.file).sort(), [A, B].sort());
    const item = w![0];
    assert.deepEqual(item.presentIn, [F]);
    assert.ok(docs[2].analysis.entities.some((e) => e.id === item.entityId && e.name === 'Walmart'));
  });

  it('with a focus, only what the focus article lacks', () => {
    const focused = crossReference(docs, { focus: F });
    assert.ok(focused.missingIn?.length);
    assert.ok(focused.missingIn?.every((m) => m.file === F));
  });
});
