// The bounded least-recently-used map behind the workspace index's in-memory caches (src/util/lru.ts).
import assert from 'node:assert/strict';
import { approxBytes, Lru } from '../../src/util/lru';

describe('Lru', () => {
  it('keeps at most `max` entries, evicting the least recently used', () => {
    const lru = new Lru<number>(3);
    for (let i = 0; i < 1000; i++) lru.set(`v${i}`, i);
    assert.equal(lru.size, 3);
    assert.deepEqual([...lru.keys()], ['v997', 'v998', 'v999']);
    assert.equal(lru.get('v0'), undefined);
  });

  it('get refreshes an entry; has does not', () => {
    const lru = new Lru<string>(2);
    lru.set('a', 'A');
    lru.set('b', 'B');
    assert.equal(lru.get('a'), 'A');
    lru.set('c', 'C');
    assert.equal(lru.has('b'), false, 'b was the least recently used');
    assert.equal(lru.has('a'), true);
    lru.has('a');
    lru.set('d', 'D');
    assert.deepEqual([...lru.keys()], ['c', 'd'], 'has() did not refresh a');
  });

  it('setting a key again replaces it without growing', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('a', 2);
    assert.equal(lru.size, 1);
    assert.equal(lru.get('a'), 2);
    lru.delete('a');
    assert.equal(lru.size, 0);
  });
});

describe('Lru with a byte budget', () => {
  it('evicts the least recently used entries until the sizes fit', () => {
    const lru = new Lru<string>(100, { maxBytes: 1000, sizeOf: (s) => 2 * s.length });
    lru.set('a', 'x'.repeat(200)); // 400 bytes
    lru.set('b', 'x'.repeat(200)); // 800
    assert.equal(lru.get('a')?.length, 200, 'a is now the most recent');
    lru.set('c', 'x'.repeat(200)); // 1200 > 1000: b (least recent) goes
    assert.deepEqual([...lru.keys()], ['a', 'c']);
    assert.equal(lru.bytes, 800);
    lru.delete('a');
    assert.equal(lru.bytes, 400);
  });

  it('keeps the newest entry even alone over the budget, and replacing a key replaces its size', () => {
    const lru = new Lru<string>(100, { maxBytes: 100, sizeOf: (s) => s.length });
    lru.set('small', 'x'.repeat(10));
    lru.set('huge', 'x'.repeat(10_000));
    assert.deepEqual([...lru.keys()], ['huge']);
    assert.equal(lru.bytes, 10_000);
    lru.set('huge', 'x'.repeat(20));
    assert.equal(lru.bytes, 20);
    lru.set('sized', 'whatever', 70);
    assert.equal(lru.bytes, 90, 'an explicit size wins over sizeOf');
    lru.clear();
    assert.equal(lru.bytes, 0);
  });

  it('a count bound still applies', () => {
    const lru = new Lru<number>(2, { maxBytes: 1e9, sizeOf: () => 1 });
    for (let i = 0; i < 10; i++) lru.set(`k${i}`, i);
    assert.deepEqual([...lru.keys()], ['k8', 'k9']);
    assert.equal(lru.bytes, 2);
  });
});

describe('approxBytes', () => {
  it('grows with the text held, and ends on cyclic data', () => {
    const text = 'x'.repeat(100_000);
    const doc = {
      uri: 'file:///a.txt',
      text,
      analysis: { entities: [{ name: 'Jane Doe', mentions: [{ start: 0, end: 8 }] }] },
    };
    const one = approxBytes(doc);
    assert.ok(one >= 200_000 && one < 201_000, String(one));
    assert.ok(
      approxBytes({ docs: [doc, doc] }) > 2 * one,
      'counted per reference: an overestimate, never an underestimate',
    );
    assert.equal(approxBytes('abc'), 22);
    assert.equal(approxBytes(new Set(['ab'])), 32 + 20);
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    assert.ok(approxBytes(cyclic) > 0, 'returns');
  });
});
