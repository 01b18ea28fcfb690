/** Cross-reference indexing benchmark; filled in when the cross-reference core lands. */
export function runXrefBench(root: string): void {
  void root;
}
