/**
 * The feature extractor of the entity tagger: string features per token, hashed into a weight table.
 * Training (scripts/train) and inference (tagger.ts) both call `extractFeatures`, so they cannot drift apart.
 * Language-neutral: what is specific to a language comes in as lexicon probes and the model's vocabulary.
 */
import {
  CALENDAR_WORDS,
  COMMON_ACRONYMS,
  COMPASS_WORDS,
  EVENT_WORDS,
  FR_PLACE_HEADS,
  INSTITUTIONS,
  lookupGazetteer,
  NOT_NAMES,
  ORG_CUES,
  ORG_HEADS,
  ORG_SUFFIXES,
  PERSON_CUES,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  SPEECH_VERBS,
  TITLES,
} from '../gazetteer';

/** A token of the text as the entity layer sees it (entities.ts builds them; compromise's tags attached). */
export interface NerToken {
  text: string;
  start: number;
  end: number;
  /** Starts with a letter or digit. */
  word: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** First word of a sentence, a line, or after an opening quote. */
  initial: boolean;
  /** In a line written mostly in capitals. */
  shouting: boolean;
  /** compromise / fr-compromise tags of the term the token starts in. */
  tags: readonly string[];
  /** Lower-cased, diacritics removed. */
  fold: string;
}

/**
 * Groups of feature templates; a model records the groups it was trained with.
 * - word: the (vocabulary-mapped) folded word; context: neighbouring words, shapes and bigrams
 * - affix: prefixes and suffixes; shape: word shape and position flags
 * - tags: compromise's tags; lexicon: lexicon tags of the word and its neighbours
 * - lists: gazetteer names (countries, bodies) and the rule layer's word lists (titles, org suffixes, cues…)
 * - rules: the rule layer's own output (BIO label) at and around the token
 * - doc: how the same word is written elsewhere in the article (capitalised mid-sentence, lower-case, in a longer name)
 * - passone: how a first pass of the model labelled the same word elsewhere in the article
 */
export type FeatureGroup =
  'word' | 'context' | 'affix' | 'shape' | 'tags' | 'lexicon' | 'lists' | 'rules' | 'doc' | 'passone';

export const ALL_GROUPS: readonly FeatureGroup[] = [
  'word',
  'context',
  'affix',
  'shape',
  'tags',
  'lexicon',
  'lists',
  'rules',
  'doc',
  'passone',
];

/** Looks a lower-cased, folded word up in one lexicon; returns its tag ("City", "MaleName", "Verb") or undefined. */
export type LexiconProbe = (fold: string) => string | undefined;

export interface FeatureSpec {
  groups: ReadonlySet<FeatureGroup>;
  /** Words (folded) whose identity is a feature; any other word is replaced by its shape. */
  vocabulary: ReadonlySet<string>;
  /** log2 of the number of hash buckets. */
  bits: number;
  /** The language's lexicons, its own first. */
  lexicons: readonly LexiconProbe[];
}

export interface FeatureInput {
  tokens: readonly NerToken[];
  /** The text the tokens index into (gaps between tokens tell line breaks). */
  text: string;
  /** The rule layer's label per token ("O", "B-PER", "I-ORG"…), for the `rules` group. */
  ruleLabels?: readonly string[];
  /** A first pass's label per token, for the `passone` group. */
  firstPass?: readonly string[];
  /** Training only: tokens whose word identity is hidden (word dropout). */
  hideWord?: (index: number) => boolean;
  /**
   * Training only: the document's source. Every feature is also emitted under the source's name (Daumé's
   * "frustratingly easy" domain adaptation), so what holds in one source only is learnt there and the shared copy,
   * the only one inference uses, keeps what holds across sources.
   */
  domain?: string;
}

/** Hashed feature ids of every token: token i owns ids[offsets[i]] … ids[offsets[i + 1] - 1]. */
export interface FeatureMatrix {
  offsets: Uint32Array;
  ids: Uint32Array;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** "Kerry" → "Xxxx", "U.S." → "X.X.", "2-1" → "d-d", "McDonald" → "XxxXxxx": runs of one class kept up to 3. */
export function wordShape(s: string): string {
  let out = '';
  let prev = '';
  let run = 0;
  for (const ch of s) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === prev ? run + 1 : 1;
    prev = c;
    if (run <= 3) out += c;
  }
  return out;
}

