import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { anchorTarget, CONTEXT_LENGTH, targetFromSpan } from '../../src/core/corrections/anchor';
import { foldText } from '../../src/core/corrections/foldedText';
import type { TextTarget } from '../../src/core/corrections/model';
import { findRuleOccurrences } from '../../src/core/corrections/ruleMatches';

const fixtures = path.join(__dirname, '..', 'fixtures');
const EN = readFileSync(path.join(fixtures, 'parallel', '2013-liberation_2012_12_01_160509', 'en.txt'), 'utf8');
const FR = readFileSync(path.join(fixtures, 'parallel', '2013-liberation_2012_12_01_160509', 'fr.txt'), 'utf8');

const at = (text: string, exact: string, nth = 0): { start: number; end: number } => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(exact, i + 1);
  assert.ok(i >= 0, `${exact} #${nth} in the text`);
  return { start: i, end: i + exact.length };
};

function anchor(text: string, target: TextTarget) {
  return anchorTarget(foldText(text), target);
}

/** The text with `insert` put at `offset` (or `remove` characters taken out there). */
const edit = (text: string, offset: number, insert: string, remove = 0) =>
  text.slice(0, offset) + insert + text.slice(offset + remove);

describe('corrections: targets from a span (what the extension records)', () => {
  it(`keeps ${CONTEXT_LENGTH} characters of context on each side, cut back to whole words`, () => {
    const span = at(FR, 'Sophie Pommier');
    const t = targetFromSpan(FR, span);
    assert.equal(t.exact, 'Sophie Pommier');
    assert.equal(t.start, span.start);
    assert.ok(
      t.prefix && t.prefix.length <= CONTEXT_LENGTH && FR.slice(span.start - t.prefix.length, span.start) === t.prefix,
    );
    assert.ok(
      t.suffix && t.suffix.length <= CONTEXT_LENGTH && FR.slice(span.end, span.end + t.suffix.length) === t.suffix,
    );
    // The prefix starts at a word, the suffix ends at one.
    assert.ok(
      !/[\p{L}]/u.test(FR[span.start - t.prefix.length - 1]) || !/[\p{L}]/u.test(t.prefix[0]),
      JSON.stringify(t.prefix),
    );
    assert.ok(
      !/[\p{L}]/u.test(FR[span.end + t.suffix.length] ?? ' ') || !/[\p{L}]/u.test(t.suffix[t.suffix.length - 1]),
      JSON.stringify(t.suffix),
    );
  });

  it('at the start and end of the text, no context on that side; never half a surrogate pair', () => {
    const text = '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 Paris 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀';
    const t = targetFromSpan(text, at(text, 'Paris'));
    assert.equal(t.prefix!.length % 2, 1, 'pairs and one space');
    assert.ok(!/^[\udc00-\udfff]/.test(t.prefix!) && !/[\ud800-\udbff]$/.test(t.suffix!));
    const start = targetFromSpan('Paris is big.', { start: 0, end: 5 });
    assert.equal(start.prefix, undefined);
    assert.equal(targetFromSpan('in Paris', { start: 3, end: 8 }).suffix, undefined);
  });
});

