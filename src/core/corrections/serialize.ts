/**
 * Writing the corrections file so that it reviews and merges well in version control: one entry per line (adding or
 * removing a correction is a one-line diff; two people correcting different articles touch different lines), the
 * known fields of an entry in a fixed order followed by unknown ones as they were, and the entries sorted — rules
 * alphabetically, edits by article and then by time (the order they are applied in), links by their two articles
 * and time. Deterministic: the same data always gives the same text.
 */
import { foldKey } from '../text';
import { CORRECTIONS_VERSION, type CorrectionsFile } from './model';

const ENTRY_ORDER: Record<'rules' | 'edits' | 'links', readonly string[]> = {
  rules: ['id', 'text', 'type', 'scope', 'file', 'at', 'by', 'note'],
  edits: [
    'id',
    'file',
    'action',
    'target',
    'kind',
    'type',
    'span',
    'into',
    'name',
    'speaker',
    'scare',
    'value',
    'at',
    'by',
    'note',
  ],
  links: ['id', 'kind', 'status', 'a', 'b', 'at', 'by', 'note'],
};
const TARGET_ORDER = ['file', 'exact', 'prefix', 'suffix', 'start'];
const SPEAKER_ORDER = ['name', 'entity'];
const TOP_ORDER = ['version', 'rules', 'edits', 'links'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys in `order` first (those present), then the others in their own order. */
function orderedKeys(obj: Record<string, unknown>, order: readonly string[]): string[] {
  const known = order.filter((k) => k in obj);
  return [...known, ...Object.keys(obj).filter((k) => !order.includes(k))];
}

/** One-line JSON with `": "` and `", "` separators; nested targets and speakers in their field order. */
function inline(value: unknown, order: readonly string[] = []): string {
  if (Array.isArray(value)) return `[${value.map((v) => inline(v)).join(', ')}]`;
  if (!isObject(value)) return JSON.stringify(value === undefined ? null : value);
  const parts: string[] = [];
  for (const k of orderedKeys(value, order)) {
    const v = value[k];
    if (v === undefined) continue;
    const nested = isObject(v) ? ('exact' in v ? TARGET_ORDER : k === 'speaker' ? SPEAKER_ORDER : []) : [];
    parts.push(`${JSON.stringify(k)}: ${inline(v, nested)}`);
  }
  return `{${parts.join(', ')}}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const field = (e: unknown, k: string): string => (isObject(e) ? str(e[k]) : '');
const endFile = (e: unknown, side: 'a' | 'b'): string => (isObject(e) && isObject(e[side]) ? str(e[side].file) : '');

function compare(keys: (e: unknown) => string[]): (x: unknown, y: unknown) => number {
  return (x, y) => {
    const kx = keys(x);
    const ky = keys(y);
    for (let i = 0; i < kx.length; i++) {
      if (kx[i] !== ky[i]) return kx[i] < ky[i] ? -1 : 1;
    }
    return 0;
  };
}

const SORTS = {
  rules: compare((e) => [
    foldKey(field(e, 'text')),
    field(e, 'text'),
    field(e, 'scope'),
    field(e, 'file'),
    field(e, 'id'),
  ]),
  edits: compare((e) => [field(e, 'file'), field(e, 'at'), field(e, 'id')]),
  links: compare((e) => [endFile(e, 'a'), endFile(e, 'b'), field(e, 'at'), field(e, 'id')]),
};

/** The entries of one list in the order the file keeps them (a stable sort: ties keep their order). */
export function sortedEntries(list: 'rules' | 'edits' | 'links', entries: readonly unknown[]): unknown[] {
  return [...entries].sort(SORTS[list]);
}

/** The file's text: pretty-printed top level, one entry per line, sorted, with a final newline. */
export function serializeCorrections(file: CorrectionsFile): string {
  const data: Record<string, unknown> = { ...file, version: file.version ?? CORRECTIONS_VERSION };
  const lines: string[] = [];
  for (const k of orderedKeys(data, TOP_ORDER)) {
    const v = data[k];
    if (v === undefined) continue;
    if (k === 'rules' || k === 'edits' || k === 'links') {
      const entries = sortedEntries(k, Array.isArray(v) ? v : []);
      const body = entries.map((e) => `    ${inline(e, ENTRY_ORDER[k])}`).join(',\n');
      lines.push(entries.length ? `  ${JSON.stringify(k)}: [\n${body}\n  ]` : `  ${JSON.stringify(k)}: []`);
    } else {
      // Unknown top-level fields: kept, in standard pretty-printing.
      lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, '\n  ')}`);
    }
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}
