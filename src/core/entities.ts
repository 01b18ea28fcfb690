/**
 * Named entities (person, organization, place) for English and French.
 *
 * The language pack's tagger (compromise, fr-compromise) tags the text once; rule layers on top of its tags do the
 * rest:
 * runs of capitalised words (joined by "of", "de", "du"…) are candidate names; each run is typed from a
 * gazetteer of countries, organization suffixes/heads, titles, compromise's tags, the word shape (CamelCase
 * brands, acronyms) and the context ("the firm X", "in X", "X, the head of", "à X"); the type a name gets is
 * then remembered for the whole article, and short forms are linked to the full one ("Trump" → "Donald Trump",
 * "U.S." → "United States").
 */
import {
  CALENDAR_WORDS,
  COMMON_ACRONYMS,
  COMPASS_WORDS,
  NOT_NAMES,
  INSTITUTIONS,
  EVENT_WORDS,
  lookupGazetteer,
  ORG_CUES,
  ORG_HEADS,
  ORG_SUFFIXES,
  PERSON_CUES,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  SPEECH_VERBS,
  TITLES,
  type GazetteerEntry,
} from './gazetteer';
import type { LanguagePack, TaggedTerm } from './lang/pack';
import { allPacks } from './lang/registry';
import type { NerToken } from './ner/features';
import { ENTITY_LABEL_TYPES, spansToLabels, tagTokens, type NameRule, type TokenSpan } from './ner/tagger';
import { taggerCalls } from './taggerInput';
import { throwIfAborted } from './abort';
import { ABBREVIATIONS, foldKey } from './text';
import type { Entity, EntityType, Mention } from './types';

/** The language a rule layer works in: its pack. */
type Lang = LanguagePack;

/** A token: its text, span, shape flags and compromise's tags (the tagger's features read the same tokens). */
type Tok = NerToken;

interface Candidate {
  first: number;
  last: number; // token indices, inclusive
  scores: Record<EntityType, number>;
  /** Evidence that cannot be overturned by the article-wide vote (gazetteer, title before the name). */
  strong: EntityType | null;
  /** Typed by its own line, not by the article-wide vote (a team in a results table). */
  fixed?: EntityType;
  /** The type the learned tagger gave this mention: kept, whatever the other mentions' votes. */
  own?: EntityType;
  gaz: GazetteerEntry | undefined;
}

const TYPES: readonly EntityType[] = ['person', 'organization', 'place'];
const MAX_RUN = 8;

const NON_NAME_TAGS = [
  'Verb',
  'Adverb',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'QuestionWord',
  'Value',
  'Auxiliary',
  'Copula',
  'Negative',
  'Expression',
];

const OPENERS = new Set(['.', '!', '?', '…', ':', ';', '"', '“', '«', '(', '[', '-', '–', '—', '•', '*', "'", '‘']);

const FR_ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]/i;
const EN_POSSESSIVE = /['’]s?$/i;
const TOKEN_RE = /(?:\p{Lu}\.)+(?!\p{L})|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.&][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*|\S/gu;

export interface FindEntitiesOptions {
  /**
   * `model` (the default): the learned tagger finds and types the mentions, with the rule layer's output among its
   * features, and the rules cluster them; `rules`: the rule layer alone.
   */
  engine?: 'model' | 'rules';
  /** The reader's rules ("Countrywide" is an organization, "State" is never an entity): constraints on the tagger. */
  nameRules?: readonly NameRule[];
}

/** Finds people, organizations and places: the learned tagger over compromise / fr-compromise and the rule layer. */
export function findEntities(
  text: string,
  lang: LanguagePack,
  signal?: AbortSignal,
  options: FindEntitiesOptions = {},
): Entity[] {
  throwIfAborted(signal);
  if (!text || !/\p{Lu}/u.test(text)) return [];
  const layer = ruleLayer(text, lang, signal);
  if (options.engine === 'rules') return layer.entities;
  const spans = modelSpans(text, lang, layer, options.nameRules ?? []);
  throwIfAborted(signal);
  return resolve(
    text,
    layer.toks,
    spans.map((s) => modelCandidate(layer.toks, s)),
    lang,
    true,
  );
}

/** The tokens the entity layer sees (compromise's tags attached) and the rule layer's entities over them. */
export interface RuleLayer {
  toks: NerToken[];
  entities: Entity[];
  /** The rule mentions backed by strong evidence (gazetteer, title, French institution or geographic head). */
  strong: TokenSpan[];
}

/** Runs the rule layer. Also the input of the tagger's training (scripts/train), so training sees what inference sees. */
export function ruleLayer(text: string, lang: Lang, signal?: AbortSignal): RuleLayer {
  const terms = tagInChunks(text, lang, signal);
  const toks = tokenize(text, lang);
  attachTags(toks, terms);
  markInitials(text, toks);
  throwIfAborted(signal);
  const cands = findCandidates(toks, lang);
  scoreCandidates(toks, cands, lang);
  markResultTables(text, toks, cands);
  propagateCoordination(toks, cands);
  throwIfAborted(signal);
  const strong = cands
    .filter((c) => c.strong)
    .map((c) => ({ first: c.first, last: c.last, type: ENTITY_LABEL_TYPES[c.strong as EntityType] }));
  return { toks, entities: resolve(text, toks, cands, lang), strong };
}

/**
 * The tagger's mentions (PER/ORG/LOC; a model's MISC is dropped), before clustering. `combined`: as shipped, with the
 * language's use of the rule layer's spans; otherwise the tagger's own spans.
 */
export function modelSpans(
  text: string,
  lang: Lang,
  layer: RuleLayer,
  nameRules: readonly NameRule[] = [],
  combined = true,
): TokenSpan[] {
  const pack = lang.ner;
  const ruleLabels = spansToLabels(
    layer.toks,
    layer.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: ENTITY_LABEL_TYPES[e.type] }))),
  );
  const { spans } = tagTokens(pack.model(), { text, tokens: layer.toks, ruleLabels }, pack.lexicons, {
    rules: nameRules,
    extendToRules: combined && pack.extendToRules,
    strongRuleSpans: combined && pack.preferStrongRules ? layer.strong : undefined,
    rulesFirst: combined && pack.rulesFirst,
  });
  return spans.filter((s) => LABEL_ENTITY_TYPES[s.type] !== undefined);
}

