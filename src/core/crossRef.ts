/**
 * Cross-references between versions of one story (English ↔ English and English ↔ French): which files are one
 * story, the same entities, passages, quotes (with a fidelity check), dates and figures in each version, conflicts,
 * and what only one version has. Pure: analyses in, `CrossRefResult` out (the `xref --json` shape).
 * Called by the CLI `xref` command and the extension's cross-reference view.
 */
import { throwIfAborted } from './abort';
import { KeyedUnionFind, UnionFind } from './unionFind';
import {
  alignComparable,
  alignRewrite,
  alignTranslation,
  looksLikeTranslation,
  weekdayNumber,
  type AlignDoc,
  type AlignPair,
} from './align';
import { between, designates, locateLinks, type LinkReport, type LocatedLink } from './corrections/linkCorrections';
import type { LinkKind, StoryCorrections } from './corrections/model';
import type {
  CrossRefLink,
  CrossRefResult,
  EntityLink,
  EntityLinkItem,
  ManualLink,
  MissingInItem,
  OnlyInItem,
  OnlyInKind,
  SpanLink,
  SpanLinkKind,
  Story,
} from './crossRefTypes';
import { entityKeys, foldName, sameEntityKey } from './entityKeys';
import { foldKey } from './text';
import { groupStories, summarize } from './stories';
import type { ArticleAnalysis, DateMention, Entity, Figure, Quote, Span } from './types';
import { wordDiff, wordTokens } from './wordDiff';

