import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { targetFromSpan } from '../../src/core/corrections/anchor';
import { applyCorrections } from '../../src/core/corrections/apply';
import type { ArticleCorrections, EditCorrection, RuleCorrection, TextTarget } from '../../src/core/corrections/model';
import { correctionsForFile } from '../../src/core/corrections/scope';
import { findEntities } from '../../src/core/entities';
import type { ArticleAnalysis, Entity } from '../../src/core/types';
import { assertSpansExact } from './assertSpans';
import { pack } from './packs';

const fixtures = path.join(__dirname, '..', 'fixtures');
const read = (...p: string[]): string => readFileSync(path.join(fixtures, ...p), 'utf8');
/** The Libération story of 1 December 2012 on Egypt's constitution, English and French (WMT newstest 2013). */
const EN = read('parallel', '2013-liberation_2012_12_01_160509', 'en.txt');
const FR = read('parallel', '2013-liberation_2012_12_01_160509', 'fr.txt');
/** Two sentences of a USA Today article (PolNeAR dev) and a typical wire sentence with a time zone. */
const KERRY =
  'The administration may be reluctant to act while Secretary of State John Kerry  negotiates with Russia over Syria, Schiff said.\n\n' +
  '"We are not going to wait," said Chris Murphy of Connecticut at 11 a.m. ET on Monday.\n';

let seq = 0;
/** An edit on the `nth` occurrence of `exact`, anchored as the extension anchors it. */
function on(
  text: string,
  exact: string,
  fields: Partial<EditCorrection> & { action: EditCorrection['action'] },
  nth = 0,
): EditCorrection {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(exact, i + 1);
  assert.ok(i >= 0, `"${exact}" #${nth} is in the text`);
  const at = `2024-05-02T10:${String(Math.floor(seq / 60)).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`;
  seq++;
  return {
    id: `c${seq}`,
    file: 'article.txt',
    target: targetFromSpan(text, { start: i, end: i + exact.length }),
    at,
    by: 'ana',
    ...fields,
  } as EditCorrection;
}
const tgt = (text: string, exact: string, nth = 0): TextTarget => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(exact, i + 1);
  return targetFromSpan(text, { start: i, end: i + exact.length });
};
const rule = (
  id: string,
  text: string,
  type: RuleCorrection['type'],
  scope: RuleCorrection['scope'] = 'workspace',
  file?: string,
): RuleCorrection => ({ id, text, type, scope, ...(file ? { file } : {}), at: '2024-05-01T09:00:00.000Z', by: 'desk' });

const edits = (...list: EditCorrection[]): ArticleCorrections => ({ rules: [], edits: list });
const entityOf = (a: ArticleAnalysis, mention: string): Entity | undefined =>
  a.entities.find((e) => e.mentions.some((m) => m.text === mention));
const names = (a: ArticleAnalysis): string[] => a.entities.map((e) => e.name);

describe('corrections in analyze(): what the reader sees by default', () => {
  it('without corrections every annotation is automatic and unchecked, and the counts say 0 of M', () => {
    const a = analyze(EN);
    assert.ok(
      [...a.entities, ...a.entities.flatMap((e) => e.mentions), ...a.quotes, ...a.dates, ...a.figures].every(
        (x) => x.source === 'auto' && x.verified === false,
      ),
    );
    assert.deepEqual(a.corrections, { applied: [], orphaned: [] });
    assert.equal(a.verified?.verified, 0);
    assert.equal(a.verified?.total, a.entities.length + a.quotes.length + a.dates.length + a.figures.length);
  });
});

