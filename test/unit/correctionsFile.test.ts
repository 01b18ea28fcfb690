import { strict as assert } from 'node:assert';
import { applyChanges, inverseChanges, withId, type CorrectionChange } from '../../src/core/corrections/changes';
import { mergeCorrections } from '../../src/core/corrections/merge';
import type { CorrectionsFile, EditCorrection, RuleCorrection } from '../../src/core/corrections/model';
import {
  checkCorrections,
  emptyCorrections,
  entryId,
  isDateValue,
  parseCorrections,
  readCorrections,
} from '../../src/core/corrections/parse';
import { correctionsForFile, normalizePath, ruleApplies } from '../../src/core/corrections/scope';
import { serializeCorrections } from '../../src/core/corrections/serialize';

/** The issue's example file, as a reader would write it by hand (no ids, no times). */
const ISSUE_EXAMPLE = `{ "version": 1,
  "rules": [ { "text": "Countrywide", "type": "organization", "scope": "workspace" },
             { "text": "State", "type": null, "scope": "story", "file": "wire/kerry.txt" } ],
  "edits": [ { "file": "fr/bolivia.txt", "target": { "exact": "Paz", "prefix": "quartier général naval La ", "suffix": "." },
               "action": "span", "span": { "exact": "La Paz", "prefix": "naval ", "suffix": "." } },
             { "file": "fr/kerry.txt", "target": { "exact": "Etat John Kerry" }, "action": "remove" },
             { "file": "en/kerry.txt", "target": { "exact": "State" }, "action": "retype", "type": "organization" },
             { "file": "en/kerry.txt", "target": { "exact": "Secretary of State" }, "action": "add", "type": "person" },
             { "file": "en/kerry.txt", "target": { "exact": "Kerry", "prefix": "Mr " }, "action": "merge", "into": { "exact": "John Kerry" } },
             { "file": "fr/bolivia.txt", "target": { "exact": "La mer est à nous" }, "action": "speaker", "speaker": { "name": "Evo Morales" } },
             { "file": "fr/bolivia.txt", "target": { "exact": "le 1er octobre" }, "action": "date", "value": "2018-10-01" },
             { "file": "en/kerry.txt", "target": { "exact": "John Kerry" }, "action": "verify" } ],
  "links": [ { "kind": "entity", "a": { "file": "en/kerry.txt", "exact": "John Kerry" },
               "b": { "file": "fr/kerry.txt", "exact": "Etat John Kerry" }, "status": "rejected" } ] }`;

function parsed(text: string): CorrectionsFile {
  const r = parseCorrections(text);
  assert.ok('data' in r, JSON.stringify(r));
  return r.data;
}

const rule = (
  id: string,
  text: string,
  type: RuleCorrection['type'],
  scope: RuleCorrection['scope'],
  file?: string,
): RuleCorrection => (file ? { id, text, type, scope, file } : { id, text, type, scope });

