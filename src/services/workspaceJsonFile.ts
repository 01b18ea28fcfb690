import { promises as fsp } from 'node:fs';
import * as vscode from 'vscode';
import { writeFileAtomically } from '../util/atomicWrite';
import { isFileNotFound } from '../util/documents';
import { parseJsonBytes, type JsonFileProblem } from './workspaceJsonCore';

/**
 * A kind of JSON file users keep in their workspace: how to check what was read, and how to write it back.
 * `check` may accept a file only for reading (`readOnly`: a newer format), which is then never rewritten.
 */
export interface JsonFileFormat<T> {
  check(json: unknown): { data: T; readOnly?: JsonFileProblem } | { problem: JsonFileProblem };
  /** Deterministic: the same data gives the same text (updates are verified by comparing texts). */
  serialize(data: T): string;
}

/** What reading the file found. `text` is the file as read (to recognise our own writes coming back). */
export type JsonFileState<T> =
  | { state: 'missing' }
  | { state: 'ok'; data: T; text: string; readOnly?: JsonFileProblem }
  | { state: 'unusable'; problem: JsonFileProblem };

export type JsonFileUpdate<T> = { ok: true; data: T; changed: boolean } | { ok: false; problem: JsonFileProblem };

/** Times an update is re-applied when another writer's save replaced ours in between. */
const UPDATE_ATTEMPTS = 4;
/** How long an update waits for another window's lock before it gives up. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a window that died while saving: it is broken. */
const LOCK_STALE_MS = 10_000;

/**
 * A JSON file that users keep with their work (committed story links, corrections), with the guarantees such a file
 * needs: only a regular file under a size cap is read; a file that does not parse (merge-conflict markers,
 * truncated JSON) or that a newer version wrote is never overwritten, the caller gets the reason instead; every
 * update re-reads the file and applies the change to what is on disk just then (so another window's save is merged,
 * not lost), writes a uniquely named temporary file next to it and renames it over the target (readers see the old
 * or the new file, never half of one), then reads the file back and applies the change again if another writer's
 * rename replaced it in between. Updates from this window are queued one at a time; for a local file, windows
 * (and VS Code instances) take turns through a lock file created exclusively next to it (`.<name>.lock`, held for
 * the few milliseconds of a save, broken when a crashed window left it behind). The pure checks are in
 * workspaceJsonCore.ts. Used by src/services/storyLinks.ts.
 */
export class WorkspaceJsonFile<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private written: string | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly format: JsonFileFormat<T>,
    private readonly maxBytes: number,
    /** Where a lock file that could not be removed is reported (it is broken as stale after a few seconds). */
    private readonly log?: vscode.LogOutputChannel,
  ) {}

  /** The text this window last wrote (a file watcher event with this text is our own save). */
  lastWritten(): string | undefined {
    return this.written;
  }

  /** Reads and checks the file. Never throws. */
  async read(): Promise<JsonFileState<T>> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(this.uri);
    } catch (e) {
      if (isFileNotFound(e)) return { state: 'missing' };
      return { state: 'unusable', problem: { kind: 'io', detail: (e as Error).message } };
    }
    // NOTE: a symbolic link is refused even when it points at a regular file: a committed link can point anywhere
    // on the reader's machine (/dev/zero, a FIFO, a file outside the workspace).
    if (stat.type !== vscode.FileType.File) return { state: 'unusable', problem: { kind: 'notFile' } };
    if (stat.size > this.maxBytes)
      return { state: 'unusable', problem: { kind: 'tooLarge', size: stat.size, limit: this.maxBytes } };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch (e) {
      if (isFileNotFound(e)) return { state: 'missing' };
      return { state: 'unusable', problem: { kind: 'io', detail: (e as Error).message } };
    }
    const parsed = parseJsonBytes(bytes, this.maxBytes);
    if (!parsed.ok) return { state: 'unusable', problem: parsed.problem };
    const checked = this.format.check(parsed.json);
    if ('problem' in checked) return { state: 'unusable', problem: checked.problem };
    return {
      state: 'ok',
      data: checked.data,
      text: parsed.text,
      ...(checked.readOnly ? { readOnly: checked.readOnly } : {}),
    };
  }

  /**
   * Applies `change` to the file's current content (undefined when there is no file yet) and saves the result.
   * `change` must be idempotent (applying it twice gives the same data): that is how a save is verified. Refused,
   * with the reason, when the file cannot be used or must not be rewritten; the file is then left as it is.
   */
  update(change: (current: T | undefined) => T): Promise<JsonFileUpdate<T>> {
    const run = () => this.locked(() => this.applyChange(change));
    const next = this.queue.then(run, run);
    // The queue only orders the updates: each caller gets its own update's outcome (and failure) from `next`.
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async applyChange(change: (current: T | undefined) => T): Promise<JsonFileUpdate<T>> {
    let changed = false;
    for (let attempt = 0; ; attempt++) {
      const current = await this.read();
      if (current.state === 'unusable') return { ok: false, problem: current.problem };
      if (current.state === 'ok' && current.readOnly) return { ok: false, problem: current.readOnly };
      const before = current.state === 'ok' ? current.text : undefined;
      const data = change(current.state === 'ok' ? current.data : undefined);
      const text = this.format.serialize(data);
      // Already on disk: our write (now verified), or nothing to change.
      if (text === before) return { ok: true, data, changed };
      if (attempt === UPDATE_ATTEMPTS)
        return { ok: false, problem: { kind: 'io', detail: 'another program kept replacing the file' } };
      try {
        await this.writeAtomically(text);
      } catch (e) {
        return { ok: false, problem: { kind: 'io', detail: (e as Error).message } };
      }
      changed = true;
    }
  }

  /**
   * Runs `work` holding the lock file of a local file (other schemes have no exclusive create: the re-read and the
   * check after each write are what protects them). Without the right to create the lock (a read-only folder), the
   * work runs anyway and its write fails on its own.
   */
  private async locked(work: () => Promise<JsonFileUpdate<T>>): Promise<JsonFileUpdate<T>> {
    if (this.uri.scheme !== 'file') return work();
    const path = this.uri.fsPath;
    const lock = path.replace(/[^\\/]*$/, (name) => `.${name}.lock`);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const handle = await fsp.open(lock, 'wx');
        await handle.writeFile(`${process.pid}\n`).finally(() => handle.close());
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return work();
      }
      const age = await fsp.stat(lock).then(
        (st) => Date.now() - st.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) {
        // Another window may break the same stale lock first: a missing file is what we wanted.
        await fsp.unlink(lock).catch((e) => this.unlinkFailed(lock, e));
        continue;
      }
      if (Date.now() > deadline)
        return { ok: false, problem: { kind: 'io', detail: 'another window kept the file locked' } };
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
    try {
      return await work();
    } finally {
      await fsp.unlink(lock).catch((e) => this.unlinkFailed(lock, e));
    }
  }

  private unlinkFailed(lock: string, e: unknown): void {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      this.log?.warn(`Could not remove the lock file ${lock}: ${(e as Error).message}`);
  }

  private async writeAtomically(text: string): Promise<void> {
    this.written = text;
    await writeFileAtomically(this.uri, text);
  }
}
