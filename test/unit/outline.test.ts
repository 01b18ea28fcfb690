// The Outline of an article (src/views/outline.ts): quotes grouped by speaker, then entities by kind, on a real
// article; names that are not ours are plain text. Expectations come from reading the article.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { plainEnglish } from '../../src/core/kinds';
import type { ArticleAnalysis } from '../../src/core/types';
import { buildOutline, type OutlineNode } from '../../src/views/outline';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '001_1a341257ed710bcc.txt'), 'utf8');
const a = analyze(text);
const outline = buildOutline(a, plainEnglish);

function inside(outer: OutlineNode, inner: OutlineNode): boolean {
  return outer.span.start <= inner.span.start && inner.span.end <= outer.span.end;
}

describe('outline', () => {
  it('has Quotes first, then People, Organizations and Places', () => {
    assert.deepEqual(
      outline.map((n) => n.name),
      ['Quotes', 'People', 'Organizations', 'Places'],
    );
    assert.ok(outline.every((n) => n.kind === 'Namespace'));
  });

  it('groups the statements by speaker, scare quotes left out', () => {
    const quotes = outline[0];
    const speakers = quotes.children.map((s) => s.name);
    assert.ok(speakers.includes('TikTok') && speakers.includes('Steve Stoute'));
    assert.equal(new Set(speakers).size, speakers.length, 'one node per speaker');
    const statements = a.quotes.filter((q) => !q.scare).length;
    assert.equal(
      quotes.children.reduce((n, s) => n + s.children.length, 0),
      statements,
    );
    for (const s of quotes.children) {
      assert.equal(s.detail, `${s.children.length} quotes`);
      assert.equal(s.kind, 'Event');
      for (const q of s.children) {
        assert.equal(q.kind, 'String');
        assert.equal(q.detail, s.name);
        assert.ok(inside(s, q), 'a speaker covers its quotes');
        assert.match(q.name, /^“.+”$/);
      }
      assert.deepEqual(s.selection, s.children[0].selection);
      assert.ok(inside(quotes, s));
    }
  });

  it('lists each entity under its kind with its mention count, selecting its first mention', () => {
    const orgs = outline.find((n) => n.name === 'Organizations')!;
    assert.equal(orgs.detail, String(a.entities.filter((e) => e.type === 'organization').length));
    const tiktok = orgs.children.find((c) => c.name === 'TikTok')!;
    const entity = a.entities.find((e) => e.name === 'TikTok')!;
    assert.equal(tiktok.kind, 'Class');
    assert.equal(tiktok.detail, `${entity.mentions.length} mentions`);
    assert.deepEqual(tiktok.selection, entity.mentions[0]);
    assert.equal(tiktok.span.start, entity.mentions[0].start);
    assert.equal(tiktok.span.end, entity.mentions[entity.mentions.length - 1].end);
    assert.equal(outline.find((n) => n.name === 'People')!.children[0].kind, 'Object');
    assert.equal(outline.find((n) => n.name === 'Places')!.children[0].kind, 'Module');
  });

  it('names from the article are plain text (no $(icon) syntax, never empty)', () => {
    const hostile: ArticleAnalysis = {
      ...a,
      quotes: [],
      entities: [
        {
          id: 'e1',
          type: 'person',
          name: '$(alert) \u202eEvil',
          aliases: [],
          mentions: [{ start: 0, end: 6, text: text.slice(0, 6) }],
        },
        {
          id: 'e2',
          type: 'person',
          name: '\u0000',
          aliases: [],
          mentions: [{ start: 7, end: 9, text: text.slice(7, 9) }],
        },
      ],
    };
    const [people] = buildOutline(hostile, plainEnglish);
    assert.doesNotMatch(people.children[0].name, /\$\(|\u202e/);
    assert.equal(people.children[1].name, '…');
  });

  it('is empty for an analysis with nothing in it', () => {
    assert.deepEqual(buildOutline({ ...a, entities: [], quotes: [] }, plainEnglish), []);
  });
});
