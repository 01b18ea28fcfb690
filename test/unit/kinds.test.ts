// The kinds registry (src/core/kinds.ts): spans per layer from a real analysis, the paint order semantic tokens
// rely on, labels through the translator, and the IDs derived from it. Its agreement with package.json (token
// types and modifiers, colours, highlight settings) is checked in manifest.test.ts.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import {
  colorId,
  ENTITY_KINDS,
  highlightSetting,
  isEntityKind,
  KINDS,
  LAYER_INFO,
  LAYERS,
  layerSpans,
  layersInPaintOrder,
  plainEnglish,
  switchLabel,
} from '../../src/core/kinds';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_0891fa58e8947cdd.txt'), 'utf8');
const a = analyze(text);

describe('kinds registry', () => {
  it('gives every layer its spans: mentions per entity kind, dates, figures, quotes with their marks, attributing words', () => {
    const spans = layerSpans(a);
    for (const kind of ENTITY_KINDS) {
      assert.equal(
        spans[kind].length,
        a.entities.filter((e) => e.type === kind).reduce((n, e) => n + e.mentions.length, 0),
        kind,
      );
    }
    assert.ok(spans.person.length > 0 && spans.organization.length > 0 && spans.place.length > 0);
    assert.equal(spans.date, a.dates);
    assert.equal(spans.figure, a.figures);
    assert.deepEqual(
      spans.quote,
      a.quotes.map((q) => q.outer),
    );
    for (const s of spans.quote) assert.match(text.slice(s.start, s.end), /^[“"«‘']/);
    assert.ok(spans.speaker.length > 0);
    for (const s of spans.speaker)
      assert.ok(a.quotes.some((q) => q.speaker?.start === s.start && q.speaker.end === s.end));
  });

  it('paints quotes first and entities last, so an entity keeps its token inside a quote and its attribution', () => {
    const order = layersInPaintOrder();
    assert.deepEqual([...order].sort(), [...LAYERS].sort());
    const index = (l: (typeof LAYERS)[number]) => order.indexOf(l);
    for (const kind of ENTITY_KINDS) {
      assert.ok(index(kind) > index('quote') && index(kind) > index('speaker') && index(kind) > index('date'), kind);
    }
    assert.ok(index('speaker') > index('quote'));
  });

  it('labels through the translator; the quote switch says it covers the speakers', () => {
    assert.deepEqual(
      KINDS.map((k) => LAYER_INFO[k].plural(plainEnglish)),
      ['People', 'Organizations', 'Places', 'Dates', 'Figures', 'Quotes'],
    );
    assert.equal(switchLabel('quote', plainEnglish), 'Quotes and speakers');
    assert.equal(switchLabel('person', plainEnglish), 'People');
    assert.equal(
      LAYER_INFO.organization.label((m) => m.toUpperCase()),
      'ORGANIZATION',
    );
    assert.equal(plainEnglish('{0} of {1}', 2, 'x'), '2 of x');
  });

  it('every layer is switched by a kind; the speaker by the quote', () => {
    for (const layer of LAYERS) assert.ok((KINDS as readonly string[]).includes(LAYER_INFO[layer].switchedBy), layer);
    assert.equal(LAYER_INFO.speaker.switchedBy, 'quote');
    assert.equal(highlightSetting('figure'), 'articleLens.decorations.figure');
    assert.equal(colorId('speaker', 'Border'), 'articleLens.speakerBorder');
    assert.deepEqual(KINDS.filter(isEntityKind), [...ENTITY_KINDS]);
    assert.ok(
      LAYERS.every((l) => LAYER_INFO[l].tokenModifiers.includes('firstMention') === isEntityKind(l)),
      'first mentions are marked on entities',
    );
  });
});
