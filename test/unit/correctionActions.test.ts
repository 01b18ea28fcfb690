// The corrections the light bulb offers at a cursor or selection (src/views/correctionActions.ts), "N of M verified"
// and the orphaned corrections as the panel and status bar show them (src/views/verifiedText.ts), and the hover
// card line saying what the reader did (src/views/hoverText.ts), on a real AFP dispatch analysed with corrections.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { targetFromSpan } from '../../src/core/corrections/anchor';
import type { EditCorrection } from '../../src/core/corrections/model';
import { plainEnglish } from '../../src/core/kinds';
import { correctionActionsAt, widenToCapitalised } from '../../src/views/correctionActions';
import { entityHover, hoverLabels, readerLine } from '../../src/views/hoverText';
import { buildPanelModel } from '../../src/views/panelModel';
import { orphanRows, verifiedByKind, verifiedSummary } from '../../src/views/verifiedText';

const file = '001_1a341257ed710bcc.txt';
const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', file), 'utf8');
const a = analyze(text);
const span = (s: string, n = 0) => {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  assert.ok(i >= 0, `"${s}" is in the article`);
  return { start: i, end: i + s.length };
};
const ids = (sel: { start: number; end: number }) => correctionActionsAt(text, a, sel, plainEnglish).map((x) => x.id);

describe('correction actions at a cursor or selection', () => {
  it('on an entity mention: not an entity, the other two types, rules, merge, split, rename, verify', () => {
    const trump = span('Donald Trump');
    const actions = correctionActionsAt(text, a, { start: trump.start + 2, end: trump.start + 2 }, plainEnglish);
    const got = actions.map((x) => x.id);
    for (const id of ['notEntity', 'retype', 'ruleAlways', 'ruleNever', 'merge', 'rename', 'verify'] as const)
      assert.ok(got.includes(id), id);
    const retypes = actions
      .filter((x) => x.id === 'retype')
      .map((x) => x.args.type)
      .sort();
    assert.deepEqual(retypes, ['organization', 'place'], 'the types it is not');
    for (const x of actions) assert.deepEqual([x.args.start, x.args.end], [trump.start, trump.end], x.title);
    assert.ok(actions.some((x) => x.title === '“Donald Trump” is not an entity here'));
  });

  it('a selection over an entity offers its new boundaries first; a selection elsewhere offers a new entity', () => {
    const tiktok = span('TikTok');
    const wide = { start: tiktok.start, end: tiktok.end + ', accused'.length };
    const first = correctionActionsAt(text, a, wide, plainEnglish)[0];
    assert.equal(first.id, 'fixBoundaries');
    assert.deepEqual(first.args.span, wide);
    assert.ok(first.preferred);
    const words = span('music distribution company');
    assert.deepEqual(ids(words).filter((x) => x === 'markEntity').length, 3);
  });

  it('on a quote: set or clear the speaker, not a quote, scare quote, verify; on a date: its value and reference date', () => {
    const q = a.quotes.find((x) => !x.scare && x.speaker)!;
    const got = ids({ start: q.start + 3, end: q.start + 3 });
    for (const id of ['setSpeaker', 'clearSpeaker', 'notQuote', 'scare'] as const) assert.ok(got.includes(id), id);
    const d = a.dates.find((x) => x.value && /^\d{4}-\d{2}-\d{2}$/.test(x.value) && x.value !== a.referenceDate?.value);
    if (d) assert.ok(ids({ start: d.start, end: d.start }).includes('referenceDate'));
    assert.ok(ids({ start: a.dates[0].start, end: a.dates[0].start }).includes('setDate'));
  });

  it('titles show article text as plain text: no icon or link syntax, one line', () => {
    const hostile = 'Then $(alert) [x](command:evil) said\nMr Alpha Beta.';
    const ha = analyze(hostile);
    const sel = { start: 0, end: hostile.indexOf(' said') };
    for (const x of correctionActionsAt(hostile, ha, sel, plainEnglish)) {
      assert.doesNotMatch(x.title, /\$\(|\]\(|\n/, x.title);
    }
  });

  it('widens a mention over the capitalised words next to it ("Paz" → "La Paz"), not over a sentence start', () => {
    const s = 'Le quartier général naval de La Paz. Paz est loin.';
    const paz = s.indexOf('Paz');
    assert.deepEqual(widenToCapitalised(s, { start: paz, end: paz + 3 }), { start: s.indexOf('La Paz'), end: paz + 3 });
    const second = s.lastIndexOf('Paz');
    assert.equal(widenToCapitalised(s, { start: second, end: second + 3 }), undefined);
  });
});

describe('verified counts, orphans and reader marks', () => {
  const tiktok = span('TikTok');
  const edits: EditCorrection[] = [
    {
      id: 'v1',
      file,
      action: 'verify',
      target: targetFromSpan(text, tiktok),
      at: '2024-05-02T10:00:00.000Z',
      by: 'Ana',
    },
    { id: 'o1', file, action: 'remove', target: { exact: 'Nowhere in this text' } },
  ];
  const c = analyze(text, { corrections: { rules: [], edits } });

  it('"N of M verified" in all and per kind, null without counts', () => {
    assert.equal(verifiedSummary(c, plainEnglish), `1 of ${c.verified!.total} verified`);
    assert.ok(
      verifiedByKind(c, plainEnglish).includes(`Organizations: 1 of ${c.verified!.byKind.organization.total} verified`),
    );
    assert.equal(verifiedSummary({ verified: undefined }, plainEnglish), null);
  });

  it('the panel model carries the count, the verified entity and the orphaned correction', () => {
    const m = buildPanelModel({ uri: `file:///news/${file}`, title: file }, c, { status: 'ready' }, plainEnglish, 'en');
    assert.equal(m.verified, verifiedSummary(c, plainEnglish));
    assert.equal(m.entities.find((e) => e.name === 'TikTok')?.verified, true);
    assert.deepEqual(
      m.orphans.map((o) => [o.id, o.exact]),
      [['o1', 'Nowhere in this text']],
    );
    assert.deepEqual(orphanRows(a), [], 'no corrections, no orphans');
  });

  it('a hover card says the reader verified it, who and when', () => {
    const e = c.entities.find((x) => x.name === 'TikTok')!;
    const labels = hoverLabels(plainEnglish);
    assert.equal(readerLine(e, labels), '_✓ verified by Ana on 2024-05-02_');
    assert.match(entityHover(text, e, labels), /✓ verified by Ana/);
    assert.equal(readerLine(a.entities[0], labels), '', 'nothing when the reader did nothing');
  });
});