const LABEL_ENTITY_TYPES: Readonly<Record<string, EntityType>> = { PER: 'person', ORG: 'organization', LOC: 'place' };

function modelCandidate(toks: Tok[], s: TokenSpan): Candidate {
  const own = LABEL_ENTITY_TYPES[s.type];
  const scores = emptyScores();
  scores[own] = 1;
  return {
    first: s.first,
    last: s.last,
    scores,
    strong: null,
    gaz: lookupGazetteer(joinSurface(toks, s.first, s.last)),
    own,
  };
}

// ---------------------------------------------------------------------------------------------- tagging

/**
 * Tags the text in bounded pieces (see taggerInput.ts: the taggers are super-linear in a sentence's length), one
 * call per ~20 KB group of pieces, checking for cancellation between calls.
 */
function tagInChunks(text: string, lang: Lang, signal?: AbortSignal): TaggedTerm[] {
  const tag = lang.tag;
  const out: TaggedTerm[] = [];
  for (const call of taggerCalls(text)) {
    throwIfAborted(signal);
    let terms: TaggedTerm[];
    try {
      terms = tag(call.text);
    } catch {
      terms = []; // a tagger failure on odd input must not break the analysis
    }
    for (const t of terms) out.push({ ...t, start: t.start + call.start, end: t.end + call.start });
  }
  return out;
}

function tokenize(text: string, lang: Lang): Tok[] {
  const toks: Tok[] = [];
  const push = (t: string, start: number): void => {
    const c = t.codePointAt(0) ?? 0;
    const ch = String.fromCodePoint(c);
    const word = /[\p{L}\p{N}]/u.test(ch);
    toks.push({
      text: t,
      start,
      end: start + t.length,
      word,
      cap: /\p{Lu}/u.test(ch),
      initial: false,
      shouting: false,
      tags: [],
      fold: word ? quickFold(t) : t,
    });
  };
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let t = m[0];
    let start = m.index;
    // "Inc.", "Bros.", "St.", "Mr.": the dot belongs to the abbreviation (and to the name, as in "Warner Bros.").
    if (text.charCodeAt(m.index + t.length) === 46 && /^\p{Lu}/u.test(t) && ABBREVIATIONS.has(t.toLowerCase())) {
      t += '.';
      TOKEN_RE.lastIndex = m.index + t.length;
    }
    if (t.length > 1 && /['’]/.test(t)) {
      const el = FR_ELISION.exec(t);
      if (el && el[0].length < t.length && (lang.entities.splitElision || /^[ld]['’]\p{Lu}/u.test(t))) {
        push(el[0], start);
        start += el[0].length;
        t = t.slice(el[0].length);
      }
      const pos = EN_POSSESSIVE.exec(t);
      if (pos && pos.index > 0 && lang.entities.splitPossessive) {
        push(t.slice(0, pos.index), start);
        push(t.slice(pos.index), start + pos.index);
        continue;
      }
    }
    // "ZDNet.com": the site's name is the organization.
    const dom = /^(.+)\.(?:com|net|org|fr|io|info|co\.uk|de|be|ca|ch)$/i.exec(t);
    if (dom) {
      push(dom[1], start);
      push(t.slice(dom[1].length), start + dom[1].length);
      continue;
    }
    // A trailing dot that is not an acronym's belongs to the sentence ("in Washington.").
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(t)) {
      push(t.slice(0, -1), start);
      push('.', start + t.length - 1);
      continue;
    }
    push(t, start);
  }
  return toks;
}

/** `foldKey` for one token, with a fast path for plain ASCII (most tokens). */
function quickFold(t: string): string {
  return /^[\x20-\x7e]*$/.test(t) ? t.toLowerCase() : foldKey(t);
}

function attachTags(toks: Tok[], terms: TaggedTerm[]): void {
  let j = 0;
  for (const tok of toks) {
    if (!tok.word) continue;
    while (j < terms.length && terms[j].end <= tok.start) j++;
    if (j < terms.length && terms[j].start <= tok.start && tok.start < terms[j].end) tok.tags = terms[j].tags;
  }
}

function markInitials(text: string, toks: Tok[]): void {
  let lineStart = 0;
  for (let i = 0; i < toks.length; i++) {
    const prev = i > 0 ? toks[i - 1] : null;
    const gap = prev ? text.slice(prev.end, toks[i].start) : '\n';
    if (gap.includes('\n')) {
      markShouting(toks, lineStart, i);
      lineStart = i;
    }
    toks[i].initial =
      !prev || gap.includes('\n') || (!prev.word && OPENERS.has(prev.text)) || (prev.initial && !prev.word);
  }
  markShouting(toks, lineStart, toks.length);
}

/** A line whose words are mostly in capitals is a headline: capitals carry no information there. */
function markShouting(toks: Tok[], from: number, to: number): void {
  let words = 0;
  let upper = 0;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (!t.word || !/\p{L}/u.test(t.text)) continue;
    words++;
    if (t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase()) upper++;
  }
  if (words >= 2 && upper / words >= 0.6) for (let i = from; i < to; i++) toks[i].shouting = true;
}

