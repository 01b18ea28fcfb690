/**
 * npm run bench — analyze() against the raw compromise / fr-compromise parse of the same text, in the same process,
 * reported as ratios; cold start (load + first analysis) and peak memory, each in a fresh child process; the
 * adversarial table (adversarialBench.ts); cross-references and the workspace index. Numbers are for reading, never
 * asserted. `node --expose-gc dist/bench.js --only adversarial` prints the adversarial table alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { analyze } from '../../src/core/analyze';
import { runAdversarialBench } from './adversarialBench';
import { corpusText, sized, type BenchLang } from './realNews';
import { time } from './timing';
import { runXrefBench } from './crossRefBench';

const root = resolve(__dirname, '..');
const corpusDir = join(root, 'test/fixtures/corpus');

type Lang = BenchLang;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadRaw = (lang: Lang) => (lang === 'en' ? require('compromise') : require('fr-compromise'));

function rawParse(lang: Lang, text: string): void {
  const nlp = loadRaw(lang);
  const doc = nlp(text);
  // The comparable raw job: the library's own people/places/organizations.
  for (const method of ['people', 'places', 'organizations']) {
    if (typeof doc[method] === 'function') doc[method]().out('array');
  }
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function childRun(script: string): { ms: number; maxRssMb: number; ok: boolean; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const m = /MAXRSS (\d+)/.exec(r.stdout ?? '');
  return { ms, maxRssMb: m ? Number(m[1]) / 1024 : NaN, ok: r.status === 0, out: (r.stderr ?? '') + (r.stdout ?? '') };
}

function main(): void {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
  if (only === 'adversarial') return runAdversarialBench(root);
  const sizes: [string, number, number][] = [
    ['5 KB', 5 * 1024, 7],
    ['100 KB', 100 * 1024, 3],
    ['1 MB', 1024 * 1024, 1],
  ];
  const rows: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'article-lens-bench-'));
  console.error('warming up…');
  for (const lang of ['en', 'fr'] as Lang[]) {
    const source = corpusText(root, lang);
    analyze(source.slice(0, 4000), { lang });
    rawParse(lang, source.slice(0, 4000));
    for (const [label, bytes, runs] of sizes) {
      const text = sized(source, bytes);
      console.error(`${lang} ${label}…`);
      const raw = time(() => rawParse(lang, text), runs);
      const ours = time(() => analyze(text, { lang }), runs);
      const file = join(tmp, `${lang}-${bytes}.txt`);
      writeFileSync(file, text);
      const mem = childRun(
        `const {analyze}=require('./dist/bench-core.js');const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');` +
          `analyze(t,{lang:${JSON.stringify(lang)}});console.log('MAXRSS '+process.resourceUsage().maxRSS)`,
      );
      const rawMem = childRun(
        `const nlp=require(${JSON.stringify(lang === 'en' ? 'compromise' : 'fr-compromise')});const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');` +
          `const d=nlp(t);for(const m of ['people','places','organizations'])if(typeof d[m]==='function')d[m]().out('array');console.log('MAXRSS '+process.resourceUsage().maxRSS)`,
      );
      rows.push(
        `| ${lang} | ${label} | ${fmt(raw)} | ${fmt(ours)} | **${(ours / raw).toFixed(2)}×** | ${rawMem.maxRssMb.toFixed(0)} MB | ${mem.maxRssMb.toFixed(0)} MB |`,
      );
    }
  }
  console.log('\n### analyze() vs the raw library parse (same text, same process; median)\n');
  console.log('| lang | size | raw compromise parse | analyze() | ratio | peak RSS raw | peak RSS analyze |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);

  const sample = join(corpusDir, '000_0891fa58e8947cdd.txt');
  const cold = childRun(
    `const t0=performance.now();const {analyze}=require('./dist/bench-core.js');const t1=performance.now();` +
      `analyze(require('fs').readFileSync(${JSON.stringify(sample)},'utf8'));const t2=performance.now();` +
      `console.log('LOAD '+(t1-t0)+' FIRST '+(t2-t1));console.log('MAXRSS '+process.resourceUsage().maxRSS)`,
  );
  const coldRaw = childRun(
    `const t0=performance.now();const nlp=require('compromise');const t1=performance.now();` +
      `nlp(require('fs').readFileSync(${JSON.stringify(sample)},'utf8')).people().out('array');const t2=performance.now();` +
      `console.log('LOAD '+(t1-t0)+' FIRST '+(t2-t1));console.log('MAXRSS '+process.resourceUsage().maxRSS)`,
  );
  const parse = (out: string) => {
    const m = /LOAD ([\d.]+) FIRST ([\d.]+)/.exec(out);
    return m ? { load: Number(m[1]), first: Number(m[2]) } : { load: NaN, first: NaN };
  };
  const c = parse(cold.out);
  const cr = parse(coldRaw.out);
  console.log('\n### Cold start (fresh process: load the bundle, then the first analysis of a 4 KB article)\n');
  console.log('| | load | first analysis | load + first | peak RSS |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| raw compromise | ${fmt(cr.load)} | ${fmt(cr.first)} | ${fmt(cr.load + cr.first)} | ${coldRaw.maxRssMb.toFixed(0)} MB |`,
  );
  console.log(
    `| Article Lens core | ${fmt(c.load)} | ${fmt(c.first)} | ${fmt(c.load + c.first)} | ${cold.maxRssMb.toFixed(0)} MB |`,
  );

  console.log(
    '\n### Entity models (embedded in dist/worker.js and dist/cli.js; decoded on first use of the language)\n',
  );
  console.log('| lang | model file | gzip -9 (about what the .vsix adds) |');
  console.log('|---|---|---|');
  for (const lang of ['en', 'fr']) {
    const bytes = readFileSync(join(root, 'src/core/lang', lang, 'nerModel.bin'));
    console.log(
      `| ${lang} | ${(bytes.length / 1024).toFixed(0)} KB | ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(0)} KB |`,
    );
  }

  runAdversarialBench(root);
  runXrefBench(root);
}

main();
