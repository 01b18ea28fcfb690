/**
 * Annotation export formats, as one registry (EXPORT_FORMATS: file extension, label, writer) used by the Export
 * Annotations command (src/features/commands.ts) and `article-lens analyze --format`. Pure: text and analysis in,
 * strings out. Tested in test/unit/export.test.ts.
 *
 * - `json` (`toCliJson`): the same shape as `article-lens analyze --json`.
 * - `brat` (`toBrat`): brat standoff `.ann` (offsets in Unicode code points, as brat counts them).
 * - `w3c` (`toWebAnnotation`): a W3C Web Annotation collection (JSON-LD) with TextQuoteSelector +
 *   TextPositionSelector (positions in code points, as the W3C model requires).
 */
import { LAYER_INFO, type Translate } from './kinds';
import type { ArticleAnalysis, ReaderMarks, Span } from './types';

/** The article an export describes: `name` as the CLI JSON names it (a path), `uri` as JSON-LD targets it. */
export interface ExportedFile {
  name: string;
  uri: string;
}

export interface ExportFormatInfo {
  /** File extension of the written file, with its dot. */
  extension: string;
  /** What the format picker shows. */
  label: (t: Translate) => string;
  /** The file's content. */
  write: (file: ExportedFile, text: string, analysis: ArticleAnalysis) => string;
}

export type ExportFormat = 'json' | 'brat' | 'w3c';

/** Version of the CLI's JSON output (`{ version, documents }`). Bump on breaking changes. */
export const JSON_VERSION = 1;

/**
 * Who stands behind an annotation, as every export writes it: `source` ("auto": the analysis; "reader": a correction
 * made or changed it), `verified` (the reader checked it) and, when corrections touched it, their ids and actions.
 */
export function readerFields(m: ReaderMarks) {
  return {
    source: m.source ?? 'auto',
    verified: m.verified ?? false,
    ...(m.corrections?.length ? { corrections: m.corrections.map((c) => ({ ...c })) } : {}),
  };
}

/**
 * One document in the shape of `article-lens analyze --json` (the issue's documented fields, plus `referenceDateSource`,
 * `entitiesSupported`, `notes`, figure `kind`, date `resolvedFrom`, speaker `via`, quote `outer` and `mark`).
 * The single definition used by the CLI and by the export command.
 */
export function toCliDocument(file: string, a: ArticleAnalysis) {
  return {
    file,
    language: a.language,
    referenceDate: a.referenceDate?.value ?? null,
    referenceDateSource: a.referenceDate?.source ?? null,
    entitiesSupported: a.entitiesSupported,
    notes: a.notes,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      ...readerFields(e),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, ...readerFields(m) })),
    })),
    figures: a.figures.map((f) => ({
      start: f.start,
      end: f.end,
      text: f.text,
      value: f.value,
      unit: f.unit,
      kind: f.kind,
      ...readerFields(f),
    })),
    dates: a.dates.map((d) => ({
      start: d.start,
      end: d.end,
      text: d.text,
      kind: d.kind,
      value: d.value,
      resolvedFrom: d.resolvedFrom,
      ...readerFields(d),
    })),
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      scare: q.scare,
      speaker: q.speaker
        ? {
            name: q.speaker.name,
            entityId: q.speaker.entityId,
            start: q.speaker.start,
            end: q.speaker.end,
            via: q.speaker.via,
          }
        : null,
      outer: { start: q.outer.start, end: q.outer.end },
      mark: q.mark,
      ...readerFields(q),
    })),
    verified: a.verified ?? null,
    corrections: a.corrections ?? { applied: [], orphaned: [] },
  };
}

/** `{ version: 1, documents: [ … ] }` exactly as the CLI prints it, pretty-printed. */
export function toCliJson(file: string, a: ArticleAnalysis): string {
  return `${JSON.stringify({ version: JSON_VERSION, documents: [toCliDocument(file, a)] }, null, 2)}\n`;
}

/**
 * Maps UTF-16 offsets to Unicode code-point offsets for one text. Built once (linear), then O(log n) per lookup.
 */
export function codePointMapper(text: string): (utf16: number) => number {
  const astral: number[] = []; // UTF-16 index of the low surrogate of each astral character
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        astral.push(i + 1);
        i++;
      }
    }
  }
  if (astral.length === 0) return (o) => o;
  return (o) => {
    // Count low surrogates strictly before o.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return o - lo;
  };
}

