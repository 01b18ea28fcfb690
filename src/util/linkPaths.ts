/**
 * Paths in the committed story-links file (src/services/storyLinks.ts, storyLinksFormat.ts). Pure (no vscode import) and
 * unit-tested: a shared file must not be able to name files outside the workspace.
 */

/** A `..`, `.`, empty or percent-encoded dot segment after decoding. */
function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Segments of a workspace-relative path (`/` or `\` separated, `.` and empty segments dropped, `..` applied), or
 * undefined when the path climbs above the folder (`../x`, `a/../../x`) or is absolute (`/etc/x`, `C:\x`).
 */
export function relativeSegments(p: string): string[] | undefined {
  if (/^[\\/]/.test(p) || /^[a-z]:/i.test(p)) return undefined;
  const out: string[] = [];
  for (const raw of p.split(/[\\/]/)) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      if (!out.length) return undefined;
      out.pop();
      continue;
    }
    out.push(raw);
  }
  return out.length ? out : undefined;
}

/**
 * True when the URI string lies inside one of the folder URI strings: it starts with the folder followed by `/`,
 * and no segment after that is `..` (encoded or not), so `file:///w/../etc/x` is outside `file:///w`.
 */
export function insideFolders(uri: string, folders: readonly string[]): boolean {
  for (const f of folders) {
    const base = f.replace(/\/+$/, '') + '/';
    if (!uri.startsWith(base)) continue;
    const rest = uri.slice(base.length).split(/[?#]/)[0];
    if (!rest) continue;
    if (rest.split(/\/|%2f|%5c|\\/i).some((s) => (s === '' ? false : decodeSegment(s) === '..'))) continue;
    return true;
  }
  return false;
}

/** A file of another workspace folder, written as VS Code's own settings and tasks name it. */
const FOLDER_REF = /^\$\{workspaceFolder:([^}]+)\}(?:[\\/](.*))?$/s;

/** What a path in the story-links file names: a path in a workspace folder (the file's own when none), or a URI. */
export type LinkPath = { kind: 'path'; folder?: string; segments: string[] } | { kind: 'uri'; uri: string };

/**
 * Reads a path of the story-links file: `${workspaceFolder:<name>}/<path>` (a file in the named workspace folder),
 * `<scheme>://…` (an absolute URI, as older versions wrote for files outside the folder), or a path relative to the
 * file's folder (`./` allowed, so that `./Interview: Trump.txt` is a file, not a scheme). Undefined when it climbs
 * out of its folder or is absolute.
 */
export function parseLinkPath(p: string): LinkPath | undefined {
  const ref = FOLDER_REF.exec(p);
  if (ref) {
    const segments = relativeSegments(ref[2] ?? '');
    return segments && { kind: 'path', folder: ref[1], segments };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return { kind: 'uri', uri: p };
  const segments = relativeSegments(p);
  return segments && { kind: 'path', segments };
}

/**
 * Writes a path for the story-links file (the inverse of parseLinkPath): relative to the file's folder, or in the
 * workspace folder named `folder`. `./` goes in front of a first segment that has a colon (`Interview: Trump.txt`,
 * `C:notes.txt`) or starts with `$`, so that it cannot read back as a scheme, a drive or a folder reference.
 * Undefined when the path cannot be written so that it reads back the same (a `\` or `..` in a name, a folder name
 * with `}`).
 */
export function formatLinkPath(segments: readonly string[], folder?: string): string | undefined {
  if (!segments.length || segments.some((s) => s === '' || s === '.' || s === '..' || /[\\/]/.test(s)))
    return undefined;
  const rel = segments.join('/');
  if (folder !== undefined) return folder && !folder.includes('}') ? `\${workspaceFolder:${folder}}/${rel}` : undefined;
  return /[:]/.test(segments[0]) || rel.startsWith('$') ? `./${rel}` : rel;
}
