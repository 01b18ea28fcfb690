/**
 * The statistical entity tagger: an averaged structured perceptron over BIO labels with Viterbi decoding
 * (weights from scripts/train). Input: the entity layer's tokens, the rule layer's labels (features), and the
 * reader's name rules (hard constraints). Output: mention spans with a type; clustering, aliases and canonical
 * names stay with the rule layer (entities.ts).
 */
import { foldPattern } from '../corrections/foldedText';
import { foldKey } from '../text';
import type { EntityType } from '../types';
import { bioTransitions, emissions, segmentTokens, viterbi } from './decode';
import { extractFeatures, type FeatureGroup, type FeatureSpec, type LexiconProbe, type NerToken } from './features';
import type { NerModel } from './model';

/** A reader's rule: every occurrence of `text` is an entity of `type`, or never an entity (`type` null). */
export interface NameRule {
  text: string;
  type: EntityType | null;
}

/** A tagged mention over token indices (inclusive). */
export interface TokenSpan {
  first: number;
  last: number;
  /** Label type: "PER", "ORG", "LOC" (and "MISC" for models that learn it). */
  type: string;
}

export const ENTITY_LABEL_TYPES: Readonly<Record<EntityType, string>> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
};

/** BIO label per token from character spans (mentions of the rule layer, or gold entities when training). */
export function spansToLabels(
  tokens: readonly NerToken[],
  spans: ReadonlyArray<{ start: number; end: number; type: string }>,
): string[] {
  const labels = new Array<string>(tokens.length).fill('O');
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const s of sorted) {
    while (k < tokens.length && tokens[k].end <= s.start) k++;
    let first = true;
    for (let i = k; i < tokens.length && tokens[i].start < s.end; i++) {
      if (labels[i] !== 'O') continue; // overlapping spans: the first one keeps the token
      labels[i] = `${first ? 'B' : 'I'}-${s.type}`;
      first = false;
    }
  }
  return labels;
}

/** Mentions from a BIO label sequence. */
export function labelsToSpans(labels: readonly string[]): TokenSpan[] {
  const out: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  labels.forEach((l, i) => {
    if (l.startsWith('I-') && cur && cur.type === l.slice(2)) {
      cur.last = i;
      return;
    }
    if (cur) out.push(cur);
    cur = l === 'O' ? null : { first: i, last: i, type: l.slice(2) };
  });
  if (cur) out.push(cur);
  return out;
}

/** The feature spec of one stage of a model. */
export function stageSpec(
  model: NerModel,
  groups: readonly FeatureGroup[],
  lexicons: readonly LexiconProbe[],
): FeatureSpec {
  return { groups: new Set(groups), vocabulary: model.vocabulary, bits: model.bits, lexicons };
}

/**
 * Per-token allowed labels (n × L, 1 = allowed) from the reader's rules, or undefined when no rule applies.
 * A typed rule forces B-X I-X… over its words and ends the mention there; an untyped one forces O. Words match as
 * the reader's corrections match them: accents, apostrophes and spacing aside, case as written ("State" is not "state").
 */
export function ruleConstraints(
  text: string,
  tokens: readonly NerToken[],
  labels: readonly string[],
  rules: readonly NameRule[],
): Uint8Array | undefined {
  if (rules.length === 0 || tokens.length === 0) return undefined;
  const L = labels.length;
  let allowed: Uint8Array | undefined;
  const byFirst = new Map<string, Array<{ fold: string; cased: string; type: string | null }>>();
  for (const r of rules) {
    const fold = foldKey(r.text);
    if (!fold) continue;
    const list = byFirst.get(fold[0]) ?? [];
    list.push({ fold, cased: foldPattern(r.text).trim(), type: r.type ? ENTITY_LABEL_TYPES[r.type] : null });
    byFirst.set(fold[0], list);
  }
  const only = (i: number, label: string): void => {
    allowed ??= new Uint8Array(tokens.length * L).fill(1);
    for (let l = 0; l < L; l++) allowed[i * L + l] = labels[l] === label ? 1 : 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const cands = byFirst.get(tokens[i].fold[0]);
    if (!cands || !tokens[i].word || (i > 0 && tokens[i - 1].end === tokens[i].start && tokens[i - 1].word)) continue;
    for (const c of cands) {
      for (let j = i; j < tokens.length && tokens[j].end - tokens[i].start <= c.fold.length + 4; j++) {
        if (foldKey(text.slice(tokens[i].start, tokens[j].end)) !== c.fold) continue;
        if (foldPattern(text.slice(tokens[i].start, tokens[j].end)) !== c.cased) continue;
        if (j + 1 < tokens.length && tokens[j + 1].start === tokens[j].end && tokens[j + 1].word) continue; // inside a word
        for (let k = i; k <= j; k++) only(k, c.type ? `${k === i ? 'B' : 'I'}-${c.type}` : 'O');
        if (c.type && j + 1 < tokens.length && allowed) {
          const cont = labels.indexOf(`I-${c.type}`);
          if (cont >= 0) allowed[(j + 1) * L + cont] = 0;
        }
        break;
      }
    }
  }
  return allowed;
}

export interface TagInput {
  text: string;
  tokens: readonly NerToken[];
  /** The rule layer's BIO label per token (features for models trained with the `rules` group). */
  ruleLabels?: readonly string[];
}