export interface CrossRefDoc {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

export interface CrossRefOptions {
  /** User glossary of term pairs (either direction), used as extra anchors across languages. */
  glossary?: Record<string, string>;
  /** Manual link/unlink overrides for story grouping. */
  manualLinks?: ManualLink[];
  /** Treat all given documents as one story, skipping automatic grouping (e.g. when the user chose them). */
  oneStory?: boolean;
  /**
   * Only cross-reference this file against the other versions of its story (the pairs not involving it are
   * skipped): what the editor needs for the active article. Only-in lists are then given for this file only.
   */
  focus?: string;
  /** Story grouping threshold (see groupStories). */
  storyThreshold?: number;
  /**
   * The reader's link corrections: a rejected link is never made, a confirmed one is marked `confirmed`, a manual one
   * is made even where the aligner found nothing. Entity corrections (merges, splits) are seen through the analyses:
   * pass analyses made with the articles' corrections.
   */
  corrections?: StoryCorrections;
  signal?: AbortSignal;
}

function abortCheck(signal?: AbortSignal): void {
  throwIfAborted(signal, 'Cross-referencing cancelled');
}

const DAY_VALUE = /^(\d{4}|XXXX)-(\d{2})-(\d{2})/;

/** Index of the sentence containing `pos`, or -1. Sentences are sorted and disjoint. */
function sentenceAt(sentences: Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Anchor keys per sentence from the analysis: entity keys, resolved dates, figure values. */
export function sentenceExtras(doc: CrossRefDoc, glossary: Map<string, string> | undefined): string[][] {
  const a = doc.analysis;
  const extra: string[][] = a.sentences.map(() => []);
  for (const e of a.entities) {
    // One concept per entity: its region key, else (people) its surname, else its folded names.
    const keys = entityKeys(e, glossary);
    const geo = keys.filter((k) => k.startsWith('geo:'));
    const surnames =
      e.type === 'person' ? keys.filter((k) => k.startsWith('surname:')).map((k) => `ent:${k.slice(8)}`) : [];
    const anchors = geo.length
      ? geo
      : surnames.length
        ? surnames
        : keys.filter((k) => k.startsWith('name:')).map((k) => `ent:${k.slice(5)}`);
    for (const m of e.mentions) {
      const s = sentenceAt(a.sentences, m.start);
      if (s >= 0) extra[s].push(...anchors);
    }
  }
  for (const d of a.dates) {
    if (!d.value || d.value === 'PRESENT_REF' || /X[MDYW]/.test(d.value)) continue;
    const s = sentenceAt(a.sentences, d.start);
    if (s < 0) continue;
    const md = DAY_VALUE.exec(d.value);
    extra[s].push(`date:${md ? `${md[2]}-${md[3]}` : d.value.replace(/^\d{4}-|^XXXX-/, '')}`);
  }
  for (const f of a.figures) {
    const s = sentenceAt(a.sentences, f.start);
    if (s >= 0 && Number.isFinite(f.value)) extra[s].push(`num:${f.value}`);
  }
  return extra;
}

function glossaryMap(g: Record<string, string> | undefined): Map<string, string> | undefined {
  if (!g) return undefined;
  const m = new Map<string, string>();
  for (const [k, v] of Object.entries(g)) {
    m.set(foldName(k), v);
    m.set(foldName(v), k);
  }
  return m;
}

function side(doc: CrossRefDoc, span: Span): { file: string; start: number; end: number; text: string } {
  return { file: doc.file, start: span.start, end: span.end, text: doc.text.slice(span.start, span.end) };
}

// ---------------------------------------------------------------------------------------------------------------
// Entities.

interface EntRef {
  doc: number;
  entity: Entity;
  keys: string[];
}

/** The entity of `doc` the reader's link end designates: the one with a mention there, else one so named. */
function entityAt(refs: EntRef[], doc: number, span: Span, exact: string): number {
  let overlapping = -1;
  let named = -1;
  const key = foldKey(exact);
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    if (r.doc !== doc) continue;
    for (const m of r.entity.mentions) {
      if (m.start === span.start && m.end === span.end) return i;
      if (overlapping < 0 && m.start < span.end && span.start < m.end) overlapping = i;
    }
    if (named < 0 && (foldKey(r.entity.name) === key || r.entity.aliases.some((a) => foldKey(a) === key))) named = i;
  }
  return overlapping >= 0 ? overlapping : named;
}

/**
 * Entity clusters across the documents of one story (union of pairwise same-entity decisions). The reader's links
 * come first: a confirmed or manual pair is one entity whatever the keys say; a rejected pair is never joined,
 * directly or through a third entity (a cannot-link constraint on the union). A manual link with an end that is not
 * an entity there is a link of its own, with the reader's spans.
 */
function linkEntities(
  docs: CrossRefDoc[],
  glossary: Map<string, string> | undefined,
  verdicts: readonly LocatedLink[] = [],
  report?: LinkReport,
): { links: EntityLink[]; linked: Set<string> } {
  const refs: EntRef[] = [];
  docs.forEach((d, i) => {
    for (const e of d.analysis.entities) refs.push({ doc: i, entity: e, keys: entityKeys(e, glossary) });
  });
  const sets = new UnionFind(refs.length);
  const find = (x: number): number => sets.find(x);
  const tie = new Map<number, string>();
  const rejected: Array<[number, number]> = [];
  const blocked = (ra: number, rb: number): boolean =>
    rejected.some(([p, q]) => {
      const fp = find(p);
      const fq = find(q);
      return (fp === ra && fq === rb) || (fp === rb && fq === ra);
    });
  const marks: Array<{ ref: number; id: string; status: 'confirmed' | 'manual' }> = [];
  const loose: EntityLink[] = [];
  for (const v of verdicts) {
    if (v.link.kind !== 'entity') continue;
    const ia = entityAt(refs, v.a.doc, v.a.span, v.link.a.exact);
    const ib = entityAt(refs, v.b.doc, v.b.span, v.link.b.exact);
    if (v.link.status === 'rejected') {
      if (ia >= 0 && ib >= 0) rejected.push([ia, ib]);
      report?.applied.push({ id: v.link.id, action: 'link', status: ia >= 0 && ib >= 0 ? 'applied' : 'unchanged' });
      continue;
    }
    report?.applied.push({ id: v.link.id, action: 'link', status: 'applied' });
    if (ia >= 0 && ib >= 0) {
      const ra = find(ia);
      const rb = find(ib);
      if (ra !== rb) {
        sets.joinRoots(ra, rb);
        tie.set(ra, tie.get(ra) ?? tie.get(rb) ?? 'manual');
      }
      marks.push({ ref: ia, id: v.link.id, status: v.link.status });
      continue;
    }
    const item = (i: number, end: LocatedLink['a']): EntityLinkItem => {
      const doc = docs[end.doc];
      const span = { start: end.span.start, end: end.span.end, text: doc.text.slice(end.span.start, end.span.end) };
      return i >= 0
        ? { file: doc.file, entityId: refs[i].entity.id, name: refs[i].entity.name, type: refs[i].entity.type, span }
        : { file: doc.file, entityId: '', name: span.text, span };
    };
    const link: EntityLink = {
      kind: 'entity',
      items: [item(ia, v.a), item(ib, v.b)],
      key: 'manual',
      manual: true,
      corrections: [v.link.id],
    };
    if (v.link.status === 'confirmed') link.confirmed = true;
    loose.push(link);
  }
  // Index strong keys and one-word names so that only plausible pairs are compared.
  const byKey = new Map<string, number[]>();
  refs.forEach((r, i) => {
    const own = new Set<string>(r.keys);
    for (const s of [r.entity.name, ...r.entity.aliases]) {
      const f = foldName(s).split(' ');
      own.add(`surname:${f[f.length - 1]}`);
    }
    for (const k of own) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  for (const list of byKey.values()) {
    if (list.length > 200) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = refs[list[x]];
        const b = refs[list[y]];
        if (a.doc === b.doc) continue;
        const ra = find(list[x]);
        const rb = find(list[y]);
        if (ra === rb) continue;
        const k = sameEntityKey(
          { keys: a.keys, name: a.entity.name, aliases: a.entity.aliases, type: a.entity.type },
          { keys: b.keys, name: b.entity.name, aliases: b.entity.aliases, type: b.entity.type },
        );
        if (k && !blocked(ra, rb)) {
          sets.joinRoots(ra, rb);
          tie.set(ra, tie.get(ra) ?? tie.get(rb) ?? k);
        }
      }
    }
  }
  const groups = new Map<number, number[]>();
  refs.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const links: EntityLink[] = [];
  const linked = new Set<string>();
  for (const [root, g] of groups) {
    const docsIn = new Set(g.map((i) => refs[i].doc));
    if (docsIn.size < 2) continue;
    g.sort((x, y) => refs[x].doc - refs[y].doc || x - y);
    const link: EntityLink = {
      kind: 'entity',
      items: g.map((i) => ({
        file: docs[refs[i].doc].file,
        entityId: refs[i].entity.id,
        name: refs[i].entity.name,
        type: refs[i].entity.type,
      })),
    };
    const key = tie.get(root);
    if (key) link.key = key;
    const own = marks.filter((m) => find(m.ref) === root);
    if (own.length) {
      if (own.some((m) => m.status === 'manual')) link.manual = true;
      if (own.some((m) => m.status === 'confirmed')) link.confirmed = true;
      link.corrections = own.map((m) => m.id);
    }
    links.push(link);
    for (const i of g) linked.add(`${refs[i].doc}:${refs[i].entity.id}`);
  }
  for (const l of loose) {
    links.push(l);
    for (const it of l.items) {
      const doc = docs.findIndex((d) => d.file === it.file);
      if (it.entityId) linked.add(`${doc}:${it.entityId}`);
    }
  }
  return { links, linked };
}

// ---------------------------------------------------------------------------------------------------------------
// Passages.

function alignDoc(doc: CrossRefDoc, extra: string[][]): AlignDoc {
  return { text: doc.text, lang: doc.analysis.language, units: doc.analysis.sentences, extra };
}

interface PairAlignment {
  pairs: AlignPair[];
  mode: 'rewrite' | 'comparable' | 'translation';
  /** Sentence index in A → sentence indices in B. */
  aToB: Map<number, number[]>;
}

function alignPair(
  a: CrossRefDoc,
  b: CrossRefDoc,
  ea: string[][],
  eb: string[][],
  options: CrossRefOptions,
): PairAlignment {
  const da = alignDoc(a, ea);
  const db = alignDoc(b, eb);
  const opts = { glossary: options.glossary, signal: options.signal };
  let pairs: AlignPair[];
  let mode: PairAlignment['mode'];
  if (a.analysis.language === b.analysis.language) {
    pairs = alignRewrite(da, db, opts);
    mode = 'rewrite';
  } else {
    const n = da.units.length;
    const m = db.units.length;
    // Only versions with similar numbers of sentences can be translations (looksLikeTranslation asks the same).
    const beads = Math.min(n, m) >= 0.7 * Math.max(n, m) ? alignTranslation(da, db, opts) : [];
    if (beads.length && looksLikeTranslation(da, db, beads)) {
      pairs = beads.filter((p) => p.a.length && p.b.length);
      mode = 'translation';
    } else {
      pairs = alignComparable(da, db, opts);
      mode = 'comparable';
    }
  }
  const aToB = new Map<number, number[]>();
  for (const p of pairs) for (const i of p.a) aToB.set(i, [...(aToB.get(i) ?? []), ...p.b]);
  return { pairs, mode, aToB };
}

function passageLinks(a: CrossRefDoc, b: CrossRefDoc, al: PairAlignment): SpanLink[] {
  const out: SpanLink[] = [];
  const cross = a.analysis.language !== b.analysis.language;
  for (const p of al.pairs) {
    const sa = a.analysis.sentences;
    const sb = b.analysis.sentences;
    const spanA = { start: sa[p.a[0]].start, end: sa[p.a[p.a.length - 1]].end };
    const spanB = { start: sb[p.b[0]].start, end: sb[p.b[p.b.length - 1]].end };
    const link: SpanLink = {
      kind: 'passage',
      a: side(a, spanA),
      b: side(b, spanB),
      score: p.score,
      sentences: { a: p.a, b: p.b },
    };
    if (cross) link.crossLanguage = true;
    else {
      link.reworded = !p.identical;
      link.differences = p.differences ?? [];
    }
    out.push(link);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes.

function speakerKeys(doc: CrossRefDoc, q: Quote): { name: string; keys: string[]; type: Entity['type'] } | null {
  const sp = q.speaker;
  if (!sp || !sp.entityId) return null;
  const e = doc.analysis.entities.find((x) => x.id === sp.entityId);
  if (!e) return null;
  return { name: e.name, keys: entityKeys(e), type: e.type };
}

/** Whether the reader rejected linking this span of A with this span of B. */
type Rejected = (sa: Span, sb: Span) => boolean;

const NONE_REJECTED: Rejected = () => false;

interface PairLinks {
  links: SpanLink[];
  la: Set<number>;
  lb: Set<number>;
  /** Index pairs (in A, in B) that are counterparts (what-is-missing lists read them). */
  pairs: Array<[number, number]>;
}

function quoteLinks(
  a: CrossRefDoc,
  b: CrossRefDoc,
  al: PairAlignment,
  options: CrossRefOptions,
  rejected: Rejected = NONE_REJECTED,
): PairLinks {
  const qa = a.analysis.quotes.map((q, i) => ({ q, i })).filter((x) => !x.q.scare);
  const qb = b.analysis.quotes.map((q, i) => ({ q, i })).filter((x) => !x.q.scare);
  const la = new Set<number>();
  const lb = new Set<number>();
  const links: SpanLink[] = [];
  const counterparts: Array<[number, number]> = [];
  if (!qa.length || !qb.length) return { links, la, lb, pairs: counterparts };
  const cross = a.analysis.language !== b.analysis.language;
  const da: AlignDoc = { text: a.text, lang: a.analysis.language, units: qa.map((x) => x.q) };
  const db: AlignDoc = { text: b.text, lang: b.analysis.language, units: qb.map((x) => x.q) };
  const pairs = cross
    ? alignComparable(da, db, { glossary: options.glossary, threshold: 0.3, signal: options.signal })
    : sameLanguageQuotePairs(
        qa.map((x) => x.q),
        qb.map((x) => x.q),
      );
  for (const p of pairs) {
    const x = qa[p.a[0]];
    const y = qb[p.b[0]];
    if (rejected(x.q, y.q)) continue;
    const ka = speakerKeys(a, x.q);
    const kb = speakerKeys(b, y.q);
    const sameSpeaker =
      !!ka &&
      !!kb &&
      !!sameEntityKey(
        { keys: ka.keys, name: ka.name, aliases: [], type: ka.type },
        { keys: kb.keys, name: kb.name, aliases: [], type: kb.type },
      );
    // Across languages, shared anchors between two short quotes are weak evidence: also require the passages
    // around them to be aligned, or the same speaker.
    if (cross && !sameSpeaker && !aligned(al, a, b, x.q, y.q)) continue;
    const link: SpanLink = { kind: 'quote', a: side(a, x.q), b: side(b, y.q), score: p.score };
    if (cross) link.crossLanguage = true;
    else {
      const d = wordDiff(x.q.text, y.q.text);
      link.reworded = !d.identical;
      link.differences = d.differences;
    }
    link.speakers = { a: x.q.speaker?.name ?? null, b: y.q.speaker?.name ?? null };
    if (ka && kb) {
      if (!sameSpeaker) {
        link.conflict = true;
        link.note = `attributed to ${ka.name} in ${a.file} but to ${kb.name} in ${b.file}`;
      }
    }
    links.push(link);
    la.add(x.i);
    lb.add(y.i);
    counterparts.push([x.i, y.i]);
  }
  return { links, la, lb, pairs: counterparts };
}

/** Minimum share of words kept for two quotes in one language to be the same statement. */
const QUOTE_SIMILARITY = 0.5;

/**
 * Same-language quote pairs by word overlap (LCS share of the longer quote), one-to-one strongest first; then a
 * quote left over whose best partner is already taken still links to it when close enough (a headline repeating
 * part of a quote from the body).
 */
function sameLanguageQuotePairs(qa: Quote[], qb: Quote[]): AlignPair[] {
  const sims: Array<{ i: number; j: number; score: number }> = [];
  // Candidates: quotes sharing a word that is rare among the other version's quotes (an inverted index, so
  // thousands of quotes do not cost all pairs of word diffs).
  const keyOf = (q: Quote): Set<string> => new Set(wordTokens(q.text).map((t) => t.key));
  const wordsB = qb.map(keyOf);
  const index = new Map<string, number[]>();
  wordsB.forEach((ws, j) => ws.forEach((w) => (index.get(w) ?? index.set(w, []).get(w)!).push(j)));
  const cap = Math.max(20, Math.ceil(qb.length * 0.2));
  for (let i = 0; i < qa.length; i++) {
    const cands = new Set<number>();
    for (const w of keyOf(qa[i])) {
      const list = index.get(w);
      if (list && list.length <= cap) for (const j of list) cands.add(j);
    }
    if (cands.size === 0 && qb.length <= cap) for (let j = 0; j < qb.length; j++) cands.add(j);
    for (const j of cands) {
      const sim = wordDiff(qa[i].text, qb[j].text).similarity;
      if (sim >= QUOTE_SIMILARITY) sims.push({ i, j, score: sim });
    }
  }
  const chosen = greedy(sims.slice());
  const usedA = new Set(chosen.map((c) => c.i));
  const usedB = new Set(chosen.map((c) => c.j));
  const bestI = new Map<number, number>();
  const bestJ = new Map<number, number>();
  for (const c of sims) {
    bestI.set(c.i, Math.max(bestI.get(c.i) ?? 0, c.score));
    bestJ.set(c.j, Math.max(bestJ.get(c.j) ?? 0, c.score));
  }
  for (const c of sims) {
    if (usedA.has(c.i) && usedB.has(c.j)) continue;
    const bestForI = !usedA.has(c.i) && c.score >= bestI.get(c.i)!;
    const bestForJ = !usedB.has(c.j) && c.score >= bestJ.get(c.j)!;
    if (bestForI || bestForJ) {
      chosen.push(c);
      usedA.add(c.i);
      usedB.add(c.j);
    }
  }
  return chosen.map((c) => ({ a: [c.i], b: [c.j], score: Math.round(c.score * 1000) / 1000 }));
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and figures.

/** Whether a date value is precise enough to link on equality alone. */
function linkableDate(v: string | null): v is string {
  return !!v && !/_REF$/.test(v) && !/X[MDYW]\b|PX/.test(v) && !/^XXXX-WXX/.test(v);
}

/** Where a mention sits in its article (0..1): versions of a story tell it in roughly the same order. */
function relPos(doc: CrossRefDoc, start: number): number {
  return doc.text.length ? start / doc.text.length : 0;
}

function weekdayOfValue(v: string | null): number {
  const m = /^XXXX-WXX-(\d)/.exec(v ?? '');
  return m ? Number(m[1]) : 0;
}

function weekdayInText(text: string): number {
  for (const w of text.split(/[^\p{L}]+/u)) {
    const n = weekdayNumber(w);
    if (n) return n;
  }
  return 0;
}

/** Same day ignoring an unknown year ("XXXX-06-01" = "2020-06-01"); returns the fuller value. */
function sameDate(x: string, y: string): string | null {
  if (x === y) return x;
  const mx = DAY_VALUE.exec(x);
  const my = DAY_VALUE.exec(y);
  if (mx && my && mx[2] === my[2] && mx[3] === my[3] && (mx[1] === 'XXXX' || my[1] === 'XXXX')) {
    return mx[1] === 'XXXX' ? y : x;
  }
  const px = /^(\d{4}|XXXX)-(\d{2})$/.exec(x);
  const py = /^(\d{4}|XXXX)-(\d{2})$/.exec(y);
  if (px && py && px[2] === py[2] && (px[1] === 'XXXX' || py[1] === 'XXXX')) return px[1] === 'XXXX' ? y : x;
  return null;
}

function aligned(al: PairAlignment, a: CrossRefDoc, b: CrossRefDoc, sa: Span, sb: Span): boolean {
  const i = sentenceAt(a.analysis.sentences, sa.start);
  const j = sentenceAt(b.analysis.sentences, sb.start);
  return i >= 0 && j >= 0 && (al.aToB.get(i) ?? []).includes(j);
}

function greedy<T extends { score: number; i: number; j: number }>(cands: T[]): T[] {
  cands.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const ui = new Set<number>();
  const uj = new Set<number>();
  const out: T[] = [];
  for (const c of cands) {
    if (ui.has(c.i) || uj.has(c.j)) continue;
    ui.add(c.i);
    uj.add(c.j);
    out.push(c);
  }
  return out;
}

function dateLinks(a: CrossRefDoc, b: CrossRefDoc, al: PairAlignment, rejected: Rejected = NONE_REJECTED): PairLinks {
  const da = a.analysis.dates;
  const db = b.analysis.dates;
  const cands: Array<{ i: number; j: number; score: number; resolved?: string; note?: string }> = [];
  const consider = (x: DateMention, y: DateMention, i: number, j: number, swap: boolean): void => {
    // Aligned passages first; among equal candidates, the one at a similar place in the article.
    const [xa, yb] = swap ? [y, x] : [x, y];
    const bonus = (aligned(al, a, b, xa, yb) ? 0.2 : 0) - 0.05 * Math.abs(relPos(a, xa.start) - relPos(b, yb.start));
    if (linkableDate(x.value) && linkableDate(y.value)) {
      const v = sameDate(x.value, y.value);
      if (v) {
        const c = { i: swap ? j : i, j: swap ? i : j, score: 0.8 + bonus } as (typeof cands)[number];
        if (v !== x.value || v !== y.value) c.resolved = v;
        cands.push(c);
      }
      return;
    }
    // A bare weekday ("Monday") resolved by the other version's full date ("Monday 17 August").
    // Only within aligned passages, or between versions in one language: two comparable articles in two
    // languages may well speak of different Mondays.
    const wd = weekdayOfValue(x.value);
    const sameLang = a.analysis.language === b.analysis.language;
    const inPair = bonus > 0;
    if (wd && (inPair || sameLang) && weekdayOfValue(y.value) === wd) {
      cands.push({ i: swap ? j : i, j: swap ? i : j, score: 0.5 + bonus });
      return;
    }
    if (wd && (inPair || sameLang) && y.value && DAY_VALUE.test(y.value) && weekdayInText(y.text) === wd) {
      cands.push({
        i: swap ? j : i,
        j: swap ? i : j,
        score: 0.6 + bonus,
        resolved: y.value,
        note: `"${x.text}" is "${y.text}"`,
      });
    }
  };
  // Only dates that can match are compared: same day/month/value, or the same weekday (bare or written out).
  const keysOf = (d: DateMention): string[] => {
    const keys: string[] = [];
    if (linkableDate(d.value)) {
      const day = DAY_VALUE.exec(d.value);
      const month = /^(?:\d{4}|XXXX)-(\d{2})$/.exec(d.value);
      keys.push(day ? `d:${day[2]}-${day[3]}` : month ? `m:${month[1]}` : `v:${d.value}`);
      if (day) {
        const wd = weekdayInText(d.text);
        if (wd) keys.push(`wd:${wd}`);
      }
    } else {
      const wd = weekdayOfValue(d.value);
      if (wd) keys.push(`wd:${wd}`);
    }
    return keys;
  };
  const index = new Map<string, number[]>();
  db.forEach((d, j) => keysOf(d).forEach((k) => (index.get(k) ?? index.set(k, []).get(k)!).push(j)));
  const tried = new Set<number>();
  for (let i = 0; i < da.length; i++) {
    tried.clear();
    for (const k of keysOf(da[i])) {
      const list = index.get(k);
      if (!list || list.length > MAX_BUCKET) continue;
      for (const j of list) {
        if (tried.has(j)) continue;
        tried.add(j);
        consider(da[i], db[j], i, j, false);
        if (!linkableDate(db[j].value) && weekdayOfValue(db[j].value)) consider(db[j], da[i], j, i, true);
      }
    }
  }
  const links: SpanLink[] = [];
  const kept = cands.filter((c) => !rejected(da[c.i], db[c.j]));
  cands.length = 0;
  cands.push(...kept);
  // Covered (for only-in lists): every date with a counterpart, even when one-to-one linking paired it elsewhere.
  const la = new Set<number>(cands.map((c) => c.i));
  const lb = new Set<number>(cands.map((c) => c.j));
  for (const c of greedy(cands)) {
    const link: SpanLink = {
      kind: 'date',
      a: side(a, da[c.i]),
      b: side(b, db[c.j]),
      score: Math.round(Math.min(1, c.score) * 1000) / 1000,
    };
    if (a.analysis.language !== b.analysis.language) link.crossLanguage = true;
    // A year neither mention gives may come from either version's reference date (a dateline, "© 2020").
    let resolved = c.resolved ?? (da[c.i].value === db[c.j].value ? da[c.i].value : null);
    if (resolved && /^XXXX-\d{2}/.test(resolved)) {
      const year = referenceYear(a) ?? referenceYear(b);
      resolved = year ? `${year}${resolved.slice(4)}` : (c.resolved ?? null);
    }
    if (resolved && (resolved !== da[c.i].value || resolved !== db[c.j].value)) link.resolvedValue = resolved;
    if (c.note) link.note = link.resolvedValue ? `${c.note}: ${link.resolvedValue}` : c.note;
    links.push(link);
  }
  return { links, la, lb, pairs: cands.map((c) => [c.i, c.j] as [number, number]) };
}

function referenceYear(d: CrossRefDoc): string | null {
  const m = /^(\d{4})/.exec(d.analysis.referenceDate?.value ?? '');
  return m ? m[1] : null;
}

/** Dates or figures sharing one key beyond this many are not compared pairwise (hostile input). */
const MAX_BUCKET = 200;

function unitsCompatible(x: Figure, y: Figure, cross: boolean): boolean {
  if (x.kind !== y.kind && x.kind !== 'number' && y.kind !== 'number') return false;
  if (!x.unit || !y.unit || cross) return true;
  return foldName(x.unit) === foldName(y.unit);
}

function figureLinks(a: CrossRefDoc, b: CrossRefDoc, al: PairAlignment, rejected: Rejected = NONE_REJECTED): PairLinks {
  const fa = a.analysis.figures;
  const fb = b.analysis.figures;
  const cross = a.analysis.language !== b.analysis.language;
  const cands: Array<{ i: number; j: number; score: number; conflict: boolean }> = [];
  // Compared: figures with the same value, and figures in aligned passages (possible conflicts).
  const byValue = new Map<number, number[]>();
  const bySentence = new Map<number, number[]>();
  fb.forEach((f, j) => {
    (byValue.get(f.value) ?? byValue.set(f.value, []).get(f.value)!).push(j);
    const sj = sentenceAt(b.analysis.sentences, f.start);
    (bySentence.get(sj) ?? bySentence.set(sj, []).get(sj)!).push(j);
  });
  for (let i = 0; i < fa.length; i++) {
    const same = byValue.get(fa[i].value) ?? [];
    const near = (al.aToB.get(sentenceAt(a.analysis.sentences, fa[i].start)) ?? []).flatMap(
      (sj) => bySentence.get(sj) ?? [],
    );
    for (const j of new Set([...(same.length > MAX_BUCKET ? [] : same), ...near])) {
      const x = fa[i];
      const y = fb[j];
      if (rejected(x, y)) continue;
      const inPair = aligned(al, a, b, x, y);
      if (x.value === y.value)
        cands.push({ i, j, score: (unitsCompatible(x, y, cross) ? 0.8 : 0.6) + (inPair ? 0.2 : 0), conflict: false });
      else if (inPair && x.kind === y.kind && unitsCompatible(x, y, cross) && (x.unit || y.unit)) {
        // Same kind of thing in passages that report the same fact, different number: a conflict.
        cands.push({ i, j, score: 0.5, conflict: true });
      }
    }
  }
  const links: SpanLink[] = [];
  const la = new Set<number>(cands.filter((c) => !c.conflict).map((c) => c.i));
  const lb = new Set<number>(cands.filter((c) => !c.conflict).map((c) => c.j));
  for (const c of greedy(cands)) {
    const x = fa[c.i];
    const y = fb[c.j];
    const link: SpanLink = {
      kind: 'figure',
      a: side(a, x),
      b: side(b, y),
      score: Math.min(1, c.score),
      conflict: c.conflict,
    };
    if (cross) link.crossLanguage = true;
    if (c.conflict) link.note = `${x.text} (${a.file}) vs ${y.text} (${b.file})`;
    else if (x.unit && y.unit && !cross && foldName(x.unit) !== foldName(y.unit))
      link.note = `same number, different unit: ${x.unit} / ${y.unit}`;
    links.push(link);
    la.add(c.i);
    lb.add(c.j);
  }
  return { links, la, lb, pairs: cands.filter((c) => !c.conflict).map((c) => [c.i, c.j] as [number, number]) };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry point.

/** Removes the passage pairs the reader rejected from an alignment (other links then do not lean on them). */
function withoutRejectedPassages(
  al: PairAlignment,
  a: CrossRefDoc,
  b: CrossRefDoc,
  rejected: readonly LocatedLink[],
): PairAlignment {
  if (!rejected.length) return al;
  const spanOf = (doc: CrossRefDoc, idx: number[]): Span => ({
    start: doc.analysis.sentences[idx[0]].start,
    end: doc.analysis.sentences[idx[idx.length - 1]].end,
  });
  const pairs = al.pairs.filter(
    (p) => !p.a.length || !p.b.length || !rejected.some((l) => designates(l, spanOf(a, p.a), spanOf(b, p.b))),
  );
  const aToB = new Map<number, number[]>();
  for (const p of pairs) for (const i of p.a) aToB.set(i, [...(aToB.get(i) ?? []), ...p.b]);
  return { ...al, pairs, aToB };
}

/** The spans of one kind of annotation in a document (what link ends are matched against). */
function spansOf(doc: CrossRefDoc, kind: Exclude<SpanLinkKind, 'passage'>): Span[] {
  return kind === 'quote' ? doc.analysis.quotes : kind === 'date' ? doc.analysis.dates : doc.analysis.figures;
}

/**
 * Confirmed and manual span links between documents x and y: an existing link they designate is marked; otherwise
 * the reader's link is made (score 1), and the annotations it joins count as linked.
 */
function applySpanVerdicts(
  kind: SpanLinkKind,
  links: SpanLink[],
  a: CrossRefDoc,
  b: CrossRefDoc,
  verdicts: readonly LocatedLink[],
  report: LinkReport,
  linked: { la: Set<number>; lb: Set<number>; pairs: Array<[number, number]> } | null,
): void {
  for (const v of verdicts) {
    if (v.link.status === 'rejected') {
      report.applied.push({ id: v.link.id, action: 'link', status: 'applied' });
      continue;
    }
    const found = links.find((l) => designates(v, l.a, l.b));
    if (found) {
      if (v.link.status === 'confirmed') found.confirmed = true;
      found.corrections = [...(found.corrections ?? []), v.link.id];
      report.applied.push({
        id: v.link.id,
        action: 'link',
        status: v.link.status === 'confirmed' ? 'applied' : 'unchanged',
      });
      continue;
    }
    const link: SpanLink = {
      kind,
      a: side(a, v.a.span),
      b: side(b, v.b.span),
      score: 1,
      manual: true,
      corrections: [v.link.id],
    };
    if (v.link.status === 'confirmed') link.confirmed = true;
    if (a.analysis.language !== b.analysis.language) link.crossLanguage = true;
    if (kind !== 'passage' && linked) {
      const ia = spansOf(a, kind).findIndex((s) => s.start < v.a.span.end && v.a.span.start < s.end);
      const ib = spansOf(b, kind).findIndex((s) => s.start < v.b.span.end && v.b.span.start < s.end);
      if (ia >= 0) linked.la.add(ia);
      if (ib >= 0) linked.lb.add(ib);
      if (ia >= 0 && ib >= 0) linked.pairs.push([ia, ib]);
      if (kind === 'quote')
        link.speakers = {
          a: a.analysis.quotes[ia]?.speaker?.name ?? null,
          b: b.analysis.quotes[ib]?.speaker?.name ?? null,
        };
    }
    links.push(link);
    report.applied.push({ id: v.link.id, action: 'link', status: 'applied' });
  }
}

/** Vague date values ("months" = PXM, "now", "tomorrow") are not worth listing as only-in or missing. */
function listableDate(value: string | null): boolean {
  return !!value && !/_REF$|^PX|X[YMDW]$/.test(value);
}

/**
 * For each version, what the other versions of the story have and it does not: clusters of counterparts (entity
 * links; quote, date and figure pairs) are formed over the story, and a cluster missing from a version is listed for
 * it with the versions that have it. With `focus`, only what the focus article lacks (the pairs computed are its own).
 */
function missingIn(
  docs: CrossRefDoc[],
  entityLinks: EntityLink[],
  pairs: Array<{ x: number; y: number; kind: OnlyInKind; pairs: Array<[number, number]> }>,
  focus: string | undefined,
): MissingInItem[] {
  // Union-find over (document, kind, index) keys.
  const cl = new KeyedUnionFind();
  const fileIndex = new Map(docs.map((d, i) => [d.file, i]));
  for (const l of entityLinks) {
    const keys = l.items
      .filter((it) => it.entityId && fileIndex.has(it.file))
      .map((it) => `${fileIndex.get(it.file)}:entity:${it.entityId}`);
    for (let k = 1; k < keys.length; k++) cl.union(keys[0], keys[k]);
  }
  for (const p of pairs) for (const [i, j] of p.pairs) cl.union(`${p.x}:${p.kind}:${i}`, `${p.y}:${p.kind}:${j}`);
  interface Member {
    doc: number;
    kind: OnlyInKind;
    name: string;
    type?: Entity['type'];
    entityId?: string;
    start?: number;
    end?: number;
  }
  const members = new Map<string, Member[]>();
  const add = (key: string, m: Member): void => {
    const root = cl.find(key);
    const list = members.get(root);
    if (list) list.push(m);
    else members.set(root, [m]);
  };
  docs.forEach((d, x) => {
    for (const e of d.analysis.entities)
      add(`${x}:entity:${e.id}`, { doc: x, kind: 'entity', name: e.name, type: e.type, entityId: e.id });
    d.analysis.quotes.forEach((q, i) => {
      if (!q.scare) add(`${x}:quote:${i}`, { doc: x, kind: 'quote', name: q.text, start: q.start, end: q.end });
    });
    d.analysis.figures.forEach((f, i) =>
      add(`${x}:figure:${i}`, { doc: x, kind: 'figure', name: f.text, start: f.start, end: f.end }),
    );
    d.analysis.dates.forEach((dt, i) => {
      if (listableDate(dt.value))
        add(`${x}:date:${i}`, { doc: x, kind: 'date', name: dt.text, start: dt.start, end: dt.end });
    });
  });
  const out: MissingInItem[] = [];
  for (const list of members.values()) {
    const present = [...new Set(list.map((m) => m.doc))].sort((p, q) => p - q);
    if (present.length === docs.length) continue;
    const first = list.filter((m) => m.doc === present[0]).sort((p, q) => (p.start ?? 0) - (q.start ?? 0))[0];
    docs.forEach((d, x) => {
      if (present.includes(x) || (focus !== undefined && d.file !== focus)) return;
      const item: MissingInItem = {
        file: d.file,
        kind: first.kind,
        name: first.name,
        presentIn: present.map((i) => docs[i].file),
      };
      if (first.type) item.type = first.type;
      if (first.entityId) item.entityId = first.entityId;
      if (first.start !== undefined) {
        item.start = first.start;
        item.end = first.end;
      }
      out.push(item);
    });
  }
  const order: Record<OnlyInKind, number> = { entity: 0, quote: 1, figure: 2, date: 3 };
  return out.sort(
    (p, q) =>
      fileIndex.get(p.file)! - fileIndex.get(q.file)! ||
      order[p.kind] - order[q.kind] ||
      fileIndex.get(p.presentIn[0])! - fileIndex.get(q.presentIn[0])! ||
      (p.start ?? 0) - (q.start ?? 0),
  );
}

export interface StoryCrossRef {
  links: CrossRefLink[];
  onlyIn: OnlyInItem[];
  missingIn: MissingInItem[];
  corrections?: LinkReport;
}

/** Cross-references the documents of one story (all given documents; no grouping). */
export function crossReferenceStory(docs: CrossRefDoc[], options: CrossRefOptions = {}): StoryCrossRef {
  const glossary = glossaryMap(options.glossary);
  const report: LinkReport = { applied: [], orphaned: [] };
  const verdicts = locateLinks(docs, options.corrections, report);
  const { links: entityLinks, linked: linkedEntities } = linkEntities(docs, glossary, verdicts, report);
  const extras = docs.map((d) => sentenceExtras(d, glossary));
  const passages: SpanLink[] = [];
  const quotes: SpanLink[] = [];
  const dates: SpanLink[] = [];
  const figures: SpanLink[] = [];
  const linkedQuotes = docs.map(() => new Set<number>());
  const linkedDates = docs.map(() => new Set<number>());
  const linkedFigures = docs.map(() => new Set<number>());
  const counterparts: Array<{ x: number; y: number; kind: OnlyInKind; pairs: Array<[number, number]> }> = [];
  for (let x = 0; x < docs.length; x++) {
    for (let y = x + 1; y < docs.length; y++) {
      abortCheck(options.signal);
      if (options.focus !== undefined && docs[x].file !== options.focus && docs[y].file !== options.focus) continue;
      const a = docs[x];
      const b = docs[y];
      const of = (kind: LinkKind) => between(verdicts, kind, x, y);
      const rejectedOf = (kind: LinkKind): Rejected => {
        const r = of(kind).filter((v) => v.link.status === 'rejected');
        return r.length ? (sa, sb) => r.some((v) => designates(v, sa, sb)) : NONE_REJECTED;
      };
      const al = withoutRejectedPassages(
        alignPair(a, b, extras[x], extras[y], options),
        a,
        b,
        of('passage').filter((v) => v.link.status === 'rejected'),
      );
      const p = passageLinks(a, b, al);
      applySpanVerdicts('passage', p, a, b, of('passage'), report, null);
      passages.push(...p);
      const q = quoteLinks(a, b, al, options, rejectedOf('quote'));
      applySpanVerdicts('quote', q.links, a, b, of('quote'), report, q);
      quotes.push(...q.links);
      q.la.forEach((i) => linkedQuotes[x].add(i));
      q.lb.forEach((i) => linkedQuotes[y].add(i));
      const d = dateLinks(a, b, al, rejectedOf('date'));
      applySpanVerdicts('date', d.links, a, b, of('date'), report, d);
      dates.push(...d.links);
      d.la.forEach((i) => linkedDates[x].add(i));
      d.lb.forEach((i) => linkedDates[y].add(i));
      const f = figureLinks(a, b, al, rejectedOf('figure'));
      applySpanVerdicts('figure', f.links, a, b, of('figure'), report, f);
      figures.push(...f.links);
      f.la.forEach((i) => linkedFigures[x].add(i));
      f.lb.forEach((i) => linkedFigures[y].add(i));
      counterparts.push(
        { x, y, kind: 'quote', pairs: q.pairs },
        { x, y, kind: 'date', pairs: d.pairs },
        { x, y, kind: 'figure', pairs: f.pairs },
      );
    }
  }
  const onlyIn: OnlyInItem[] = [];
  if (docs.length >= 2) {
    docs.forEach((d, x) => {
      if (options.focus !== undefined && d.file !== options.focus) return;
      for (const e of d.analysis.entities) {
        if (!linkedEntities.has(`${x}:${e.id}`))
          onlyIn.push({ file: d.file, kind: 'entity', name: e.name, type: e.type, entityId: e.id });
      }
      d.analysis.quotes.forEach((q, i) => {
        if (!q.scare && !linkedQuotes[x].has(i))
          onlyIn.push({ file: d.file, kind: 'quote', name: q.text, start: q.start, end: q.end });
      });
      d.analysis.figures.forEach((f, i) => {
        if (!linkedFigures[x].has(i))
          onlyIn.push({ file: d.file, kind: 'figure', name: f.text, start: f.start, end: f.end });
      });
      d.analysis.dates.forEach((dt, i) => {
        if (listableDate(dt.value) && !linkedDates[x].has(i)) {
          onlyIn.push({ file: d.file, kind: 'date', name: dt.text, start: dt.start, end: dt.end });
        }
      });
    });
  }
  const focusedEntities =
    options.focus === undefined
      ? entityLinks
      : entityLinks.filter((l) => l.items.some((i) => i.file === options.focus));
  const spanLinks = [...passages, ...quotes, ...dates, ...figures].map(withDocumentedFields);
  const out: StoryCrossRef = {
    links: [...focusedEntities, ...spanLinks],
    onlyIn,
    missingIn: docs.length >= 2 ? missingIn(docs, entityLinks, counterparts, options.focus) : [],
  };
  if (options.corrections) out.corrections = report;
  return out;
}

/**
 * Every span link carries the fields of the documented JSON shape: `conflict` (false unless flagged), `differences`
 * ([] when none were computed) and `reworded` (same language: whether the wording differs; across languages null,
 * since a translation always differs).
 */
function withDocumentedFields(l: SpanLink): SpanLink {
  const sameText = l.a.text.trim() === l.b.text.trim();
  return {
    ...l,
    reworded: l.reworded ?? (l.crossLanguage ? null : !sameText),
    differences: l.differences ?? [],
    conflict: l.conflict ?? false,
  };
}

/**
 * Groups the documents into stories (automatically, under manual overrides, or as one story with `oneStory`)
 * and cross-references the versions inside each story.
 */
export function crossReference(docs: CrossRefDoc[], options: CrossRefOptions = {}): CrossRefResult {
  abortCheck(options.signal);
  let stories: Story[];
  if (options.oneStory) stories = docs.length >= 2 ? [{ files: docs.map((d) => d.file), score: 1, manual: true }] : [];
  else {
    const summaries = docs.map((d) => summarize(d.analysis, d.text, d.file));
    stories = groupStories(summaries, {
      manualLinks: options.manualLinks,
      signal: options.signal,
      ...(options.storyThreshold !== undefined ? { threshold: options.storyThreshold } : {}),
    });
  }
  const byFile = new Map(docs.map((d) => [d.file, d]));
  const links: CrossRefLink[] = [];
  const onlyIn: OnlyInItem[] = [];
  const missing: MissingInItem[] = [];
  const report: LinkReport = { applied: [], orphaned: [] };
  for (const s of stories) {
    if (options.focus !== undefined && !s.files.includes(options.focus)) continue;
    const members = s.files.map((f) => byFile.get(f)).filter((d): d is CrossRefDoc => !!d);
    const r = crossReferenceStory(members, options);
    links.push(...r.links);
    onlyIn.push(...r.onlyIn);
    missing.push(...r.missingIn);
    if (r.corrections) {
      report.applied.push(...r.corrections.applied);
      report.orphaned.push(...r.corrections.orphaned);
    }
  }
  const result: CrossRefResult = { stories, links, onlyIn, missingIn: missing };
  if (options.corrections) result.corrections = report;
  return result;
}
