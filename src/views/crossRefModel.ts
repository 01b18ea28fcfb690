/**
 * Pure translation of a cross-reference result (core/crossRef.ts) into what the editor shows: the
 * Cross-References view model (versions, entities side by side, linked quotes/passages/dates/figures oriented
 * from the active article, conflicts, only-in lists), the counterparts of the annotation under the cursor (hover
 * cards, "Open Counterpart Beside"), an entity's mentions in the other versions (Find All References) and the
 * hover markdown, escaped like views/hoverText.ts. Called by src/features/crossRef*.ts and the unit tests.
 */
import type { CrossRefResult, EntityLink, SpanLink, Story } from '../core/crossRefTypes';
import { KINDS, LAYER_INFO, plainEnglish, type Kind, type Translate } from '../core/kinds';
import type { ArticleAnalysis, EntityType, Span } from '../core/types';
import { escapeMarkdown } from './hoverText';
import { entityMentionAt, spanContains } from './spans';
import type {
  CrossRefModel,
  CrossRefEnd,
  CrossRefEntityCell,
  CrossRefEntityRow,
  CrossRefLabels,
  CrossRefMissing,
  CrossRefOnlyIn,
  CrossRefPair,
  CrossRefPairKind,
  CrossRefVerdict,
  CrossRefVersion,
} from '../shared/crossRefProtocol';

/** One version as the builder needs it: the `file` used in the result, a title, and its analysis if known. */
export interface CrossRefDocInfo {
  uri: string;
  title: string;
  language: string;
  analysis?: ArticleAnalysis;
}

/** The view's words through a translator: `vscode.l10n.t` in the extension, `plainEnglish` in tests. */
export function crossRefLabels(t: Translate): CrossRefLabels {
  return {
    title: t('Cross-References'),
    versions: t('Versions'),
    entities: t('Entities'),
    quotes: LAYER_INFO.quote.plural(t),
    passages: t('Passages'),
    dates: LAYER_INFO.date.plural(t),
    figures: LAYER_INFO.figure.plural(t),
    conflicts: t('Conflicts'),
    onlyIn: t('Only in one version'),
    missingHere: t('Missing here (in the other versions)'),
    // NOTE: {0} is filled in by the view model (the title of each version), not here.
    missingIn: t('Missing in {0} (in the other versions)'),
    presentIn: t('present in'),
    kinds: Object.fromEntries(KINDS.map((k) => [k, LAYER_INFO[k].label(t)])) as Record<Kind, string>,
    identical: t('identical'),
    reworded: t('reworded'),
    translated: t('translated'),
    conflict: t('conflict'),
    score: t('score'),
    manual: t('linked by hand'),
    active: t('this article'),
    missing: '—',
    noArticle: t('Open an article to see its other versions.'),
    noStory: t('No other version of this story was found in the workspace. Use "Link Versions…" to link one by hand.'),
    disabled: t('Cross-references are switched off (articleLens.crossReferences.enabled).'),
    filter: t('Filter'),
    unattributed: t('Unattributed'),
    confirm: t('Confirm link'),
    reject: t('Reject link'),
    linkTo: t('Link to…'),
    confirmed: t('confirmed'),
  };
}

function verdictOf(l: { confirmed?: boolean; manual?: boolean }): CrossRefVerdict {
  return l.manual ? 'manual' : l.confirmed ? 'confirmed' : null;
}

export interface BuildModelOptions {
  /** The active article (a `file` of the result). */
  focus: string;
  /** Its story (null when it has no other version). */
  story: Story | null;
  /** Story score of each other version against the focus. */
  versionScores?: Record<string, number>;
  /** Versions the user linked by hand to the focus. */
  manual?: ReadonlySet<string>;
  labels?: CrossRefLabels;
  status?: string | null;
}

