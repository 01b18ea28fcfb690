// The bounded least-recently-used map behind the workspace index's in-memory caches (src/util/lru.ts).
import assert from 'node:assert/strict';
import { Lru } from '../../src/util/lru';

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
