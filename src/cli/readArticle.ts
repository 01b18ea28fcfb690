import { readFileSync, statSync } from 'node:fs';
import { looksBinary, stripBom } from '../core/text';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string; warnings: string[] } | { ok: false; error: string };

/**
 * Reads an article file the way VS Code would show it: UTF-8 (or UTF-16 with a BOM), BOM removed, line endings kept.
 * Refuses directories, binary files and files above `maxBytes` with a message instead of throwing.
 */
export function readArticle(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { ok: false, error: 'is a directory' };
    size = st.size;
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
  if (size > maxBytes) {
    return { ok: false, error: `too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}, see --max-size)` };
  }
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
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

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return (e as Error)?.message ?? String(e);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}