/**
 * Characters that end a line for the tools that read `.ann` files: brat and its Python tooling split with
 * `str.splitlines()`, which also breaks at VT, FF, the file/group/record separators, NEL (U+0085) and the Unicode
 * line and paragraph separators, not only at CR and LF.
 */
const LINE_BREAK = /[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/;
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+/g;

/** Splits a span at line breaks into non-empty fragments (brat fragments cannot contain line breaks). */
function fragments(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let s = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || LINE_BREAK.test(text[i])) {
      // Trim surrounding white space so each fragment starts and ends on text.
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push({ start: a, end: b });
      s = i + 1;
    }
  }
  return out;
}

/** One `.ann` field: tabs (the field separator) and every line break become spaces. */
function oneLine(s: string): string {
  return s.replace(LINE_BREAKS_AND_TABS, ' ');
}

/**
 * brat standoff annotations: `T` lines for entity mentions, dates, figures, quotes and speakers; `R` lines
 * linking a quote to its speaker (`SaidBy`); `#` AnnotatorNotes with entity ids/names, date values, figure values.
 * Multi-line spans become discontinuous fragments (`start end;start end`).
 */
export function toBrat(text: string, a: ArticleAnalysis): string {
  const cp = codePointMapper(text);
  const lines: string[] = [];
  let t = 0;
  let n = 0;
  let r = 0;
  let attr = 0;
  /** brat binary attributes: `Reader` (a correction made or changed it), `Verified` (the reader checked it). */
  const mark = (id: string | null, m: ReaderMarks): void => {
    if (!id) return;
    if (m.source === 'reader') lines.push(`A${++attr}\tReader ${id}`);
    if (m.verified) lines.push(`A${++attr}\tVerified ${id}`);
  };
  const add = (type: string, span: Span, note?: string): string | null => {
    const frags = fragments(text, span);
    if (frags.length === 0) return null;
    const id = `T${++t}`;
    const offs = frags.map((f) => `${cp(f.start)} ${cp(f.end)}`).join(';');
    const covered = frags.map((f) => text.slice(f.start, f.end)).join(' ');
    lines.push(`${id}\t${type} ${offs}\t${oneLine(covered)}`);
    if (note) lines.push(`#${++n}\tAnnotatorNotes ${id}\t${oneLine(note)}`);
    return id;
  };
  for (const e of a.entities) {
    for (const m of e.mentions) {
      const id = add(LAYER_INFO[e.type].bratType, m, `${e.id}: ${e.name}`);
      mark(id, {
        source: e.source === 'reader' || m.source === 'reader' ? 'reader' : 'auto',
        verified: !!(e.verified || m.verified),
      });
    }
  }
  for (const d of a.dates) mark(add(LAYER_INFO.date.bratType, d, d.value ? `${d.kind}: ${d.value}` : d.kind), d);
  for (const f of a.figures)
    mark(add(LAYER_INFO.figure.bratType, f, `${f.kind}: ${f.value}${f.unit ? ` ${f.unit}` : ''}`), f);
  for (const q of a.quotes) {
    const qid = add(LAYER_INFO.quote.bratType, q, q.scare ? 'scare quote' : undefined);
    mark(qid, q);
    if (qid && q.speaker && q.speaker.end > q.speaker.start) {
      const sid = add(LAYER_INFO.speaker.bratType, q.speaker, `${q.speaker.via}: ${q.speaker.name}`);
      if (sid) lines.push(`R${++r}\tSaidBy Arg1:${qid} Arg2:${sid}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** An agent of the W3C model: the analysis software, or the reader (a person). */
export type WebAgent = { type: 'Software'; name: string; homepage?: string } | { type: 'Person'; name: string };

/** The software that makes the automatic annotations (and generates every export). */
export const SOFTWARE_AGENT: WebAgent = { type: 'Software', name: 'Article Lens' };

/**
 * W3C motivations used: `identifying` (an entity mention), `classifying` (a date, figure or quote found by the
 * analysis), `editing` (an annotation the reader made or changed: a correction of the analysis) and `assessing`
 * (an automatic annotation the reader checked).
 */
export type WebMotivation = 'identifying' | 'classifying' | 'editing' | 'assessing';

/** One W3C Web Annotation. */
export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: WebMotivation;
  creator: WebAgent;
  /** When the reader made the change or the check (ISO-8601), when known. */
  created?: string;
  body: { type: 'TextualBody'; value: string; purpose: string; format?: string; creator?: WebAgent }[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

/**
 * A W3C Web Annotation collection (JSON-LD) for one article at `source` (a URI). Each entity mention, date,
 * figure, quote and speaker attribution is one annotation with both a quote and a position selector.
 */
export function toWebAnnotation(text: string, a: ArticleAnalysis, source: string) {
  const cp = codePointMapper(text);
  const items: WebAnnotation[] = [];
  const ctx = 32;
  /** The reader who made the latest correction (or check) of an annotation. */
  const reader = (marks: ReaderMarks): { creator: WebAgent; created?: string } => {
    const last = marks.corrections?.[marks.corrections.length - 1];
    const out: { creator: WebAgent; created?: string } = { creator: { type: 'Person', name: last?.by ?? 'reader' } };
    if (last?.at) out.created = last.at;
    return out;
  };
  const push = (span: Span, auto: WebMotivation, bodies: [string, string][], marks: ReaderMarks) => {
    const body: WebAnnotation['body'] = bodies.map(([purpose, value]) => ({
      type: 'TextualBody',
      value,
      purpose,
      format: 'text/plain',
    }));
    let who: { creator: WebAgent; created?: string } = { creator: SOFTWARE_AGENT };
    let motivation = auto;
    if (marks.source === 'reader') {
      motivation = 'editing';
      who = reader(marks);
    } else if (marks.verified) {
      // Made by the software, checked by the reader: the check is a body of its own, by the reader.
      motivation = 'assessing';
      const { creator, created } = reader(marks);
      body.push({ type: 'TextualBody', value: 'verified', purpose: 'assessing', format: 'text/plain', creator });
      if (created) who = { creator: SOFTWARE_AGENT, created };
    }
    items.push({
      id: `${source}#annotation-${items.length + 1}`,
      type: 'Annotation',
      motivation,
      ...who,
      body,
      target: {
        source,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(span.start, span.end),
            prefix: text.slice(Math.max(0, span.start - ctx), span.start),
            suffix: text.slice(span.end, span.end + ctx),
          },
          { type: 'TextPositionSelector', start: cp(span.start), end: cp(span.end) },
        ],
      },
    });
  };
  for (const e of a.entities) {
    for (const m of e.mentions) {
      // A mention is the reader's when they changed it or its entity (type, name, merge).
      const marks: ReaderMarks = {
        source: e.source === 'reader' || m.source === 'reader' ? 'reader' : 'auto',
        verified: !!(e.verified || m.verified),
        corrections: [...(e.corrections ?? []), ...(m.corrections ?? [])],
      };
      push(
        m,
        'identifying',
        [
          ['tagging', e.type],
          ['identifying', e.name],
        ],
        marks,
      );
    }
  }
  for (const d of a.dates) {
    push(
      d,
      'classifying',
      [['tagging', 'date'], ...(d.value ? ([['describing', d.value]] as [string, string][]) : [])],
      d,
    );
  }
  for (const f of a.figures) {
    push(
      f,
      'classifying',
      [
        ['tagging', 'figure'],
        ['describing', `${f.value}${f.unit ? ` ${f.unit}` : ''}`],
      ],
      f,
    );
  }
  for (const q of a.quotes) {
    push(
      q,
      'classifying',
      [
        ['tagging', q.scare ? 'scare-quote' : 'quote'],
        ...(q.speaker ? ([['describing', `speaker: ${q.speaker.name}`]] as [string, string][]) : []),
      ],
      q,
    );
  }
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#annotations`,
    type: 'AnnotationCollection',
    label: 'Article Lens annotations',
    generator: SOFTWARE_AGENT,
    total: items.length,
    first: { id: `${source}#page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** Every export format: the command's picker lists them in this order, the CLI's `--format` accepts their keys. */
export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  json: {
    extension: '.json',
    label: (t) => t('JSON (same shape as the command-line tool)'),
    write: (file, _text, a) => toCliJson(file.name, a),
  },
  brat: {
    extension: '.ann',
    label: (t) => t('brat standoff (.ann)'),
    write: (_file, text, a) => toBrat(text, a),
  },
  w3c: {
    extension: '.jsonld',
    label: (t) => t('W3C Web Annotation (JSON-LD)'),
    write: (file, text, a) => `${JSON.stringify(toWebAnnotation(text, a, file.uri), null, 2)}\n`,
  },
};

/** True for the key of an export format (arguments from a command call or the command line are not checked). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && Object.hasOwn(EXPORT_FORMATS, value);
}
