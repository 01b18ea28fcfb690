import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import { anchorTarget, targetFromSpan } from '../../src/core/corrections/anchor';
import { applyCorrections } from '../../src/core/corrections/apply';
import { applyChanges, inverseChanges, type CorrectionChange } from '../../src/core/corrections/changes';
import { foldText } from '../../src/core/corrections/foldedText';
import {
  EDIT_ACTIONS,
  type ArticleCorrections,
  type EditCorrection,
  type RuleCorrection,
  type TextTarget,
} from '../../src/core/corrections/model';
import { parseCorrections, readCorrections } from '../../src/core/corrections/parse';
import { serializeCorrections } from '../../src/core/corrections/serialize';
import type { ArticleAnalysis } from '../../src/core/types';
import { assertSpansExact } from './assertSpans';

const fixtures = path.join(__dirname, '..', 'fixtures');
/** Sentences of real articles in both languages, to build random texts from. */
const SENTENCES = [
  readFileSync(path.join(fixtures, 'corpus', '000_0891fa58e8947cdd.txt'), 'utf8'),
  readFileSync(path.join(fixtures, 'corpus', '002_99e5ccb7759e430c.txt'), 'utf8'),
  readFileSync(path.join(fixtures, 'parallel', '2013-liberation_2012_12_01_160509', 'fr.txt'), 'utf8'),
]
  .join('\n')
  .split(/(?<=[.!?»”"])\s+/)
  .filter((s) => s.length > 10 && s.length < 300);

const TYPES = ['person', 'organization', 'place'] as const;

/** A random text: real sentences, with hostile bits in between (emoji, lone surrogates, CRLF, quote marks). */
const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(...SENTENCES),
      fc.constantFrom('😀', '\ud800', '\r\n', '\n\n', '« ', ' »', '"', '’', 'É', '\u0301', '  '),
      fc.string({ maxLength: 12 }),
    ),
    {
      minLength: 1,
      maxLength: 10,
    },
  )
  .map((parts) => parts.join(' '));

/** A target on the text (random span, possibly absurd context or hint) or made up. */
const targetArb = (text: string): fc.Arbitrary<TextTarget> =>
  fc
    .oneof(
      fc
        .tuple(fc.nat(text.length), fc.nat(40))
        .map(([s, n]) => targetFromSpan(text, { start: s, end: Math.min(text.length, s + n) })),
      fc.record({
        exact: fc.string({ minLength: 1, maxLength: 20 }),
        prefix: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        start: fc.option(fc.nat(1e9), { nil: undefined }),
      }),
    )
    .filter((t) => t.exact.length > 0);

const editArb = (text: string): fc.Arbitrary<EditCorrection> =>
  fc
    .record({
      n: fc.nat(1e6),
      action: fc.constantFrom(...EDIT_ACTIONS),
      target: targetArb(text),
      other: targetArb(text),
      type: fc.constantFrom(...TYPES),
      kind: fc.constantFrom('entity', 'date', 'figure', 'quote', undefined),
      flag: fc.boolean(),
      at: fc.option(fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'), { nil: undefined }),
    })
    .map(({ n, action, target, other, type, kind, flag, at }): EditCorrection => {
      const base = { id: `c${n}`, file: 'a.txt', target, ...(at ? { at } : {}) };
      switch (action) {
        case 'remove':
          return { ...base, action, ...(kind && kind !== 'quote' ? { kind } : {}) };
        case 'retype':
        case 'add':
          return { ...base, action, type };
        case 'span':
          return { ...base, action, span: other, ...(flag ? { type } : {}) };
        case 'merge':
          return { ...base, action, into: other };
        case 'split':
          return { ...base, action, ...(flag ? { type } : {}) };
        case 'rename':
          return { ...base, action, name: other.exact };
        case 'speaker':
          return { ...base, action, speaker: flag ? { name: other.exact, entity: other } : null };
        case 'notQuote':
          return { ...base, action };
        case 'scare':
          return { ...base, action, scare: flag };
        case 'date':
          return { ...base, action, value: flag ? '2020-02-29' : null };
        case 'referenceDate':
          return { ...base, action, value: flag ? '2012-12-01' : '2020' };
        case 'verify':
          return { ...base, action, ...(kind ? { kind } : {}) };
      }
    });

const ruleArb = (text: string): fc.Arbitrary<RuleCorrection> =>
  fc
    .record({ n: fc.nat(1e6), t: targetArb(text), type: fc.constantFrom(...TYPES, null) })
    .map(({ n, t, type }) => ({ id: `r${n}`, text: t.exact, type, scope: 'workspace' as const }))
    .filter((r) => r.text.trim() !== '');

const caseArb = textArb.chain((text) =>
  fc.record({
    text: fc.constant(text),
    edits: fc.array(editArb(text), { maxLength: 8 }),
    rules: fc.array(ruleArb(text), { maxLength: 3 }),
  }),
);

const strip = (a: ArticleAnalysis) => ({ ...a, corrections: undefined });

describe('corrections: random corrections on random texts (property)', function () {
  this.timeout(600000);

  it('never throw, never produce an invalid span, and applying them again changes nothing', () => {
    fc.assert(
      fc.property(caseArb, ({ text, edits, rules }) => {
        // Unique ids, as the file guarantees.
        const unique = edits.filter((e, i) => edits.findIndex((x) => x.id === e.id) === i);
        const corrections: ArticleCorrections = { rules, edits: unique };
        const a = analyze(text, { corrections });
        assertSpansExact(text, a);
        const counted = (a.corrections?.applied.length ?? 0) + (a.corrections?.orphaned.length ?? 0);
        assert.ok(counted >= unique.length, 'every edit is reported');
        assert.deepEqual(strip(applyCorrections(text, a, corrections)), strip(a));
        a.entities.forEach((e, i) => assert.equal(e.id, `e${i + 1}`));
      }),
      { numRuns: 120, seed: 20240502 },
    );
  });

  it('a target made from any span re-anchors at that span, or at an identical occurrence', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(30), (text, s, n) => {
        const start = s % (text.length + 1);
        const span = { start, end: Math.min(text.length, start + n) };
        const t = targetFromSpan(text, span);
        if (foldText(t.exact).folded.trim() === '') return;
        const r = anchorTarget(foldText(text), t);
        assert.ok(r.ok, JSON.stringify({ t, r }));
        assert.equal(
          foldText(text.slice(r.start, r.end)).folded,
          foldText(t.exact).folded.trim(),
          'white space at the edges is context',
        );
        assert.ok(r.start >= 0 && r.end <= text.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('any JSON: parse never throws, serialize is stable, changes and their inverse round-trip', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.record({ del: fc.boolean(), id: fc.constantFrom('a', 'b', 'c') }), { maxLength: 5 }),
        (json, ops) => {
          const r = parseCorrections(JSON.stringify(json) ?? 'null');
          if (!('data' in r)) return;
          const once = serializeCorrections(r.data);
          const again = parseCorrections(once);
          assert.ok('data' in again);
          assert.equal(serializeCorrections(again.data), once);
          readCorrections(again.data);
          const changes: CorrectionChange[] = ops.map((o) =>
            o.del
              ? { op: 'delete', id: o.id }
              : {
                  op: 'put',
                  list: 'edits',
                  entry: { id: o.id, file: 'a.txt', action: 'verify', target: { exact: 'X' } },
                },
          );
          const undo = inverseChanges(again.data, changes);
          const done = applyChanges(again.data, changes);
          assert.equal(serializeCorrections(applyChanges(done, changes)), serializeCorrections(done), 'idempotent');
          const back = applyChanges(done, undo);
          assert.deepEqual(
            readCorrections(back)
              .edits.map((e) => e.id)
              .sort(),
            readCorrections(again.data)
              .edits.map((e) => e.id)
              .sort(),
          );
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
