import type { CliOptions, LoadedDocument } from './main';

/** `article-lens xref`: cross-references between the given documents. */
export function runXref(docs: LoadedDocument[], options: CliOptions, io: { stdout: (s: string) => void; stderr: (s: string) => void }): void {
  void docs; void options;
  io.stderr('article-lens: xref is not available yet\n'); // PLACEHOLDER until src/core/crossref.ts lands
}
