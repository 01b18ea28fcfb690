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

/** Collects per-document failures so one crashing document does not stop a section. */
export class DocErrors {
  count = 0;
  readonly samples: string[] = [];

  /** Runs `fn`; on an exception records it (with the document id) and returns `fallback`. */
  run<T>(id: string, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      this.count++;
      if (this.samples.length < 5) {
        const msg = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e);
        this.samples.push(`${id}: ${msg}`);
      }
      return fallback;
    }
  }

  /** A note for the table ("3 documents threw"), or '' when none did. */
  note(): string {
    return this.count
      ? `${this.count} document(s) threw in analyze() and count as empty output: ${this.samples[0]}`
      : '';
  }
}
