/**
 * Which article files are versions of one story. Each document is reduced once to a `DocSummary` (weighted,
 * language-independent features: entity keys, region codes, figures, full dates, quote shingles), cheap to cache
 * by content hash; `groupStories` then scores candidate pairs found through an inverted index of features
 * (never all pairs) and joins them under manual link/unlink overrides. Called by crossRef.ts, the workspace index
 * and the benchmark. Persistence of manual links is the extension's job: they come in as plain data.
 */
import { throwIfAborted } from './abort';
import { UnionFind } from './unionFind';
import type { DocSummary, ManualLink, Story } from './crossRefTypes';
import { foldName, regionCode, stripArticle } from './entityKeys';
import type { ArticleAnalysis } from './types';
import { wordTokens } from './wordDiff';

/** Feature weights by kind. Countries are weak (many stories mention the US); people and companies are strong. */
const W = {
  person: 3,
  organization: 2.5,
  place: 1.5,
  country: 0.7,
  figure: 1.5,
  smallFigure: 0.4,
  fullDate: 1.2,
  vagueDate: 0.3,
  quote: 0.6,
} as const;

/** At most this many quote shingles per document (long articles would otherwise dominate). */
const MAX_QUOTE_SHINGLES = 40;

function setMax(f: Record<string, number>, k: string, w: number): void {
  if (!(k in f) || f[k] < w) f[k] = w;
}

/**
 * Reduces one analysed article to its story fingerprint. Pure and deterministic: cache it by the text's hash.
 * `file` is only carried along (it does not affect the features).
 */
export function summarize(analysis: ArticleAnalysis, text: string, file = ''): DocSummary {
  const features: Record<string, number> = {};
  for (const e of analysis.entities) {
    for (const s of [e.name, ...e.aliases]) {
      const geo = regionCode(s);
      if (geo) {
        setMax(features, `geo:${geo}`, geo.startsWith('country:') ? W.country : W.place);
        continue;
      }
      const folded = stripArticle(foldName(s));
      if (!folded) continue;
      const toks = folded.split(' ');
      // People by surname (so "Trump" and "Donald Trump" meet); others by their whole folded name.
      if (e.type === 'person') setMax(features, `name:${toks[toks.length - 1]}`, W.person);
      else setMax(features, `name:${folded}`, e.type === 'organization' ? W.organization : W.place);
    }
  }
  for (const f of analysis.figures) {
    if (!Number.isFinite(f.value)) continue;
    const strong = f.value >= 100 || f.kind === 'money' || f.kind === 'percent';
    setMax(features, `fig:${f.value}`, strong ? W.figure : W.smallFigure);
  }
  for (const d of analysis.dates) {
    if (!d.value) continue;
    const md = /^(?:\d{4}|XXXX)-(\d{2}-\d{2})/.exec(d.value);
    if (md) setMax(features, `date:${md[1]}`, W.fullDate);
    else if (/^P\d/.test(d.value) || /^(?:\d{4}|XXXX)-\d{2}$/.test(d.value))
      setMax(features, `date:${d.value.replace(/^\d{4}|^XXXX/, '')}`, W.vagueDate);
  }
  let shingles = 0;
  for (const q of analysis.quotes) {
    if (q.scare) continue;
    const words = wordTokens(q.text).map((t) => t.key);
    for (let i = 0; i + 4 <= words.length && shingles < MAX_QUOTE_SHINGLES; i += 2, shingles++) {
      setMax(features, `q:${analysis.language}:${words.slice(i, i + 4).join(' ')}`, W.quote);
    }
  }
  void text;
  return { file, language: analysis.language, features };
}

export interface GroupOptions {
  /** Minimum pair score to join two documents (default 0.2: on 84 PolNeAR dev articles about one campaign, only
   *  two pairs reach it, both reporting the same event; lower values start joining articles on related topics). */
  threshold?: number;
  /** User overrides: `linked: true` joins two files, `linked: false` keeps them apart. */
  manualLinks?: ManualLink[];
  /** Features found in more documents than this are not used to find candidates (default max(50, 5% of docs)). */
  maxPostings?: number;
  /** Include single documents as one-file stories (default false). */
  singletons?: boolean;
  signal?: AbortSignal;
}

/** Features that count as evidence of the same story beyond shared countries. */
function isSpecific(k: string): boolean {
  return !k.startsWith('geo:country:') && !k.startsWith('date:P') && !/^date:-\d{2}$/.test(k);
}

/** Collection weights: inverse document frequency over the summaries, flat for small collections. */
function idfWeights(summaries: DocSummary[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const s of summaries) for (const k in s.features) df.set(k, (df.get(k) ?? 0) + 1);
  const n = summaries.length;
  const idf = new Map<string, number>();
  for (const [k, d] of df) idf.set(k, n < 20 ? 1 : 1 + Math.log(n / d));
  return idf;
}

interface Vec {
  keys: string[];
  weights: number[];
  norm: number;
}

function vectorize(s: DocSummary, idf: Map<string, number>): Vec {
  const keys: string[] = [];
  const weights: number[] = [];
  let sq = 0;
  for (const k in s.features) {
    const w = s.features[k] * (idf.get(k) ?? 1);
    keys.push(k);
    weights.push(w);
    sq += w * w;
  }
  return { keys, weights, norm: Math.sqrt(sq) };
}

