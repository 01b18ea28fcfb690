/**
 * Markdown for hover cards. Pure: strings and core data in, markdown strings out (no vscode: unit-tested).
 * Every piece of article text goes through `escapeMarkdown`, so a hostile article cannot inject links,
 * `command:` URIs, HTML or code spans. Callers must still render with `isTrusted` off and `supportHtml` off.
 */
import { LAYER_INFO, LAYERS, plainEnglish, type Layer, type Translate } from '../core/kinds';
import type { DateMention, Entity, Figure, Quote, ReaderMarks, ReferenceDate } from '../core/types';

/** Words used in the cards, in the UI language (see hoverLabels). */
export interface HoverLabels {
  /** One annotation of each kind ("Person", "Date", "Speaker"). */
  kind: Record<Layer, string>;
  aliases: string;
  mentions: (n: number) => string;
  firstMention: string;
  resolvedExplicit: string;
  resolvedAgainst: (ref: string, source: string) => string;
  unresolved: string;
  noSpeaker: string;
  /** `reader`: set by a correction. */
  via: Record<'named' | 'description' | 'pronoun' | 'continuation' | 'reader', string>;
  attributedBy: string;
  scare: string;
  value: string;
  unit: string;
  dateKinds: Record<DateMention['kind'], string>;
  figureKinds: Record<Figure['kind'], string>;
  referenceSources: Record<ReferenceDate['source'], string>;
  /** What the reader did to an annotation: checked it, made or changed it, and when. */
  reader: { verified: string; changed: string; on: (date: string) => string; by: (who: string) => string };
}

/** The card words through a translator: `vscode.l10n.t` in the extension, `plainEnglish` in the CLI and tests. */
export function hoverLabels(t: Translate): HoverLabels {
  return {
    kind: Object.fromEntries(LAYERS.map((layer) => [layer, LAYER_INFO[layer].label(t)])) as Record<Layer, string>,
    aliases: t('Also called'),
    mentions: (n) => (n === 1 ? t('1 mention') : t('{0} mentions', n)),
    firstMention: t('First mention'),
    resolvedExplicit: t('given explicitly in the text'),
    resolvedAgainst: (ref, source) => t('resolved against {0} ({1})', ref, source),
    unresolved: t('could not be resolved to a calendar date'),
    noSpeaker: t('no speaker found'),
    via: {
      named: t('named at the quote'),
      description: t('by a description'),
      pronoun: t('by a pronoun'),
      continuation: t('continues the previous quote'),
      reader: t('set by the reader'),
    },
    attributedBy: t('attributed by'),
    scare: t('short quoted phrase (scare quote)'),
    value: t('Value'),
    unit: t('unit'),
    dateKinds: {
      date: t('date'),
      relative: t('relative date'),
      duration: t('duration'),
      time: t('time'),
      set: t('recurring'),
    },
    figureKinds: { money: t('money'), percent: t('percentage'), count: t('count'), number: t('number') },
    referenceSources: {
      caller: t('the reference date you set'),
      dateline: t('the dateline'),
      text: t('a date in the text'),
      copyright: t('the copyright line'),
      reader: t("a reader's correction"),
    },
    reader: {
      verified: t('verified'),
      changed: t('set by the reader'),
      on: (date) => t('on {0}', date),
      by: (who) => t('by {0}', who),
    },
  };
}

/** The English card words (the default of every card function). */
export const ENGLISH_HOVER_LABELS: HoverLabels = hoverLabels(plainEnglish);

const MAX_SNIPPET = 240;

/**
 * Escapes text for CommonMark/GFM so that it renders literally: every ASCII punctuation character is
 * backslash-escaped (this breaks links, autolinks such as `http://` and `www.`, emphasis, code spans and
 * HTML tags), line breaks and control characters become spaces, and the result is cut to `max` characters.
 */