// ----------------------------------------------------------------------------------------- candidates

const hasTag = (t: Tok, tag: string): boolean => t.tags.includes(tag);
/** Brand-like CamelCase ("TikTok", "ByteDance", "ZDNet"), not Scottish/Irish/Dutch surnames ("McDonald", "DeVito"). */
const isCamel = (s: string): boolean =>
  /^\p{Lu}[\p{L}\p{N}]*$/u.test(s) &&
  /\p{Ll}/u.test(s) &&
  (/\p{Ll}\p{Lu}/u.test(s) || /^\p{Lu}{2,}\p{Ll}{2,}/u.test(s)) &&
  !/^\p{Lu}+s$/u.test(s) && // "MPs", "CEOs"
  !/^(?:Mc|Mac|O'|Van|De|Di|Da|Du|La|Le|Fitz)\p{Lu}\p{Ll}+$/u.test(s);
const isAcronym = (s: string): boolean => /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(s);

function lexiconTag(lang: Lang, word: string): string | undefined {
  return lang.lexicon(word);
}

/** True for a capitalised token that may be (part of) a name; `mid` says whether capitals are informative here. */
function nameLike(t: Tok, lang: Lang, known: ReadonlySet<string>): boolean {
  if (!t.word || !t.cap) return false;
  if (CALENDAR_WORDS.has(t.fold) || /^\p{N}/u.test(t.text)) return false;
  if (t.text === 'I' || t.text === 'A' || t.text === 'À') return false;
  if (NOT_NAMES.has(t.fold)) return false;
  if (isDemonym(t, lang)) return false;
  if (COMMON_ACRONYMS.has(t.text)) return false;
  if (!t.initial && !t.shouting) return !isFunctionWord(t, lang);
  // First word of a sentence or a headline word: only with evidence it is a name.
  if (NON_NAME_TAGS.some((g) => hasTag(t, g)) && !nameTag(t) && !lookupGazetteer(t.text)) return false;
  if (known.has(t.text)) return true;
  if (lookupGazetteer(t.text)) return true;
  if (isCamel(t.text)) return true;
  if (NON_NAME_TAGS.some((g) => hasTag(t, g))) return false;
  const lex = lexiconTag(lang, t.fold);
  // In a headline the tagger guesses from capitals; a word the lexicon knows as a common word is not a name.
  if (t.shouting && lex && !/Name|Place|City|Country|Region|Organization|Person/.test(lex)) return false;
  if (hasTag(t, 'Person') || hasTag(t, 'Place') || hasTag(t, 'Organization') || hasTag(t, 'FirstName')) return true;
  if (lex && !/Name|Place|City|Country|Region|Organization|Person/.test(lex)) return false;
  return hasTag(t, 'ProperNoun') && !t.shouting;
}

/** Capitalised pronouns and determiners mid-sentence ("IT" read as "it" stays a name only when the tagger says so). */
function isFunctionWord(t: Tok, lang: Lang): boolean {
  if (lookupGazetteer(t.text)) return false;
  if (t.text.length <= 1) return true;
  const lex = lexiconTag(lang, t.fold);
  return (
    !!lex &&
    /^(?:Pronoun|Determiner|Preposition|Conjunction|Copula|Auxiliary|Negative|QuestionWord)$/.test(lex) &&
    !nameTag(t)
  );
}

const isDemonym = (t: Tok, lang: Lang): boolean => hasTag(t, 'Demonym') || lexiconTag(lang, t.fold) === 'Demonym';

const nameTag = (t: Tok): boolean => hasTag(t, 'Person') || hasTag(t, 'Place') || hasTag(t, 'Organization');

/** True when the lower-cased word is a first name in any language's lexicon (names cross languages). */
function isFirstName(word: string): boolean {
  return allPacks().some((p) => p.entities.firstNameTags.test(p.lexicon(word) ?? ''));
}

function findCandidates(toks: Tok[], lang: Lang): Candidate[] {
  // Names written capitalised in mid-sentence somewhere in the article are names everywhere.
  const known = new Set<string>();
  for (const t of toks)
    if (t.word && t.cap && !t.initial && !t.shouting && !CALENDAR_WORDS.has(t.fold)) known.add(t.text);
  const connectors = lang.entities.connectors;
  const pair = lang.entities.particlePair;
  const cands: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const t0 = toks[i];
    const next = toks[i + 1];
    // Multi-word gazetteer names where capitals say nothing ("HONG KONG", "New Zealand" opening a sentence).
    if (t0.cap && t0.word && (t0.initial || t0.shouting) && next?.word) {
      const n = gazetteerWindow(toks, i);
      if (n > 0) {
        cands.push({ first: i, last: i + n - 1, scores: emptyScores(), strong: null, gaz: undefined });
        i += n;
        continue;
      }
    }
    // A demonym starts a run only when a name follows it ("European Union", "British Airways").
    const demonymStart =
      t0.word &&
      t0.cap &&
      isDemonym(t0, lang) &&
      next !== undefined &&
      next.start - t0.end <= 1 &&
      !next.initial &&
      nameLike(next, lang, known);
    // French geographic names after a lower-case head ("océan Indien") are names even when tagged adjectives.
    const afterPlaceHead =
      t0.cap && !t0.initial && i > 0 && !toks[i - 1].cap && lang.entities.placeHeads.has(toks[i - 1].fold);
    if (!demonymStart && !afterPlaceHead && !nameLike(t0, lang, known)) {
      i++;
      continue;
    }
    let last = i;
    let k = i + 1;
    while (k < toks.length && last - i < MAX_RUN) {
      const t = toks[k];
      if (t.start - toks[k - 1].end > 2 || /\n/.test(t.text)) break;
      if (nameLike(t, lang, known) && !t.initial) {
        last = k;
        k++;
        continue;
      }
      // "Bank of England", "Banque de France", "Côte d'Ivoire": a connector between two name words.
      // Two connectors: "Ministère de la Défense", "Institut de l'Ouest", "Joost van der Westhuizen".
      const twoParticles =
        (pair !== null && t.fold === pair.first && k + 2 < toks.length && pair.second.test(toks[k + 1].text)) ||
        (k + 2 < toks.length &&
          /^(?:van|von|de|da|di|del|bin|ibn|ben)$/.test(t.text) &&
          /^(?:der|den|de|la|le|het|des|del|los|las)$/.test(toks[k + 1].text));
      if (
        twoParticles &&
        toks[k + 1].start - t.end <= 1 &&
        nameLike(toks[k + 2], lang, known) &&
        !toks[k + 2].initial
      ) {
        last = k + 2;
        k += 3;
        continue;
      }
      if (
        t.word &&
        connectors.has(t.fold) &&
        !t.cap &&
        k + 1 < toks.length &&
        nameLike(toks[k + 1], lang, known) &&
        !toks[k + 1].initial
      ) {
        if (lang.entities.weakConnectors.has(t.fold)) {
          const whole = toks.slice(i, k + 2).map((x) => x.fold);
          if (!ORG_SUFFIXES.has(whole[whole.length - 1]) && !ORG_HEADS.has(whole[0])) break;
        }
        last = k + 1;
        k += 2;
        continue;
      }
      break;
    }
    for (const c of splitRun(toks, i, last, lang)) cands.push(c);
    i = last + 1;
  }
  const adjective = lang.entities.institutionAdjective;
  if (adjective) addInstitutions(toks, cands, lang.entities.stateHeads, adjective);
  addPlaceHeads(toks, cands, lang.entities.placeHeads);
  return cands;
}

