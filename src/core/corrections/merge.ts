/**
 * Three-way merge of two versions of the corrections file that started from a common one (`base`), entry by entry
 * (by id) and top-level field by field: what only one side changed is taken; what both changed the same way is taken
 * once; what both changed differently keeps `ours` and is reported; an entry one side deleted and the other changed
 * is kept (a correction is never lost to a merge). Without a base, nothing can be known to be deleted: the result is
 * the union, `ours` winning where both have an entry with one id.
 */
import { CORRECTION_LISTS, type CorrectionList, type CorrectionsFile } from './model';
import { emptyCorrections, entryId } from './parse';
import { canonicalJson } from './stableJson';

export interface MergedCorrections {
  file: CorrectionsFile;
  /** Ids of entries (and names of top-level fields) both sides changed differently: `ours` was kept. */
  conflicts: string[];
}

type Versions = Map<string, { list: CorrectionList; entry: unknown }>;

function byId(file: CorrectionsFile | undefined): Versions {
  const m: Versions = new Map();
  for (const list of CORRECTION_LISTS)
    for (const entry of file?.[list] ?? []) if (!m.has(entryId(entry))) m.set(entryId(entry), { list, entry });
  return m;
}

const same = (x: unknown, y: unknown): boolean => canonicalJson(x) === canonicalJson(y);

/** Picks one side of a three-way choice; `undefined` is "absent". */
function choose<T>(
  base: T | undefined,
  ours: T | undefined,
  theirs: T | undefined,
  hasBase: boolean,
): { value: T | undefined; conflict: boolean } {
  if (same(ours, theirs)) return { value: ours, conflict: false };
  if (!hasBase) return { value: ours ?? theirs, conflict: ours !== undefined && theirs !== undefined };
  if (same(base, ours)) {
    // Theirs changed it, or deleted it.
    return { value: theirs, conflict: false };
  }
  if (same(base, theirs)) return { value: ours, conflict: false };
  // Both changed it differently. A deletion never wins over a change.
  if (ours === undefined) return { value: theirs, conflict: true };
  return { value: ours, conflict: true };
}

/** See the file comment. The version written is `ours`'s. */
export function mergeCorrections(
  base: CorrectionsFile | undefined,
  ours: CorrectionsFile,
  theirs: CorrectionsFile,
): MergedCorrections {
  const hasBase = base !== undefined;
  const out: CorrectionsFile = { ...emptyCorrections(), version: ours.version };
  const conflicts: string[] = [];
  const b = byId(base);
  const o = byId(ours);
  const t = byId(theirs);
  const ids = [...new Set([...o.keys(), ...t.keys(), ...b.keys()])];
  for (const id of ids) {
    const pick = choose(b.get(id)?.entry, o.get(id)?.entry, t.get(id)?.entry, hasBase);
    if (pick.conflict) conflicts.push(id);
    if (pick.value === undefined) continue;
    const list = (o.get(id) ?? t.get(id) ?? b.get(id))!.list;
    out[list].push(pick.value);
  }
  // Entries repeated under one id (a hand-made file) are kept from ours, after the first.
  for (const list of CORRECTION_LISTS) {
    const firsts = new Set<unknown>();
    for (const e of ours[list]) {
      const id = entryId(e);
      if (firsts.has(id)) out[list].push(e);
      else firsts.add(id);
    }
  }
  const fields = new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base ?? {})]);
  for (const k of fields) {
    if (k === 'version' || (CORRECTION_LISTS as readonly string[]).includes(k)) continue;
    const pick = choose(base?.[k], ours[k], theirs[k], hasBase);
    if (pick.conflict) conflicts.push(k);
    if (pick.value !== undefined) out[k] = pick.value;
  }
  return { file: out, conflicts };
}