describe('corrections in analyze(): entity mentions', () => {
  const base = analyze(FR);

  it('fix boundaries: « la spécialiste de l’Egypte Sophie Pommier » names Sophie Pommier, not "Egypte Sophie Pommier"', () => {
    assert.ok(entityOf(base, 'Egypte Sophie Pommier'), 'the analysis gets it wrong');
    const fix = on(FR, 'Egypte Sophie Pommier', { action: 'span', span: tgt(FR, 'Sophie Pommier') });
    const a = analyze(FR, { corrections: edits(fix) });
    const e = entityOf(a, 'Sophie Pommier');
    assert.ok(e && e.type === 'person', names(a).join(', '));
    assert.equal(e.name, 'Sophie Pommier');
    assert.equal(entityOf(a, 'Egypte Sophie Pommier'), undefined);
    assert.equal(e.source, 'reader');
    assert.equal(e.mentions[0].source, 'reader');
    assert.deepEqual(e.corrections, [{ id: fix.id, action: 'span', at: fix.at, by: 'ana' }]);
    assert.deepEqual(
      a.corrections?.applied.map((o) => [o.id, o.status]),
      [[fix.id, 'applied']],
    );
    assertSpansExact(FR, a);
  });

  it('change type: Human Rights Watch is an organization, not a person', () => {
    assert.equal(entityOf(base, 'Human Rights Watch')?.type, 'person');
    const a = analyze(FR, {
      corrections: edits(on(FR, 'Human Rights Watch', { action: 'retype', type: 'organization' })),
    });
    assert.equal(entityOf(a, 'Human Rights Watch')?.type, 'organization');
    assert.equal(
      entityOf(a, 'Human Rights Watch')?.verified,
      true,
      'a corrected annotation has been checked by the reader',
    );
  });

  it('not an entity: "ET" (11 a.m. ET) is a time zone', () => {
    assert.ok(entityOf(analyze(KERRY), 'ET'));
    const a = analyze(KERRY, { corrections: edits(on(KERRY, 'ET', { action: 'remove' })) });
    assert.equal(entityOf(a, 'ET'), undefined);
    assert.ok(entityOf(a, 'Chris Murphy'), 'the other entities stay');
  });

  it('mark a selection as a new person: "Secretary of State" ', () => {
    const a = analyze(KERRY, {
      corrections: edits(
        on(KERRY, 'State John Kerry', { action: 'span', span: tgt(KERRY, 'John Kerry') }),
        on(KERRY, 'Secretary of State', { action: 'add', type: 'person' }),
      ),
    });
    assert.equal(entityOf(a, 'Secretary of State')?.type, 'person');
    assert.equal(entityOf(a, 'Secretary of State')?.source, 'reader');
    assert.ok(entityOf(a, 'John Kerry'));
    assertSpansExact(KERRY, a);
  });

  it('an edit on a mention the analysis does not have is reported unchanged (the analysis already agrees)', () => {
    const a = analyze(FR, { corrections: edits(on(FR, 'chef', { action: 'remove' })) });
    assert.deepEqual(
      a.corrections?.applied.map((o) => o.status),
      ['unchanged'],
    );
  });
});

describe('corrections in analyze(): entities', () => {
  it('merge two, with their mentions and aliases: "Brothers" and "Muslim Brothers"; split the mention out again', () => {
    const base = analyze(EN);
    const brothers = entityOf(base, 'Brothers')!;
    const muslim = entityOf(base, 'Muslim Brothers')!;
    assert.notEqual(brothers.id, muslim.id);
    const merge = on(EN, 'Brothers', { action: 'merge', into: tgt(EN, 'Muslim Brothers') });
    const merged = analyze(EN, { corrections: edits(merge) });
    const one = entityOf(merged, 'Muslim Brothers')!;
    assert.equal(entityOf(merged, 'Brothers'), one, 'one entity');
    assert.equal(one.name, 'Muslim Brothers');
    assert.ok(one.aliases.includes('Brothers'));
    assert.equal(one.mentions.length, brothers.mentions.length + muslim.mentions.length);
    assert.equal(merged.entities.length, base.entities.length - 1);
    // Split it out again: back to two entities, as before the merge.
    const split = on(EN, 'Brothers', { action: 'split' });
    const again = analyze(EN, { corrections: edits(merge, split) });
    assert.equal(again.entities.length, base.entities.length);
    assert.deepEqual(names(again), names(base));
    assert.notEqual(entityOf(again, 'Brothers')?.id, entityOf(again, 'Muslim Brothers')?.id);
  });

  it('rename the canonical name, keeping the forms as aliases', () => {
    const a = analyze(EN, {
      corrections: edits(on(EN, 'Mohammed Morsi', { action: 'rename', name: 'Mohamed Morsi' })),
    });
    const e = entityOf(a, 'Mohammed Morsi')!;
    assert.equal(e.name, 'Mohamed Morsi');
    assert.ok(e.aliases.includes('Mohammed Morsi'));
  });

  it('entity ids stay in order of first mention after corrections', () => {
    const a = analyze(FR, {
      corrections: edits(
        on(FR, 'Egypte Sophie Pommier', { action: 'span', span: tgt(FR, 'Sophie Pommier') }),
        on(FR, 'Etat', { action: 'remove' }),
        on(FR, 'Assemblée', { action: 'add', type: 'organization' }),
        on(FR, 'Constitution', { action: 'merge', into: tgt(FR, 'Egypte') }),
      ),
    });
    a.entities.forEach((e, i) => assert.equal(e.id, `e${i + 1}`));
    const firsts = a.entities.map((e) => e.mentions[0].start);
    assert.deepEqual(
      firsts,
      [...firsts].sort((x, y) => x - y),
    );
    for (const q of a.quotes)
      if (q.speaker?.entityId)
        assert.ok(
          a.entities.some((e) => e.id === q.speaker!.entityId),
          'speakers point at entities that exist',
        );
    assertSpansExact(FR, a);
  });
});

