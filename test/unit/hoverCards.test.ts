// What the annotation hover shows at an offset, and the entity Go to Definition / Find All References use
// (src/views/hoverCards.ts), on a real AFP dispatch. Expectations come from reading the article.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { plainEnglish, type Translate } from '../../src/core/kinds';
import { entityAt, hoverCards } from '../../src/views/hoverCards';
import { hoverLabels } from '../../src/views/hoverText';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '001_1a341257ed710bcc.txt'), 'utf8');
const a = analyze(text);
/** Offset of the `n`-th occurrence of `s` in the article, plus `into` characters. */
function at(s: string, into = 1, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(s, i + 1);
  assert.ok(i >= 0, `"${s}" is in the article`);
  return i + into;
}
const cards = (offset: number) => hoverCards(text, a, offset, hoverLabels(plainEnglish), 'en');

describe('hover cards', () => {
  it('an entity mention: its kind, name and count, for exactly the mention', () => {
    const offset = at('ByteDance', 3);
    const c = cards(offset);
    assert.ok(c);
    assert.equal(c.markdown.length, 1);
    assert.match(c.markdown[0], /^\*\*Organization\*\* · ByteDance/);
    assert.match(c.markdown[0], /2 mentions/);
    assert.equal(text.slice(c.span.start, c.span.end), 'ByteDance');
  });

  it('inside a quote: the entity there, then the quote with its speaker', () => {
    const c = cards(at('not available in China', 18));
    assert.ok(c);
    assert.equal(c.markdown.length, 2);
    assert.match(c.markdown[0], /^\*\*Place\*\* · China/);
    assert.match(c.markdown[1], /^\*\*Quote\*\* · Speaker: \*\*TikTok\*\*/);
    assert.equal(text.slice(c.span.start, c.span.end), 'China', 'the hover is for the innermost annotation');
  });

  it('on the words attributing a quote: the quote they attribute, for those words', () => {
    const c = cards(at('the popular social network said', 5));
    assert.ok(c);
    assert.equal(c.markdown.length, 1);
    assert.match(c.markdown[0], /by a description — attributed by “the popular social network”/);
    assert.match(c.markdown[0], /> Given the rumors and misinformation/);
    assert.equal(text.slice(c.span.start, c.span.end), 'the popular social network');
  });

  it('a date with its resolved value, a figure with its value and unit', () => {
    const date = cards(at('Monday 17 August', 9));
    assert.ok(date);
    assert.match(date.markdown[0], /^\*\*Date\*\* · date · Monday 17 August/);
    assert.match(date.markdown[0], /Value: XXXX\\-08\\-17 — August 17/);
    const figure = cards(at('1,500 American employees', 2));
    assert.ok(figure);
    // Punctuation is escaped (the text is the article's).
    assert.match(figure.markdown[0], /^\*\*Figure\*\* · count · 1\\,500 American employees/);
    assert.match(figure.markdown[0], /Value: 1\\,500 employees/);
  });

  it('nothing where there is no annotation', () => {
    assert.equal(cards(at('intensified its', 3)), undefined);
    assert.equal(cards(text.length + 10), undefined);
  });

  it('every word of a card comes through the translator', () => {
    const marked: Translate = (m, ...args) => `‹${plainEnglish(m, ...args)}›`;
    const c = hoverCards(text, a, at('ByteDance', 3), hoverLabels(marked), 'en');
    assert.ok(c);
    assert.match(c.markdown[0], /^\*\*‹Organization›\*\* · ByteDance\n\n‹2 mentions›\n\n‹First mention›: /);
  });
});

describe('entity at an offset', () => {
  it('is the entity of the mention there', () => {
    assert.equal(entityAt(a, at('Donald Trump', 8))?.name, 'Donald Trump');
    assert.equal(entityAt(a, at('US communications', 1))?.name, 'United States', 'through an alias');
  });

  it('on attributing words is the entity they resolve to', () => {
    const e = entityAt(a, at('the company said', 6));
    assert.equal(e?.name, 'TikTok');
    assert.equal(e?.type, 'organization');
  });

  it('is undefined away from any entity', () => {
    assert.equal(entityAt(a, at('intensified its', 3)), undefined);
  });
});
