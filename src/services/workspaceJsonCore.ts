/**
 * The VS Code-free part of src/services/workspaceJsonFile.ts: deciding whether the bytes of a JSON file that users
 * keep in their workspace (story links, corrections) can be used, and why not. Pure; unit-tested
 * (test/unit/workspaceJson.test.ts). A file that cannot be used is never rewritten: the caller says why and offers
 * to open it.
 */

/** Why a workspace JSON file cannot be used (or, for `newer`, can be read but must not be rewritten). */
export type JsonFileProblem =
  /** A directory, a symbolic link, a device or a FIFO: only a plain file is read (a committed link to /dev/zero). */
  | { kind: 'notFile' }
  | { kind: 'tooLarge'; size: number; limit: number }
  /** Git merge-conflict markers (1-based line of the first one). */
  | { kind: 'conflict'; line: number }
  /** Not UTF-8 or not JSON (truncated, half-edited). */
  | { kind: 'syntax'; detail: string }
  /** JSON, but not this kind of file. */
  | { kind: 'shape'; detail: string }
  /** Written by a newer version of the extension, in a format this one does not know. */
  | { kind: 'newer'; version: number }
  /** The file system refused (permissions, network drive). */
  | { kind: 'io'; detail: string };

export type ParsedJson = { ok: true; json: unknown; text: string } | { ok: false; problem: JsonFileProblem };

/** 1-based line of the first git conflict marker (`<<<<<<< `, `||||||| `, `=======`, `>>>>>>> `), if any. */
export function conflictMarkerLine(text: string): number | undefined {
  const m = /^(?:<{7}|\|{7}|>{7})(?: |$)|^={7}$/m.exec(text);
  if (!m) return undefined;
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The JSON value in a file's bytes: refused when over `maxBytes`, not UTF-8, holding merge-conflict markers, or not
 * JSON. A UTF-8 byte-order mark is allowed (some editors write one).
 */
export function parseJsonBytes(bytes: Uint8Array, maxBytes: number): ParsedJson {
  if (bytes.length > maxBytes) return { ok: false, problem: { kind: 'tooLarge', size: bytes.length, limit: maxBytes } };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, problem: { kind: 'syntax', detail: 'not UTF-8 text' } };
  }
  const line = conflictMarkerLine(text);
  if (line !== undefined) return { ok: false, problem: { kind: 'conflict', line } };
  try {
    return { ok: true, json: JSON.parse(text), text };
  } catch (e) {
    return { ok: false, problem: { kind: 'syntax', detail: (e as Error).message } };
  }
}

/** A plain JSON object (not an array, not null), for shape checks. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
