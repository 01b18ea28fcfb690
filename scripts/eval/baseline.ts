/**
 * Raw library baselines: compromise `.people() .organizations() .places()` (EN) and the same on fr-compromise (FR).
 * They run in a worker thread that loads a fresh copy of the library from node_modules, so plugins or words
 * that our own modules add to the shared compromise instance cannot leak into the baseline.
 */
import { Worker } from 'node:worker_threads';
import path from 'node:path';

export interface CharEntity {
  type: 'PER' | 'ORG' | 'LOC';
  start: number;
  end: number;
}

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const req = createRequire(workerData.base);
let nlp = req(workerData.lib);
if (nlp && nlp.default) nlp = nlp.default;
const out = [];
const missing = [];
const methods = [['people', 'PER'], ['organizations', 'ORG'], ['places', 'LOC']];
const t0 = Date.now();
for (const text of workerData.texts) {
  const doc = nlp(text);
  const ents = [];
  for (const [method, type] of methods) {
    if (typeof doc[method] !== 'function') { if (!missing.includes(method)) missing.push(method); continue; }
    for (const m of doc[method]().json({ offset: true, terms: { offset: true } })) {
      const terms = m.terms || [];
      if (!terms.length) continue;
      const a = terms[0].offset, b = terms[terms.length - 1].offset;
      if (!a || !b) continue;
      ents.push([type, a.start, b.start + b.length]);
    }
  }
  out.push(ents);
}
parentPort.postMessage({ out, missing, ms: Date.now() - t0 });
`;

/** Runs the raw library over `texts`; resolves per-text entity spans, the methods the library lacks, and the time. */
export function rawEntities(
  lang: 'en' | 'fr',
  texts: string[],
  repoRoot: string,
): Promise<{ entities: CharEntity[][]; missing: string[]; ms: number }> {
  const lib = lang === 'en' ? 'compromise' : 'fr-compromise';
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { base: path.join(repoRoot, 'package.json'), lib, texts },
    });
    w.once(
      'message',
      (msg: { out: Array<Array<[CharEntity['type'], number, number]>>; missing: string[]; ms: number }) => {
        void w.terminate();
        resolve({
          entities: msg.out.map((doc) => doc.map(([type, start, end]) => ({ type, start, end }))),
          missing: msg.missing,
          ms: msg.ms,
        });
      },
    );
    w.once('error', reject);
  });
}