describe('corrections file: parse and validate', () => {
  it("reads the issue's example: every entry valid, each with an id derived from its content", () => {
    const read = readCorrections(parsed(ISSUE_EXAMPLE));
    assert.deepEqual(read.issues, []);
    assert.equal(read.rules.length, 2);
    assert.equal(read.edits.length, 8);
    assert.equal(read.links.length, 1);
    assert.deepEqual(
      read.edits.map((e) => e.action),
      ['span', 'remove', 'retype', 'add', 'merge', 'speaker', 'date', 'verify'],
    );
    const ids = [...read.rules, ...read.edits, ...read.links].map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(
      ids.every((id) => id.startsWith('~')),
      'derived ids are marked',
    );
    // The same content always gets the same id: a later read, or another window, names it the same way.
    assert.deepEqual(
      readCorrections(parsed(ISSUE_EXAMPLE)).edits.map((e) => e.id),
      read.edits.map((e) => e.id),
    );
  });

  const refused: Array<[string, string, string]> = [
    ['truncated JSON', '{ "version": 1, "edits": [', 'syntax'],
    ['git conflict markers', '{\n<<<<<<< ours\n  "version": 1\n=======\n  "version": 1\n>>>>>>> theirs\n}', 'syntax'],
    ['a list at the top', '[]', 'shape'],
    ['a string version', '{ "version": "1" }', 'shape'],
    ['version 0', '{ "version": 0 }', 'shape'],
    ['edits that are not a list', '{ "version": 1, "edits": {} }', 'shape'],
  ];
  for (const [what, text, kind] of refused) {
    it(`refuses ${what} (${kind}), with the reason`, () => {
      const r = parseCorrections(text);
      assert.ok('problem' in r);
      assert.equal(r.problem.kind, kind);
    });
  }

  it('a newer version is read as far as understood, and marked read-only (never rewritten)', () => {
    const r = parseCorrections(
      '{ "version": 2, "edits": [ { "file": "a.txt", "action": "remove", "target": { "exact": "X" } } ], "shiny": true }',
    );
    assert.ok('data' in r);
    assert.deepEqual(r.readOnly, { kind: 'newer', version: 2 });
    assert.equal(readCorrections(r.data).edits.length, 1);
  });

  it('accepts a byte-order mark, and missing lists or version', () => {
    const r = parseCorrections('\ufeff{}');
    assert.ok('data' in r);
    assert.deepEqual(r.data, emptyCorrections());
  });

  it('entries that do not validate, and unknown actions, are reported and kept as written', () => {
    const text = JSON.stringify({
      version: 1,
      rules: [{ text: 'State', type: 'animal', scope: 'workspace' }, { text: 'X', type: null, scope: 'story' }, 'junk'],
      edits: [
        { file: 'a.txt', action: 'highlight', target: { exact: 'X' }, colour: 'red' },
        { file: 'a.txt', action: 'retype', target: { exact: 'X' } },
        { file: 'a.txt', action: 'date', target: { exact: 'lundi' }, value: 'next monday' },
        { file: 'a.txt', action: 'remove', target: { exact: '' } },
        { id: 'dup', file: 'a.txt', action: 'verify', target: { exact: 'X' } },
        { id: 'dup', file: 'a.txt', action: 'verify', target: { exact: 'Y' } },
      ],
      links: [{ kind: 'entity', a: { file: 'a.txt', exact: 'X' }, b: { exact: 'Y' }, status: 'confirmed' }],
    });
    const file = parsed(text);
    const read = readCorrections(file);
    assert.equal(read.rules.length, 0);
    assert.deepEqual(
      read.edits.map((e) => e.target?.exact),
      ['X'],
      'only the first "dup" is used',
    );
    assert.equal(read.links.length, 0);
    const details = read.issues.map((i) => `${i.list}[${i.index}]: ${i.detail}`);
    assert.deepEqual(details, [
      'rules[0]: "type" is not person, organization, place or null',
      'rules[1]: a story rule needs "file"',
      'rules[2]: not an object',
      'edits[0]: unknown action "highlight"',
      'edits[1]: "type" is not person, organization or place',
      'edits[2]: "value" is not a TIMEX3 date value or null',
      'edits[3]: "target.exact" is not a non-empty string',
      'edits[5]: the id "dup" is used twice',
      'links[0]: "b.file" is not a path',
    ]);
    // Nothing is lost on the way back: every entry, valid or not, is written again.
    const again = parsed(serializeCorrections(file));
    assert.equal(again.edits.length, 6);
    assert.deepEqual(
      again.edits.find((e) => (e as { action: string }).action === 'highlight'),
      { file: 'a.txt', action: 'highlight', target: { exact: 'X' }, colour: 'red' },
    );
    assert.equal(again.rules.length, 3);
    assert.ok(again.rules.includes('junk'));
  });

  const values: Array<[unknown, boolean]> = [
    ['2018-10-01', true],
    ['2018-10', true],
    ['2018', true],
    ['XXXX-06-01', true],
    ['2020-W33', true],
    ['2020-SU', true],
    ['2020-08-17TMO', true],
    ['2020-08-17T11:00', true],
    ['P90D', true],
    ['PT2H', true],
    ['PXM', true],
    ['PRESENT_REF', true],
    ['next monday', false],
    ['P', false],
    ['', false],
    [20181001, false],
    ['2018-10-01; rm -rf', false],
  ];
  for (const [v, ok] of values)
    it(`date value ${JSON.stringify(v)} is ${ok ? '' : 'not '}accepted`, () => assert.equal(isDateValue(v), ok));
});

