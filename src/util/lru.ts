/**
 * A small least-recently-used map with string keys: `get` refreshes an entry, `set` evicts the oldest ones past
 * `max` entries or, with a byte budget, past `maxBytes` (sizes given on `set`, else measured with `sizeOf`). The
 * newest entry is always kept, even alone over the budget. Pure; used by the workspace index (analyses, summaries,
 * cross-reference results, which hold whole texts) and unit-tested.
 */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly max: number,
    private readonly budget: { maxBytes: number; sizeOf?: (v: V) => number } = { maxBytes: Number.POSITIVE_INFINITY },
  ) {}

  get(k: string): V | undefined {
    const e = this.map.get(k);
    if (e === undefined) return undefined;
    this.map.delete(k);
    this.map.set(k, e);
    return e.value;
  }

  /** True when `k` is kept, without refreshing it. */
  has(k: string): boolean {
    return this.map.has(k);
  }

  /** The value of `k` without refreshing it. */
  peek(k: string): V | undefined {
    return this.map.get(k)?.value;
  }

  set(k: string, v: V, bytes = this.budget.sizeOf?.(v) ?? 0): void {
    this.delete(k);
    this.map.set(k, { value: v, bytes });
    this.total += bytes;
    while (this.map.size > 1 && (this.map.size > this.max || this.total > this.budget.maxBytes)) {
      this.delete(this.map.keys().next().value as string);
    }
  }

  delete(k: string): void {
    const e = this.map.get(k);
    if (!e) return;
    this.total -= e.bytes;
    this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** Sum of the sizes of the entries kept. */
  get bytes(): number {
    return this.total;
  }

  /** Keys, oldest first. */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

/**
 * Rough memory size of plain data (what JSON can hold): 2 bytes a string character, 8 a number, a fixed overhead
 * per object, array slot and key. Objects reached twice are counted once. Linear in the size of the data, without
 * allocating a serialisation: for byte budgets, not for exact accounting.
 */
export function approxBytes(value: unknown): number {
  let total = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') total += 16 + 2 * v.length;
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) total += 8;
    else if (typeof v === 'object') {
      if (seen.has(v)) continue;
      seen.add(v);
      if (Array.isArray(v)) {
        total += 16 + 8 * v.length;
        for (const x of v) stack.push(x);
      } else if (v instanceof Set || v instanceof Map) {
        total += 32;
        for (const x of v) stack.push(x);
      } else {
        total += 32;
        for (const [k, x] of Object.entries(v)) {
          total += 16 + 2 * k.length;
          stack.push(x);
        }
      }
    }
  }
  return total;
}
