import type { Entity, Quote, Span, Speaker } from '../types';

/**
 * Candidate speakers of a quote, with the features the speaker ranker scores. A candidate is either what the rule
 * layer attributed (attribution.ts: its cue, resolved) or a person or organization mention near the quote: in its
 * sentence, the two before, the one after ("“…” The words were Trump’s, at a rally."), in the same or an adjacent
 * paragraph. Everything is bounded per quote (a window of sentences, at most MAX_CANDIDATES mentions).
 */

/** Per-language words the features read (lower case). */
export interface SpeakerWords {
  speechVerbs: ReadonlySet<string>;
  /** Pronouns that designate a man / a woman ("he", "il" / "she", "elle"). */
  male: ReadonlySet<string>;
  female: ReadonlySet<string>;
  /** Courtesy titles that tell the gender ("mr", "m." / "mrs", "ms", "mme"). */
  maleTitles: ReadonlySet<string>;
  femaleTitles: ReadonlySet<string>;
  /** Prepositions that make a following mention a complement ("of", "de"). */
  complementWords: ReadonlySet<string>;
}

/** First-name gender: 'm', 'f', or undefined when the name is not known. */
export type GenderOf = (firstName: string) => 'm' | 'f' | undefined;

export interface Candidate {
  /** The speaker this candidate stands for. */
  speaker: Speaker;
  /** The entity it resolves to, when any. */
  entityId: string | null;
  features: string[];
  /** True for the rule layer's own attribution. */
  fromRules: boolean;
}

const MAX_CANDIDATES = 24;
const BEFORE_SENTENCES = 2;
const AFTER_SENTENCES = 1;
const MAX_BEFORE_CHARS = 900;
const MAX_AFTER_CHARS = 500;

interface IndexedMention extends Span {
  entity: Entity;
}

/** Shared per-article lookups, built once per analysis. */
export interface SpeakerContext {
  text: string;
  sentences: readonly Span[];
  paragraphs: readonly Span[];
  mentions: IndexedMention[];
  quotes: readonly Quote[];
  words: SpeakerWords;
  genderOf: GenderOf;
}

export function speakerContext(
  text: string,
  entities: readonly Entity[],
  quotes: readonly Quote[],
  sentences: readonly Span[],
  paragraphs: readonly Span[],
  words: SpeakerWords,
  genderOf: GenderOf,
): SpeakerContext {
  const mentions: IndexedMention[] = [];
  for (const e of entities) {
    for (const m of e.mentions) mentions.push({ start: m.start, end: m.end, entity: e });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, sentences, paragraphs, mentions, quotes, words, genderOf };
}

/** Index of the span containing pos, or of the last span starting before it; -1 when none. */
export function spanIndex(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Index of the first span starting at or after pos (offsets are integers). */
function lowerBound(ms: readonly Span[], pos: number): number {
  return spanIndex(ms, pos - 1) + 1;
}

function insideAnyQuote(quotes: readonly Quote[], pos: number): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const o = quotes[mid].outer;
    if (o.end <= pos) lo = mid + 1;
    else if (o.start > pos) hi = mid - 1;
    else return true;
  }
  return false;
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;

function wordsIn(s: string): string[] {
  return (s.match(WORD_RE) ?? []).map((w) => w.toLowerCase());
}

function bucket(n: number): string {
  if (n <= 0) return '0';
  if (n < 40) return '<40';
  if (n < 120) return '<120';
  if (n < 300) return '<300';
  return '300+';
}

/** The gender a pronoun cue asks for, or undefined. */
function pronounGender(words: SpeakerWords, cue: string): 'm' | 'f' | undefined {
  const w = cue.toLowerCase();
  return words.male.has(w) ? 'm' : words.female.has(w) ? 'f' : undefined;
}

/** The gender of an entity: a courtesy title before one of its mentions, else its first name. */
export function entityGender(ctx: SpeakerContext, e: Entity): 'm' | 'f' | undefined {
  if (e.type !== 'person') return undefined;
  for (const m of e.mentions.slice(0, 8)) {
    const before = wordsIn(ctx.text.slice(Math.max(0, m.start - 6), m.start))
      .pop()
      ?.replace(/\.$/, '');
    if (before && ctx.words.maleTitles.has(before)) return 'm';
    if (before && ctx.words.femaleTitles.has(before)) return 'f';
  }
  const first = e.name.split(/\s+/)[0]?.toLowerCase();
  return first && e.name.includes(' ') ? ctx.genderOf(first) : undefined;
}

