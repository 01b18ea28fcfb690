/**
 * TMX 1.4 export of aligned passage pairs, for translators (the "export alignment as TMX" command).
 * Pure: pairs in, XML string out. Text is XML-escaped; characters XML 1.0 forbids are dropped.
 */
import type { CrossRefLink, EntityLink, MissingInItem, SpanLink } from './crossRefTypes';

export interface TmxPair {
  /** Source segment and its language (ISO 639-1, e.g. "en"). */
  source: { lang: string; text: string };
  target: { lang: string; text: string };
  /** Optional note (e.g. the two file names and the link score). */
  note?: string;
  /** The reader confirmed the pair, or made it by hand (written as a `<prop type="x-reader">`). */
  reader?: 'confirmed' | 'manual';
  /** `phrase` for a term pair (two names of one entity); sentence otherwise. */
  segtype?: 'phrase';
}

export interface TmxOptions {
  /** Default source language of the header (defaults to the first pair's source language, else "en"). */
  srcLang?: string;
  /** Tool name in the header. */
  creationTool?: string;
  creationToolVersion?: string;
  /** Creation date as an ISO string (the caller supplies it: core has no clock). */
  creationDate?: string;
  /** Header notes (e.g. what each version lacks: see `missingInNotes`). */
  notes?: string[];
}

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 does not allow. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** "2020-08-17T09:30:00.000Z" → "20200817T093000Z" (TMX's date format); invalid input gives null. */
function tmxDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return null;
  return `${m[1]}${m[2]}${m[3]}T${m[4] ?? '00'}${m[5] ?? '00'}${m[6] ?? '00'}Z`;
}

/** Collapses white space inside a segment (line breaks inside a passage are not meaningful to a TM). */
function segText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Builds a TMX 1.4 document with one translation unit per pair. */
export function toTmx(pairs: TmxPair[], options: TmxOptions = {}): string {
  const src = options.srcLang ?? pairs[0]?.source.lang ?? 'en';
  const date = tmxDate(options.creationDate);
  const header =
    `<header creationtool="${escapeXml(options.creationTool ?? 'Article Lens')}"` +
    ` creationtoolversion="${escapeXml(options.creationToolVersion ?? '1')}"` +
    ` segtype="sentence" o-tmf="article-lens" adminlang="en" srclang="${escapeXml(src)}" datatype="plaintext"` +
    (date ? ` creationdate="${date}"` : '');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">'];
  if (options.notes?.length) {
    lines.push(`  ${header}>`, ...options.notes.map((n) => `    <note>${escapeXml(n)}</note>`), '  </header>');
  } else lines.push(`  ${header}/>`);
  lines.push('  <body>');
  for (const p of pairs) {
    lines.push(p.segtype ? `    <tu segtype="${p.segtype}">` : '    <tu>');
    if (p.note) lines.push(`      <note>${escapeXml(p.note)}</note>`);
    if (p.reader) lines.push(`      <prop type="x-reader">${p.reader}</prop>`);
    for (const side of [p.source, p.target]) {
      lines.push(`      <tuv xml:lang="${escapeXml(side.lang)}"><seg>${escapeXml(segText(side.text))}</seg></tuv>`);
    }
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}

/**
 * Translation units from cross-reference links: passage (and, optionally, quote) links between two languages,
 * source side in `srcLang` when one side is in it, and the entity links the reader confirmed or made by hand as term
 * pairs (« le secrétaire d'Etat » ↔ "the Secretary of State"). `langOf` gives each file's language. Links the
 * reader rejected are not in a cross-reference result made with the corrections, so they never reach the memory;
 * confirmed and hand-made pairs are marked (`reader`).
 */
export function tmxPairsFromLinks(
  links: CrossRefLink[],
  langOf: (file: string) => string,
  options: { srcLang?: string; includeQuotes?: boolean; sameLanguage?: boolean } = {},
): TmxPair[] {
  const out: TmxPair[] = [];
  for (const l of links) {
    if (l.kind === 'entity') {
      const term = readerTermPair(l, langOf, options);
      if (term) out.push(term);
      continue;
    }
    if (l.kind !== 'passage' && !(options.includeQuotes && l.kind === 'quote')) continue;
    const link = l as SpanLink;
    const la = langOf(link.a.file);
    const lb = langOf(link.b.file);
    if (la === lb && !options.sameLanguage) continue;
    const swap = options.srcLang !== undefined && lb === options.srcLang && la !== options.srcLang;
    const [s, t, ls, lt] = swap ? [link.b, link.a, lb, la] : [link.a, link.b, la, lb];
    const pair: TmxPair = {
      source: { lang: ls, text: s.text },
      target: { lang: lt, text: t.text },
      note: `${s.file} ↔ ${t.file} (${link.kind}, score ${link.score})`,
    };
    const reader = link.manual ? 'manual' : link.confirmed ? 'confirmed' : undefined;
    if (reader) pair.reader = reader;
    out.push(pair);
  }
  return out;
}

/**
 * A term pair from an entity link the reader confirmed or made: its item in `srcLang` (else its first) and the first
 * item in another language (or, with `sameLanguage`, the next item).
 */
function readerTermPair(
  l: EntityLink,
  langOf: (file: string) => string,
  options: { srcLang?: string; sameLanguage?: boolean },
): TmxPair | undefined {
  if (!l.manual && !l.confirmed) return undefined;
  const s = l.items.find((i) => langOf(i.file) === options.srcLang) ?? l.items[0];
  if (!s) return undefined;
  const ls = langOf(s.file);
  const t =
    l.items.find((i) => langOf(i.file) !== ls) ?? (options.sameLanguage ? l.items.find((i) => i !== s) : undefined);
  if (!t) return undefined;
  const words = (i: typeof s) => i.span?.text ?? i.name;
  return {
    source: { lang: ls, text: words(s) },
    target: { lang: langOf(t.file), text: words(t) },
    note: `${s.file} ↔ ${t.file} (entity)`,
    reader: l.manual ? 'manual' : 'confirmed',
    segtype: 'phrase',
  };
}

/**
 * One header note per version that lacks something the others have ("Missing in fr.txt (in the other versions):
 * entity Kevin Mayer [en.txt]; …"), for a translator checking what a rewrite left out. `titleOf` names the files.
 */
export function missingInNotes(
  missing: readonly MissingInItem[],
  titleOf: (file: string) => string = (f) => f,
): string[] {
  const notes: string[] = [];
  for (const file of [...new Set(missing.map((m) => m.file))]) {
    const items = missing
      .filter((m) => m.file === file)
      .map((m) => `${m.kind} ${segText(m.name)} [${m.presentIn.map(titleOf).join(', ')}]`);
    notes.push(`Missing in ${titleOf(file)} (in the other versions): ${items.join('; ')}`);
  }
  return notes;
}
