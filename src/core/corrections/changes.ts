/**
 * Changes to the corrections file as operations on entries by id — put (add, or replace the entry with that id) and
 * delete — so that a writer can re-read the file just before saving and apply its pending change to whatever is
 * there then: another window's corrections made in between are kept, and applying a change twice gives the same
 * file (the extension verifies its save by applying the change again). `inverseChanges` gives the changes that undo
 * them (the editor's undo does not cover this file; redo applies the original changes again).
 */
import { CORRECTION_LISTS, type Correction, type CorrectionList, type CorrectionsFile } from './model';
import { emptyCorrections, entryId } from './parse';
import { canonicalJson, contentHash } from './stableJson';

export type CorrectionChange =
  /** Adds `entry` to `list`, replacing every entry with the same id (in any list). */
  | { op: 'put'; list: CorrectionList; entry: Correction }
  /** Removes every entry with this id. */
  | { op: 'delete'; id: string };

/** `file` (undefined: no file yet) with the changes applied in order. Idempotent; other entries are kept as written. */
export function applyChanges(file: CorrectionsFile | undefined, changes: readonly CorrectionChange[]): CorrectionsFile {
  const out: CorrectionsFile = { ...(file ?? emptyCorrections()) };
  for (const list of CORRECTION_LISTS) out[list] = [...(out[list] ?? [])];
  for (const change of changes) {
    const id = change.op === 'put' ? change.entry.id : change.id;
    for (const list of CORRECTION_LISTS) out[list] = out[list].filter((e) => entryId(e) !== id);
    if (change.op === 'put') out[change.list].push(change.entry);
  }
  return out;
}

/** The changes that undo `changes` when applied after them (computed against the file they are applied to). */
export function inverseChanges(
  file: CorrectionsFile | undefined,
  changes: readonly CorrectionChange[],
): CorrectionChange[] {
  const inverse: CorrectionChange[] = [];
  let state = file;
  for (const change of changes) {
    const id = change.op === 'put' ? change.entry.id : change.id;
    let before: CorrectionChange = { op: 'delete', id };
    for (const list of CORRECTION_LISTS) {
      const found = (state?.[list] ?? []).find((e) => entryId(e) === id);
      if (found !== undefined) {
        before = { op: 'put', list, entry: { ...(found as Correction), id } };
        break;
      }
    }
    inverse.unshift(before);
    state = applyChanges(state, [change]);
  }
  return inverse;
}

/**
 * `entry` with an id derived from its content (its time included), prefixed `r`, `e` or `l` by list: two windows
 * recording the very same correction at the same moment get the same id, so the second write changes nothing.
 */
export function withId<T extends Omit<Correction, 'id'>>(list: CorrectionList, entry: T): T & { id: string } {
  return { id: `${list[0]}${contentHash(canonicalJson(entry))}`, ...entry };
}