describe('corrections in analyze(): quotes', () => {
  const base = analyze(EN);
  const advise = 'the people called upon to advise are not elected';

  it('set the speaker to another entity of the article', () => {
    // the speaker ranker now gives this quote to Sophie Pommier (the rules alone said Egypt): the reader picks another
    const q0 = base.quotes.find((q) => q.text.startsWith(advise))!;
    const other = base.entities.find((e) => e.type === 'person' && e.id !== q0.speaker?.entityId)!;
    assert.ok(other, 'the article names another person');
    const a = analyze(EN, { corrections: edits(on(EN, advise, { action: 'speaker', speaker: { name: other.name } })) });
    const q = a.quotes.find((x) => x.text.startsWith(advise))!;
    assert.equal(q.speaker?.name, other.name);
    assert.equal(q.speaker?.entityId, entityOf(a, other.name)?.id);
    assert.equal(q.speaker?.via, 'reader');
    assert.equal(q.source, 'reader');
  });

  it('set the speaker by a typed name (no such entity), or clear it', () => {
    const a = analyze(EN, {
      corrections: edits(
        on(EN, advise, { action: 'speaker', speaker: { name: 'a French researcher' } }),
        on(EN, 'Either you vote for my text', { action: 'speaker', speaker: null }),
      ),
    });
    const q = a.quotes.find((x) => x.text.startsWith(advise))!;
    assert.deepEqual([q.speaker?.name, q.speaker?.entityId], ['a French researcher', null]);
    assert.equal(a.quotes.find((x) => x.text.startsWith('Either you vote'))?.speaker, null);
    assertSpansExact(EN, a);
  });

  it('not a quote, and scare quote or not', () => {
    assert.ok(base.quotes.some((q) => q.text === 'Hypocrisy'));
    const a = analyze(EN, {
      corrections: edits(
        on(EN, 'Hypocrisy', { action: 'notQuote' }),
        on(EN, 'go back on his word', { action: 'scare', scare: false }),
        on(EN, 'the principles', { action: 'scare', scare: true }, 1),
      ),
    });
    assert.equal(
      a.quotes.some((q) => q.text === 'Hypocrisy'),
      false,
    );
    assert.equal(a.quotes.find((q) => q.text === 'go back on his word')?.scare, false);
    assert.equal(a.quotes.find((q) => q.text === 'the principles')?.scare, true);
    assert.equal(a.quotes.length, base.quotes.length - 1);
  });
});

