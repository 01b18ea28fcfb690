/**
 * The format of `article-lens.stories.json` (the committed story links) and the merge of one choice into it. Pure:
 * paths are turned into document URIs by a function the caller passes (src/services/storyLinks.ts does it with the
 * workspace folders); unit-tested in test/unit/storyLinksFormat.test.ts.
 *
 * ```json
 * { "version": 1, "links": [ { "a": "wire/tiktok.en.txt", "b": "${workspaceFolder:Desk}/tiktok.fr.txt", "linked": true } ] }
 * ```
 *
 * Paths are relative to the folder holding the file, `/`-separated, `./`-prefixed when they could read as a URI
 * scheme; files of another workspace folder are written `${workspaceFolder:<name>}/<path>`, as VS Code's own
 * settings name them (src/util/linkPaths.ts). Everything in the file is kept on a write: unknown top-level and entry
 * fields, and entries that do not resolve here (a folder this window does not have, a file not checked out). A file
 * of a newer format version is read as far as it is understood and never rewritten.
 */
import type { ManualLink } from '../core/crossRefTypes';
import { isJsonObject, type JsonFileProblem } from './workspaceJsonCore';

/** The format version this code writes and fully understands. */
export const STORY_LINKS_VERSION = 1;

/** The file's content as read: every field kept, known or not. */
export interface StoryLinksData {
  version?: unknown;
  links: unknown[];
  [field: string]: unknown;
}

/** A path of the file → the document URI string it names, or undefined when it names nothing usable here. */
export type ResolvePath = (path: string) => string | undefined;

/** Checks parsed JSON (JsonFileFormat.check): a newer `version` is accepted for reading only. */
export function checkStoryLinks(
  json: unknown,
): { data: StoryLinksData; readOnly?: JsonFileProblem } | { problem: JsonFileProblem } {
  if (!isJsonObject(json)) return { problem: { kind: 'shape', detail: 'not a JSON object' } };
  const version = json.version ?? STORY_LINKS_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { problem: { kind: 'shape', detail: '"version" is not a format number' } };
  }
  if (json.links !== undefined && !Array.isArray(json.links))
    return { problem: { kind: 'shape', detail: '"links" is not a list' } };
  const data: StoryLinksData = { ...json, links: Array.isArray(json.links) ? [...json.links] : [] };
  return version > STORY_LINKS_VERSION ? { data, readOnly: { kind: 'newer', version } } : { data };
}

/** Pretty-printed, `version` first, with a final newline (diffs well in version control). */
export function serializeStoryLinks(data: StoryLinksData): string {
  return `${JSON.stringify({ version: STORY_LINKS_VERSION, ...data }, null, 2)}\n`;
}

interface Entry {
  a: string;
  b: string;
  linked?: unknown;
  [field: string]: unknown;
}

function isEntry(e: unknown): e is Entry {
  return isJsonObject(e) && typeof e.a === 'string' && typeof e.b === 'string';
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\n${y}` : `${y}\n${x}`;
}

/** The choices the file makes that resolve here, as document URIs; the last entry wins for a pair. */
export function linksIn(data: StoryLinksData, resolve: ResolvePath): ManualLink[] {
  const byPair = new Map<string, ManualLink>();
  for (const e of data.links) {
    if (!isEntry(e)) continue;
    const a = resolve(e.a);
    const b = resolve(e.b);
    if (!a || !b || a === b) continue;
    const key = pairKey(a, b);
    byPair.delete(key);
    byPair.set(key, { a, b, linked: e.linked !== false });
  }
  return [...byPair.values()];
}

/**
 * `data` (undefined: no file yet) with the choice that the files at paths `a` and `b` are (linked) or are not
 * versions of one story. The first entry for the same two files, however its paths are written, is updated in place
 * (its other fields kept); later duplicates are dropped; otherwise the entry is inserted in order. Paths of entries
 * that resolve are rewritten by `canonical` (an old absolute `file:///…` URI becomes relative); all other entries
 * and fields are kept as they are. Idempotent.
 */
export function withLink(
  data: StoryLinksData | undefined,
  choice: { a: string; b: string; linked: boolean },
  resolve: ResolvePath,
  canonical: (path: string) => string,
): StoryLinksData {
  const [a, b] = choice.a <= choice.b ? [choice.a, choice.b] : [choice.b, choice.a];
  const ua = resolve(a);
  const ub = resolve(b);
  const wanted = ua && ub ? pairKey(ua, ub) : undefined;
  const links: unknown[] = [];
  let found = false;
  for (const e of data?.links ?? []) {
    if (!isEntry(e)) {
      links.push(e);
      continue;
    }
    const ea = resolve(e.a);
    const eb = resolve(e.b);
    const same = ea && eb ? wanted !== undefined && pairKey(ea, eb) === wanted : e.a === a && e.b === b;
    if (same) {
      if (!found) links.push({ ...e, a, b, linked: choice.linked });
      found = true;
      continue;
    }
    links.push(ea && eb ? { ...e, a: canonical(e.a), b: canonical(e.b) } : e);
  }
  if (!found) {
    const entry = { a, b, linked: choice.linked };
    // Keeps a sorted file sorted (fewer merge conflicts than appending: two people adding links touch different lines).
    const at = links.findIndex((e) => isEntry(e) && (e.a > a || (e.a === a && e.b > b)));
    links.splice(at < 0 ? links.length : at, 0, entry);
  }
  return { ...(data ?? { version: STORY_LINKS_VERSION }), links };
}
