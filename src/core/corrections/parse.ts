/**
 * Reading the corrections file: `parseCorrections` (text → file, or the reason it cannot be used), `checkCorrections`
 * (parsed JSON → file: the `check` of the extension's workspace JSON file) and `readCorrections` (file → the typed,
 * valid entries, and what is wrong with the others). Nothing is repaired: a file that does not parse, is not a
 * corrections file, or has a newer version is reported (a newer one can be read, never rewritten); an entry that
 * does not validate, or has an action this version does not know, is reported and kept as written.
 */
import { ENTITY_KINDS } from '../kinds';
import type { EntityType } from '../types';
import {
  CORRECTION_LISTS,
  CORRECTIONS_VERSION,
  EDIT_ACTIONS,
  EDIT_KINDS,
  LINK_KINDS,
  LINK_STATUSES,
  RULE_SCOPES,
  type CorrectionList,
  type CorrectionsFile,
  type EditCorrection,
  type LinkCorrection,
  type LinkEnd,
  type RuleCorrection,
  type TextTarget,
} from './model';
import { canonicalJson, contentHash } from './stableJson';

/** Why a corrections file cannot be used (the kinds match the extension's JSON file problems). */
export type CorrectionsProblem =
  | { kind: 'syntax'; detail: string }
  | { kind: 'shape'; detail: string }
  /** Written by a newer version: readable as far as this version understands it, never rewritten. */
  | { kind: 'newer'; version: number };

export type CheckedCorrections =
  { data: CorrectionsFile; readOnly?: CorrectionsProblem } | { problem: CorrectionsProblem };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks parsed JSON. Missing lists are empty; a missing `version` is the current one. */
export function checkCorrections(json: unknown): CheckedCorrections {
  if (!isObject(json)) return { problem: { kind: 'shape', detail: 'not a JSON object' } };
  const version = json.version ?? CORRECTIONS_VERSION;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { problem: { kind: 'shape', detail: '"version" is not a format number' } };
  }
  for (const list of CORRECTION_LISTS) {
    if (json[list] !== undefined && !Array.isArray(json[list]))
      return { problem: { kind: 'shape', detail: `"${list}" is not a list` } };
  }
  const data: CorrectionsFile = {
    ...json,
    version,
    rules: Array.isArray(json.rules) ? [...json.rules] : [],
    edits: Array.isArray(json.edits) ? [...json.edits] : [],
    links: Array.isArray(json.links) ? [...json.links] : [],
  };
  return version > CORRECTIONS_VERSION ? { data, readOnly: { kind: 'newer', version } } : { data };
}

/** Parses the file's text (a leading byte-order mark is allowed). */
export function parseCorrections(text: string): CheckedCorrections {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { problem: { kind: 'syntax', detail: (e as Error).message } };
  }
  return checkCorrections(json);
}

/** An empty file of the current version. */
export function emptyCorrections(): CorrectionsFile {
  return { version: CORRECTIONS_VERSION, rules: [], edits: [], links: [] };
}

/** The id an entry is known by: its own, or (written by hand without one) a hash of its content. */
export function entryId(entry: unknown): string {
  if (isObject(entry) && typeof entry.id === 'string' && entry.id !== '') return entry.id;
  return `~${contentHash(canonicalJson(entry))}`;
}

/** An entry of the file that is not used, and why (it stays in the file). */
export interface EntryIssue {
  list: CorrectionList;
  index: number;
  id: string;
  detail: string;
}

export interface ReadCorrections {
  rules: RuleCorrection[];
  edits: EditCorrection[];
  links: LinkCorrection[];
  issues: EntryIssue[];
}

/**
 * The valid entries of the file, typed, each with its id (unknown fields ride along as written). Entries that do not
 * validate, have an unknown action, or repeat an id already seen are listed in `issues` instead.
 */
export function readCorrections(file: CorrectionsFile): ReadCorrections {
  const out: ReadCorrections = { rules: [], edits: [], links: [], issues: [] };
  const seen = new Set<string>();
  const take = <T>(
    list: CorrectionList,
    validate: (e: Record<string, unknown>) => string | null,
    push: (e: T) => void,
  ): void => {
    file[list].forEach((raw, index) => {
      const id = entryId(raw);
      const problem = !isObject(raw) ? 'not an object' : seen.has(id) ? `the id "${id}" is used twice` : validate(raw);
      if (problem) {
        out.issues.push({ list, index, id, detail: problem });
        return;
      }
      seen.add(id);
      push({ ...(raw as object), id } as T);
    });
  };
  take<RuleCorrection>('rules', validateRule, (e) => out.rules.push(e));
  take<EditCorrection>('edits', validateEdit, (e) => out.edits.push(e));
  take<LinkCorrection>('links', validateLink, (e) => out.links.push(e));
  return out;
}

// ------------------------------------------------------------------------------------------------- validation

function metaProblem(e: Record<string, unknown>): string | null {
  if (e.id !== undefined && (typeof e.id !== 'string' || e.id === '')) return '"id" is not a non-empty string';
  for (const f of ['at', 'by', 'note'] as const)
    if (e[f] !== undefined && typeof e[f] !== 'string') return `"${f}" is not a string`;
  return null;
}

