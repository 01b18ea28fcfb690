import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { looksBinary, stripBom } from '../core/text';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

/** Bytes read per system call. */
const CHUNK = 64 * 1024;

/** What a path is when it is not a regular file, for the message. */
function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a directory';
  if (st.isFIFO()) return 'is a pipe (FIFO), not a regular file';
  if (st.isSocket()) return 'is a socket, not a regular file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

export type ReadBytesResult = { ok: true; bytes: Buffer } | { ok: false; error: string };

/**
 * The bytes of a regular file of at most `maxBytes`. Refuses anything but a regular file (a directory, `/dev/zero`,
 * a FIFO that would block forever) and files above `maxBytes`, with a message instead of throwing. Reads at most
 * `maxBytes` + 1 bytes, whatever the file claims its size is (it may grow while being read).
 */
export function readFileBounded(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadBytesResult {
  try {
    const refused = notRegular(statSync(file));
    if (refused) return { ok: false, error: refused };
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
  let fd: number | undefined;
  try {
    // NOTE: O_NONBLOCK, so that a path swapped for a FIFO after the check above does not block the open; the
    // descriptor is checked again (fstat) before anything is read from it.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    const refused = notRegular(st);
    if (refused) return { ok: false, error: refused };
    if (st.size > maxBytes) return tooLarge(st.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) return tooLarge(total, maxBytes, true);
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads an article file the way VS Code would show it: UTF-8 (or UTF-16 with a BOM), BOM removed, line endings kept.
 * Refuses what `readFileBounded` refuses and binary files, with a message instead of throwing.
 */
export function readArticle(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  const read = readFileBounded(file, maxBytes);
  if (!read.ok) return read;
  const buf = read.bytes;
  const warnings: string[] = [];
  let text: string;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  } else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  } else {
    if (buf.subarray(0, 8192).includes(0)) return { ok: false, error: 'looks like a binary file, not an article' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      text = new TextDecoder('utf-8').decode(buf);
      warnings.push('contains bytes that are not valid UTF-8; they were replaced with U+FFFD');
    }
  }
  text = stripBom(text);
  if (looksBinary(text)) return { ok: false, error: 'looks like a binary file, not an article' };
  return { ok: true, text, warnings };
}

function tooLarge(size: number, maxBytes: number, atLeast = false): { ok: false; error: string } {
  // Exact byte counts when the rounded sizes would read the same ("1 KB; the limit is 1 KB").
  const exact = formatBytes(size) === formatBytes(maxBytes);
  const fmt = (n: number) => (exact ? `${n} B` : formatBytes(n));
  const shown = atLeast ? `more than ${fmt(maxBytes)}` : fmt(size);
  return { ok: false, error: `too large (${shown}; the limit is ${fmt(maxBytes)}, see --max-size)` };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'is a symbolic link loop';
  // The message names the path, which reaches the terminal: the caller prints the (cleaned) file name already.
  return code ? `cannot be read (${code})` : 'cannot be read';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}
