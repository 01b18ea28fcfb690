// The text handed to the taggers is cut into bounded pieces, so no input makes one tagger sentence out of a
// pathological run (a run of "St. " made compromise cubic: 8 KB took 45 s). No timing is asserted here: the tests
// check the bounds themselves, in our pieces and in the sentences the real taggers cut from what they are given.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADVERSARIAL_GENERATORS, abbreviationRuns, LEAD_REPEATS, LEADS } from '../../scripts/bench/adversarialTexts';
import { analyze } from '../../src/core/analyze';
import { TITLES } from '../../src/core/gazetteer';
import {
  MAX_CALL_CHARS,
  MAX_CAPITALISED_RUN,
  MAX_PIECE_CHARS,
  MIN_TINY_SENTENCE_RUN,
  neutraliseTinySentences,
  taggerCalls,
  taggerPieces,
} from '../../src/core/taggerInput';
import { ABBREVIATIONS } from '../../src/core/text';
import type { Span } from '../../src/core/types';
import { assertSpansValid } from './spanChecks';

// Test-only access to the taggers' own sentence splitters (src/core keeps these imports to lang/en.ts and lang/fr.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const en = require('compromise');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fr = require('fr-compromise');
type Tokenizer = (text: string) => { json(o: object): Array<{ offset: { start: number; length: number } }> };
const enNlp = en.default ?? en;
const frNlp = fr.default ?? fr;
const tokenizers: Record<'en' | 'fr', Tokenizer> = { en: (t) => enNlp.tokenize(t), fr: (t) => frNlp.tokenize(t) };

const SEPARATOR = /[\s\-‐‑–—/]/u;

