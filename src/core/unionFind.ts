/**
 * Disjoint sets over 0…n-1 (path halving, no ranks: the sets are small and callers decide which root survives).
 * Used to group entities across versions (crossRef.ts), counterparts for the what-is-missing lists and stories.
 */
export class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }

  /** Adds one singleton set and returns its element. */
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of the roots `keep` and `merged`; `keep` stays the root. Both must be roots (from `find`). */
  joinRoots(keep: number, merged: number): void {
    if (keep !== merged) this.parent[merged] = keep;
  }

  /** Joins the sets of `x` and `y`; the root of `x` stays the root. */
  union(x: number, y: number): void {
    this.joinRoots(this.find(x), this.find(y));
  }
}

/** Disjoint sets over string keys; a key is a singleton until it is first joined. */
export class KeyedUnionFind {
  private readonly index = new Map<string, number>();
  private readonly sets = new UnionFind(0);
  private readonly keys: string[] = [];

  private indexOf(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.sets.add();
      this.index.set(key, i);
      this.keys.push(key);
    }
    return i;
  }

  /** The representative key of `key`'s set. */
  find(key: string): string {
    return this.keys[this.sets.find(this.indexOf(key))];
  }

  union(x: string, y: string): void {
    this.sets.union(this.indexOf(x), this.indexOf(y));
  }
}