export function escapeMarkdown(text: string, max = MAX_SNIPPET): string {
  let s = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ');
  if (s.length > max) s = `${s.slice(0, max)}…`;
  // Lone surrogates would render as garbage; replace them.
  s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** Text around a span, with the span in bold: "…the words **mention** and more…" (all escaped). */
export function contextSnippet(text: string, start: number, end: number, radius = 60): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  // Do not cut through a word at either end when the cut is not at the text boundary.
  let a = from;
  if (a > 0) {
    const ws = text.slice(a, start).search(/\s/);
    if (ws >= 0) a += ws + 1;
  }
  let b = to;
  if (b < text.length) {
    const tail = text.slice(end, b);
    const ws = tail.search(/\s\S*$/);
    if (ws >= 0) b = end + ws;
  }
  const before = escapeMarkdown(text.slice(a, start), radius + 1);
  const mention = escapeMarkdown(text.slice(start, end), 120).trim();
  const after = escapeMarkdown(text.slice(end, b), radius + 1);
  return `${a > 0 ? '…' : ''}${before}**${mention}**${after}${b < text.length ? '…' : ''}`;
}

/**
 * The line saying what the reader did ("✓ verified · set by the reader by Ana on 2024-05-02"), or '' when nothing:
 * the last correction that touched the annotation gives who and when (both escaped: the file is shared).
 */
export function readerLine(marks: ReaderMarks, labels: HoverLabels = ENGLISH_HOVER_LABELS): string {
  const parts: string[] = [];
  if (marks.verified) parts.push(`✓ ${labels.reader.verified}`);
  if (marks.source === 'reader') parts.push(labels.reader.changed);
  if (!parts.length) return '';
  const last = marks.corrections?.[marks.corrections.length - 1];
  const who = last?.by ? ` ${labels.reader.by(escapeMarkdown(last.by, 60))}` : '';
  const when = last?.at && /^\d{4}-\d{2}-\d{2}/.test(last.at) ? ` ${labels.reader.on(last.at.slice(0, 10))}` : '';
  return `_${parts.join(' · ')}${who}${when}_`;
}

/** Hover card of an entity: kind, canonical name, aliases, mention count and the first mention in context. */
export function entityHover(text: string, entity: Entity, labels: HoverLabels = ENGLISH_HOVER_LABELS): string {
  const lines: string[] = [];
  lines.push(`**${labels.kind[entity.type]}** · ${escapeMarkdown(entity.name, 120)}`);
  if (entity.aliases.length > 0) {
    lines.push(
      `${labels.aliases}: ${entity.aliases
        .slice(0, 12)
        .map((a) => escapeMarkdown(a, 80))
        .join(', ')}`,
    );
  }
  lines.push(labels.mentions(entity.mentions.length));
  const first = entity.mentions[0];
  if (first) lines.push(`${labels.firstMention}: ${contextSnippet(text, first.start, first.end)}`);
  const reader = readerLine(entity, labels);
  if (reader) lines.push(reader);
  return lines.join('\n\n');
}

/** Weekday + long date for an ISO `YYYY-MM-DD` value, or null when the value is not a full calendar date. */
export function describeCalendarDate(value: string | null, locale = 'en'): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.getUTCMonth() !== Number(m[2]) - 1) return null;
  try {
    return new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

function formatUtc(d: Date, locale: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
  } catch {
    return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(d);
  }
}

/**
 * A readable form of a TIMEX3-style value: full dates with their weekday ("Monday, August 17, 2020"),
 * months ("August 2020"), dates without a year ("August 17"), bare weekdays ("Monday"); null otherwise
 * (years, durations, unresolved values), where the value speaks for itself.
 */
export function describeDateValue(value: string | null, locale = 'en'): string | null {
  if (!value) return null;
  const full = describeCalendarDate(value, locale);
  if (full) return full;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value))) {
    return formatUtc(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), locale, { month: 'long', year: 'numeric' });
  }
  if ((m = /^XXXX-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value))) {
    // 2000 is a leap year, so 29 February is accepted.
    return formatUtc(new Date(Date.UTC(2000, Number(m[1]) - 1, Number(m[2]))), locale, {
      month: 'long',
      day: 'numeric',
    });
  }
  if ((m = /^XXXX-(0[1-9]|1[0-2])$/.exec(value))) {
    return formatUtc(new Date(Date.UTC(2000, Number(m[1]) - 1, 1)), locale, { month: 'long' });
  }
  if ((m = /^XXXX-WXX-([1-7])$/.exec(value))) {
    // 1 January 2024 was a Monday (ISO weekday 1).
    return formatUtc(new Date(Date.UTC(2024, 0, Number(m[1]))), locale, { weekday: 'long' });
  }
  return null;
}