describe('corrections in analyze(): dates', () => {
  it("the article's reference date is an edit, and relative dates resolve against it", () => {
    const base = analyze(EN);
    assert.equal(base.referenceDate, null);
    assert.equal(base.dates.find((d) => d.text === 'yesterday')?.value, null);
    const ref: EditCorrection = {
      id: 'ref',
      file: 'article.txt',
      action: 'referenceDate',
      value: '2012-12-01',
      at: '2024-05-02T09:00:00.000Z',
    };
    const a = analyze(EN, { corrections: edits(ref) });
    assert.deepEqual(a.referenceDate, { value: '2012-12-01', source: 'reader' });
    assert.equal(a.dates.find((d) => d.text === 'yesterday')?.value, '2012-11-30');
    assert.equal(a.dates.find((d) => d.text === 'Saturday')?.value, '2012-12-01');
    // The reader's date wins over the caller's option and over a later edit's predecessor.
    const later: EditCorrection = { ...ref, id: 'ref2', value: '2012-11-29', at: '2024-05-03T09:00:00.000Z' };
    const b = analyze(EN, { referenceDate: '2020-01-01', corrections: edits(later, ref) });
    assert.equal(b.referenceDate?.value, '2012-11-29');
    assert.equal(b.dates.find((d) => d.text === 'yesterday')?.value, '2012-11-28');
    assert.deepEqual(b.corrections?.applied.map((o) => [o.id, o.status]).sort(), [
      ['ref', 'unchanged'],
      ['ref2', 'applied'],
    ]);
  });

  it('set a date value, and mark words as a date the analysis missed', () => {
    const a = analyze(EN, {
      corrections: edits(
        on(EN, 'Wednesday', { action: 'date', value: '2012-11-28' }),
        on(EN, 'the following day', { action: 'date', value: '2012-11-29' }),
      ),
    });
    const wed = a.dates.find((d) => d.text === 'Wednesday')!;
    assert.deepEqual([wed.value, wed.resolvedFrom, wed.source], ['2012-11-28', 'reader', 'reader']);
    const next = a.dates.find((d) => d.text === 'the following day')!;
    assert.deepEqual([next.value, next.kind, next.source, next.verified], ['2012-11-29', 'date', 'reader', true]);
    assertSpansExact(EN, a);
  });

  it('not a date', () => {
    const now = analyze(EN).dates.find((d) => d.text === 'now')!;
    const a = analyze(EN, {
      corrections: edits({
        id: 'd',
        file: 'article.txt',
        action: 'remove',
        kind: 'date',
        target: targetFromSpan(EN, now),
      }),
    });
    assert.equal(
      a.dates.some((d) => d.text === 'now'),
      false,
    );
  });
});

describe('corrections in analyze(): verified', () => {
  it('marks annotations as checked; "N of M verified" counts them per kind', () => {
    const a = analyze(EN, {
      corrections: edits(
        on(EN, 'Mohammed Morsi', { action: 'verify' }),
        on(EN, 'Mohammed Morsi', { action: 'verify' }, 1),
        on(EN, 'mid-November', { action: 'verify' }),
        on(EN, '234 articles', { action: 'verify', kind: 'figure' }),
        on(EN, 'Hypocrisy', { action: 'verify' }),
      ),
    });
    const morsi = entityOf(a, 'Mohammed Morsi')!;
    assert.equal(morsi.verified, true);
    assert.equal(morsi.source, 'auto', 'checking is not changing');
    assert.ok(morsi.mentions.every((m) => m.verified));
    assert.equal(a.verified?.byKind.person.verified, 1);
    assert.equal(a.verified?.byKind.date.verified, 1);
    assert.equal(a.verified?.byKind.figure.verified, 1);
    assert.equal(a.verified?.byKind.quote.verified, 1);
    assert.equal(a.verified?.verified, 4);
    assert.deepEqual(
      a.corrections?.applied.map((o) => o.status),
      ['applied', 'unchanged', 'applied', 'applied', 'applied'],
    );
  });
});