/** Length (2–4 tokens) of a gazetteer name starting at token i, or 0. */
function gazetteerWindow(toks: Tok[], i: number): number {
  for (let n = 4; n >= 2; n--) {
    if (i + n > toks.length) continue;
    let ok = true;
    for (let q = i + 1; q < i + n; q++) if (!toks[q].word || toks[q].start - toks[q - 1].end > 1) ok = false;
    if (!ok) continue;
    const surface = joinSurface(toks, i, i + n - 1);
    if (lookupGazetteer(surface, false) || (toks[i].shouting && crossLexicon(surface) === 'place')) return n;
  }
  return 0;
}

const AMBIGUOUS_TITLES = new Set([
  'major',
  'general',
  'chief',
  'marshal',
  'justice',
  'officer',
  'commander',
  'premier',
  'sister',
  'father',
  'brother',
  'lord',
  'lady',
  'dame',
  'king',
  'queen',
  'prince',
  'princess',
  'roi',
  'reine',
  'general',
  'maitre',
  'pere',
]);

const emptyScores = (): Record<EntityType, number> => ({ person: 0, organization: 0, place: 0 });

/** Splits a run at titles ("Microsoft CEO Satya Nadella") and drops titles, calendar words and sentence-initial function words. */
function splitRun(toks: Tok[], first: number, last: number, lang: Lang): Candidate[] {
  const out: Candidate[] = [];
  let s = first;
  let titled = false;
  for (let k = first; k <= last + 1; k++) {
    const t = k <= last ? toks[k] : null;
    const isTitle =
      t !== null &&
      TITLES.has(t.fold.replace(/\.$/, '')) &&
      // "M." is Monsieur in French but an initial in English ("M. Atherton").
      !(!lang.entities.letterTitles && /^\p{Lu}\.?$/u.test(t.text)) &&
      // Titles that are also ordinary words ("Major League", "General Electric") need a first name after them.
      !(
        AMBIGUOUS_TITLES.has(t.fold) &&
        !(k < last && (hasTag(toks[k + 1], 'FirstName') || isFirstName(toks[k + 1].fold)))
      ) &&
      !(k < last && (ORG_SUFFIXES.has(toks[k + 1].fold) || PLACE_WORDS.has(toks[k + 1].fold))) &&
      !(k === last && k > s) &&
      (k < last || (k + 1 < toks.length && toks[k + 1].text === '.' && k + 2 < toks.length && toks[k + 2].cap));
    if (t === null || isTitle) {
      if (k > s) {
        const c = makeCandidate(toks, s, k - 1, lang);
        if (c) {
          if (titled) {
            c.scores.person += 6;
            c.strong = 'person';
          }
          out.push(c);
        }
      }
      titled = isTitle;
      s = k + 1;
      // "Secretary of State John Kornblum", "Minister of Foreign Affairs Ana Palacio": skip the portfolio.
      if (isTitle && k + 1 < last && (toks[k + 1].fold === 'of' || toks[k + 1].fold === 'for')) {
        let q = k + 2;
        while (q < last && !(hasTag(toks[q], 'FirstName') || isFirstName(toks[q].fold))) q++;
        if (q < last) {
          s = q;
          k = q - 1;
        }
      }
    }
  }
  return out;
}