describe('corrections: anchoring (TextQuoteSelector + TextPositionSelector)', () => {
  // "Etat" occurs three times in the French article, twice as "chef de l'Etat": the correction is made on the third.
  const second = at(FR, 'Etat', 2);
  const target = targetFromSpan(FR, second);

  it('finds the occurrence the correction was made on, among several', () => {
    const r = anchor(FR, target);
    assert.ok(r.ok);
    assert.deepEqual([r.start, r.end], [second.start, second.end]);
    assert.equal(r.fuzzy, false);
  });

  it('without context or position, the first occurrence (a hand-written target)', () => {
    const r = anchor(FR, { exact: 'Etat' });
    assert.ok(r.ok);
    assert.equal(r.start, at(FR, 'Etat').start);
  });

  it('with only a position, the nearest occurrence', () => {
    const middle = at(FR, 'Etat', 1);
    const r = anchor(FR, { exact: 'Etat', start: middle.start + 40 });
    assert.ok(r.ok);
    assert.equal(r.start, middle.start);
  });

  const edits: Array<[string, (t: string) => string]> = [
    ['an insertion before (a new paragraph at the top)', (t) => 'Mise à jour : le vote a eu lieu.\n\n' + t],
    ['a deletion before (the headline removed)', (t) => t.slice(t.indexOf('\n') + 1)],
    ['an insertion after', (t) => edit(t, second.end + 200, ' (ajout)')],
    ['a deletion after', (t) => edit(t, second.end + 120, '', 30)],
    [
      'a word changed in the context just before',
      (t) => t.replace("Les soutiens du chef de l'Etat", "Les partisans du chef de l'Etat"),
    ],
    [
      'the line re-wrapped and CRLF line endings',
      (t) => t.replace(/\n/g, '\r\n').replace("soutiens du chef de l'Etat", "soutiens du chef\r\nde l'Etat"),
    ],
    ['typographic apostrophes and an accent added', (t) => t.replace(/l'Etat/g, 'l’État')],
  ];
  for (const [what, change] of edits) {
    it(`re-attaches after ${what}`, () => {
      const changed = change(FR);
      const r = anchor(changed, target);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(foldText(changed.slice(r.start, r.end)).folded, 'Etat');
      // It is the same occurrence: the words around it are the ones it was made on.
      assert.ok(/chef\s+de l['’]$/.test(changed.slice(r.start - 16, r.start)), changed.slice(r.start - 30, r.end + 10));
      assert.ok(changed.slice(r.end, r.end + 40).includes('défileront'), changed.slice(r.end, r.end + 40));
    });
  }

  it('an edit inside the corrected name orphans it (notFound), a short name is never matched approximately', () => {
    const t = targetFromSpan(EN, at(EN, 'Heba Morayef'));
    const r = anchor(EN.replace(/Heba Morayef/g, 'Heba Morayeff'), t);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'notFound');
  });

  it('the same words in another place are not the correction (contextChanged)', () => {
    // Every "head of State" sentence rewritten: "State" still occurs, but never where the correction was made.
    const state = at(EN, 'State');
    const t = targetFromSpan(EN, state);
    const rewritten =
      EN.replace(/the head of State had given[^.]*\./, 'The vote was brought forward.') +
      '\n\nState media reported the vote.';
    const r = anchor(rewritten, t);
    assert.equal(r.ok, false, JSON.stringify(r));
    assert.equal(!r.ok && r.reason, 'contextChanged');
  });

  it('a long quote edited slightly inside (a typo fixed) still re-attaches, approximately', () => {
    const quote = 'Either you vote for my text, or I keep full powers';
    const t = targetFromSpan(EN, at(EN, quote));
    const fixed = EN.replace(quote, 'Either you vote for my text or I keep full powers');
    const r = anchor(fixed, t);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.fuzzy, true);
    assert.equal(fixed.slice(r.start, r.end), 'Either you vote for my text or I keep full powers');
  });

  it('but a quote rewritten beyond a tenth of its letters is orphaned', () => {
    const quote = 'Either you vote for my text, or I keep full powers';
    const t = targetFromSpan(EN, at(EN, quote));
    const r = anchor(EN.replace(quote, 'Vote for my text or I will keep my powers'), t);
    assert.equal(r.ok, false);
  });

  it('case matters: "State" is not "state"', () => {
    assert.equal(anchor('The state of the union.', { exact: 'State' }).ok, false);
  });
});

describe('corrections: rule occurrences (whole words, case as written, accents aside)', () => {
  const occ = (text: string, rules: Array<[string, 'place' | 'organization' | null]>) =>
    findRuleOccurrences(
      foldText(text),
      rules.map(([t, type], i) => ({ id: `r${i}`, text: t, type, scope: 'workspace' as const })),
    ).map((o) => `${text.slice(o.start, o.end)}@${o.start}:${o.rule.id}`);

  it('in both languages where the name is the same', () => {
    assert.deepEqual(occ(EN, [['Al-Azhar', 'organization']]).length, 1);
    assert.deepEqual(occ(FR, [['Al-Azhar', 'organization']]).length, 1);
  });
  it('never inside a word, never another case', () => {
    const text = 'The State Department, the state, States and Statecraft: State.';
    assert.deepEqual(occ(text, [['State', null]]), ['State@4:r0', `State@${text.lastIndexOf('State')}:r0`]);
    assert.deepEqual(occ("Il est 11 h ET et l'ET revient.", [['ET', null]]), ['ET@12:r0', 'ET@20:r0']);
  });
  it("accents and apostrophes aside: a rule for Etat matches l'État", () => {
    assert.deepEqual(occ("le chef de l’État et l'Etat", [["l'Etat", null]]), ['l’État@11:r0', "l'Etat@21:r0"]);
  });
  it('the longer rule wins where two overlap', () => {
    assert.deepEqual(
      occ('la Cour de La Haye, à La Haye', [
        ['La Haye', 'place'],
        ['Cour de La Haye', 'organization'],
      ]),
      ['Cour de La Haye@3:r1', 'La Haye@22:r0'],
    );
  });
});