describe('corrections in analyze(): rules', () => {
  it('"State" is never an entity: "State John Kerry" becomes John Kerry (the tagger sees the rule, then it is enforced)', () => {
    assert.ok(entityOf(analyze(KERRY), 'State John Kerry'), 'the analysis gets it wrong');
    const a = analyze(KERRY, { corrections: { rules: [rule('r1', 'State', null)], edits: [] } });
    assert.ok(
      a.entities.every((e) => e.mentions.every((m) => !m.text.includes('State'))),
      names(a).join(', '),
    );
    assert.ok(entityOf(a, 'John Kerry'), names(a).join(', '));
    assert.deepEqual(a.corrections?.applied, [{ id: 'r1', action: 'rule', status: 'applied', occurrences: 1 }]);
  });

  it('the rule is enforced even on an analysis made without it (an edge cut off: "Etat John Kerry" → "John Kerry")', () => {
    const text = 'Le secrétaire d’Etat John Kerry est arrivé à Paris.';
    const entity: Entity = {
      id: 'e1',
      type: 'person',
      name: 'Etat John Kerry',
      aliases: [],
      mentions: [{ start: 16, end: 31, text: 'Etat John Kerry' }],
    };
    const base: ArticleAnalysis = { ...analyze(text), entities: [entity] };
    const a = applyCorrections(text, base, { rules: [rule('r1', 'Etat', null)], edits: [] });
    assert.deepEqual(
      a.entities.map((e) => [e.name, e.mentions[0].text, e.source]),
      [['John Kerry', 'John Kerry', 'reader']],
    );
    assert.deepEqual(a.entities[0].mentions[0].corrections, [
      { id: 'r1', action: 'rule', at: '2024-05-01T09:00:00.000Z', by: 'desk' },
    ]);
  });

  it('"La Haye" is a place: every occurrence, with the boundaries of the rule ("Haye" → "La Haye")', () => {
    const text =
      'La Bolivie a saisi la Cour internationale de justice. À La Haye, Evo Morales a parlé. La Haye a rendu son avis.';
    const a = analyze(text, { corrections: { rules: [rule('r1', 'La Haye', 'place')], edits: [] } });
    const haye = a.entities.filter((e) => e.mentions.some((m) => m.text === 'La Haye'));
    assert.equal(haye.length, 1);
    assert.equal(haye[0].type, 'place');
    assert.equal(haye[0].mentions.filter((m) => m.text === 'La Haye').length, 2);
    assert.ok(a.entities.every((e) => e.mentions.every((m) => m.text !== 'Haye')));
  });

  it('a rule is case-sensitive in the tagger too: "Countrywide" the company, not "countrywide" the adjective', () => {
    const text = 'Countrywide said a countrywide strike would not stop Countrywide from lending.';
    const ents = findEntities(text, pack('en'), undefined, {
      nameRules: [{ text: 'Countrywide', type: 'organization' }],
    });
    const all = ents.flatMap((e) => e.mentions.map((m) => m.text));
    assert.deepEqual(
      all.filter((t) => /countrywide/i.test(t)),
      ['Countrywide', 'Countrywide'],
    );
    const a = analyze(text, { corrections: { rules: [rule('r1', 'Countrywide', 'organization')], edits: [] } });
    assert.equal(entityOf(a, 'Countrywide')?.type, 'organization');
    assert.equal(entityOf(a, 'Countrywide')?.mentions.length, 2);
  });

  it('edits win over rules: the reader removes one occurrence a rule made an organization', () => {
    const text = 'Countrywide said on Monday that Countrywide executives had met in Sacramento.';
    const c: ArticleCorrections = {
      rules: [rule('r1', 'Countrywide', 'organization')],
      edits: [on(text, 'Countrywide', { action: 'remove' }, 1)],
    };
    const a = analyze(text, { corrections: c });
    assert.deepEqual(
      entityOf(a, 'Countrywide')?.mentions.map((m) => m.start),
      [0],
    );
  });

  it('rules with each scope, through the scope filter, across the languages of one story', () => {
    const rules = [
      rule('w', 'Al-Azhar', 'organization', 'workspace'),
      rule('s', 'Etat', null, 'story', 'fr.txt'),
      rule('f', 'Constitution', null, 'file', 'en.txt'),
    ];
    const story = ['en.txt', 'fr.txt'];
    const en = analyze(EN, { corrections: correctionsForFile({ rules, edits: [] }, { file: 'en.txt', story }) });
    const fr = analyze(FR, { corrections: correctionsForFile({ rules, edits: [] }, { file: 'fr.txt', story }) });
    const other = analyze(FR, {
      corrections: correctionsForFile({ rules, edits: [] }, { file: 'elsewhere/fr.txt', story: [] }),
    });
    // Workspace: everywhere, both languages ("Al-Azhar" is written the same).
    for (const a of [en, fr, other]) assert.equal(entityOf(a, 'Al-Azhar')?.type, 'organization', names(a).join(', '));
    // Story: both versions of this story, not another article.
    assert.equal(entityOf(fr, 'Etat'), undefined);
    assert.ok(entityOf(other, 'Etat'), 'another story keeps it');
    // File: this file only.
    assert.equal(entityOf(en, 'Constitution'), undefined);
    assert.ok(entityOf(fr, 'Constitution'));
  });
});

