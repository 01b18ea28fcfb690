import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findEntities, modelSpans, ruleLayer } from '../../src/core/entities';
import { bioTransitions, viterbi } from '../../src/core/ner/decode';
import { extractFeatures, shortShape, wordShape } from '../../src/core/ner/features';
import { decodeModel, encodeModel } from '../../src/core/ner/model';
import { extendToRuleSpans, labelsToSpans, spansToLabels } from '../../src/core/ner/tagger';
import type { Entity, EntityType } from '../../src/core/types';
import { pack } from './packs';

const ROOT = path.resolve(__dirname, '..', '..');
const modelFile = (lang: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(ROOT, 'src/core/lang', lang, 'nerModel.bin')));

function find(ents: Entity[], text: string): Entity | undefined {
  return ents.find((e) => e.mentions.some((m) => m.text === text));
}

describe('entity tagger: model files', () => {
  for (const lang of ['en', 'fr']) {
    it(`${lang}: the shipped file decodes and encodes back to the same bytes`, () => {
      const bytes = modelFile(lang);
      const model = decodeModel(bytes);
      assert.ok(model.labels.includes('B-PER') && model.labels.includes('I-ORG'));
      assert.ok(model.vocabulary.size > 1000, 'a vocabulary');
      assert.deepEqual(encodeModel(model), bytes);
    });
  }

  it('rejects a file that is not a model, and a truncated one', () => {
    assert.throws(() => decodeModel(new TextEncoder().encode('not a model at all')), /not an entity model/);
    const bytes = modelFile('en');
    assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 1000)), /truncated|Offset|bounds/);
  });

  it('is decoded once per language, on first use', () => {
    assert.equal(pack('en').ner.model(), pack('en').ner.model());
    assert.notEqual(pack('en').ner.model(), pack('fr').ner.model());
  });
});