const isEntityType = (v: unknown): v is EntityType =>
  typeof v === 'string' && (ENTITY_KINDS as readonly string[]).includes(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Why `v` is not a text target (null when it is one). */
export function targetProblem(v: unknown, what = 'target'): string | null {
  if (!isObject(v)) return `"${what}" is not an object`;
  if (typeof v.exact !== 'string' || v.exact === '') return `"${what}.exact" is not a non-empty string`;
  for (const f of ['prefix', 'suffix'] as const)
    if (v[f] !== undefined && typeof v[f] !== 'string') return `"${what}.${f}" is not a string`;
  if (v.start !== undefined && !(typeof v.start === 'number' && Number.isInteger(v.start) && v.start >= 0))
    return `"${what}.start" is not an offset`;
  return null;
}

function validateRule(e: Record<string, unknown>): string | null {
  if (!nonEmpty(e.text)) return '"text" is not a non-empty string';
  if (e.type !== null && !isEntityType(e.type)) return '"type" is not person, organization, place or null';
  if (!(RULE_SCOPES as readonly unknown[]).includes(e.scope)) return '"scope" is not workspace, story or file';
  if (e.file !== undefined && !nonEmpty(e.file)) return '"file" is not a path';
  if (e.scope !== 'workspace' && e.file === undefined) return `a ${String(e.scope)} rule needs "file"`;
  return metaProblem(e);
}

function validateEdit(e: Record<string, unknown>): string | null {
  if (!nonEmpty(e.file)) return '"file" is not a path';
  if (!(EDIT_ACTIONS as readonly unknown[]).includes(e.action))
    return typeof e.action === 'string' ? `unknown action "${e.action}"` : 'no "action"';
  const action = e.action as EditCorrection['action'];
  if (action !== 'referenceDate' || e.target !== undefined) {
    const t = targetProblem(e.target);
    if (t) return t;
  }
  const specific = ((): string | null => {
    switch (action) {
      case 'remove':
        return e.kind === undefined || ['entity', 'date', 'figure'].includes(e.kind as string)
          ? null
          : '"kind" is not entity, date or figure';
      case 'retype':
      case 'add':
        return isEntityType(e.type) ? null : '"type" is not person, organization or place';
      case 'span':
        return (
          targetProblem(e.span, 'span') ??
          (e.type === undefined || isEntityType(e.type) ? null : '"type" is not an entity type')
        );
      case 'merge':
        return targetProblem(e.into, 'into');
      case 'split':
        return e.type === undefined || isEntityType(e.type) ? null : '"type" is not an entity type';
      case 'rename':
        return nonEmpty(e.name) ? null : '"name" is not a non-empty string';
      case 'speaker': {
        const s = e.speaker;
        if (s === null) return null;
        if (!isObject(s) || !nonEmpty(s.name)) return '"speaker" is not null or { name }';
        return s.entity === undefined ? null : targetProblem(s.entity, 'speaker.entity');
      }
      case 'notQuote':
        return null;
      case 'scare':
        return typeof e.scare === 'boolean' ? null : '"scare" is not true or false';
      case 'date':
        return e.value === null || isDateValue(e.value) ? null : '"value" is not a TIMEX3 date value or null';
      case 'referenceDate':
        return isReferenceDateValue(e.value) ? null : '"value" is not YYYY-MM-DD or YYYY';
      case 'verify':
        return e.kind === undefined || (EDIT_KINDS as readonly unknown[]).includes(e.kind)
          ? null
          : '"kind" is not entity, quote, date or figure';
    }
  })();
  return specific ?? metaProblem(e);
}

/**
 * A TIMEX3-style value as the analysis writes them: a calendar date or part of one, with X for unknown digits
 * ("2018-10-01", "2018-10", "XXXX-06-01", "2020-W33", "2020-SU", "2020-08-17TMO", "2020-08-17T11:00"), a duration
 * ("P90D", "PT2H", "PXM") or PRESENT_REF / PAST_REF / FUTURE_REF.
 */
export function isDateValue(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 40) return false;
  return (
    /^(?:\d{4}|XXXX|\d{3}X|\d{2}XX)(?:-(?:\d{2}|XX|W\d{2}|WXX|SP|SU|FA|WI|Q[1-4]|H[12])(?:-(?:\d{2}|XX|\d|WE))?)?(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT))?$/.test(
      v,
    ) ||
    (v.length > 1 && /^P(?:[\dX.]+[YMWD])*(?:T(?:[\dX.]+[HMS])+)?$/.test(v)) ||
    /^(?:PRESENT|PAST|FUTURE)_REF$/.test(v)
  );
}

/** YYYY-MM-DD (a real calendar day) or YYYY. */
export function isReferenceDateValue(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  if (/^\d{4}$/.test(v)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function linkEndProblem(v: unknown, what: string): string | null {
  if (!isObject(v)) return `"${what}" is not an object`;
  if (!nonEmpty(v.file)) return `"${what}.file" is not a path`;
  return targetProblem(v, what);
}

function validateLink(e: Record<string, unknown>): string | null {
  if (!(LINK_KINDS as readonly unknown[]).includes(e.kind))
    return '"kind" is not entity, passage, quote, date or figure';
  if (!(LINK_STATUSES as readonly unknown[]).includes(e.status)) return '"status" is not confirmed, rejected or manual';
  return linkEndProblem(e.a, 'a') ?? linkEndProblem(e.b, 'b') ?? metaProblem(e);
}

/** Narrowing helper for callers holding a LinkEnd or a TextTarget. */
export function targetOf(end: LinkEnd | TextTarget): TextTarget {
  const t: TextTarget = { exact: end.exact };
  if (end.prefix !== undefined) t.prefix = end.prefix;
  if (end.suffix !== undefined) t.suffix = end.suffix;
  if (end.start !== undefined) t.start = end.start;
  return t;
}
