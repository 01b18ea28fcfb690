/**
 * Sentence alignment between two versions of a story.
 * - `alignRewrite`: same language (a rewrite): near-1:1 pairs by shared words, each with word differences.
 * - `alignComparable`: across languages for comparable (not translated) news: pairs anchored on what survives
 *   translation — names, region codes, numbers, dates, weekdays/months, cognates and an optional glossary.
 * - `alignTranslation`: across languages for true translations: a Gale–Church style length model plus the same
 *   anchors, by dynamic programming over 1:1, 1:0, 0:1, 2:1, 1:2 and 2:2 beads.
 * Called by crossRef.ts and by scripts/eval/align.ts. Pure: strings and spans in, index pairs out.
 */
import { throwIfAborted } from './abort';
import { GAZETTEER_MAX_WORDS, regionCode } from './entityKeys';
import type { Span } from './types';
import { diffTokens, foldWord, wordTokens, type WordToken } from './wordDiff';
import type { WordDifference } from './crossRefTypes';

/** One side of an alignment: the text, its language and the units (sentences or lines) to align. */
export interface AlignDoc {
  text: string;
  lang: string;
  units: Span[];
  /** Extra anchor keys per unit from the analysis (entity keys "geo:US", dates "date:2020-08-17", figures "num:1500"). */
  extra?: string[][];
}

export interface AlignOptions {
  /** Term pairs in either direction ("gouvernement": "government"); folded before use. */
  glossary?: Record<string, string>;
  /** Minimum score for a pair (comparable/rewrite modes). */
  threshold?: number;
  /** Minimum number of distinct shared anchors for a pair (comparable/rewrite modes; default 2). */
  minShared?: number;
  signal?: AbortSignal;
}

