/**
 * The workspace index's analysis pool on real news (numbers for reading, never asserted): `count` article files
 * made from the sample corpus, the PolNeAR dev articles and the French TimeBank articles (each copy made different:
 * paragraphs rotated after the headline, a numbered line), written to a temporary folder, then read and analysed
 * cold through AnalysisPool over the built dist/worker.js, with 1 worker and with N. Wall time includes the workers'
 * start-up (a cold scan pays it). Run: `npm run build && npx tsx scripts/bench/poolBench.ts [count ...] [--workers 1,2]`.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AnalysisPool, poolSize } from '../../src/services/workerPool';
import { corpusText } from './realNews';

const root = resolve(__dirname, '../..');
const args = process.argv.slice(2);
const workersArg = args.includes('--workers') ? args[args.indexOf('--workers') + 1] : '';
const counts = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--workers').map(Number);
const sizes = workersArg ? workersArg.split(',').map(Number) : [...new Set([1, poolSize(0, availableParallelism())])];

function articles(): string[] {
  const all = [
    ...corpusText(root, 'en').split(/\n\n(?=\S[^\n]{0,200}\n\n)/),
    ...corpusText(root, 'fr').split(/\n\n(?=\S[^\n]{0,200}\n\n)/),
  ];
  return all.filter((t) => t.length > 800);
}

function files(dir: string, count: number): string[] {
  const sources = articles();
  return Array.from({ length: count }, (_, i) => {
    const paragraphs = sources[i % sources.length].split(/\n\s*\n/);
    const k = 1 + (Math.floor(i / sources.length) % Math.max(1, paragraphs.length - 1));
    const text = [paragraphs[0], ...paragraphs.slice(k), ...paragraphs.slice(1, k), `Archive copy ${i + 1}.`].join(
      '\n\n',
    );
    const file = join(dir, `a${i}.txt`);
    writeFileSync(file, text);
    return file;
  });
}

async function run(paths: string[], size: number): Promise<{ ms: number; bytes: number }> {
  const pool = new AnalysisPool(
    join(root, 'dist/worker.js'),
    () => 600,
    () => size,
  );
  const t0 = performance.now();
  let bytes = 0;
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const text = readFileSync(paths[next++], 'utf8');
      bytes += text.length;
      await pool.analyze(text, { today: '2024-06-01' });
    }
  };
  await Promise.all(Array.from({ length: size + 1 }, lane));
  const ms = performance.now() - t0;
  pool.dispose();
  return { ms, bytes };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'article-lens-pool-bench-'));
  console.log(`\n### Workspace index: real news analysed cold by the index pool (${availableParallelism()} cores)\n`);
  console.log('| files | workers | wall | files/s |');
  console.log('|---|---|---|---|');
  try {
    for (const count of counts.length ? counts : [200, 1000]) {
      const paths = files(dir, count);
      for (const size of sizes) {
        const { ms, bytes } = await run(paths, size);
        console.log(
          `| ${count} (${(bytes / 1048576).toFixed(1)} MB) | ${size} | ${(ms / 1000).toFixed(1)} s | ${((count * 1000) / ms).toFixed(1)} |`,
        );
      }
      for (const f of readdirSync(dir)) rmSync(join(dir, f));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