describe('corrections file: serialize', () => {
  const file = parsed(ISSUE_EXAMPLE);

  it('is deterministic and stable: serialize ∘ parse ∘ serialize = serialize', () => {
    const once = serializeCorrections(file);
    assert.equal(serializeCorrections(parsed(once)), once);
    assert.equal(serializeCorrections(file), once);
  });

  it('writes one entry per line, version first, known fields in a fixed order', () => {
    const text = serializeCorrections(file);
    const lines = text.split('\n');
    assert.equal(lines[1], '  "version": 1,');
    const edits = lines.filter((l) => l.includes('"action"'));
    assert.equal(edits.length, 8, 'each edit on its own line');
    assert.ok(
      edits.every((l) => /^ {4}\{"file": /.test(l)),
      edits[0],
    );
    assert.ok(
      text.includes(
        '{"file": "fr/bolivia.txt", "action": "span", "target": {"exact": "Paz", "prefix": "quartier général naval La ", "suffix": "."}, "span": {"exact": "La Paz", "prefix": "naval ", "suffix": "."}}',
      ),
    );
    assert.ok(text.endsWith('}\n'));
  });

  it('sorts rules alphabetically and edits by article then time, whatever order they were added in', () => {
    const a: EditCorrection = {
      id: 'e2',
      file: 'b.txt',
      action: 'remove',
      target: { exact: 'X' },
      at: '2024-01-02T00:00:00.000Z',
    };
    const b: EditCorrection = {
      id: 'e1',
      file: 'b.txt',
      action: 'remove',
      target: { exact: 'Y' },
      at: '2024-01-01T00:00:00.000Z',
    };
    const c: EditCorrection = {
      id: 'e3',
      file: 'a.txt',
      action: 'remove',
      target: { exact: 'Z' },
      at: '2024-01-03T00:00:00.000Z',
    };
    const one = serializeCorrections(
      applyChanges(
        undefined,
        [a, b, c].map((entry) => ({ op: 'put', list: 'edits', entry }) as CorrectionChange),
      ),
    );
    const two = serializeCorrections(
      applyChanges(
        undefined,
        [c, a, b].map((entry) => ({ op: 'put', list: 'edits', entry }) as CorrectionChange),
      ),
    );
    assert.equal(one, two);
    assert.deepEqual(
      [...one.matchAll(/"id": "(e\d)"/g)].map((m) => m[1]),
      ['e3', 'e1', 'e2'],
    );
    const rules = serializeCorrections({
      ...emptyCorrections(),
      rules: [
        rule('r1', 'State', null, 'workspace'),
        rule('r2', 'Countrywide', 'organization', 'workspace'),
        rule('r3', 'ET', null, 'workspace'),
      ],
    });
    assert.deepEqual(
      [...rules.matchAll(/"text": "(\w+)"/g)].map((m) => m[1]),
      ['Countrywide', 'ET', 'State'],
    );
  });

  it('keeps unknown top-level fields and unknown entry fields (after the known ones)', () => {
    const text = serializeCorrections(
      parsed(
        '{"comment": {"who": "desk"}, "version": 1, "edits": [{"zz": 1, "action": "verify", "file": "a.txt", "target": {"exact": "X", "selector": "css"}}]}',
      ),
    );
    assert.ok(
      text.includes('{"file": "a.txt", "action": "verify", "target": {"exact": "X", "selector": "css"}, "zz": 1}'),
      text,
    );
    assert.deepEqual(parsed(text).comment, { who: 'desk' });
  });
});

describe('corrections file: changes by id (re-read and re-apply before every write)', () => {
  const edit = (id: string, exact: string): EditCorrection => ({
    id,
    file: 'a.txt',
    action: 'remove',
    target: { exact },
  });

  it('put adds or replaces by id; delete removes; both are idempotent', () => {
    const change: CorrectionChange[] = [{ op: 'put', list: 'edits', entry: edit('c1', 'X') }];
    const once = applyChanges(undefined, change);
    assert.deepEqual(applyChanges(once, change), once);
    const replaced = applyChanges(once, [{ op: 'put', list: 'edits', entry: edit('c1', 'Y') }]);
    assert.deepEqual(replaced.edits, [edit('c1', 'Y')]);
    const gone = applyChanges(replaced, [{ op: 'delete', id: 'c1' }]);
    assert.deepEqual(gone.edits, []);
    assert.deepEqual(applyChanges(gone, [{ op: 'delete', id: 'c1' }]), gone);
  });

  it('two windows correcting at once lose nothing: each re-applies its change to what the other wrote', () => {
    const start = parsed(ISSUE_EXAMPLE);
    const mine: CorrectionChange = { op: 'put', list: 'edits', entry: edit('mine', 'State') };
    const theirs: CorrectionChange = { op: 'put', list: 'rules', entry: rule('theirs', 'ET', null, 'workspace') };
    // Window 2 saved first; window 1 re-reads the file and applies its pending change to that.
    const disk = applyChanges(start, [theirs]);
    const written = applyChanges(parsed(serializeCorrections(disk)), [mine]);
    const read = readCorrections(written);
    assert.ok(read.edits.some((e) => e.id === 'mine'));
    assert.ok(read.rules.some((r) => r.id === 'theirs'));
    assert.equal(read.edits.length, 9);
    // An id-less hand-written entry can be deleted by its derived id.
    const handWritten = readCorrections(start).edits[1];
    const without = applyChanges(written, [{ op: 'delete', id: handWritten.id }]);
    assert.equal(readCorrections(without).edits.length, 8);
    assert.ok(!readCorrections(without).edits.some((e) => e.target?.exact === 'Etat John Kerry'));
  });

  it('undo and redo: the inverse changes restore the file exactly, and the changes again redo them', () => {
    const start = parsed(ISSUE_EXAMPLE);
    const first = readCorrections(start).edits[2];
    const changes: CorrectionChange[] = [
      { op: 'put', list: 'edits', entry: { ...first, type: 'place' } as EditCorrection },
      { op: 'put', list: 'edits', entry: edit('new', 'Kerry') },
      { op: 'delete', id: readCorrections(start).edits[0].id },
    ];
    const undo = inverseChanges(start, changes);
    const done = applyChanges(start, changes);
    const undone = applyChanges(done, undo);
    // The entry that was replaced gets its id written on undo: the same entry, now addressable by id.
    const strip = (f: CorrectionsFile) =>
      serializeCorrections({ ...f, edits: f.edits.map((e) => ({ ...(e as object), id: entryId(e) })) });
    assert.equal(strip(undone), strip(start));
    assert.equal(serializeCorrections(applyChanges(undone, changes)), serializeCorrections(done));
  });

  it('withId gives the same id to the same correction (two windows recording it at once write it once)', () => {
    const entry = {
      file: 'a.txt',
      action: 'remove',
      target: { exact: 'State' },
      at: '2024-05-02T10:00:00.000Z',
    } as const;
    assert.equal(withId('edits', entry).id, withId('edits', { ...entry }).id);
    assert.notEqual(withId('edits', entry).id, withId('edits', { ...entry, at: '2024-05-02T10:00:01.000Z' }).id);
    assert.match(withId('edits', entry).id, /^e[0-9a-z]{11}$/);
  });
});

describe('corrections file: three-way merge', () => {
  const base = parsed(ISSUE_EXAMPLE);
  const ids = readCorrections(base).edits.map((e) => e.id);

  it('takes what each side added, changed or deleted', () => {
    const ours = applyChanges(base, [
      { op: 'put', list: 'rules', entry: rule('o1', 'ET', null, 'workspace') },
      { op: 'delete', id: ids[1] },
    ]);
    const theirs = applyChanges(base, [
      { op: 'put', list: 'rules', entry: rule('t1', 'Haye', null, 'file', 'fr/bolivia.txt') },
    ]);
    const merged = mergeCorrections(base, ours, theirs);
    assert.deepEqual(merged.conflicts, []);
    const read = readCorrections(merged.file);
    assert.ok(read.rules.some((r) => r.id === 'o1') && read.rules.some((r) => r.id === 't1'));
    assert.ok(!read.edits.some((e) => e.id === ids[1]), 'our deletion is kept');
    assert.equal(read.edits.length, 7);
  });

  it('a deletion never wins over a change, and a change on both sides keeps ours (reported)', () => {
    const changed = { ...readCorrections(base).edits[2], type: 'place' } as EditCorrection;
    const ours = applyChanges(base, [
      { op: 'delete', id: ids[2] },
      { op: 'put', list: 'edits', entry: { ...readCorrections(base).edits[3], note: 'ours' } as EditCorrection },
    ]);
    const theirs = applyChanges(base, [
      { op: 'put', list: 'edits', entry: changed },
      { op: 'put', list: 'edits', entry: { ...readCorrections(base).edits[3], note: 'theirs' } as EditCorrection },
    ]);
    const merged = mergeCorrections(base, ours, theirs);
    const read = readCorrections(merged.file);
    assert.deepEqual(
      read.edits.find((e) => e.id === ids[2]),
      changed,
    );
    assert.equal(read.edits.find((e) => e.id === ids[3])?.note, 'ours');
    assert.deepEqual(merged.conflicts.sort(), [ids[2], ids[3]].sort());
  });

  it('without a base, the union (nothing can be known to be deleted)', () => {
    const ours = applyChanges(base, [{ op: 'delete', id: ids[0] }]);
    const theirs = applyChanges(emptyCorrections(), [
      { op: 'put', list: 'rules', entry: rule('t', 'ET', null, 'workspace') },
    ]);
    const read = readCorrections(mergeCorrections(undefined, ours, theirs).file);
    assert.equal(read.edits.length, 7);
    assert.ok(read.rules.some((r) => r.id === 't'));
  });

  it('unknown top-level fields merge too', () => {
    const ours = { ...base, reviewer: 'ana' };
    const theirs = { ...base, team: 'desk' };
    const merged = mergeCorrections(base, ours, theirs).file;
    assert.equal(merged.reviewer, 'ana');
    assert.equal(merged.team, 'desk');
  });
});

describe('corrections: which apply to an article (scope)', () => {
  const rules = [
    rule('w', 'Countrywide', 'organization', 'workspace'),
    rule('s', 'State', null, 'story', 'wire/kerry.txt'),
    rule('f', 'La Haye', 'place', 'file', './fr/bolivia.txt'),
  ];
  const edits: EditCorrection[] = [
    { id: 'e1', file: 'fr/bolivia.txt', action: 'remove', target: { exact: 'Haye' } },
    { id: 'e2', file: 'en/kerry.txt', action: 'verify', target: { exact: 'Kerry' } },
  ];
  const cases: Array<[string, string, string[], string[], string[]]> = [
    ['a new article elsewhere', 'other/new.txt', [], ['w'], []],
    ['the file a story rule was made in', 'wire/kerry.txt', [], ['w', 's'], []],
    [
      'another version of that story (the French one)',
      'fr/kerry.txt',
      ['wire/kerry.txt', 'fr/kerry.txt'],
      ['w', 's'],
      [],
    ],
    ['an article of another story', 'en/kerry.txt', ['en/other.txt'], ['w'], ['e2']],
    ['the file of a file rule, however its path is written', 'fr\\bolivia.txt', [], ['w', 'f'], ['e1']],
    ['a file in the same story as a file rule', 'en/bolivia.txt', ['fr/bolivia.txt'], ['w'], []],
  ];
  for (const [what, file, story, wantRules, wantEdits] of cases) {
    it(what, () => {
      const got = correctionsForFile({ rules, edits }, { file, story });
      assert.deepEqual(
        got.rules.map((r) => r.id),
        wantRules,
      );
      assert.deepEqual(
        got.edits.map((e) => e.id),
        wantEdits,
      );
    });
  }
  it('a story rule without its file applies nowhere', () => {
    assert.equal(ruleApplies({ id: 'x', text: 'X', type: null, scope: 'story' }, { file: 'a.txt' }), false);
  });
  it('normalizes paths', () => {
    assert.equal(normalizePath('./a//b/./c.txt'), 'a/b/c.txt');
    assert.equal(normalizePath('a/../b.txt'), 'b.txt');
    assert.equal(normalizePath('../b.txt'), '../b.txt');
  });
  it('checkCorrections is the check a workspace JSON file takes (parsed JSON in)', () => {
    const r = checkCorrections(JSON.parse(ISSUE_EXAMPLE));
    assert.ok('data' in r && !r.readOnly);
  });
});