/** Hover card of a date: kind, ISO value, calendar date with weekday, and what it was resolved against. */
export function dateHover(
  date: DateMention,
  reference: ReferenceDate | null,
  labels: HoverLabels = ENGLISH_HOVER_LABELS,
  locale = 'en',
): string {
  const lines: string[] = [];
  const kind = labels.dateKinds[date.kind] ?? date.kind;
  lines.push(`**${labels.kind.date}** · ${escapeMarkdown(kind)} · ${escapeMarkdown(date.text, 120)}`);
  if (date.value) {
    const cal = describeDateValue(date.value, locale);
    lines.push(`${labels.value}: ${escapeMarkdown(date.value, 60)}${cal ? ` — ${escapeMarkdown(cal, 80)}` : ''}`);
  }
  if (date.resolvedFrom === 'explicit') {
    lines.push(labels.resolvedExplicit);
  } else if (date.resolvedFrom === 'reference' && reference) {
    const source = labels.referenceSources[reference.source] ?? reference.source;
    const where = reference.span ? ` “${escapeMarkdown(reference.span.text, 80)}”` : '';
    lines.push(escapeMarkdownKeepingInserts(labels.resolvedAgainst(reference.value, source)) + where);
  } else if (!date.value || (date.resolvedFrom === 'none' && !describeCalendarDate(date.value, locale))) {
    lines.push(labels.unresolved);
  }
  const reader = readerLine(date, labels);
  if (reader) lines.push(reader);
  return lines.join('\n\n');
}

// Label templates are ours, but the reference value comes from the article: escape the whole sentence.
function escapeMarkdownKeepingInserts(s: string): string {
  return escapeMarkdown(s, 400);
}

/** Hover card of a quote: speaker, how it was attributed (with the attributing words), and the quote itself. */
export function quoteHover(text: string, quote: Quote, labels: HoverLabels = ENGLISH_HOVER_LABELS): string {
  const lines: string[] = [];
  const sp = quote.speaker;
  lines.push(
    `**${labels.kind.quote}** · ${labels.kind.speaker}: ${sp ? `**${escapeMarkdown(sp.name, 120)}**` : `_${labels.noSpeaker}_`}`,
  );
  if (sp) {
    const how = labels.via[sp.via] ?? sp.via;
    const words = sp.end > sp.start ? text.slice(sp.start, sp.end) : '';
    lines.push(words ? `${how} — ${labels.attributedBy} “${escapeMarkdown(words, 120)}”` : how);
  }
  if (quote.scare) lines.push(`_${labels.scare}_`);
  lines.push(`> ${escapeMarkdown(quote.text, 400)}`);
  const reader = readerLine(quote, labels);
  if (reader) lines.push(reader);
  return lines.join('\n\n');
}

/** Hover card of a figure: kind, normalized value and unit. */
export function figureHover(figure: Figure, labels: HoverLabels = ENGLISH_HOVER_LABELS, locale = 'en'): string {
  const kind = labels.figureKinds[figure.kind] ?? figure.kind;
  let value: string;
  try {
    value = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(figure.value);
  } catch {
    value = String(figure.value);
  }
  const unit = figure.unit ? ` ${escapeMarkdown(figure.unit, 60)}` : '';
  const reader = readerLine(figure, labels);
  return [
    `**${labels.kind.figure}** · ${escapeMarkdown(kind)} · ${escapeMarkdown(figure.text, 120)}`,
    `${labels.value}: ${escapeMarkdown(value)}${unit}`,
    ...(reader ? [reader] : []),
  ].join('\n\n');
}
