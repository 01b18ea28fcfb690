// Bundles every entry point with esbuild. tsc only type-checks (npm run typecheck).
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
// The entity models (src/core/lang/*/nerModel.bin) and lexicon tables (lexicon.txt) are embedded in the bundles.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  loader: { '.bin': 'binary', '.txt': 'text' },
};
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['scripts/eval/main.ts'], outfile: 'dist/eval.js' },
  { entryPoints: ['scripts/bench/main.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['scripts/bench/coreEntry.ts'], outfile: 'dist/bench-core.js' },
  { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['src/services/analysisWorker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['src/services/workerLoader.ts'], outfile: 'dist/workerLoader.js' },
  {
    entryPoints: ['src/webview/panel.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['src/webview/crossRefs.ts'],
    outfile: 'dist/crossRefs.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  { entryPoints: ['src/services/crossRefWorker.ts'], outfile: 'dist/crossRefWorker.js' },
  // In-host integration tests (mocha runner + *.test.ts), loaded by scripts/e2e/run.sh and test/runTest.ts.
  ...(existsSync('test/integration') ? readdirSync('test/integration').filter((f) => f.endsWith('.ts')) : []).map(
    (f) => ({
      entryPoints: [`test/integration/${f}`],
      outfile: `out/test/integration/${f.replace(/\.ts$/, '.js')}`,
      external: ['vscode', 'mocha'],
    }),
  ),
];
await Promise.all(
  entries
    .filter((e) => existsSync(e.entryPoints[0]))
    .map((e) =>
      build({ ...common, ...e, minify: !watch && !e.outfile.includes('eval') && !e.outfile.includes('bench') }),
    ),
);