/** Longest run of capitalised words in `s`, counted independently of the implementation. */
function longestCapitalisedRun(s: string): number {
  let best = 0;
  let run = 0;
  for (const w of s.split(/[\s\-‐‑–—/]+/u)) {
    const first = /[\p{L}\p{N}]/u.exec(w);
    if (!first) continue; // "(", "--": neither counts nor breaks a run
    run = /[\p{Lu}\p{Lt}]/u.test(first[0]) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

function checkPieces(text: string, pieces: Span[], what: string): void {
  let pos = 0;
  for (const p of pieces) {
    assert.equal(p.start, pos, `${what}: pieces are contiguous`);
    assert.ok(p.end > p.start, `${what}: pieces are not empty`);
    const s = text.slice(p.start, p.end);
    assert.ok(s.length <= MAX_PIECE_CHARS, `${what}: piece of ${s.length} characters`);
    assert.ok(!/[\r\n]/.test(s.slice(0, -1)), `${what}: a line break ends its piece`);
    assert.ok(
      longestCapitalisedRun(s) <= MAX_CAPITALISED_RUN,
      `${what}: ${longestCapitalisedRun(s)} capitalised words in a row in ${JSON.stringify(s.slice(0, 80))}`,
    );
    const last = s[s.length - 1];
    if (p.end < text.length && !/[\r\n]/.test(last) && !SEPARATOR.test(last)) {
      // A hard cut (inside a word) only when the piece offered no separator to cut at, never inside a surrogate pair.
      assert.ok(!SEPARATOR.test(s), `${what}: hard cut although the piece has a separator`);
      assert.ok((text.charCodeAt(p.end - 1) & 0xfc00) !== 0xd800, `${what}: cut inside a surrogate pair`);
    }
    pos = p.end;
  }
  assert.equal(pos, text.length, `${what}: pieces cover the text`);
}

function checkCalls(text: string, what: string): void {
  const calls = taggerCalls(text);
  let pos = 0;
  for (const c of calls) {
    assert.equal(c.start, pos, `${what}: calls are contiguous`);
    assert.ok(c.text.length <= MAX_CALL_CHARS, `${what}: call of ${c.text.length} characters`);
    const original = text.slice(c.start, c.start + c.text.length);
    for (let i = 0; i < c.text.length; i++) {
      if (c.text[i] === original[i]) continue;
      // Only separators become line feeds, stretches without letters blanks, and full stops of tiny sentences "*".
      const ok =
        (c.text[i] === '\n' && (SEPARATOR.test(original[i]) || original[i] === '\r')) ||
        c.text[i] === ' ' ||
        (c.text[i] === '*' && /[.!?]/.test(original[i]));
      assert.ok(
        ok,
        `${what}: call text changed ${JSON.stringify(original[i])} to ${JSON.stringify(c.text[i])} at ${c.start + i}`,
      );
    }
    pos += c.text.length;
  }
  assert.equal(pos, text.length, `${what}: calls cover the text`);
}

/** The longest sentence the real tagger cuts from our calls, in characters. */
function longestTaggerSentence(text: string, lang: 'en' | 'fr'): number {
  let longest = 0;
  for (const c of taggerCalls(text)) {
    for (const s of tokenizers[lang](c.text).json({ offset: true, terms: false }))
      longest = Math.max(longest, s.offset.length);
  }
  return longest;
}

const corpusDir = join(__dirname, '../fixtures/corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'));

describe('tagger input pieces', function () {
  this.timeout(120000);

  it('bound every adversarial generator (20 KB): piece length, capitalised runs, line breaks, cover', () => {
    for (const g of ADVERSARIAL_GENERATORS) {
      const text = g.make(20 * 1024);
      checkPieces(text, taggerPieces(text), g.name);
      checkCalls(text, g.name);
    }
  });

  it('bound a run of every abbreviation and title of our own lists, with and without a full stop', () => {
    const words = [...ABBREVIATIONS, ...TITLES];
    for (const g of abbreviationRuns(words)) {
      const text = g.make(4 * 1024);
      checkPieces(text, taggerPieces(text), g.name);
    }
    for (const w of TITLES) {
      const text = (w[0].toUpperCase() + w.slice(1) + ' ').repeat(400);
      checkPieces(text, taggerPieces(text), w);
    }
  });

  it('bound texts without any separator, with lone CRs, and with astral characters at every cut', () => {
    const cases: [string, string][] = [
      ['one 5,000-letter word', 'x'.repeat(5000)],
      ['emoji only', '😀'.repeat(3000)],
      ['odd offset emoji', 'a' + '😀'.repeat(3000)],
      ['CR line ends', 'St. '.repeat(300).replace(/ /g, (m, i: number) => (i % 97 === 0 ? '\r' : m))],
      ['CRLF line ends', 'The road. St. St. St.\r\n'.repeat(300)],
      ['empty', ''],
    ];
    for (const [what, text] of cases) {
      checkPieces(text, taggerPieces(text), what);
      checkCalls(text, what);
    }
  });

  it('leave real news untouched: one call per 20 KB, text identical to the article', () => {
    for (const text of corpus) {
      const calls = taggerCalls(text);
      assert.equal(calls.length, 1);
      assert.equal(calls[0].text, text);
    }
  });

  it('hide the inner marks of a run of one-word sentences, and only there', () => {
    assert.equal(MIN_TINY_SENTENCE_RUN, 4);
    assert.equal(neutraliseTinySentences('Me. Me. Pr. Tv. The end is near.'), 'Me* Me* Pr* Tv. The end is near.');
    assert.equal(neutraliseTinySentences('Oui ! Non ? Oui. Bon. Puis il part.'), 'Oui * Non * Oui* Bon. Puis il part.');
    for (const prose of [
      'Me. Me. Pr. The end is near.', // three are not a run
      'He said. She said. Ok. Fine. Good. Then he left.',
      'Apple, Google, Amazon, Facebook, Microsoft and Netflix.', // lists keep their commas
      'It was 3 p.m. in the U.S. and 4 p.m. in Canada.',
    ]) {
      assert.equal(neutraliseTinySentences(prose), prose);
    }
    // In a call, the same words stay at the same offsets.
    const text = LEADS.en + 'Tv. '.repeat(50);
    const call = taggerCalls(text)[0].text;
    assert.equal(call.length, text.length);
    assert.equal(call.replace(/\*/g, '.').replace(/\n/g, ' '), text);
  });

  it('keep every sentence the real taggers see short (compromise, fr-compromise splitters)', () => {
    // compromise glues a short quoted or bracketed sentence to its neighbour (at most ~280 characters each), so a
    // tagger sentence may be a little longer than one piece, but never grows with the input.
    const bound = MAX_PIECE_CHARS + 600;
    for (const g of ADVERSARIAL_GENERATORS) {
      const text = g.make(20 * 1024);
      const longest = longestTaggerSentence(text, g.lang);
      assert.ok(longest <= bound, `${g.name}: the tagger saw a sentence of ${longest} characters`);
    }
  });
});

describe('analysis of adversarial input', function () {
  this.timeout(120000);

  // 12 KB: before the pieces, a run of "St. " this long took minutes; now every generator takes well under a second.
  for (const g of ADVERSARIAL_GENERATORS) {
    it(`gives exact spans on ${g.name} (12 KB, ${g.lang})`, () => {
      const text = g.make(12 * 1024);
      const a = analyze(text, { lang: g.lang });
      assertSpansValid(text, a);
      // Each generator opens with the same real sentence a few times: its weekday is found every time, in place.
      const leadEnd = LEADS[g.lang].length * LEAD_REPEATS;
      assert.equal(text.slice(0, leadEnd), LEADS[g.lang].repeat(LEAD_REPEATS));
      const day = g.lang === 'fr' ? 'lundi' : 'Monday';
      const expected: Array<[number, string]> = [];
      for (let i = text.indexOf(day); i >= 0 && i < leadEnd; i = text.indexOf(day, i + 1)) expected.push([i, day]);
      assert.equal(expected.length, LEAD_REPEATS);
      assert.deepEqual(
        a.dates.filter((d) => d.start < leadEnd).map((d) => [d.start, d.text]),
        expected,
      );
    });
  }
});