/** Decodes one stage over every segment; returns a label per token. */
function decodeStage(
  model: NerModel,
  stageIndex: number,
  input: TagInput,
  lexicons: readonly LexiconProbe[],
  firstPass: readonly string[] | undefined,
  allowed: Uint8Array | undefined,
): string[] {
  const stage = model.stages[stageIndex];
  const L = model.labels.length;
  const fm = extractFeatures(
    { tokens: input.tokens, text: input.text, ruleLabels: input.ruleLabels, firstPass },
    stageSpec(model, stage.groups, lexicons),
  );
  const valid = bioTransitions(model.labels);
  const labels = new Array<string>(input.tokens.length).fill('O');
  let em = new Float64Array(64 * L);
  for (const [from, to] of segmentTokens(input.tokens, input.text)) {
    if (em.length < (to - from) * L) em = new Float64Array((to - from) * L * 2);
    emissions(fm, stage.weights, L, from, to, em);
    const path =
      viterbi(em, stage.scale, to - from, L, stage.transitions, valid, allowed, from) ??
      viterbi(em, stage.scale, to - from, L, stage.transitions, valid);
    if (path) for (let i = from; i < to; i++) labels[i] = model.labels[path[i - from]];
  }
  return labels;
}

export interface TagOptions {
  /** The reader's rules: hard constraints on the labels. */
  rules?: readonly NameRule[];
  /**
   * Widen a mention to the rule layer's mention that strictly contains it, with that mention's type (the rules know
   * name patterns the training data lacks: "Cavaliers de Cleveland", "océan Indien"). Never against a reader's rule.
   */
  extendToRules?: boolean;
  /**
   * Rule mentions backed by evidence the rules rarely get wrong (a gazetteer name, a title before a name, a French
   * institution or geographic head: "océan Indien", "Empire romain"): they replace the tagger's mentions they overlap.
   * Never against a reader's rule.
   */
  strongRuleSpans?: readonly TokenSpan[];
  /** Every rule mention stays; the tagger adds the mentions that overlap none (see NerPack.combination). */
  rulesFirst?: boolean;
}

/** Tags the tokens with the model (both stages when it has two) under the reader's rules. */
export function tagTokens(
  model: NerModel,
  input: TagInput,
  lexicons: readonly LexiconProbe[],
  options: TagOptions = {},
): { labels: string[]; spans: TokenSpan[] } {
  const allowed = ruleConstraints(input.text, input.tokens, model.labels, options.rules ?? []);
  let labels = decodeStage(model, 0, input, lexicons, undefined, allowed);
  for (let s = 1; s < model.stages.length; s++) labels = decodeStage(model, s, input, lexicons, labels, allowed);
  let spans = labelsToSpans(labels);
  if (options.extendToRules && input.ruleLabels)
    spans = extendToRuleSpans(spans, labelsToSpans(input.ruleLabels), model.labels, allowed);
  if (options.strongRuleSpans?.length) spans = preferRuleSpans(spans, options.strongRuleSpans, model.labels, allowed);
  if (options.rulesFirst && input.ruleLabels)
    spans = preferRuleSpans(spans, labelsToSpans(input.ruleLabels), model.labels, allowed);
  return { labels, spans };
}

/** See TagOptions.strongRuleSpans. */
export function preferRuleSpans(
  spans: readonly TokenSpan[],
  ruleSpans: readonly TokenSpan[],
  labels: readonly string[],
  allowed?: Uint8Array,
): TokenSpan[] {
  const kept = ruleSpans.filter((r) => permitted(r, labels, allowed));
  const overlaps = (a: TokenSpan, b: TokenSpan): boolean => a.first <= b.last && b.first <= a.last;
  const out = [...kept.map((r) => ({ ...r })), ...spans.filter((s) => !kept.some((r) => overlaps(r, s)))];
  return out.sort((a, b) => a.first - b.first);
}

function permitted(s: TokenSpan, labels: readonly string[], allowed?: Uint8Array): boolean {
  if (!allowed) return true;
  const L = labels.length;
  for (let i = s.first; i <= s.last; i++) {
    const l = labels.indexOf(`${i === s.first ? 'B' : 'I'}-${s.type}`);
    if (l < 0 || !allowed[i * L + l]) return false;
  }
  return true;
}

/** See TagOptions.extendToRules. Spans that end up equal are kept once. */
export function extendToRuleSpans(
  spans: readonly TokenSpan[],
  ruleSpans: readonly TokenSpan[],
  labels: readonly string[],
  allowed?: Uint8Array,
): TokenSpan[] {
  const permits = (s: TokenSpan): boolean => permitted(s, labels, allowed);
  const out: TokenSpan[] = [];
  let r = 0;
  for (const s of spans) {
    while (r < ruleSpans.length && ruleSpans[r].last < s.first) r++;
    const rule = ruleSpans[r];
    const wider =
      rule &&
      rule.first <= s.first &&
      rule.last >= s.last &&
      (rule.first < s.first || rule.last > s.last) &&
      permits(rule)
        ? rule
        : s;
    const prev = out[out.length - 1];
    if (prev && prev.first === wider.first && prev.last === wider.last) continue;
    if (prev && wider.first <= prev.last) continue; // overlaps the previous widened span
    out.push({ ...wider });
  }
  return out;
}
