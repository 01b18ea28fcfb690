#!/usr/bin/env node
// npm run bench:cold — where the first analysis after a start goes: each step in fresh processes (median of
// --rounds, default 5), wall time and the CPU time of the whole process (on a shared machine the CPU time is the
// steadier number). Runs the built bundles (npm run build first) as the extension does: dist/worker.js in a worker
// thread, plain or through dist/workerLoader.js with V8's code cache. Numbers are for reading, never asserted.
//
//   node scripts/bench/coldStart.mjs [--node /path/to/node] [--rounds N]
//
// --node: another Node binary, e.g. the extension host's of the e2e harness
// ($ARTICLE_LENS_E2E_CACHE/node-v24.21.0/bin/node, what code-server 4.139.1 runs extensions on).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const opt = (name, def) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : def);
const node = opt('node', process.execPath);
const rounds = Number(opt('rounds', 5));
const dist = (f) => join(root, 'dist', f);
const en = join(root, 'test/fixtures/corpus/000_0891fa58e8947cdd.txt');
const fr = join(root, 'test/fixtures/corpus/002_99e5ccb7759e430c.txt');

/** Runs `code` in a fresh process; it prints one JSON line of named milliseconds. Adds the process's CPU time. */
function child(code) {
  const wrapped = `${code}\n;process.on('exit',()=>{});`;
  const r = spawnSync(node, ['-e', wrapped], { cwd: root, encoding: 'utf8' });
  const line = (r.stdout || '').trim().split('\n').pop();
  if (r.status !== 0 || !line) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(line);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function measure(code) {
  const samples = Array.from({ length: rounds }, () => child(code));
  const out = {};
  for (const k of Object.keys(samples[0])) out[k] = median(samples.map((s) => s[k]));
  return out;
}

const cpu = `const cpuMs=()=>{const c=process.cpuUsage();return (c.user+c.system)/1000};`;
/** A worker (plain bundle or through the loader), the time to `ready`, then an English and a French analysis. */
function workerRun({ loader, cacheDir, first = en, then = fr }) {
  const spawn = loader
    ? `new Worker(${JSON.stringify(dist('workerLoader.js'))},{workerData:{script:${JSON.stringify(dist('worker.js'))},cacheDir:${JSON.stringify(cacheDir)}}})`
    : `new Worker(${JSON.stringify(dist('worker.js'))})`;
  return `${cpu}const {Worker}=require('worker_threads');const fs=require('fs');
const texts=[fs.readFileSync(${JSON.stringify(first)},'utf8'),fs.readFileSync(${JSON.stringify(then)},'utf8'),fs.readFileSync(${JSON.stringify(first)},'utf8')+'\\n\\nOne more line.'];
const t0=performance.now();const w=${spawn};const r={};let at=t0;
w.on('message',(m)=>{if(m.warning){console.error(m.warning);return}const now=performance.now();
 if(m.ready){r.ready=now-t0;r.readyCpu=cpuMs();at=now;w.postMessage({id:0,payload:{text:texts[0],options:{}}});return}
 r['job'+m.id]=now-at;r['job'+m.id+'Worker']=m.ms;at=now;
 if(m.id<2){w.postMessage({id:m.id+1,payload:{text:texts[m.id+1],options:{}}});return}
 r.total=now-t0;r.cpu=cpuMs();console.log(JSON.stringify(r));setTimeout(()=>process.exit(0),200)});`;
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const rows = [];
const row = (step, wall, cpuTime, note = '') =>
  rows.push(`| ${step} | ${fmt(wall)} | ${cpuTime === undefined ? '' : fmt(cpuTime)} | ${note} |`);

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.error(`node ${version}, ${rounds} rounds per step…`);
const base = measure(
  `${cpu}const t=performance.now();console.log(JSON.stringify({ms:performance.now()-t,cpu:cpuMs()}))`,
);
row('a Node process (baseline of the CPU column)', base.ms, base.cpu);
const thread = measure(
  `${cpu}const {Worker}=require('worker_threads');const t=performance.now();const w=new Worker('require("worker_threads").parentPort.postMessage(1)',{eval:true});w.on('message',()=>{console.log(JSON.stringify({ms:performance.now()-t,cpu:cpuMs()}));process.exit(0)})`,
);
row('start an empty worker thread', thread.ms, thread.cpu);
const compile = measure(
  `${cpu}const t=performance.now();new (require('vm').Script)(require('module').wrap(require('fs').readFileSync(${JSON.stringify(dist('worker.js'))},'utf8')));console.log(JSON.stringify({ms:performance.now()-t,cpu:cpuMs()}))`,
);
row(
  `read + compile dist/worker.js (${(readFileSync(dist('worker.js')).length / 1048576).toFixed(1)} MB, top level only)`,
  compile.ms,
  compile.cpu,
);
for (const lib of ['compromise', 'fr-compromise', 'chrono-node']) {
  const m = measure(
    `${cpu}const t=performance.now();require(${JSON.stringify(lib)});console.log(JSON.stringify({ms:performance.now()-t,cpu:cpuMs()}))`,
  );
  row(`require('${lib}') (from node_modules)`, m.ms, m.cpu);
}
const model = measure(
  `${cpu}const c=require(${JSON.stringify(dist('bench-core.js'))});const t=performance.now();c.nerPack('en').model();const t1=performance.now();c.nerPack('fr').model();console.log(JSON.stringify({en:t1-t,fr:performance.now()-t1}))`,
);
row('decode the English entity model', model.en);
row('decode the French entity model', model.fr);

const plain = measure(workerRun({ loader: false }));
row('**worker ready** (dist/worker.js loaded)', plain.ready, plain.readyCpu);
row(
  'first analysis, English 4 KB (round trip; in the worker)',
  plain.job0,
  undefined,
  `${fmt(plain.job0Worker)} in the worker`,
);
row('then a French 4 KB article (first French parse)', plain.job1, undefined, `${fmt(plain.job1Worker)} in the worker`);
row('then the English article again, edited (warm)', plain.job2, undefined, `${fmt(plain.job2Worker)} in the worker`);
row('**spawn → first English result**', plain.ready + plain.job0, undefined, '');
const frFirst = measure(workerRun({ loader: false, first: fr, then: en }));
row('**spawn → first French result**', frFirst.ready + frFirst.job0, undefined, '');

const cacheDir = mkdtempSync(join(tmpdir(), 'article-lens-code-cache-'));
try {
  child(workerRun({ loader: true, cacheDir }));
  const cached = measure(workerRun({ loader: true, cacheDir }));
  row('with the code cache: worker ready', cached.ready, cached.readyCpu);
  row(
    'with the code cache: first analysis, English 4 KB',
    cached.job0,
    undefined,
    `${fmt(cached.job0Worker)} in the worker`,
  );
  row(
    '**with the code cache: spawn → first English result**',
    cached.ready + cached.job0,
    undefined,
    `${((1 - (cached.ready + cached.job0) / (plain.ready + plain.job0)) * 100).toFixed(0)} % less than without`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}

console.log(`\n### Cold start, step by step (node ${version}; fresh processes, median of ${rounds})\n`);
console.log('| step | wall | CPU of the process | note |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
