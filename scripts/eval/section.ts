/** The contract between main.ts and each eval module. */
import type { Row } from './score';

export interface EvalContext {
  /** Root of the eval data (the folder holding conll2003-en/, polnear-dev/, …). */
  dataDir: string;
  /** At most this many documents per dataset (CoNLL documents, WikiNEuRal batches, .tml files, articles). */
  limit?: number;
  /** Repository root (where package.json is). */
  repoRoot: string;
  /** Progress and timing messages (stderr). */
  log: (message: string) => void;
}

/** What a section returns: rows for the table, and anything else worth keeping in eval-results.json. */
export interface SectionResult {
  rows: Row[];
  details?: unknown;
}

export interface Section {
  /** Name used by `--only` (e.g. `ner-en`). */
  name: string;
  run: (ctx: EvalContext) => Promise<SectionResult | Row[]>;
}