/** The candidates of quote `qi` (a non-scare quote): the rules' attribution first, then nearby mentions. */
export function candidatesOf(
  ctx: SpeakerContext,
  qi: number,
  genders: Map<string, 'm' | 'f' | undefined>,
): Candidate[] {
  const q = ctx.quotes[qi];
  const text = ctx.text;
  const out: Candidate[] = [];
  const rule = q.speaker;
  const prevSpeaker = previousSpeaker(ctx.quotes, qi);
  const cueGender =
    rule && rule.via === 'pronoun' ? pronounGender(ctx.words, text.slice(rule.start, rule.end)) : undefined;
  const genderOfEntity = (e: Entity): 'm' | 'f' | undefined => {
    if (!genders.has(e.id)) genders.set(e.id, entityGender(ctx, e));
    return genders.get(e.id);
  };
  if (rule) {
    const f = ['bias', 'rule', `rule.via=${rule.via}`, rule.entityId ? 'rule.resolved' : 'rule.unresolved'];
    if (rule.via === 'pronoun' && cueGender) f.push('rule.genderedPronoun');
    out.push({ speaker: rule, entityId: rule.entityId, features: f, fromRules: true });
  }
  const qs = spanIndex(ctx.sentences, q.outer.start);
  const qe = spanIndex(ctx.sentences, Math.max(q.outer.start, q.outer.end - 1));
  const from = Math.max(
    0,
    q.outer.start - MAX_BEFORE_CHARS,
    ctx.sentences[Math.max(0, qs - BEFORE_SENTENCES)]?.start ?? 0,
  );
  const toSent = ctx.sentences[Math.min(ctx.sentences.length - 1, qe + AFTER_SENTENCES)];
  const to = Math.min(q.outer.end + MAX_AFTER_CHARS, toSent ? toSent.end : text.length);
  const qp = spanIndex(ctx.paragraphs, q.outer.start);
  const seen = new Map<string, number>();
  const ms = ctx.mentions;
  // mentions nearest the quote first, so that the cap keeps the close ones
  const before: IndexedMention[] = [];
  const after: IndexedMention[] = [];
  for (let k = lowerBound(ms, from); k < ms.length && ms[k].start < to; k++) {
    const m = ms[k];
    if (m.end > q.outer.start && m.start < q.outer.end) continue;
    if (insideAnyQuote(ctx.quotes, m.start)) continue;
    (m.start < q.outer.start ? before : after).push(m);
  }
  before.reverse();
  let nearestBefore = true;
  let nearestAfter = true;
  const ordered: Array<[IndexedMention, boolean]> = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (i < after.length) ordered.push([after[i], false]);
    if (i < before.length) ordered.push([before[i], true]);
  }
  for (const [m, isBefore] of ordered.slice(0, MAX_CANDIDATES)) {
    const e = m.entity;
    const f: string[] = ['bias', 'mention', `type=${e.type}`];
    const side = isBefore ? 'before' : 'after';
    const dist = isBefore ? q.outer.start - m.end : m.start - q.outer.end;
    f.push(`side=${side}`, `dist=${side}${bucket(dist)}`);
    const ms_ = spanIndex(ctx.sentences, m.start);
    const sentOff = isBefore ? ms_ - qs : ms_ - qe;
    f.push(`sent=${side}${Math.max(-3, Math.min(2, sentOff))}`);
    const mp = spanIndex(ctx.paragraphs, m.start);
    f.push(`para=${Math.max(-2, Math.min(1, mp - qp))}`);
    const count = e.mentions.length;
    f.push(`count=${count >= 5 ? '5+' : count >= 2 ? '2-4' : '1'}`);
    const n = seen.get(e.id) ?? 0;
    seen.set(e.id, n + 1);
    if (n === 0) f.push('firstOfEntity');
    if (isBefore && nearestBefore && e.type === 'person') {
      f.push('nearestPersonBefore');
      nearestBefore = false;
    }
    if (!isBefore && nearestAfter && e.type === 'person') {
      f.push('nearestPersonAfter');
      nearestAfter = false;
    }
    const wAfter = wordsIn(text.slice(m.end, Math.min(text.length, m.end + 40))).slice(0, 3);
    const wBefore = wordsIn(text.slice(Math.max(0, m.start - 30), m.start)).slice(-2);
    const verbAfter = wAfter.some((w) => ctx.words.speechVerbs.has(w));
    const verbBefore = wBefore.some((w) => ctx.words.speechVerbs.has(w));
    if (verbAfter)
      f.push('verbAfter', `verbAfter&${side}`, `verbAfter&sent=${side}${Math.max(-3, Math.min(2, sentOff))}`);
    if (verbBefore) f.push('verbBefore', `verbBefore&${side}`);
    if (/^['’]s?\b/.test(text.slice(m.end, m.end + 2))) f.push('possessive');
    if (wBefore.length && ctx.words.complementWords.has(wBefore[wBefore.length - 1])) f.push('complement');
    const sent = ctx.sentences[ms_];
    if (sent && wordsIn(text.slice(sent.start, m.start)).length <= 2) f.push('sentenceStart');
    if (rule && rule.entityId === e.id) f.push('sameAsRule');
    if (rule && !rule.entityId && rule.via === 'named') f.push('ruleUnresolvedNamed');
    if (!rule) f.push('noRule', `noRule&${side}`);
    if (prevSpeaker && prevSpeaker === e.id) f.push('sameAsPrevious');
    if (cueGender) {
      const g = genderOfEntity(e);
      f.push(g === undefined ? 'gender=unknown' : g === cueGender ? 'gender=agree' : 'gender=clash');
    }
    out.push({
      speaker: { name: e.name, entityId: e.id, start: m.start, end: m.end, via: 'named' },
      entityId: e.id,
      features: f,
      fromRules: false,
    });
  }
  pronounCandidates(ctx, q, from, to, qs, qe, qp, out, genderOfEntity);
  return out;
}

const PRONOUN_RE = /(?<![\p{L}\p{N}'’-])(he|she|they|it|il|elle|ils|elles)(?![\p{L}\p{N}'’-])/giu;

/**
 * "He", "she", "they" near the quote but outside it (the rules missed them, or they name another speaker): the
 * candidate's words are the pronoun; it stands for the latest person before it of the pronoun's gender.
 */
function pronounCandidates(
  ctx: SpeakerContext,
  q: Quote,
  from: number,
  to: number,
  qs: number,
  qe: number,
  qp: number,
  out: Candidate[],
  genderOfEntity: (e: Entity) => 'm' | 'f' | undefined,
): void {
  const text = ctx.text;
  let n = 0;
  for (const seg of [
    [from, q.outer.start],
    [q.outer.end, to],
  ] as const) {
    const isBefore = seg[0] === from;
    const re = new RegExp(PRONOUN_RE.source, 'giu');
    const slice = text.slice(seg[0], seg[1]);
    const found: Array<{ start: number; end: number; pron: string }> = [];
    for (let m = re.exec(slice); m && found.length < 6; m = re.exec(slice)) {
      const start = seg[0] + m.index;
      if (!insideAnyQuote(ctx.quotes, start)) found.push({ start, end: start + m[0].length, pron: m[0].toLowerCase() });
    }
    const near = isBefore ? found.slice(-3).reverse() : found.slice(0, 3);
    for (const p of near) {
      if (n++ >= 6 || (q.speaker && q.speaker.start === p.start)) continue;
      const side = isBefore ? 'before' : 'after';
      const dist = isBefore ? q.outer.start - p.end : p.start - q.outer.end;
      const ps = spanIndex(ctx.sentences, p.start);
      const sentOff = Math.max(-3, Math.min(2, isBefore ? ps - qs : ps - qe));
      const f = [
        'bias',
        'pronoun',
        `pron=${p.pron}`,
        `pron.side=${side}`,
        `pron.dist=${side}${bucket(dist)}`,
        `pron.sent=${side}${sentOff}`,
        `pron.para=${Math.max(-2, Math.min(1, spanIndex(ctx.paragraphs, p.start) - qp))}`,
      ];
      const wAfter = wordsIn(text.slice(p.end, Math.min(text.length, p.end + 30))).slice(0, 2);
      const wBefore = wordsIn(text.slice(Math.max(0, p.start - 24), p.start)).slice(-1);
      if (wAfter.some((w) => ctx.words.speechVerbs.has(w)))
        f.push('pron.verbAfter', `pron.verbAfter&sent=${side}${sentOff}`);
      if (wBefore.some((w) => ctx.words.speechVerbs.has(w))) f.push('pron.verbBefore');
      if (!q.speaker) f.push('pron.noRule');
      const sent = ctx.sentences[ps];
      if (sent && wordsIn(text.slice(sent.start, p.start)).length <= 1) f.push('pron.sentenceStart');
      // the person it stands for: the latest before it whose gender fits
      const want = ctx.words.male.has(p.pron) ? 'm' : ctx.words.female.has(p.pron) ? 'f' : undefined;
      let ante: Entity | null = null;
      for (let k = lowerBound(ctx.mentions, p.start) - 1, steps = 0; k >= 0 && steps < 40; k--, steps++) {
        const e = ctx.mentions[k].entity;
        if (e.type !== 'person' || insideAnyQuote(ctx.quotes, ctx.mentions[k].start)) continue;
        const g = genderOfEntity(e);
        if (want && g && g !== want) continue;
        ante = e;
        break;
      }
      if (ante && q.speaker?.entityId === ante.id) f.push('pron.sameAsRule');
      out.push({
        speaker: {
          name: ante?.name ?? text.slice(p.start, p.end),
          entityId: ante?.id ?? null,
          start: p.start,
          end: p.end,
          via: 'pronoun',
        },
        entityId: ante?.id ?? null,
        features: f,
        fromRules: false,
      });
    }
  }
}

function previousSpeaker(quotes: readonly Quote[], qi: number): string | null {
  for (let k = qi - 1; k >= 0 && qi - k <= 4; k--) {
    const s = quotes[k].speaker;
    if (!quotes[k].scare && s) return s.entityId;
  }
  return null;
}