/** A bead: unit indices on each side (either may be empty for 1:0 / 0:1) and its anchor score 0..1. */
export interface AlignPair {
  a: number[];
  b: number[];
  score: number;
  differences?: WordDifference[];
  identical?: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Generic tables: function words, weekdays and months (EN + FR).

const STOP = new Set(
  // English
  (
    'a an the and or but if of to in on at by for from with without within into onto over under about after before ' +
    'as is are was were be been being am has have had having do does did done will would shall should can could may ' +
    "might must not no nor so than that this these those there here then thus it its it's he she they them their his " +
    'her hers him we us our you your i me my mine who whom whose which what when where why how also too very just ' +
    'all any some such each other more most much many few only own same both either neither one ' +
    'said says say told according while still already even now up out off again further once ' +
    // French
    'le la les l un une des du de d et ou mais si à a au aux en dans sur sous par pour avec sans chez vers entre ' +
    'est sont était étaient être été a ont avait avaient avoir eu fait faire sera seront serait seraient peut ' +
    'ne pas plus moins très aussi encore déjà ce cet cette ces ça cela celui celle ceux celles qui que qu quoi dont ' +
    'où il elle ils elles on nous vous je j me m te t se s lui leur leurs son sa ses mon ma mes ton ta tes notre nos ' +
    'votre vos y comme lors alors donc ainsi tout tous toute toutes même autre autres selon depuis pendant après ' +
    'avant contre dit déclaré a-t-il a-t-elle n c'
  )
    .split(/\s+/)
    .map(foldWord),
);

/** Function word in English or French (folded). */
export function isStopWord(folded: string): boolean {
  return STOP.has(folded);
}

/** Folded name → 1-based position, for lists of [English, French] names. */
function numberTable(rows: string[][]): Readonly<Record<string, number>> {
  const out: Record<string, number> = {};
  rows.forEach((names, i) => names.forEach((n) => (out[n] = i + 1)));
  return Object.freeze(out);
}

const WEEKDAYS = numberTable([
  ['monday', 'lundi'],
  ['tuesday', 'mardi'],
  ['wednesday', 'mercredi'],
  ['thursday', 'jeudi'],
  ['friday', 'vendredi'],
  ['saturday', 'samedi'],
  ['sunday', 'dimanche'],
]);
const MONTHS = numberTable([
  ['january', 'janvier'],
  ['february', 'fevrier'],
  ['march', 'mars'],
  ['april', 'avril'],
  ['may', 'mai'],
  ['june', 'juin'],
  ['july', 'juillet'],
  ['august', 'aout'],
  ['september', 'septembre'],
  ['october', 'octobre'],
  ['november', 'novembre'],
  ['december', 'decembre'],
]);

/** 1 (Monday) … 7 (Sunday) for an English or French weekday name, else 0. */
export function weekdayNumber(word: string): number {
  return WEEKDAYS[foldWord(word)] ?? 0;
}
/** 1 … 12 for an English or French month name, else 0. */
export function monthNumber(word: string): number {
  return MONTHS[foldWord(word)] ?? 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Features.

/** Strips French elision ("l'application" → "application") and English possessive ("TikTok's" → "tiktok"). */
function contentKey(key: string): string {
  return key.replace(/^(?:l|d|qu|n|s|j|c|m|t|jusqu|lorsqu|puisqu)'/, '').replace(/'s$/, '');
}

/** Normalises a written number: "1,500" / "1 500" / "1.500" → "1500", "2,5" → "2.5". */
export function normalizeNumber(s: string): string {
  const t = s.replace(/[\s\u00a0\u202f]/g, '');
  const groups = /^(\d{1,3})((?:[.,]\d{3})+)$/.exec(t);
  if (groups && !/^0/.test(t)) return groups[1] + groups[2].replace(/[.,]/g, '');
  const withDecimal = /^(\d{1,3}(?:[.,]\d{3})*)[.,](\d{1,2}|\d{4,})$/.exec(t);
  if (withDecimal) return withDecimal[1].replace(/[.,]/g, '') + '.' + withDecimal[2];
  return t.replace(/[.,]/g, '');
}

/** Written numbers ("1,500", "1 500", "2,5"); the source of a fresh /g regex per call (no shared lastIndex). */
const NUMBER_SOURCE = /\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/.source;

/** Per-unit raw features before cross-document weighting. */
interface UnitFeatures {
  /** Content words (folded, elision stripped), for same-language matching and cognates. */
  words: string[];
  /** Language-independent anchors: geo:, name:, num:, wd:, mo:, plus `extra` from the analysis. */
  anchors: string[];
  tokens: WordToken[];
}

function unitFeatures(doc: AlignDoc, idx: number, crossLanguage: boolean): UnitFeatures {
  const span = doc.units[idx];
  const text = doc.text.slice(span.start, span.end);
  const tokens = wordTokens(text, span.start);
  const words: string[] = [];
  const anchors: string[] = [];
  // Region names (EN/FR, any length) starting at a capitalised token, plus capitalised short forms ("US").
  const inRegion = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const first = doc.text.slice(tokens[i].start, tokens[i].end);
    if (!/^\p{Lu}/u.test(first.replace(/^(?:l|d)['’]/i, ''))) continue;
    for (let n = Math.min(GAZETTEER_MAX_WORDS, tokens.length - i); n >= 1; n--) {
      const phrase = doc.text.slice(tokens[i].start, tokens[i + n - 1].end).replace(/^(?:l|d)['’]/i, '');
      const code = regionCode(phrase);
      if (code) {
        anchors.push(`geo:${code}`);
        for (let k = i; k < i + n; k++) inRegion.add(k);
        i += n - 1;
        break;
      }
    }
  }
  // Words of the entities the analysis found here ("ent:donald trump"): their raw name anchors would count twice.
  const extra = doc.extra?.[idx];
  const entityWords = new Set<string>();
  if (extra) for (const k of extra) if (k.startsWith('ent:')) for (const w of k.slice(4).split(' ')) entityWords.add(w);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const surface = doc.text.slice(t.start, t.end);
    const key = contentKey(t.key);
    if (/^\d/.test(key)) continue;
    const wdn = WEEKDAYS[key];
    const mon = MONTHS[key];
    // Weekdays and months as anchors only when the analysis does not already give resolved dates.
    if (!doc.extra) {
      if (wdn) anchors.push(`wd:${wdn}`);
      else if (mon && ((key !== 'may' && key !== 'mars') || /^\p{Lu}/u.test(surface))) anchors.push(`mo:${mon}`);
    }
    if (key.length < 2 || STOP.has(key) || wdn || mon) continue;
    // Names: capitalised (or inner-capital) words that are not function words; at sentence start only when
    // they carry an inner capital ("TikTok", "iPhone") or are all capitals, since any word is capitalised there.
    const bare = surface.replace(/^(?:l|d|qu)['’]/i, '');
    const inner = /\p{Ll}\p{Lu}/u.test(bare) || /^\p{Lu}{2,}/u.test(bare);
    const isName = (i > 0 && /^\p{Lu}/u.test(bare)) || inner;
    if (crossLanguage) {
      // Across languages a name is an anchor; the region words are already a region key.
      if (inRegion.has(i)) continue;
      if (isName) {
        const nk = key.replace(/'/g, '');
        if (!entityWords.has(nk)) anchors.push(`name:${nk}`);
      } else words.push(key);
    } else {
      words.push(key);
    }
  }
  const numberRe = new RegExp(NUMBER_SOURCE, 'g');
  let m: RegExpExecArray | null;
  while ((m = numberRe.exec(text)) !== null) anchors.push(`num:${normalizeNumber(m[0])}`);
  if (extra) anchors.push(...extra);
  return { words, anchors, tokens };
}

/** Longest-common-subsequence ratio of two words (0..1). */
export function lcsRatio(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (!n || !m) return 0;
  let prev = new Uint8Array(m + 1);
  let cur = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      cur[j] = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m] / Math.max(n, m);
}

/**
 * Cognates between two vocabularies: same first letter, both at least 4 letters, and a longest common
 * subsequence of at least 70% of the longer word ("gouvernement" ~ "government", "solution" = "solution").
 * Returns, for each word of `b`, the words of `a` it matches.
 */
export function findCognates(aWords: Iterable<string>, bWords: Iterable<string>): Map<string, string[]> {
  const byFirst = new Map<string, string[]>();
  for (const w of aWords) {
    if (w.length < 4 || !/^\p{L}+$/u.test(w)) continue;
    const list = byFirst.get(w[0]);
    if (list) list.push(w);
    else byFirst.set(w[0], [w]);
  }
  const out = new Map<string, string[]>();
  for (const w of bWords) {
    if (w.length < 4 || !/^\p{L}+$/u.test(w)) continue;
    const cands = byFirst.get(w[0]);
    if (!cands) continue;
    const hits: string[] = [];
    for (const c of cands) {
      const ratio = Math.min(c.length, w.length) / Math.max(c.length, w.length);
      if (ratio < 0.6) continue;
      if (c === w || (c.slice(0, 2) === w.slice(0, 2) && lcsRatio(c, w) >= 0.7)) hits.push(c);
    }
    if (hits.length) out.set(w, hits);
  }
  return out;
}

function foldedGlossary(glossary: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!glossary) return out;
  let i = 0;
  for (const [k, v] of Object.entries(glossary)) {
    const key = `gloss:${i++}`;
    for (const s of [k, v]) {
      const f = wordTokens(s)
        .map((t) => contentKey(t.key))
        .join(' ');
      if (f) out.set(f, key);
    }
  }
  return out;
}

function glossaryAnchors(f: UnitFeatures, gloss: Map<string, string>): string[] {
  if (!gloss.size) return [];
  const keys = f.tokens.map((t) => contentKey(t.key));
  const out: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    let phrase = '';
    for (let n = 1; n <= 4 && i + n <= keys.length; n++) {
      phrase = n === 1 ? keys[i] : `${phrase} ${keys[i + n - 1]}`;
      const g = gloss.get(phrase);
      if (g) out.push(g);
    }
  }
  return out;
}

/** Weighted feature vectors for the units of two documents, plus a scorer. */
interface PairModel {
  a: Array<Map<string, number>>;
  b: Array<Map<string, number>>;
  normA: number[];
  normB: number[];
  /** Smoothing added to each side's norms: half the mean unit norm, so a unit sharing one word is no perfect match. */
  kA: number;
  kB: number;
  featA: UnitFeatures[];
  featB: UnitFeatures[];
}

/** Relative importance of feature families. */
function familyWeight(f: string): number {
  const p = f.slice(0, f.indexOf(':'));
  switch (p) {
    case 'date':
      // A full day is strong evidence; a month ("early August") or a duration ("nearly a year") less so.
      return /^date:\d{2}-\d{2}$/.test(f) ? 1.6 : /^date:P/.test(f) ? 1.3 : 1;
    case 'num':
    case 'fig':
      return 1.6;
    case 'geo':
    case 'name':
    case 'ent':
      return 1.3;
    case 'wd':
    case 'mo':
      return 1.2;
    case 'gloss':
      return 1.3;
    default:
      return 1;
  }
}

/** Share of the mean unit norm added to every norm (see PairModel.kA). */
const SMOOTHING_SHARE = 0.5;

function buildModel(
  docA: AlignDoc,
  docB: AlignDoc,
  crossLanguage: boolean,
  glossary?: Record<string, string>,
): PairModel {
  const featA = docA.units.map((_, i) => unitFeatures(docA, i, crossLanguage));
  const featB = docB.units.map((_, i) => unitFeatures(docB, i, crossLanguage));
  const gloss = foldedGlossary(glossary);
  const rawA: string[][] = [];
  const rawB: string[][] = [];
  if (crossLanguage) {
    const vocA = new Set(featA.flatMap((f) => f.words));
    const vocB = new Set(featB.flatMap((f) => f.words));
    const cog = findCognates(vocA, vocB);
    for (const f of featA) rawA.push([...f.anchors, ...glossaryAnchors(f, gloss), ...f.words.map((w) => `w:${w}`)]);
    for (const f of featB) {
      const mapped: string[] = [];
      for (const w of f.words) for (const c of cog.get(w) ?? []) mapped.push(`w:${c}`);
      rawB.push([...f.anchors, ...glossaryAnchors(f, gloss), ...mapped]);
    }
  } else {
    for (const f of featA) rawA.push([...f.anchors, ...f.words.map((w) => `w:${w}`)]);
    for (const f of featB) rawB.push([...f.anchors, ...f.words.map((w) => `w:${w}`)]);
  }
  // Only features seen on both sides can align; document frequency over both sides gives the IDF.
  const dfA = new Map<string, number>();
  const dfB = new Map<string, number>();
  for (const r of rawA) for (const k of new Set(r)) dfA.set(k, (dfA.get(k) ?? 0) + 1);
  for (const r of rawB) for (const k of new Set(r)) dfB.set(k, (dfB.get(k) ?? 0) + 1);
  const n = rawA.length + rawB.length;
  const weigh = (raw: string[][], other: Map<string, number>, own: Map<string, number>): Array<Map<string, number>> =>
    raw.map((r) => {
      const v = new Map<string, number>();
      for (const k of r) {
        if (!other.has(k)) continue;
        const df = (own.get(k) ?? 0) + (other.get(k) ?? 0);
        v.set(k, familyWeight(k) * Math.log(1 + n / df));
      }
      return v;
    });
  const a = weigh(rawA, dfB, dfA);
  const b = weigh(rawB, dfA, dfB);
  const norm = (v: Map<string, number>): number => {
    let s = 0;
    for (const w of v.values()) s += w;
    return s;
  };
  const normA = a.map(norm);
  const normB = b.map(norm);
  const smoothing = (ns: number[]): number => {
    const nz = ns.filter((x) => x > 0);
    return nz.length ? (SMOOTHING_SHARE * nz.reduce((x, y) => x + y, 0)) / nz.length : 1;
  };
  return { a, b, normA, normB, kA: smoothing(normA), kB: smoothing(normB), featA, featB };
}

function shared(va: Map<string, number>, vb: Map<string, number>): number {
  let s = 0;
  const [small, big] = va.size <= vb.size ? [va, vb] : [vb, va];
  for (const [k, w] of small) if (big.has(k)) s += w;
  return s;
}

/** Number of distinct shared concepts ("name:tiktok" and "ent:tiktok" count once). */
function sharedConcepts(va: Map<string, number>, vb: Map<string, number>): number {
  const seen = new Set<string>();
  for (const k of va.keys()) if (vb.has(k)) seen.add(k.slice(k.lastIndexOf(':') + 1));
  return seen.size;
}

/** Whether two units share an anchor other than a cognate word (a name, place, number or date). */
function sharesAnchor(va: Map<string, number>, vb: Map<string, number>): boolean {
  for (const k of va.keys()) if (!k.startsWith('w:') && vb.has(k)) return true;
  return false;
}

function pairScore(m: PairModel, i: number, j: number): number {
  const s = shared(m.a[i], m.b[j]);
  if (s === 0) return 0;
  return s / Math.sqrt((m.normA[i] + m.kA) * (m.normB[j] + m.kB));
}

function mergedScore(m: PairModel, as: number[], bs: number[]): number {
  const merge = (vs: Array<Map<string, number>>, idx: number[]): Map<string, number> => {
    if (idx.length === 1) return vs[idx[0]];
    const out = new Map<string, number>();
    for (const i of idx) for (const [k, w] of vs[i]) out.set(k, w);
    return out;
  };
  const va = merge(m.a, as);
  const vb = merge(m.b, bs);
  const s = shared(va, vb);
  if (s === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const w of va.values()) na += w;
  for (const w of vb.values()) nb += w;
  return s / Math.sqrt((na + m.kA) * (nb + m.kB));
}

function abortCheck(signal?: AbortSignal): void {
  throwIfAborted(signal, 'Cross-referencing cancelled');
}

/** Greedy one-to-one selection of the best-scoring pairs above a threshold (order is not assumed). */
function greedyPairs(
  m: PairModel,
  threshold: number,
  minShared: number,
  needAnchor: boolean,
  signal?: AbortSignal,
): AlignPair[] {
  // Candidate pairs through an inverted index of B's features: only pairs sharing something are scored, so long
  // documents do not cost all pairs. Features in very many units (low weight anyway) do not propose candidates.
  const postings = new Map<string, number[]>();
  m.b.forEach((v, j) => {
    for (const k of v.keys()) {
      const list = postings.get(k);
      if (list) list.push(j);
      else postings.set(k, [j]);
    }
  });
  const cap = Math.max(200, Math.ceil(m.b.length * 0.05));
  const cands: Array<[number, number, number]> = [];
  const seen = new Set<number>();
  for (let i = 0; i < m.a.length; i++) {
    if (i % 64 === 0) abortCheck(signal);
    if (m.a[i].size === 0) continue;
    seen.clear();
    for (const k of m.a[i].keys()) {
      const list = postings.get(k);
      if (!list || list.length > cap) continue;
      for (const j of list) {
        if (seen.has(j)) continue;
        seen.add(j);
        const s = pairScore(m, i, j);
        if (s < threshold) continue;
        if (minShared > 1 && sharedConcepts(m.a[i], m.b[j]) < minShared) continue;
        if (needAnchor && !sharesAnchor(m.a[i], m.b[j])) continue;
        cands.push([i, j, s]);
      }
    }
  }
  cands.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: AlignPair[] = [];
  for (const [i, j, s] of cands) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push({ a: [i], b: [j], score: round(s) });
  }
  return out.sort((x, y) => x.a[0] - y.a[0]);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Same-language rewrite: each unit of A paired with at most one unit of B by shared words (IDF-weighted),
 * with the word differences of each pair. Reordering is allowed.
 */
export function alignRewrite(docA: AlignDoc, docB: AlignDoc, options: AlignOptions = {}): AlignPair[] {
  const m = buildModel(docA, docB, false, options.glossary);
  const pairs = greedyPairs(m, options.threshold ?? 0.3, options.minShared ?? 2, false, options.signal);
  for (const p of pairs) {
    const i = p.a[0];
    const j = p.b[0];
    const ua = docA.units[i];
    const ub = docB.units[j];
    const d = diffTokens(
      docA.text.slice(ua.start, ua.end),
      m.featA[i].tokens,
      docB.text.slice(ub.start, ub.end),
      m.featB[j].tokens,
      { a: ua.start, b: ub.start },
    );
    p.differences = d.differences;
    p.identical = d.identical;
    // Shown to the user: the share of words kept (1 = same wording), not the IDF-weighted selection score.
    p.score = round(d.similarity);
  }
  return pairs;
}

/**
 * Comparable articles in two languages: pairs of units anchored on names, places, numbers, dates and cognates.
 * One-to-one, order not assumed, only pairs scoring at least `threshold` (default 0.3 across languages, 0.4 within one) with enough shared anchors
 * (`minShared`: 3 across languages, 2 within one).
 */
export function alignComparable(docA: AlignDoc, docB: AlignDoc, options: AlignOptions = {}): AlignPair[] {
  const m = buildModel(docA, docB, docA.lang !== docB.lang, options.glossary);
  const cross = docA.lang !== docB.lang;
  // Across languages, bags of anchors meet by chance more easily: ask for three independent shared anchors
  // (a name, a place, a number, a date, a cognate…), at least one of them not a mere cognate.
  return greedyPairs(
    m,
    options.threshold ?? (cross ? 0.3 : 0.4),
    options.minShared ?? (cross ? 3 : 2),
    cross,
    options.signal,
  );
}

/**
 * The anchors two units share and their weights (why a pair was linked), strongest first. For hovers and debugging.
 */
export function explainPair(
  docA: AlignDoc,
  i: number,
  docB: AlignDoc,
  j: number,
  glossary?: Record<string, string>,
): Array<[string, number]> {
  const m = buildModel(docA, docB, docA.lang !== docB.lang, glossary);
  const out: Array<[string, number]> = [];
  for (const [k, w] of m.a[i] ?? []) if (m.b[j]?.has(k)) out.push([k, round(w)]);
  return out.sort((x, y) => y[1] - x[1]);
}

// ---------------------------------------------------------------------------------------------------------------
// Translation aligner.

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26 via erf). */
function normCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** Bead types (units of A, units of B) with Gale–Church style prior probabilities. */
const BEADS: Array<[number, number, number]> = [
  [1, 1, 0.89],
  [1, 0, 0.0099 / 2],
  [0, 1, 0.0099 / 2],
  [2, 1, 0.089 / 2],
  [1, 2, 0.089 / 2],
  [2, 2, 0.011],
  [3, 1, 0.005],
  [1, 3, 0.005],
];

export interface TranslationOptions extends AlignOptions {
  /** Weight of the anchor similarity against the length model (default 10). */
  anchorWeight?: number;
  /** Cost added per unit of a merged bead that shares no anchor with the other side (default 4). */
  orphanPenalty?: number;
}

/**
 * True translations: a monotonic alignment by dynamic programming over beads 1:1, 1:0, 0:1, 2:1, 1:2, 2:2, 3:1
 * and 1:3, minimising Gale–Church's length cost minus a bonus for shared anchors. The search is banded around
 * the diagonal so long documents stay fast. Returns every bead, including 1:0 and 0:1.
 */
export function alignTranslation(docA: AlignDoc, docB: AlignDoc, options: TranslationOptions = {}): AlignPair[] {
  const n = docA.units.length;
  const mm = docB.units.length;
  if (n === 0 || mm === 0) {
    return [
      ...docA.units.map((_, i) => ({ a: [i], b: [], score: 0 })),
      ...docB.units.map((_, j) => ({ a: [], b: [j], score: 0 })),
    ];
  }
  const model = buildModel(docA, docB, docA.lang !== docB.lang, options.glossary);
  const lenA = docA.units.map((u) => Math.max(1, u.end - u.start));
  const lenB = docB.units.map((u) => Math.max(1, u.end - u.start));
  const totA = lenA.reduce((x, y) => x + y, 0);
  const totB = lenB.reduce((x, y) => x + y, 0);
  const c = totB / totA;
  const s2 = 6.8;
  const lambda = options.anchorWeight ?? 10;
  const lengthCost = (la: number, lb: number): number => {
    // An unaligned unit (1:0 / 0:1) pays only its prior: the length model says nothing about a deletion, and
    // charging it the full length mismatch makes the aligner glue deleted or inserted units onto neighbours.
    if (la === 0 || lb === 0) return 0;
    const mean = (la + lb / c) / 2;
    const delta = (lb - la * c) / Math.sqrt(Math.max(mean, 1) * s2);
    const p = 2 * (1 - normCdf(Math.abs(delta)));
    return -Math.log(Math.max(p, 1e-12));
  };
  const orphanPenalty = options.orphanPenalty ?? 4;
  // Band around the diagonal, capped so that the table stays within a few million cells on huge inputs
  // (cells outside the band fall back to 1:0 / 0:1 steps).
  const band = Math.min(Math.max(12, Math.abs(n - mm) + 12), Math.max(12, Math.floor(1_000_000 / (n + 1))));
  // Shared anchor weight of unit pairs, computed once; a merged bead's similarity sums its pairs' shares.
  const sharedCache = new Map<number, number>();
  const sharedOf = (x: number, y: number): number => {
    const key = x * (mm + 1) + y;
    let v = sharedCache.get(key);
    if (v === undefined) {
      v = shared(model.a[x], model.b[y]);
      sharedCache.set(key, v);
    }
    return v;
  };
  const beadSim = (pi: number, i: number, pj: number, j: number): number => {
    let sh = 0;
    let na = 0;
    let nb = 0;
    for (let x = pi; x < i; x++) {
      na += model.normA[x];
      for (let y = pj; y < j; y++) sh += sharedOf(x, y);
    }
    for (let y = pj; y < j; y++) nb += model.normB[y];
    return sh === 0 ? 0 : Math.min(1, sh / Math.sqrt((na + model.kA) * (nb + model.kB)));
  };
  const orphans = (pi: number, i: number, pj: number, j: number): number => {
    let count = 0;
    let na = 0;
    let nb = 0;
    for (let x = pi; x < i; x++) na += model.normA[x];
    for (let y = pj; y < j; y++) nb += model.normB[y];
    if (i - pi > 1) count += sideOrphans(pi, i, pj, j, model.a, model.normA, model.kA, nb, model.kB, sharedOf);
    const sharedBA = (y: number, x: number): number => sharedOf(x, y);
    if (j - pj > 1) count += sideOrphans(pj, j, pi, i, model.b, model.normB, model.kB, na, model.kA, sharedBA);
    return count;
  };
  const preA = [0];
  for (const l of lenA) preA.push(preA[preA.length - 1] + l);
  const preB = [0];
  for (const l of lenB) preB.push(preB[preB.length - 1] + l);
  const W = mm + 1;
  const cost = new Float64Array((n + 1) * W).fill(Infinity);
  const back = new Int8Array((n + 1) * W).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    if (i % 32 === 0) abortCheck(options.signal);
    const center = Math.round((i * mm) / n);
    const jLo = Math.max(0, center - band);
    const jHi = Math.min(mm, center + band);
    for (let j = jLo; j <= jHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestK = -1;
      for (let k = 0; k < BEADS.length; k++) {
        const [da, db, prior] = BEADS[k];
        const pi = i - da;
        const pj = j - db;
        if (pi < 0 || pj < 0) continue;
        const base = cost[pi * W + pj];
        if (base === Infinity) continue;
        const la = preA[i] - preA[pi];
        const lb = preB[j] - preB[pj];
        let cst = base + lengthCost(la, lb) - Math.log(prior);
        if (da > 0 && db > 0) {
          cst -= lambda * beadSim(pi, i, pj, j);
          // In a merged bead, a unit with anchors of its own that hardly matches the other side is more likely
          // an insertion (1:0) than half of a merge.
          if (da > 1 || db > 1) cst += orphanPenalty * orphans(pi, i, pj, j);
        }
        if (cst < best) {
          best = cst;
          bestK = k;
        }
      }
      cost[i * W + j] = best;
      back[i * W + j] = bestK;
    }
  }
  const beads: AlignPair[] = [];
  let i = n;
  let j = mm;
  while (i > 0 || j > 0) {
    const k = back[i * W + j];
    if (k < 0) {
      // Unreachable cell (outside the band): fall back to 1:0 / 0:1 steps.
      if (i > 0) beads.push({ a: [--i], b: [], score: 0 });
      else beads.push({ a: [], b: [--j], score: 0 });
      continue;
    }
    const [da, db] = BEADS[k];
    const as = range(i - da, i);
    const bs = range(j - db, j);
    const score = as.length && bs.length ? mergedScore(model, as, bs) : 0;
    beads.push({ a: as, b: bs, score: round(score) });
    i -= da;
    j -= db;
  }
  return beads.reverse();
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let x = from; x < to; x++) out.push(x);
  return out;
}

/**
 * Whether two versions in different languages look like a translation of each other rather than comparable
 * articles: similar unit counts and lengths, and most 1:1 beads of the translation alignment share anchors.
 */
export function looksLikeTranslation(docA: AlignDoc, docB: AlignDoc, beads: AlignPair[]): boolean {
  const n = docA.units.length;
  const m = docB.units.length;
  if (n < 2 || m < 2) return false;
  if (Math.min(n, m) / Math.max(n, m) < 0.7) return false;
  const paired = beads.filter((b) => b.a.length && b.b.length);
  const anchored = paired.filter((b) => b.score >= 0.15).length;
  return paired.length >= 0.8 * Math.min(n, m) && anchored >= 0.5 * paired.length;
}

/**
 * Sentences [from, to) of one side of a merge bead that share (almost) nothing with the other side's [oFrom, oTo):
 * orphans glued to the bead. `shared(own, other)` is the weight two sentences share.
 */
function sideOrphans(
  from: number,
  to: number,
  oFrom: number,
  oTo: number,
  bags: readonly { size: number }[],
  norms: readonly number[],
  k: number,
  otherNorm: number,
  otherK: number,
  shared: (own: number, other: number) => number,
): number {
  let count = 0;
  for (let x = from; x < to; x++) {
    if (bags[x].size < 3) continue;
    let sh = 0;
    for (let y = oFrom; y < oTo; y++) sh += shared(x, y);
    if (sh / Math.sqrt((norms[x] + k) * (otherNorm + otherK)) < 0.1) count++;
  }
  return count;
}