/** Shape with every run collapsed to one character: "Kerry" → "Xx", "NASA" → "X". */
export function shortShape(s: string): string {
  return wordShape(s).replace(/(.)\1+/g, '$1');
}

const WORD_LISTS: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  ['ti', TITLES],
  ['os', ORG_SUFFIXES],
  ['oh', ORG_HEADS],
  ['pw', PLACE_WORDS],
  ['oc', ORG_CUES],
  ['pc', PERSON_CUES],
  ['sv', SPEECH_VERBS],
  ['in', INSTITUTIONS],
  ['ca', CALENDAR_WORDS],
  ['nn', NOT_NAMES],
  ['ev', EVENT_WORDS],
  ['cw', COMPASS_WORDS],
  ['fh', FR_PLACE_HEADS],
  ['pp', PLACE_PREPOSITIONS],
];

/** The coarse part of speech of a token, from its tags (for neighbours, where the full tag set is too much). */
const COARSE = [
  'Person',
  'Place',
  'Organization',
  'Honorific',
  'Verb',
  'Adjective',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Date',
  'Value',
  'ProperNoun',
  'Noun',
];
function coarseTag(tags: readonly string[]): string {
  for (const c of COARSE) if (tags.includes(c)) return c;
  return '-';
}

/** Memberships of a folded word in the word lists, as short codes. */
function listCodes(fold: string): string[] {
  const out: string[] = [];
  const bare = fold.endsWith('.') ? fold.slice(0, -1) : fold;
  for (const [code, set] of WORD_LISTS) if (set.has(fold) || set.has(bare)) out.push(code);
  return out;
}

/**
 * Gazetteer names over the tokens (longest first, up to 4 tokens, starting at a capitalised word):
 * "B-place" / "I-place" / "B-organization"… per token, '' elsewhere.
 */
function gazetteerLabels(tokens: readonly NerToken[]): string[] {
  const out = new Array<string>(tokens.length).fill('');
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap) continue;
    let surface = '';
    let best = 0;
    let type = '';
    for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
      const t = tokens[i + n - 1];
      if (n > 1 && (t.start - tokens[i + n - 2].end > 1 || (!t.word && t.text !== '.'))) break;
      surface += (n > 1 && t.start > tokens[i + n - 2].end ? ' ' : '') + t.text;
      if (!t.word) continue;
      const g = lookupGazetteer(surface, false);
      if (g) {
        best = n;
        type = g.type;
      }
    }
    if (best) {
      out[i] = `B-${type}`;
      for (let k = 1; k < best; k++) out[i + k] = `I-${type}`;
      i += best - 1;
    }
  }
  return out;
}

interface DocStats {
  /** Folded word → times written capitalised in mid-sentence (not initial, not in a headline). */
  capMid: Map<string, number>;
  /** Folded word → times written in lower case. */
  lower: Map<string, number>;
  /** Folded word → times it is the first / last word of a run of two or more capitalised words. */
  runFirst: Map<string, number>;
  runLast: Map<string, number>;
}

function docStats(tokens: readonly NerToken[]): DocStats {
  const s: DocStats = { capMid: new Map(), lower: new Map(), runFirst: new Map(), runLast: new Map() };
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let runStart = -1;
  const closeRun = (end: number): void => {
    if (runStart >= 0 && end - runStart >= 2) {
      inc(s.runFirst, tokens[runStart].fold);
      inc(s.runLast, tokens[end - 1].fold);
    }
    runStart = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.word) {
      if (!t.cap) inc(s.lower, t.fold);
      else if (!t.initial && !t.shouting) inc(s.capMid, t.fold);
    }
    const capWord = t.word && t.cap && !t.shouting;
    if (!capWord || (runStart >= 0 && t.start - tokens[i - 1].end > 1)) closeRun(i);
    if (capWord && runStart < 0) runStart = i;
  }
  closeRun(tokens.length);
  return s;
}

