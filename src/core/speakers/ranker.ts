import type { Entity, Quote, Span } from '../types';
import {
  candidatesOf,
  spanIndex,
  speakerContext,
  type Candidate,
  type GenderOf,
  type SpeakerWords,
} from './candidates';

/**
 * The speaker ranker: a linear model over the candidates of each quote (candidates.ts), trained on PolNeAR train by
 * `npm run train` (scripts/train/speakers.ts; see speakerModel.md). It keeps the rules' attribution unless another
 * candidate scores higher; the rules' output is one of its features, so it learns when to trust them.
 */
export interface SpeakerModel {
  /** Feature name → weight. Absent features weigh 0. */
  weights: Readonly<Record<string, number>>;
  meta?: Readonly<Record<string, unknown>>;
}

export function scoreCandidate(model: SpeakerModel, c: Candidate): number {
  let s = 0;
  for (const f of c.features) s += model.weights[f] ?? 0;
  return s;
}

/** The best candidate (the first on a tie, so the rules' attribution wins ties), or null when there is none. */
export function bestCandidate(model: SpeakerModel, cands: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const c of cands) {
    const s = scoreCandidate(model, c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

export interface RankInput {
  text: string;
  entities: readonly Entity[];
  quotes: readonly Quote[];
  sentences: readonly Span[];
  paragraphs: readonly Span[];
  words: SpeakerWords;
  genderOf: GenderOf;
}

/** Every non-scare quote's candidates, in quote order (index = quote index; scare quotes get an empty list). */
export function allCandidates(input: RankInput): Candidate[][] {
  const ctx = speakerContext(
    input.text,
    input.entities,
    input.quotes,
    input.sentences,
    input.paragraphs,
    input.words,
    input.genderOf,
  );
  const genders = new Map<string, 'm' | 'f' | undefined>();
  return input.quotes.map((q, qi) => (q.scare ? [] : candidatesOf(ctx, qi, genders)));
}

/** A paragraph that holds only the quote, without sentence-final punctuation: a heading. */
function isHeadingQuote(input: RankInput, q: Quote): boolean {
  const para = input.paragraphs[spanIndex(input.paragraphs, q.outer.start)];
  if (!para || q.outer.end > para.end) return false;
  const rest = input.text.slice(para.start, q.outer.start) + input.text.slice(q.outer.end, para.end);
  return /^[\s.,;:!?…]*$/.test(rest) && !/[.!?…]\s*$/.test(q.text) && !/[.!?…]/.test(rest);
}

/** The quotes with the ranker's speakers. Returns new Quote objects where a speaker changed; never mutates. */
export function rankSpeakers(model: SpeakerModel, input: RankInput): Quote[] {
  const cands = allCandidates(input);
  return input.quotes.map((q, qi) => {
    // an intertitle made of a quote ("“TikTok has never provided any data”" on its own line) is nobody's statement
    // unless the rules found words that attribute it
    if (!q.speaker && isHeadingQuote(input, q)) return q;
    const best = bestCandidate(model, cands[qi]);
    if (!best || best.fromRules) return q;
    // the same entity as the rules found: keep the rules' words (the cue that attributes the quote)
    if (q.speaker && q.speaker.entityId && q.speaker.entityId === best.entityId) return q;
    return { ...q, speaker: best.speaker };
  });
}