/**
 * Similarity of two summaries (0..1): cosine of their weighted features, and 0 unless they share at least two
 * specific features (a person, an organization, a figure, a full date, a quote — shared countries alone never
 * make a story).
 */
export function storyScore(a: DocSummary, b: DocSummary, idf?: Map<string, number>): number {
  const weights = idf ?? idfWeights([a, b]);
  const va = vectorize(a, weights);
  const vb = vectorize(b, weights);
  const bw = new Map(vb.keys.map((k, i) => [k, vb.weights[i]]));
  let dot = 0;
  let specific = 0;
  va.keys.forEach((k, i) => {
    const w = bw.get(k);
    if (w === undefined) return;
    dot += va.weights[i] * w;
    if (isSpecific(k)) specific++;
  });
  if (specific < 2 || va.norm === 0 || vb.norm === 0) return 0;
  return dot / (va.norm * vb.norm);
}

function abortCheck(signal?: AbortSignal): void {
  throwIfAborted(signal, 'Story grouping cancelled');
}

/**
 * Groups documents into stories. Candidate pairs come from an inverted index of features (a feature shared by
 * too many documents is skipped), scored with `storyScore`; pairs above the threshold are joined strongest first
 * (single link), except where a manual unlink forbids it; manual links always join. Returns stories of two or
 * more files (and singletons when asked), each with the weakest score that holds it together.
 */
export function groupStories(summaries: DocSummary[], options: GroupOptions = {}): Story[] {
  const n = summaries.length;
  const threshold = options.threshold ?? 0.2;
  const idf = idfWeights(summaries);
  const vecs = summaries.map((s) => vectorize(s, idf));
  const maxPostings = options.maxPostings ?? Math.max(50, Math.ceil(n * 0.05));
  const postings = new Map<string, number[]>();
  vecs.forEach((v, i) => {
    for (const k of v.keys) {
      const list = postings.get(k);
      if (list) list.push(i);
      else postings.set(k, [i]);
    }
  });
  // Accumulate dot products and specific-feature counts over shared postings only.
  const dots = new Map<number, { dot: number; specific: number }>();
  const weightOf = vecs.map((v) => new Map(v.keys.map((k, i) => [k, v.weights[i]])));
  let steps = 0;
  for (const [k, list] of postings) {
    if (list.length < 2 || list.length > maxPostings) continue;
    const specific = isSpecific(k) ? 1 : 0;
    for (let x = 0; x < list.length; x++) {
      if (++steps % 4096 === 0) abortCheck(options.signal);
      const i = list[x];
      const wi = weightOf[i].get(k)!;
      for (let y = x + 1; y < list.length; y++) {
        const j = list[y];
        const key = i * n + j;
        const acc = dots.get(key);
        const add = wi * weightOf[j].get(k)!;
        if (acc) {
          acc.dot += add;
          acc.specific += specific;
        } else dots.set(key, { dot: add, specific });
      }
    }
  }
  const edges: Array<[number, number, number]> = [];
  for (const [key, { dot, specific }] of dots) {
    if (specific < 2) continue;
    const i = Math.floor(key / n);
    const j = key % n;
    const s = dot / (vecs[i].norm * vecs[j].norm || 1);
    if (s >= threshold) edges.push([i, j, s]);
  }
  const index = new Map(summaries.map((s, i) => [s.file, i]));
  const unlinked = new Set<number>();
  for (const m of options.manualLinks ?? []) {
    const a = index.get(m.a);
    const b = index.get(m.b);
    if (a === undefined || b === undefined || a === b) continue;
    if (m.linked) edges.push([Math.min(a, b), Math.max(a, b), 1.0001]);
    else unlinked.add(Math.min(a, b) * n + Math.max(a, b));
  }
  // Drop automatic edges the user unlinked, then join strongest first, refusing joins that would put an
  // unlinked pair into one story.
  const usable = edges.filter(([i, j, s]) => s > 1 || !unlinked.has(i * n + j));
  usable.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const sets = new UnionFind(n);
  const members = summaries.map((_, i) => [i]);
  const minScore = summaries.map(() => Infinity);
  const manual = summaries.map(() => false);
  const find = (x: number): number => sets.find(x);
  for (const [i, j, s] of usable) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    if (unlinked.size) {
      let forbidden = false;
      for (const a of members[ri]) {
        for (const b of members[rj]) {
          if (unlinked.has(Math.min(a, b) * n + Math.max(a, b))) {
            forbidden = true;
            break;
          }
        }
        if (forbidden) break;
      }
      if (forbidden) continue;
    }
    sets.joinRoots(ri, rj);
    members[ri] = members[ri].concat(members[rj]);
    minScore[ri] = Math.min(minScore[ri], minScore[rj], Math.min(s, 1));
    manual[ri] = manual[ri] || manual[rj] || s > 1;
  }
  const stories: Story[] = [];
  for (let r = 0; r < n; r++) {
    if (find(r) !== r) continue;
    const files = members[r].sort((a, b) => a - b).map((i) => summaries[i].file);
    if (files.length < 2 && !options.singletons) continue;
    const story: Story = { files, score: files.length < 2 ? 1 : Math.round(minScore[r] * 1000) / 1000 };
    if (manual[r]) story.manual = true;
    stories.push(story);
  }
  return stories;
}