/** An empty model (no article, no story, disabled): only the status or the title is shown. */
export function emptyCrossRefModel(
  focus: string | null,
  title: string,
  labels: CrossRefLabels,
  status: string | null,
): CrossRefModel {
  return {
    focus,
    title,
    status,
    versions: [],
    storyScore: null,
    entities: [],
    quotes: [],
    passages: [],
    dates: [],
    figures: [],
    conflicts: 0,
    onlyIn: [],
    missing: [],
    labels,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A span link oriented so that `a` is the focus side when the focus is one of the two. */
function orient(l: SpanLink, focus: string, titleOf: (uri: string) => string): CrossRefPair {
  const swap = l.b.file === focus && l.a.file !== focus;
  const [a, b] = swap ? [l.b, l.a] : [l.a, l.b];
  const side = (s: typeof a) => ({ uri: s.file, title: titleOf(s.file), start: s.start, end: s.end, text: s.text });
  return {
    kind: l.kind as CrossRefPairKind,
    a: side(a),
    b: side(b),
    score: round(l.score),
    fidelity: l.crossLanguage ? 'translated' : l.reworded ? 'reworded' : 'identical',
    differences: (l.differences ?? []).map((d) => (swap ? { a: d.b, b: d.a } : { a: d.a, b: d.b })),
    conflict: !!l.conflict,
    note: l.note ?? null,
    speakers: l.speakers ? (swap ? { a: l.speakers.b, b: l.speakers.a } : { ...l.speakers }) : null,
    resolvedValue: l.resolvedValue ?? null,
    verdict: verdictOf(l),
  };
}

function entityNumber(id: string): number {
  const n = Number(id.replace(/^\D+/, ''));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** Builds the Cross-References view model for the focus article's story. */
export function buildCrossRefModel(
  result: CrossRefResult,
  docs: CrossRefDocInfo[],
  options: BuildModelOptions,
): CrossRefModel {
  const labels = options.labels ?? crossRefLabels(plainEnglish);
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const titleOf = (uri: string) => byUri.get(uri)?.title ?? uri.split('/').pop() ?? uri;
  const focusDoc = byUri.get(options.focus);
  const model = emptyCrossRefModel(
    options.focus,
    focusDoc?.title ?? titleOf(options.focus),
    labels,
    options.status ?? null,
  );
  const story = options.story;
  if (!story || story.files.length < 2 || !story.files.includes(options.focus)) return model;
  model.storyScore = round(story.score);

  // The active article first, then the other versions, closest first.
  const scoreOf = (f: string) => options.versionScores?.[f] ?? story.score;
  const others = story.files.filter((f) => f !== options.focus);
  others.sort((x, y) => scoreOf(y) - scoreOf(x) || others.indexOf(x) - others.indexOf(y));
  const order = [options.focus, ...others];
  const column = new Map(order.map((f, i) => [f, i]));
  model.versions = order.map((uri): CrossRefVersion => ({
    uri,
    title: titleOf(uri),
    language: byUri.get(uri)?.language ?? '',
    focus: uri === options.focus,
    score: uri === options.focus ? null : round(scoreOf(uri)),
    manual: options.manual?.has(uri) ?? false,
  }));

  // Entities side by side: one row per link, the focus article's entities first in their order of appearance.
  const entityOf = (uri: string, id: string) => byUri.get(uri)?.analysis?.entities.find((e) => e.id === id);
  const rows: Array<CrossRefEntityRow & { sortKey: number }> = [];
  for (const link of result.links) {
    if (link.kind !== 'entity') continue;
    const cells: Array<CrossRefEntityCell | null> = order.map(() => null);
    let type: EntityType | null = null;
    for (const item of (link as EntityLink).items) {
      const col = column.get(item.file);
      if (col === undefined || cells[col]) continue;
      const e = entityOf(item.file, item.entityId);
      cells[col] = {
        uri: item.file,
        entityId: item.entityId,
        name: item.name,
        count: e?.mentions.length ?? 0,
        first: e?.mentions[0] ? { start: e.mentions[0].start, end: e.mentions[0].end } : null,
      };
      type ??= item.type ?? e?.type ?? null;
    }
    if (cells.filter(Boolean).length < 2) continue;
    const name = (cells[0] ?? cells.find(Boolean))!.name;
    rows.push({
      type,
      name,
      cells,
      verdict: verdictOf(link),
      sortKey: cells[0] ? entityNumber(cells[0].entityId) : Number.MAX_SAFE_INTEGER,
    });
  }
  rows.sort((x, y) => x.sortKey - y.sortKey || x.name.localeCompare(y.name));
  model.entities = rows.map(({ sortKey: _k, ...row }) => row);

  const pairs: CrossRefPair[] = [];
  for (const link of result.links) {
    if (link.kind === 'entity') continue;
    const l = link as SpanLink;
    if (!column.has(l.a.file) || !column.has(l.b.file)) continue;
    pairs.push(orient(l, options.focus, titleOf));
  }
  const byPosition = (x: CrossRefPair, y: CrossRefPair) =>
    column.get(x.a.uri)! - column.get(y.a.uri)! || x.a.start - y.a.start || column.get(x.b.uri)! - column.get(y.b.uri)!;
  pairs.sort(byPosition);
  model.quotes = pairs.filter((p) => p.kind === 'quote');
  model.passages = pairs.filter((p) => p.kind === 'passage');
  model.dates = pairs.filter((p) => p.kind === 'date');
  model.figures = pairs.filter((p) => p.kind === 'figure');
  model.conflicts = pairs.filter((p) => p.conflict).length;
  model.onlyIn = result.onlyIn
    .filter((o) => column.has(o.file))
    .map((o): CrossRefOnlyIn => ({
      uri: o.file,
      title: titleOf(o.file),
      kind: o.kind,
      name: o.name,
      type: o.type ?? null,
      span:
        o.start !== undefined && o.end !== undefined
          ? { start: o.start, end: o.end }
          : o.entityId
            ? (() => {
                const m = entityOf(o.file, o.entityId!)?.mentions[0];
                return m ? { start: m.start, end: m.end } : null;
              })()
            : null,
    }))
    .sort((x, y) => column.get(x.uri)! - column.get(y.uri)! || (x.span?.start ?? 0) - (y.span?.start ?? 0));
  model.missing = missingSections(result, order, titleOf, entityOf, labels);
  return model;
}

/** One section per version that lacks something (in the view's version order), its items in the result's order. */
function missingSections(
  result: CrossRefResult,
  order: readonly string[],
  titleOf: (uri: string) => string,
  entityOf: (uri: string, id: string) => { mentions: Span[] } | undefined,
  labels: CrossRefLabels,
): CrossRefMissing[] {
  const known = new Set(order);
  return order.flatMap((uri, i): CrossRefMissing[] => {
    const items = (result.missingIn ?? [])
      .filter((m) => m.file === uri && m.presentIn.length > 0 && m.presentIn.every((f) => known.has(f)))
      .map((m) => {
        const at = m.presentIn[0];
        const first = m.entityId ? entityOf(at, m.entityId)?.mentions[0] : undefined;
        const span =
          m.start !== undefined && m.end !== undefined
            ? { start: m.start, end: m.end }
            : first
              ? { start: first.start, end: first.end }
              : null;
        return {
          kind: m.kind,
          kindLabel: labels.kinds[m.kind === 'entity' ? (m.type ?? 'person') : m.kind],
          name: m.name,
          type: m.type ?? null,
          presentIn: m.presentIn.map((f) => ({ uri: f, title: titleOf(f) })),
          where: span ? { uri: at, span } : null,
        };
      });
    if (!items.length) return [];
    const title = titleOf(uri);
    const heading = i === 0 ? labels.missingHere : labels.missingIn.split('{0}').join(title);
    return [{ uri, title, focus: i === 0, heading, items }];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Counterparts of the annotation under the cursor.

export type CounterpartKind = 'entity' | 'quote' | 'date' | 'figure' | 'passage';

/** The same thing in another version. */
export interface Counterpart extends Span {
  uri: string;
  title: string;
  /** The other version's wording (entity name, quote, date or figure text, passage). */
  text: string;
  score?: number;
  fidelity?: CrossRefPair['fidelity'];
  differences?: CrossRefPair['differences'];
  conflict?: boolean;
  note?: string | null;
}

/** What is under the cursor in the focus article and its counterparts in the other versions. */
export interface CounterpartGroup {
  kind: CounterpartKind;
  /** The annotation in the focus article. */
  span: Span;
  /** Entities: the focus article's entity id. */
  entityId?: string;
  items: Counterpart[];
}

/** Span links of `kind` whose focus side contains `offset`, grouped by the focus-side span (smallest first). */
function spanGroups(
  result: CrossRefResult,
  focus: string,
  kind: CrossRefPairKind,
  offset: number,
  titleOf: (u: string) => string,
): CounterpartGroup[] {
  const groups = new Map<string, CounterpartGroup>();
  for (const link of result.links) {
    if (link.kind !== kind) continue;
    const p = orient(link as SpanLink, focus, titleOf);
    if (p.a.uri !== focus || !spanContains(p.a, offset)) continue;
    const key = `${p.a.start}:${p.a.end}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, span: { start: p.a.start, end: p.a.end }, items: [] }));
    g.items.push({
      uri: p.b.uri,
      title: p.b.title,
      start: p.b.start,
      end: p.b.end,
      text: p.b.text,
      score: p.score,
      fidelity: p.fidelity,
      differences: p.differences,
      conflict: p.conflict,
      note: p.note,
    });
  }
  const out = [...groups.values()].sort((x, y) => x.span.end - x.span.start - (y.span.end - y.span.start));
  for (const g of out) g.items.sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
  return out;
}

/**
 * Counterparts of what is at `offset` in the focus article: the entity (or, when no entity is there, the date or
 * figure) and the enclosing quote, each with its counterparts in the other versions. Passages are asked for
 * separately with `passageCounterparts`. Empty when nothing there is linked.
 */
export function counterpartsAt(
  result: CrossRefResult,
  focus: string,
  analysis: ArticleAnalysis,
  offset: number,
  docs: CrossRefDocInfo[],
): CounterpartGroup[] {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const titleOf = (uri: string) => byUri.get(uri)?.title ?? uri.split('/').pop() ?? uri;
  const out: CounterpartGroup[] = [];
  const mention = entityMentionAt(analysis, offset);
  const ent = mention && { id: mention.entity.id, span: mention.span };
  if (ent) {
    const items: Counterpart[] = [];
    for (const link of result.links) {
      if (link.kind !== 'entity') continue;
      const items0 = (link as EntityLink).items;
      if (!items0.some((i) => i.file === focus && i.entityId === ent.id)) continue;
      for (const i of items0) {
        if (i.file === focus || items.some((x) => x.uri === i.file && x.text === i.name)) continue;
        const m = byUri.get(i.file)?.analysis?.entities.find((e) => e.id === i.entityId)?.mentions[0];
        items.push({ uri: i.file, title: titleOf(i.file), text: i.name, start: m?.start ?? 0, end: m?.end ?? 0 });
      }
    }
    if (items.length) out.push({ kind: 'entity', span: ent.span, entityId: ent.id, items });
  } else {
    const date = spanGroups(result, focus, 'date', offset, titleOf)[0];
    const figure = date ? undefined : spanGroups(result, focus, 'figure', offset, titleOf)[0];
    if (date) out.push(date);
    else if (figure) out.push(figure);
  }
  const quote = spanGroups(result, focus, 'quote', offset, titleOf)[0];
  if (quote) out.push(quote);
  return out;
}

/** The passages linked to the focus passage (sentence) at `offset`, best first. */
export function passageCounterparts(
  result: CrossRefResult,
  focus: string,
  offset: number,
  docs: CrossRefDocInfo[],
): Counterpart[] {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const titleOf = (uri: string) => byUri.get(uri)?.title ?? uri.split('/').pop() ?? uri;
  const groups = spanGroups(result, focus, 'passage', offset, titleOf);
  return groups.flatMap((g) => g.items).sort((x, y) => (y.score ?? 0) - (x.score ?? 0));
}

/** Mentions, in the other versions, of the focus article's entity `entityId` (Find All References across files). */
export function entityMentionsElsewhere(
  result: CrossRefResult,
  focus: string,
  entityId: string,
  docs: CrossRefDocInfo[],
): Array<{ uri: string } & Span> {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const out: Array<{ uri: string } & Span> = [];
  const seen = new Set<string>();
  for (const link of result.links) {
    if (link.kind !== 'entity') continue;
    const items = (link as EntityLink).items;
    if (!items.some((i) => i.file === focus && i.entityId === entityId)) continue;
    for (const i of items) {
      if (i.file === focus || seen.has(`${i.file}#${i.entityId}`)) continue;
      seen.add(`${i.file}#${i.entityId}`);
      const e = byUri.get(i.file)?.analysis?.entities.find((x) => x.id === i.entityId);
      for (const m of e?.mentions ?? []) out.push({ uri: i.file, start: m.start, end: m.end });
    }
  }
  return out;
}

/** Localizable words of the counterpart hover. */
export interface CounterpartLabels {
  inOtherVersions: string;
  reworded: string;
  identical: string;
  translated: string;
  conflict: string;
}

export function counterpartLabels(t: Translate): CounterpartLabels {
  return {
    inOtherVersions: t('In other versions'),
    reworded: t('reworded'),
    identical: t('identical'),
    translated: t('translated'),
    conflict: t('conflict'),
  };
}

/**
 * Markdown for the counterpart part of a hover: "**In other versions:**" and one line per counterpart (its
 * wording, fidelity, word differences, and the file). Every piece of article text and every file name is escaped
 * with `escapeMarkdown`, so the result is inert however hostile the articles are.
 */
export function counterpartsMarkdown(
  groups: CounterpartGroup[],
  labels: CounterpartLabels = counterpartLabels(plainEnglish),
): string {
  const lines: string[] = [];
  for (const g of groups) {
    for (const c of g.items.slice(0, 8)) {
      let line = `- ${escapeMarkdown(c.text, g.kind === 'quote' ? 160 : 100)}`;
      if (g.kind === 'quote' && c.fidelity) {
        line += ` · *${labels[c.fidelity]}*`;
        const diffs = (c.differences ?? [])
          .slice(0, 4)
          .map((d) => `${escapeMarkdown(d.a || '∅', 40)} → ${escapeMarkdown(d.b || '∅', 40)}`);
        if (c.fidelity === 'reworded' && diffs.length) line += ` (${diffs.join('; ')})`;
      }
      if (c.conflict) line += ` · **${labels.conflict}**${c.note ? `: ${escapeMarkdown(c.note, 120)}` : ''}`;
      line += ` — ${escapeMarkdown(c.title, 80)}`;
      lines.push(line);
    }
  }
  return lines.length ? `**${escapeMarkdown(labels.inOtherVersions, 60)}:**\n\n${lines.join('\n')}` : '';
}

// ---------------------------------------------------------------------------------------------------------------
// The view's buttons: what a message from the webview may ask for.

/** A link command to run for a button of the view: a verdict on a link it shows, or a link made from one end. */
export type CrossRefLinkRequest =
  | { verdict: 'confirmed' | 'rejected'; args: { kind: 'entity' | CrossRefPairKind; a: CrossRefEnd; b: CrossRefEnd } }
  | { verdict: 'manual'; args: { kind: 'entity' | 'quote' | 'figure' | 'date'; a: CrossRefEnd } };

function endOf(raw: unknown): CrossRefEnd | undefined {
  const e = raw as Partial<CrossRefEnd> | null | undefined;
  if (
    !e ||
    typeof e !== 'object' ||
    typeof e.uri !== 'string' ||
    !Number.isInteger(e.start) ||
    !Number.isInteger(e.end)
  )
    return undefined;
  return { uri: e.uri, start: e.start!, end: e.end! };
}

const sameEnd = (x: CrossRefEnd, uri: string, span: Span | null | undefined): boolean =>
  !!span && x.uri === uri && x.start === span.start && x.end === span.end;

/**
 * The command a `linkVerdict` or `linkTo` message asks for, or undefined when it does not name a link, or an item of
 * one version only, that `model` shows: a webview message is never trusted.
 */
export function linkRequest(
  model: CrossRefModel,
  msg: { type?: unknown; verdict?: unknown; kind?: unknown; a?: unknown; b?: unknown; end?: unknown },
): CrossRefLinkRequest | undefined {
  if (msg.type === 'linkTo') {
    const end = endOf(msg.end);
    const kind = msg.kind;
    if (!end || (kind !== 'entity' && kind !== 'quote' && kind !== 'figure' && kind !== 'date')) return undefined;
    const shown =
      model.onlyIn.some((o) => o.kind === kind && sameEnd(end, o.uri, o.span)) ||
      model.missing.some((v) =>
        v.items.some((x) => x.kind === kind && !!x.where && sameEnd(end, x.where.uri, x.where.span)),
      );
    return shown ? { verdict: 'manual', args: { kind, a: end } } : undefined;
  }
  if (msg.type !== 'linkVerdict' || (msg.verdict !== 'confirmed' && msg.verdict !== 'rejected')) return undefined;
  const a = endOf(msg.a);
  const b = endOf(msg.b);
  if (!a || !b) return undefined;
  const matchesPair = (p: CrossRefPair) =>
    (sameEnd(a, p.a.uri, p.a) && sameEnd(b, p.b.uri, p.b)) || (sameEnd(a, p.b.uri, p.b) && sameEnd(b, p.a.uri, p.a));
  const lists: Record<CrossRefPairKind, CrossRefPair[]> = {
    passage: model.passages,
    quote: model.quotes,
    date: model.dates,
    figure: model.figures,
  };
  let shown = false;
  if (msg.kind === 'entity') {
    const cellAt = (row: CrossRefEntityRow, e: CrossRefEnd) =>
      row.cells.findIndex((c) => !!c && sameEnd(e, c.uri, c.first));
    shown = model.entities.some((row) => {
      const i = cellAt(row, a);
      const j = cellAt(row, b);
      return i >= 0 && j >= 0 && i !== j;
    });
  } else if (typeof msg.kind === 'string' && Object.hasOwn(lists, msg.kind)) {
    shown = lists[msg.kind as CrossRefPairKind].some(matchesPair);
  }
  return shown ? { verdict: msg.verdict, args: { kind: msg.kind as 'entity' | CrossRefPairKind, a, b } } : undefined;
}
