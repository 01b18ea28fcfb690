/**
 * Worker-thread bootstrap (bundled to dist/workerLoader.js): runs a worker bundle (dist/worker.js,
 * dist/crossRefWorker.js) through `vm.Script` with V8's code cache kept in a file, so that a worker started after a
 * restart of VS Code skips parsing and compiling the bundle's functions. The cache is written once, after the first
 * job has been answered: by then it also holds the functions compiled lazily during a real analysis, which a cache
 * made at load time would not. Works on every Node the extension host runs (Node 20 in desktop VS Code has no
 * `module.enableCompileCache`). A cache that V8 rejects (another Node, another bundle) is replaced the same way.
 * Problems with the cache file never stop the worker: they are reported to the client as a `warning` message.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

/** What WorkerClient passes a loader worker in `workerData`. */
export interface WorkerLoaderData {
  /** Absolute path of the worker bundle to run. */
  script: string;
  /** Folder of the code cache files (created if missing). */
  cacheDir: string;
}

/** The cache file of a bundle: its name, size and time, and the Node version and architecture that made it. */
export function codeCacheFile(cacheDir: string, script: string): string {
  const st = statSync(script);
  const stamp = `${st.size}-${Math.round(st.mtimeMs)}-${process.version}-${process.arch}`;
  return join(cacheDir, `${basename(script, '.js')}.${stamp}.v8cache`);
}

function warn(message: string): void {
  parentPort?.postMessage({ warning: message });
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    // No cache yet (its folder may not exist either): the first job makes one.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') warn(`Could not read the code cache ${file}: ${describe(err)}`);
    return undefined;
  }
}

/** Writes the cache atomically (a reader never sees half a file) and removes the bundle's older cache files. */
function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, data);
    // The older files go first: once the new one is there, it is the only one.
    const prefix = `${basename(file).split('.')[0]}.`;
    for (const f of readdirSync(dirname(file))) {
      if (f.startsWith(prefix) && f.endsWith('.v8cache') && f !== basename(file)) unlinkSync(join(dirname(file), f));
    }
    renameSync(tmp, file);
  } catch (err) {
    warn(`Could not write the code cache ${file}: ${describe(err)}`);
  }
}

function run(data: WorkerLoaderData): void {
  const { script, cacheDir } = data;
  let file: string | undefined;
  let cached: Buffer | undefined;
  try {
    file = codeCacheFile(cacheDir, script);
    cached = readCache(file);
  } catch (err) {
    warn(`No code cache for ${script}: ${describe(err)}`);
  }
  const compiled = new Script(wrap(readFileSync(script, 'utf8')), { filename: script, cachedData: cached });
  const mod = { exports: {} };
  const fn = compiled.runInThisContext() as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, createRequire(script), mod, script, dirname(script));
  if (!file || (cached && !compiled.cachedDataRejected)) return;
  const target = file;
  // NOTE: registered after the bundle's own listener (serveWorker), so it runs once the first job was answered.
  parentPort?.once('message', () => writeCache(target, compiled.createCachedData()));
}

if (parentPort && workerData) run(workerData as WorkerLoaderData);