describe('corrections in analyze(): anchoring in a new version of the article, and orphans', () => {
  const fix = on(FR, 'Egypte Sophie Pommier', { action: 'span', span: tgt(FR, 'Sophie Pommier') });
  const retype = on(FR, 'Human Rights Watch', { action: 'retype', type: 'organization' });
  const c = edits(fix, retype);

  const versions: Array<[string, (t: string) => string]> = [
    ['a paragraph inserted before', (t) => 'Mise à jour le 2 décembre : le texte a été adopté.\n\n' + t],
    ['the headline deleted', (t) => t.slice(t.indexOf('\n') + 1)],
    [
      'a sentence inserted inside the corrected passage',
      (t) => t.replace('Pour la spécialiste', 'Les avis divergent. Pour la spécialiste'),
    ],
    ['text deleted after', (t) => t.slice(0, t.length - 200)],
  ];
  for (const [what, change] of versions) {
    it(`the corrections still apply after ${what}`, () => {
      const text = change(FR);
      const a = analyze(text, { corrections: c });
      assert.deepEqual(a.corrections?.orphaned, []);
      assert.equal(entityOf(a, 'Sophie Pommier')?.name, 'Sophie Pommier');
      assert.equal(entityOf(a, 'Human Rights Watch')?.type, 'organization');
      assertSpansExact(text, a);
    });
  }

  it('a correction whose text is gone is orphaned with the reason, and the others still apply', () => {
    const text = FR.replace('Human Rights Watch', 'HRW');
    const a = analyze(text, { corrections: c });
    assert.deepEqual(
      a.corrections?.orphaned.map((o) => [o.id, o.reason, o.exact]),
      [[retype.id, 'notFound', 'Human Rights Watch']],
    );
    assert.match(a.corrections!.orphaned[0].detail, /no longer occurs/);
    assert.equal(entityOf(a, 'Sophie Pommier')?.name, 'Sophie Pommier');
  });

  it('an edit inside the corrected text orphans it; a merge whose other entity is gone too', () => {
    const merge = on(EN, 'Brothers', { action: 'merge', into: tgt(EN, 'Muslim Brothers') });
    const text = EN.replace('Egypte Sophie Pommier', 'x').replace(/Muslim Brothers/g, 'Brotherhood members');
    const a = analyze(text, { corrections: edits(merge) });
    assert.deepEqual(
      a.corrections?.orphaned.map((o) => [o.id, o.reason]),
      [[merge.id, 'notFound']],
    );
    const b = analyze(FR.replace('Egypte Sophie', 'Egypte Sophia'), { corrections: edits(fix) });
    assert.deepEqual(
      b.corrections?.orphaned.map((o) => [o.id, o.reason]),
      [[fix.id, 'notFound']],
    );
  });

  it('new boundaries that do not cover the corrected text are refused (invalid), not applied elsewhere', () => {
    const bad = on(FR, 'Human Rights Watch', { action: 'span', span: tgt(FR, 'Heba Morayef') });
    const a = analyze(FR, { corrections: edits(bad) });
    assert.deepEqual(
      a.corrections?.orphaned.map((o) => [o.id, o.reason]),
      [[bad.id, 'invalid']],
    );
  });
});

describe('corrections: order and idempotence', () => {
  const all: ArticleCorrections = {
    rules: [rule('r1', 'Al-Azhar', 'organization'), rule('r2', 'Etat', null)],
    edits: [
      on(FR, 'Egypte Sophie Pommier', { action: 'span', span: tgt(FR, 'Sophie Pommier') }),
      on(FR, 'Human Rights Watch', { action: 'retype', type: 'organization' }),
      on(FR, 'Frères', { action: 'merge', into: tgt(FR, 'Egyptiens') }),
      on(FR, 'Mohammed Morsi', { action: 'rename', name: 'Mohamed Morsi' }),
      on(FR, 'Hypocrisie', { action: 'notQuote' }),
      on(FR, 'mercredi', { action: 'date', value: '2012-11-28' }),
      on(FR, 'Mohammed Morsi', { action: 'verify' }),
    ],
  };
  const once = analyze(FR, { corrections: all });
  const strip = (a: ArticleAnalysis) => ({ ...a, corrections: undefined });

  it('applying the same corrections to the result changes nothing', () => {
    const twice = applyCorrections(FR, once, all);
    assert.deepEqual(strip(twice), strip(once));
    assert.deepEqual(twice.corrections?.orphaned, []);
  });

  it('a later edit wins over an earlier one on the same annotation', () => {
    const first = on(FR, 'Human Rights Watch', { action: 'retype', type: 'place' });
    const second = on(FR, 'Human Rights Watch', { action: 'retype', type: 'organization' });
    // Listed in the other order: time decides.
    assert.equal(
      entityOf(analyze(FR, { corrections: edits(second, first) }), 'Human Rights Watch')?.type,
      'organization',
    );
  });

  it('applied to a cached analysis made without them, the corrections give the same annotations for entities', () => {
    const post = applyCorrections(FR, analyze(FR), { rules: [], edits: all.edits });
    const direct = analyze(FR, { corrections: { rules: [], edits: all.edits } });
    assert.deepEqual(post.entities, direct.entities);
    assert.deepEqual(post.dates, direct.dates);
    assertSpansExact(FR, post);
  });
});