function makeCandidate(toks: Tok[], first: number, last: number, lang: Lang): Candidate | null {
  // Trim connectors at the edges.
  const connectors = lang.entities.connectors;
  while (first <= last && (!toks[first].cap || connectors.has(toks[first].fold))) first++;
  while (last >= first && (!toks[last].cap || connectors.has(toks[last].fold))) last--;
  if (first > last) return null;
  const text = toks.slice(first, last + 1);
  if (text.length === 1 && toks[first].text.length < 2) return null;
  if (text.some((t) => EVENT_WORDS.has(t.fold))) return null;
  if (text.length > 1 && isDemonym(toks[first], lang)) {
    const lastFold = toks[last].fold;
    const keep =
      lookupGazetteer(joinSurface(toks, first, last)) || ORG_SUFFIXES.has(lastFold) || PLACE_WORDS.has(lastFold);
    if (!keep) return makeCandidate(toks, first + 1, last, lang);
  }
  const afterHead = first > 0 && !toks[first - 1].cap && lang.entities.placeHeads.has(toks[first - 1].fold);
  if (hasTag(toks[last], 'Demonym') && !ORG_SUFFIXES.has(toks[last].fold)) return null;
  // A lone capitalised adjective in French is a demonym or a title word ("les Américains").
  if (
    lang.entities.dropLoneAdjectives &&
    text.length === 1 &&
    !afterHead &&
    hasTag(toks[first], 'Adjective') &&
    !nameTag(toks[first]) &&
    !lookupGazetteer(toks[first].text)
  )
    return null;
  return { first, last, scores: emptyScores(), strong: null, gaz: undefined };
}

/** Institutions written with a capital on the head noun only: "Parti communiste chinois", "Banque centrale européenne". */
function addInstitutions(toks: Tok[], cands: Candidate[], stateHeads: ReadonlySet<string>, adjective: RegExp): void {
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    const headFold = toks[c.first].fold;
    const placeHead = stateHeads.has(headFold);
    if (c.first !== c.last || !(ORG_HEADS.has(headFold) || placeHead)) continue;
    let k = c.last + 1;
    let last = c.last;
    while (k < toks.length && k - c.first <= 4) {
      const t = toks[k];
      const low = t.text.toLowerCase();
      if (!t.word || t.cap || t.start - toks[k - 1].end > 1) break;
      if (!adjective.test(low)) break;
      if (NON_NAME_TAGS.some((g) => hasTag(t, g)) && !hasTag(t, 'Adjective')) break;
      last = k;
      k++;
    }
    // "Ligue nationale de hockey", "Fédération française de football": one "de" + lower-case noun after an adjective.
    const de = toks[last + 1];
    const noun = toks[last + 2];
    const nextCand = cands[ci + 1];
    if (
      last > c.last &&
      de &&
      noun &&
      /^(?:de|du|des)$/.test(de.text) &&
      noun.word &&
      !noun.cap &&
      hasTag(noun, 'Noun') &&
      !NON_NAME_TAGS.some((g) => hasTag(noun, g)) &&
      (!nextCand || nextCand.first > last + 2)
    ) {
      last += 2;
    }
    if (last > c.last) {
      c.last = last;
      const ty: EntityType = placeHead ? 'place' : 'organization';
      c.scores[ty] += 6;
      c.strong = ty;
    }
  }
}

