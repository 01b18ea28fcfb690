/**
 * Pairwise quality of a story grouping against generated truth, shared by the benchmarks (indexBench.ts,
 * crossRefBench.ts): every pair of files put in one story is a prediction, every pair of files of one true story is gold.
 */
export function scoreGrouping<S>(
  stories: Array<{ files: string[] }>,
  items: Array<{ file: string; story: S }>,
): { tp: number; pred: number; gold: number; precision: number; recall: number } {
  const truth = new Map(items.map((i) => [i.file, i.story]));
  let tp = 0;
  let pred = 0;
  for (const s of stories) {
    for (let i = 0; i < s.files.length; i++) {
      for (let j = i + 1; j < s.files.length; j++) {
        pred++;
        if (truth.get(s.files[i]) === truth.get(s.files[j])) tp++;
      }
    }
  }
  const sizes = new Map<S, number>();
  for (const i of items) sizes.set(i.story, (sizes.get(i.story) ?? 0) + 1);
  let gold = 0;
  for (const n of sizes.values()) gold += (n * (n - 1)) / 2;
  return { tp, pred, gold, precision: pred ? tp / pred : 0, recall: gold ? tp / gold : 0 };
}