/** The type a first pass gave each folded word elsewhere, by majority (ties: the first seen). */
function passOneTypes(tokens: readonly NerToken[], labels: readonly string[]): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].word) continue;
    const type = labels[i] === 'O' ? 'O' : labels[i].slice(2);
    let c = m.get(tokens[i].fold);
    if (!c) m.set(tokens[i].fold, (c = new Map()));
    c.set(type, (c.get(type) ?? 0) + 1);
  }
  return m;
}

/** The majority type among the other occurrences, or '' when there are none. */
function majorityOther(counts: Map<string, number> | undefined, own: string): string {
  if (!counts) return '';
  let best = '';
  let bestN = 0;
  for (const [type, n0] of counts) {
    const n = type === own ? n0 - 1 : n0;
    if (n > bestN) {
      best = type;
      bestN = n;
    }
  }
  return best;
}

/** Extracts the hashed features of every token. */
export function extractFeatures(input: FeatureInput, spec: FeatureSpec): FeatureMatrix {
  const { tokens, text } = input;
  const g = spec.groups;
  const n = tokens.length;
  const mask = (1 << spec.bits) - 1;
  const offsets = new Uint32Array(n + 1);
  let ids = new Uint32Array(Math.max(16, n * 48));
  let len = 0;
  const domain = input.domain;
  const push = (id: number): void => {
    if (len === ids.length) {
      const grown = new Uint32Array(ids.length * 2);
      grown.set(ids);
      ids = grown;
    }
    ids[len++] = id;
  };
  const emit = (f: string): void => {
    push(hashString(f) & mask);
    if (domain) push(hashString(`${domain}|${f}`) & mask);
  };

  const shapes = tokens.map((t) => wordShape(t.text));
  const shorts = shapes.map((s) => s.replace(/(.)\1+/g, '$1'));
  const words = tokens.map((t, i) => (spec.vocabulary.has(t.fold) && !input.hideWord?.(i) ? t.fold : `~${shorts[i]}`));
  const lists = g.has('lists') ? tokens.map((t) => (t.word ? listCodes(t.fold) : [])) : [];
  const gaz = g.has('lists') ? gazetteerLabels(tokens) : [];
  const lex = g.has('lexicon')
    ? tokens.map((t) => (t.word ? spec.lexicons.map((probe) => probe(t.fold) ?? '-') : []))
    : [];
  const stats = g.has('doc') ? docStats(tokens) : null;
  const pass = g.has('passone') && input.firstPass ? passOneTypes(tokens, input.firstPass) : null;
  const rules = input.ruleLabels;
  /** A line break or the edge of the text between tokens i-1 and i. */
  const breakBefore = (i: number): boolean =>
    i <= 0 || i >= n || /\n/.test(text.slice(tokens[i - 1].end, tokens[i].start));
  const wordAt = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : words[i]);
  const shortAt = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : shorts[i]);

  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    const t = tokens[i];
    const w = words[i];
    const ss = shorts[i];
    const lineStart = breakBefore(i);
    const lineEnd = breakBefore(i + 1);
    const prev = lineStart ? -1 : i - 1;
    const next = lineEnd ? n : i + 1;
    const prev2 = prev < 0 || breakBefore(prev) ? -1 : prev - 1;
    const next2 = next >= n || breakBefore(next + 1) ? n : next + 1;
    emit('b');
    if (g.has('word')) {
      emit(`w=${w}`);
      if (t.cap) emit(`wc=${w}`);
    }
    if (g.has('shape')) {
      emit(`s=${shapes[i]}`);
      emit(`ss=${ss}`);
      if (t.initial) emit(`ss&i=${ss}`);
      if (t.shouting) emit(`ss&h=${ss}`);
      if (lineStart && lineEnd) emit('alone');
      if (t.text.length === 1) emit(`len1=${ss}`);
      else if (t.text.length <= 3) emit(`len3=${ss}`);
    }
    if (g.has('affix') && t.word) {
      const f = t.fold;
      for (let k = 1; k <= 4 && k < f.length; k++) {
        emit(`p${k}=${f.slice(0, k)}`);
        emit(`x${k}=${f.slice(-k)}`);
      }
    }
    if (g.has('context')) {
      const wp = wordAt(prev);
      const wn = wordAt(next);
      emit(`w-1=${wp}`);
      emit(`w+1=${wn}`);
      emit(`w-2=${wordAt(prev2)}`);
      emit(`w+2=${wordAt(next2)}`);
      emit(`w-1|w=${wp}|${w}`);
      emit(`w|w+1=${w}|${wn}`);
      emit(`ss-1=${shortAt(prev)}`);
      emit(`ss+1=${shortAt(next)}`);
      emit(`ss-1|ss|ss+1=${shortAt(prev)}|${ss}|${shortAt(next)}`);
      if (t.cap) emit(`w-1|cap=${wp}`);
      if (t.cap) emit(`w+1|cap=${wn}`);
    }
    if (g.has('tags')) {
      for (const tag of t.tags) emit(`t=${tag}`);
      emit(`t-1=${prev < 0 ? '<s>' : coarseTag(tokens[prev].tags)}`);
      emit(`t+1=${next >= n ? '</s>' : coarseTag(tokens[next].tags)}`);
      if (t.cap) emit(`t|ini=${coarseTag(t.tags)}|${t.initial ? 1 : 0}`);
    }
    if (g.has('lexicon')) {
      const own = lex[i];
      for (let k = 0; k < own.length; k++) {
        emit(`x${k}=${own[k]}`);
        if (t.cap) emit(`x${k}c=${own[k]}`);
      }
      if (prev >= 0 && lex[prev].length) emit(`x0-1=${lex[prev][0]}`);
      if (next < n && lex[next].length) emit(`x0+1=${lex[next][0]}`);
    }
    if (g.has('lists')) {
      for (const c of lists[i]) emit(`L=${c}`);
      if (prev >= 0) for (const c of lists[prev]) emit(`L-1=${c}`);
      if (next < n) for (const c of lists[next]) emit(`L+1=${c}`);
      if (prev2 >= 0) for (const c of lists[prev2]) emit(`L-2=${c}`);
      if (COMMON_ACRONYMS.has(t.text)) emit('L=acr');
      if (gaz[i]) emit(`G=${gaz[i]}`);
      if (gaz[i] && t.cap) emit(`G|i=${gaz[i]}|${t.initial ? 1 : 0}`);
    }
    if (g.has('rules') && rules) {
      const r = rules[i];
      emit(`r=${r}`);
      emit(`r-1=${prev < 0 ? '<s>' : rules[prev]}`);
      emit(`r+1=${next >= n ? '</s>' : rules[next]}`);
      emit(`r|ss=${r}|${ss}`);
    }
    if (stats && t.word) {
      const capMid = (stats.capMid.get(t.fold) ?? 0) - (t.cap && !t.initial && !t.shouting ? 1 : 0);
      const lower = (stats.lower.get(t.fold) ?? 0) - (t.cap ? 0 : 1);
      const key = `${capMid > 0 ? 'C' : '-'}${lower > 0 ? 'L' : '-'}`;
      emit(`d=${key}`);
      if (t.cap) emit(`d|i|h=${key}|${t.initial ? 1 : 0}${t.shouting ? 1 : 0}`);
      if (t.cap && (stats.runFirst.get(t.fold) ?? 0) > 0) emit('d=first');
      if (t.cap && (stats.runLast.get(t.fold) ?? 0) > 0) emit('d=last');
    }
    if (pass && t.word && input.firstPass) {
      const own = input.firstPass[i] === 'O' ? 'O' : input.firstPass[i].slice(2);
      const other = majorityOther(pass.get(t.fold), own);
      if (other) {
        emit(`p1=${other}`);
        emit(`p1|ss=${other}|${ss}`);
      }
    }
  }
  offsets[n] = len;
  return { offsets, ids: ids.subarray(0, len) };
}