describe('entity tagger: decoding', () => {
  const labels = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG'];
  const L = labels.length;
  const valid = bioTransitions(labels);

  it('never puts I-X after O or after another type, even when the emissions prefer it', () => {
    // Token 0 prefers O, token 1 prefers I-ORG: the best valid path must open the entity with B-ORG.
    const em = new Float64Array([5, 0, 0, 0, 0, 0, 0, 0, 1, 3]);
    const path = viterbi(em, 1, 2, L, new Float32Array((L + 1) * L), valid);
    assert.ok(path);
    assert.deepEqual(
      [...path].map((i) => labels[i]),
      ['O', 'B-ORG'],
    );
  });

  it('follows per-token constraints, and says so when none can be met', () => {
    const em = new Float64Array([5, 0, 0, 0, 0, 5, 0, 0, 0, 0]);
    const allowed = new Uint8Array(2 * L).fill(1);
    allowed.fill(0, 0, L);
    allowed[1] = 1; // token 0: B-PER only
    const path = viterbi(em, 1, 2, L, new Float32Array((L + 1) * L), valid, allowed);
    assert.equal(labels[path![0]], 'B-PER');
    const impossible = new Uint8Array(2 * L).fill(1);
    impossible.fill(0, 0, L);
    impossible[2] = 1; // token 0: I-PER only, which cannot open a segment
    assert.equal(viterbi(em, 1, 2, L, new Float32Array((L + 1) * L), valid, impossible), null);
  });

  it('labels and spans convert both ways on our tokens', () => {
    const { toks } = ruleLayer('Kevin Mayer left Disney for TikTok.', pack('en'));
    const spans = [
      { start: 0, end: 11, type: 'PER' },
      { start: 17, end: 23, type: 'ORG' },
    ];
    const l = spansToLabels(toks, spans);
    assert.deepEqual(l.slice(0, 4), ['B-PER', 'I-PER', 'O', 'B-ORG']);
    assert.deepEqual(labelsToSpans(l), [
      { first: 0, last: 1, type: 'PER' },
      { first: 3, last: 3, type: 'ORG' },
    ]);
  });

  it('widens a mention to the enclosing rule mention, takes its type, and keeps one copy', () => {
    const out = extendToRuleSpans(
      [
        { first: 2, last: 2, type: 'LOC' },
        { first: 0, last: 0, type: 'PER' },
      ].sort((a, b) => a.first - b.first),
      [{ first: 0, last: 2, type: 'ORG' }],
      ['O', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-PER', 'I-PER'],
    );
    assert.deepEqual(out, [{ first: 0, last: 2, type: 'ORG' }]);
  });
});

describe('entity tagger: features', () => {
  it('word shapes', () => {
    for (const [w, s, ss] of [
      ['Kerry', 'Xxxx', 'Xx'],
      ['U.S.', 'X.X.', 'X.X.'],
      ['NASA', 'XXX', 'X'],
      ['2-1', 'd-d', 'd-d'],
      ['McDonald', 'XxXxxx', 'XxXx'],
      ['Élysée', 'Xxxx', 'Xx'],
    ]) {
      assert.equal(wordShape(w), s, w);
      assert.equal(shortShape(w), ss, w);
    }
  });

  it('the same tokens give the same features, and hidden words change only word features', () => {
    const text = 'Secretary of State John Kerry met NSA officials in La Paz.';
    const { toks } = ruleLayer(text, pack('en'));
    const spec = {
      groups: new Set(['word', 'context', 'shape'] as const),
      vocabulary: new Set(['kerry', 'of', 'met']),
      bits: 18,
      lexicons: [],
    };
    const a = extractFeatures({ tokens: toks, text }, spec);
    const b = extractFeatures({ tokens: toks, text }, spec);
    assert.deepEqual(a, b);
    const hidden = extractFeatures({ tokens: toks, text, hideWord: (i) => toks[i].text === 'Kerry' }, spec);
    assert.notDeepEqual(hidden, a);
    const noWords = extractFeatures({ tokens: toks, text }, { ...spec, groups: new Set(['shape'] as const) });
    const noWordsHidden = extractFeatures(
      { tokens: toks, text, hideWord: () => true },
      { ...spec, groups: new Set(['shape'] as const) },
    );
    assert.deepEqual(noWords, noWordsHidden);
  });
});

describe('entity tagger: on real sentences', () => {
  const cases: Array<[string, 'en' | 'fr', string, EntityType]> = [
    ['The former NSA contractor Edward Snowden has lived in Moscow since 2013.', 'en', 'Edward Snowden', 'person'],
    [
      'Bolivia has taken its claim to the International Court of Justice in The Hague, President Evo Morales said in La Paz.',
      'en',
      'La Paz',
      'place',
    ],
    ['Senator Chris Murphy of Connecticut said the vote would come on Thursday.', 'en', 'Chris Murphy', 'person'],
    [
      'Le président bolivien Evo Morales a reçu lundi à La Paz les délégués de la société Huawei.',
      'fr',
      'Evo Morales',
      'person',
    ],
  ];
  for (const [text, lang, name, type] of cases) {
    it(`${lang}: "${name}" is a ${type} in «${text}»`, () => {
      const ents = findEntities(text, pack(lang));
      const e = find(ents, name);
      assert.ok(
        e,
        `no mention "${name}": ${ents.map((x) => `${x.mentions.map((m) => m.text).join('|')}/${x.type}`).join(', ')}`,
      );
      assert.equal(e.type, type);
    });
  }

  it('the rules and the tagger are both reachable: engine "rules" is the rule layer alone', () => {
    const text = 'Steve Stoute, the founder of UnitedMasters, said TikTok was growing in Canada.';
    const rules = findEntities(text, pack('en'), undefined, { engine: 'rules' });
    assert.deepEqual(rules, ruleLayer(text, pack('en')).entities);
    const spans = modelSpans(text, pack('en'), ruleLayer(text, pack('en')));
    assert.ok(spans.length >= 3, 'the tagger finds the names');
  });
});

describe("entity tagger: the reader's name rules", () => {
  const text = 'Countrywide said on Monday that State officials had met Countrywide executives in Sacramento.';

  it('a typed rule makes every occurrence an entity of that type', () => {
    const ents = findEntities(text, pack('en'), undefined, {
      nameRules: [{ text: 'Countrywide', type: 'organization' }],
    });
    const e = find(ents, 'Countrywide');
    assert.ok(e);
    assert.equal(e.type, 'organization');
    assert.equal(e.mentions.length, 2);
  });

  it('an untyped rule means never an entity, and other names are unaffected', () => {
    const ents = findEntities(text, pack('en'), undefined, { nameRules: [{ text: 'Sacramento', type: null }] });
    assert.equal(find(ents, 'Sacramento'), undefined);
    assert.ok(find(ents, 'Countrywide'), 'Countrywide is still found');
  });

  it('a multi-word rule fixes the boundaries', () => {
    const fr = 'Le président Evo Morales a saisi la Cour de La Haye.';
    const ents = findEntities(fr, pack('fr'), undefined, {
      nameRules: [{ text: 'Cour de La Haye', type: 'organization' }],
    });
    const e = find(ents, 'Cour de La Haye');
    assert.ok(e, ents.map((x) => x.name).join(', '));
    assert.equal(e.type, 'organization');
  });
});
