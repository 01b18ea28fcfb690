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

/** Nodes approxBytes visits at most (a bound for cyclic data, which the caches never hold). */
const MAX_NODES = 5_000_000;

/**
 * Rough memory size of plain data (what JSON can hold, plus Sets and Maps): 2 bytes a string character, 8 a number,
 * a fixed overhead per object, array slot and key. An object reached twice is counted twice (an overestimate, which
 * only makes a cache evict sooner). Linear in the size of the data, without allocating a serialisation (faster
 * than JSON.stringify on a cache record). For byte budgets, not for exact accounting.
 */
export function approxBytes(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  for (let visited = 0; stack.length && visited < MAX_NODES; visited++) {
    const v = stack.pop();
    if (typeof v === 'string') total += 16 + 2 * v.length;
    else if (typeof v !== 'object' || v === null) total += 8;
    else if (Array.isArray(v)) {
      total += 16 + 8 * v.length;
      for (let i = 0; i < v.length; i++) stack.push(v[i]);
    } else if (v instanceof Set || v instanceof Map) {
      total += 32;
      for (const x of v) stack.push(x);
    } else {
      total += 32;
      for (const k in v) {
        total += 16 + 2 * k.length;
        stack.push((v as Record<string, unknown>)[k]);
      }
    }
  }
  return total;
}