/** Geographic names with a lower-case generic head: "océan Indien", "mer des Wadden", "baie d'Hudson". */
function addPlaceHeads(toks: Tok[], cands: Candidate[], placeHeads: ReadonlySet<string>): void {
  if (placeHeads.size === 0) return;
  for (const c of cands) {
    let k = c.first - 1;
    if (k >= 0 && /^(?:de|des|du|d'|d’)$/i.test(toks[k].text)) k--;
    if (k < 0 || c.first - k > 2) continue;
    const head = toks[k];
    if (!head.word || head.cap || !placeHeads.has(head.fold) || toks[k + 1].start - head.end > 1) continue;
    c.first = k;
    c.scores.place += 6;
    c.strong = 'place';
  }
}

// -------------------------------------------------------------------------------------------- scoring

function prevWord(toks: Tok[], i: number): Tok | null {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) if (toks[k].word) return toks[k];
  return null;
}

/**
 * Sports results and standings ("Wigan 2 Oldham 1", "Leeds 10 6 2 2 15 8 20"): on a line of names and scores
 * with (almost) no running text, a name followed by a score is a team, an organization, even if it is a city.
 */
function markResultTables(text: string, toks: Tok[], cands: Candidate[]): void {
  let ci = 0;
  let lineStart = 0;
  for (let i = 0; i <= toks.length; i++) {
    const newLine = i === toks.length || (i > 0 && text.slice(toks[i - 1].end, toks[i].start).includes('\n'));
    if (!newLine) continue;
    let numbers = 0;
    let prose = 0;
    for (let q = lineStart; q < i; q++) {
      const t = toks[q].text;
      if (/^\d{1,3}$/.test(t)) numbers++;
      else if (/^\p{Ll}{3,}$/u.test(t)) prose++;
    }
    while (ci < cands.length && cands[ci].first < lineStart) ci++;
    if (numbers >= 2 && prose <= 1) {
      for (let k = ci; k < cands.length && cands[k].last < i; k++) {
        const c = cands[k];
        const next = toks[c.last + 1];
        const after = toks[c.last + 2];
        if (next && /^\d{1,3}$/.test(next.text) && !(after && after.text === '-') && !(next.text.length === 4))
          c.fixed = 'organization';
      }
    }
    lineStart = i;
  }
}

function scoreCandidates(toks: Tok[], cands: Candidate[], lang: Lang): void {
  for (const c of cands) {
    const s = c.scores;
    const words = toks.slice(c.first, c.last + 1);
    const text = toks.slice(c.first, c.last + 1).map((t) => t.text);
    const surface = joinSurface(toks, c.first, c.last);
    const folds = words.map((t) => t.fold);
    const capWords = words.filter((t) => t.cap);
    const firstT = words[0];
    const lastT = words[words.length - 1];
    // Gazetteer: countries, regions, international bodies.
    c.gaz = lookupGazetteer(surface);
    if (c.gaz) {
      s[c.gaz.type] += 8;
      c.strong = c.gaz.type;
    }
    // Organization suffixes and heads, place words.
    if (words.length > 1 && ORG_SUFFIXES.has(folds[folds.length - 1])) s.organization += 4;
    if (words.length > 1 && ORG_HEADS.has(folds[0])) s.organization += 4;
    if (words.length > 1 && (PLACE_WORDS.has(folds[0]) || PLACE_WORDS.has(folds[folds.length - 1]))) s.place += 3;
    if (words.length > 1 && COMPASS_WORDS.has(folds[0]) && !c.gaz && !ORG_SUFFIXES.has(folds[folds.length - 1]))
      s.place += 4;
    if (words.length === 1 && INSTITUTIONS.has(folds[0])) s.organization += 3;
    // Both languages' lexicons: compromise's English one knows many places and names, fr-compromise's French ones.
    const lex = crossLexicon(surface);
    if (lex === 'place') s.place += 1.5;
    else if (lex === 'person') s.person += words.length > 1 ? 1 : 1.5;
    else if (lex === 'organization') s.organization += 1.5;
    // "Canadiens de Montréal", "Yankees de New York": a plural name "de" a place is a team or a company.
    const de = folds.findIndex((f, q) => q > 0 && (f === 'de' || f === 'du' || f === "d'"));
    if (lang.entities.pluralOfPlaceIsOrganization && de > 0 && /s$/.test(folds[de - 1]) && !PLACE_WORDS.has(folds[0])) {
      const rest = joinSurface(toks, c.first + de + 1, c.last);
      if (
        lookupGazetteer(rest)?.type === 'place' ||
        crossLexicon(rest) === 'place' ||
        words.slice(de + 1).some((t) => hasTag(t, 'Place'))
      )
        s.organization += 4;
    }
    // compromise's tags.
    for (const t of capWords) {
      if (hasTag(t, 'Person')) s.person += 1.5;
      if (hasTag(t, 'Place')) s.place += 1.5;
      if (hasTag(t, 'Organization')) s.organization += 1.5;
    }
    if (hasTag(firstT, 'FirstName') || hasTag(firstT, 'Honorific') || isFirstName(firstT.fold))
      s.person += words.length > 1 ? 2 : 0.5;
    if (words.length > 1 && /^\p{Lu}\.$/u.test(firstT.text)) s.person += 2; // "S. Waugh"
    // Dateline: a place name opening a line, before a date or an agency ("LONDON 1996-08-30", "San Francisco (AFP)").
    if (firstT.initial && (c.first === 0 || /\n/.test(text.join('')) || isLineStart(toks, c.first))) {
      const n1 = toks[c.last + 1];
      const n2 = toks[c.last + 2];
      if (
        n1 &&
        ((/^\p{N}/u.test(n1.text) && n2 === undefined) ||
          /^\d{4}-\d\d/.test(n1.text + (n2?.text ?? '')) ||
          (n1.text === '(' && n2 && isAcronym(n2.text)) ||
          (n1.text === ',' && n2 && CALENDAR_WORDS.has(n2.fold)))
      ) {
        s.place += 4;
      }
    }
    if (words.length > 1 && hasTag(lastT, 'LastName')) s.person += 1;
    // Word shape: CamelCase brands, acronyms.
    if (words.length === 1 && isCamel(firstT.text)) s.organization += 3;
    if (words.length === 1 && isAcronym(firstT.text) && !firstT.shouting && !c.gaz) s.organization += 2.5;
    if (words.length > 1 && words.every((t) => isAcronym(t.text)) && !firstT.shouting) s.organization += 1;
    // Context before: "the venture capital firm X", "in X", "à X", "said X", "Mr X".
    const p1 = prevWord(toks, c.first);
    const before = c.first > 0 ? toks[c.first - 1] : null;
    if (p1 && before && before.word) {
      if (ORG_CUES.has(p1.fold)) s.organization += 3;
      if (PERSON_CUES.has(p1.fold)) s.person += 2.5;
      if (TITLES.has(p1.fold)) s.person += 3;
      if (SPEECH_VERBS.has(p1.fold)) s.person += 1;
      // NOTE: folded "à" is "a"; the verb "a" (has) must not count.
      if (PLACE_PREPOSITIONS.has(p1.fold) && p1.text !== 'a')
        s.place += lang.entities.strongPlacePrepositions.has(p1.fold) ? 2 : 1;
    } else if (before && !before.word && before.text === '.' && c.first >= 2 && TITLES.has(toks[c.first - 2].fold)) {
      s.person += 3; // "Mr. Smith", "M. Macron"
    }
    // French names of people take no article: "la Garonne", "le Béarn", "les Pyrénées" are places (or organizations).
    const placeArticle = lang.entities.placeArticle;
    if (placeArticle && before?.word && placeArticle.test(before.text)) {
      if (words.length === 1 && !hasTag(firstT, 'FirstName')) s.place += 0.6;
    }
    const elided = lang.entities.elidedArticle;
    if (before && elided && elided.test(before.text)) {
      const p2 = prevWord(toks, c.first - 1);
      if (p2 && ORG_CUES.has(p2.fold)) s.organization += 2;
    }
    // Context after: "X said", "X, the head of", "X company", "(AFP)" datelines.
    const after = c.last + 1 < toks.length ? toks[c.last + 1] : null;
    if (after && after.word) {
      if (ORG_CUES.has(after.fold) && !after.cap) s.organization += 2;
      if (SPEECH_VERBS.has(after.fold)) s.person += words.length > 1 ? 1 : 0.3;
    }
    if (after && after.text === ',') {
      const n1 = toks[c.last + 2];
      const n2 = toks[c.last + 3];
      const cue = (t: Tok | undefined): boolean => !!t && PERSON_CUES.has(t.fold);
      if (
        cue(n1) ||
        (n1 &&
          /^(?:the|a|an|le|la|l'|un|une|former|ancien|ancienne)$/i.test(n1.text) &&
          (cue(n2) || cue(toks[c.last + 4])))
      )
        s.person += 2.5;
      if (n1 && /^\d{1,2}$/.test(n1.text) && toks[c.last + 3]?.text === ',') s.person += 2.5; // "X, 45,"
      const o = (t: Tok | undefined): boolean => !!t && ORG_CUES.has(t.fold);
      if (n1 && /^(?:the|a|an|le|la|l'|un|une)$/i.test(n1.text) && (o(n2) || o(toks[c.last + 4])))
        s.organization += 1.5;
    }
    if (before?.text === '(' && after?.text === ')' && isAcronym(text.join(''))) s.organization += 2;
    // Default: an unknown capitalised pair or triple in news is most often a person's name.
    if (
      words.length >= 2 &&
      words.length <= 3 &&
      capWords.length === words.length &&
      words.every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t.text))
    )
      s.person += 0.6;
  }
}

/** What any language's lexicon says a name is (cities, regions, first names), or null. */
function crossLexicon(surface: string): EntityType | null {
  const low = surface.toLowerCase();
  const fold = foldKey(surface);
  const tags = allPacks().flatMap((p) => [p.lexicon(low), p.lexicon(fold)]);
  for (const t of tags) {
    if (!t) continue;
    if (/^(?:City|Country|Region|Place|Town|Island|Continent)$/.test(t)) return 'place';
    if (/^(?:Organization|Company|SportsTeam)$/.test(t)) return 'organization';
    if (/^(?:Person|MaleName|FemaleName|FirstName|LastName)$/.test(t)) return 'person';
  }
  return null;
}

function isLineStart(toks: Tok[], i: number): boolean {
  return (
    i === 0 ||
    (toks[i].initial && !toks[i - 1].word && toks[i - 1].text !== '.' && toks[i - 1].text !== '"') ||
    toks[i].initial
  );
}

/**
 * Coordination: in "Apple Music, Spotify or YouTube" and "Hulu et ESPN", a name with no evidence of its own
 * takes the type of the names it is listed with.
 */
function propagateCoordination(toks: Tok[], cands: Candidate[]): void {
  const best = (c: Candidate): EntityType | null => {
    let b: EntityType | null = null;
    let v = 0.9;
    for (const t of TYPES)
      if (c.scores[t] > v) {
        b = t;
        v = c.scores[t];
      }
    return b;
  };
  const linked = (a: Candidate, b: Candidate): boolean => {
    const between = toks.slice(a.last + 1, b.first).map((t) => t.text.toLowerCase());
    return between.length === 1
      ? /^(?:,|and|or|et|ou|&)$/.test(between[0])
      : between.length === 2 && between[0] === ',' && /^(?:and|or|et|ou)$/.test(between[1]);
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      if (TYPES.some((t) => c.scores[t] > 0)) continue;
      const prev = i > 0 && linked(cands[i - 1], c) ? best(cands[i - 1]) : null;
      const next = i + 1 < cands.length && linked(c, cands[i + 1]) ? best(cands[i + 1]) : null;
      const ty = prev ?? next;
      if (ty && (!prev || !next || prev === next)) c.scores[ty] += 0.5;
    }
  }
}

function joinSurface(toks: Tok[], first: number, last: number): string {
  let out = toks[first].text;
  for (let k = first + 1; k <= last; k++) out += (toks[k].start > toks[k - 1].end ? ' ' : '') + toks[k].text;
  return out;
}

// ----------------------------------------------------------------------------------------- resolution

interface Cluster {
  type: EntityType;
  key: string;
  mentions: Mention[];
  forms: Map<string, number>;
  first: number;
}

function resolve(text: string, toks: Tok[], cands: Candidate[], lang: Lang, fromModel = false): Entity[] {
  // 1. Article-wide vote: a name's type is the sum of the evidence over all its mentions.
  const votes = new Map<string, Record<EntityType, number>>();
  const strongOf = new Map<string, EntityType>();
  const surfaceOf = (c: Candidate): string => text.slice(toks[c.first].start, toks[c.last].end);
  for (const c of cands) {
    const k = foldKey(surfaceOf(c));
    const v = votes.get(k) ?? emptyScores();
    for (const t of TYPES) v[t] += c.scores[t];
    votes.set(k, v);
    if (c.strong && c.gaz) strongOf.set(k, c.strong);
  }
  const typeOf = (k: string): EntityType | null => {
    const strong = strongOf.get(k);
    if (strong) return strong;
    const v = votes.get(k);
    if (!v) return null;
    let best: EntityType | null = null;
    let bestScore = 0;
    for (const t of TYPES)
      if (v[t] > bestScore) {
        best = t;
        bestScore = v[t];
      }
    return best;
  };

  // 2. People's surnames (and first names used alone) point to the full name.
  const personByPart = new Map<string, string>();
  const multi = cands.filter((c) => c.last > c.first);
  for (const c of multi) {
    const k = foldKey(surfaceOf(c));
    if (typeOf(k) !== 'person') continue;
    const parts = toks.slice(c.first, c.last + 1).filter((t) => t.cap);
    // A reader's rule can make a lower-case phrase a name: it has no surname to point from.
    if (parts.length === 0) continue;
    const lastName = parts[parts.length - 1].fold;
    if (!personByPart.has(lastName)) personByPart.set(lastName, k);
  }
  // Longer organization/place names for their first word ("Sequoia" → "Sequoia Capital").
  const byHead = new Map<string, string>();
  for (const c of multi) {
    const k = foldKey(surfaceOf(c));
    const ty = typeOf(k);
    if (ty === 'organization' && !ORG_HEADS.has(toks[c.first].fold)) byHead.set(toks[c.first].fold, k);
  }
  // Acronyms of multi-word names in the article ("European Central Bank" → "ECB").
  const byAcronym = new Map<string, string>();
  for (const c of multi) {
    const caps = toks.slice(c.first, c.last + 1).filter((t) => t.cap);
    if (caps.length < 2) continue;
    const acr = caps.map((t) => t.text[0]).join('');
    byAcronym.set(acr, foldKey(surfaceOf(c)));
  }

  const clusters = new Map<string, Cluster>();
  const covered = new Set<number>();
  const addMention = (key: string, type: EntityType, start: number, end: number): void => {
    let cl = clusters.get(key);
    if (!cl) {
      cl = { type, key, mentions: [], forms: new Map(), first: start };
      clusters.set(key, cl);
    }
    const m: Mention = { start, end, text: text.slice(start, end) };
    cl.mentions.push(m);
    cl.forms.set(m.text, (cl.forms.get(m.text) ?? 0) + 1);
    cl.first = Math.min(cl.first, start);
  };

  for (const c of cands) {
    const surface = surfaceOf(c);
    const k = foldKey(surface);
    let type = c.own ?? typeOf(k);
    let key = k;
    if (c.gaz) key = c.gaz.key;
    if (c.fixed) {
      addMention(`${c.fixed}|${k}`, c.fixed, toks[c.first].start, toks[c.last].end);
      for (let q = c.first; q <= c.last; q++) covered.add(q);
      continue;
    }
    if (c.first === c.last) {
      const part = personByPart.get(c.gaz ? '' : toks[c.first].fold);
      if (part && part !== k && !(c.strong && c.strong !== 'person') && (!c.own || c.own === 'person')) {
        type = 'person';
        key = part;
      } else if (byAcronym.has(toks[c.first].text) && isAcronym(toks[c.first].text) && !c.gaz) {
        const full = byAcronym.get(toks[c.first].text) as string;
        const ft = typeOf(full);
        if (ft && ft !== 'person' && (!c.own || c.own === ft)) {
          type = ft;
          key = full;
        }
      } else if (byHead.has(k) && (type === null || type === 'organization')) {
        type = 'organization';
        key = byHead.get(k) as string;
      }
    } else if (!c.gaz) {
      const g = lookupGazetteer(surface);
      if (g) key = g.key;
    }
    if (!type) continue;
    if (type !== 'person' && key === k) {
      // Same-name places/orgs under one key even when a gazetteer entry exists for one spelling.
      const g = lookupGazetteer(surface);
      if (g) key = g.key;
    }
    addMention(`${type}|${key}`, type, toks[c.first].start, toks[c.last].end);
    for (let q = c.first; q <= c.last; q++) covered.add(q);
  }

  // 3. Mentions the capitalisation pass could not see (e.g. a known name at the start of a sentence).
  const singles = new Map<string, string>();
  for (const cl of clusters.values()) for (const f of cl.forms.keys()) if (!/\s/.test(f)) singles.set(f, cl.key);
  for (let q = 0; q < toks.length; q++) {
    const t = toks[q];
    // The tagger decides every mention itself (its features see the article's other mentions).
    if (fromModel || covered.has(q) || !t.word || !t.cap) continue;
    const key = singles.get(t.text);
    if (!key) continue;
    if (q + 1 < toks.length && toks[q + 1].cap && toks[q + 1].start - t.end <= 1 && !covered.has(q + 1)) continue;
    const cl = clusters.get(key) as Cluster;
    addMention(key, cl.type, t.start, t.end);
  }

  void lang;
  const ordered = [...clusters.values()].sort((a, b) => a.first - b.first);
  return ordered.map((cl, i) => {
    cl.mentions.sort((a, b) => a.start - b.start);
    const forms = [...cl.forms.entries()].sort(
      (a, b) => b[0].length - a[0].length || b[1] - a[1] || nonAscii(b[0]) - nonAscii(a[0]),
    );
    const name = forms[0][0];
    return { id: `e${i + 1}`, type: cl.type, name, aliases: forms.slice(1).map((f) => f[0]), mentions: cl.mentions };
  });
}

function nonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) n++;
  return n;
}
