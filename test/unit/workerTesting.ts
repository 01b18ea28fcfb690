// Helpers of the tests that drive real worker threads (workerJobs, workerPool, workerLoader): bundling a worker
// entry point as scripts/build.mjs does, and reading the error a promise rejects with.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = join(__dirname, '..', '..');

/** Bundles `entry` (relative to the repository) to `outfile` for a Worker, with the entity models embedded. */
export function bundleWorker(entry: string, outfile: string, define: Record<string, string> = {}): string {
  buildSync({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    define,
    logLevel: 'error',
    loader: { '.bin': 'binary' },
  });
  return outfile;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof Error, 'rejects with an Error');
    return err;
  }
  assert.fail('expected a rejection');
}
