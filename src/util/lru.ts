/**
 * A small least-recently-used map with string keys: `get` refreshes an entry, `set` evicts the oldest one past
 * `max`. Pure; used by the workspace index (analyses, summaries, cross-reference results) and unit-tested.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }

  /** True when `k` is kept, without refreshing it. */
  has(k: string): boolean {
    return this.map.has(k);
  }

  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  delete(k: string): void {
    this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }

  /** Keys, oldest first. */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}
