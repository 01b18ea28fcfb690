/**
 * Path checks for the committed story-links file (src/services/storyLinks.ts). Pure (no vscode import) and
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
    if (rest.split(/\/|%2f|%5c|\\/i).some((s) => s === '' ? false : decodeSegment(s) === '..')) continue;
    return true;
  }
  return false;
}
