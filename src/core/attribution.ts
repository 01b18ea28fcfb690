import { foldKey } from './text';
import { TITLES } from './gazetteer';
import type { QuoteLanguage } from './lang/pack';
import { allPacks } from './lang/registry';
import type { Entity, EntityType, Span } from './types';

/**
 * Speaker attribution for quotes: finds the words that attribute a quote ("said Steve Stoute", "the company
 * said", "conclut-elle", "according to X", "selon X") in a short window next to it, and resolves them to an
 * entity. Called by `findQuotes` (quotes.ts) only. Everything works on bounded windows, so the cost per quote
 * is constant.
 */

/** A word or punctuation token inside a small window of the text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  word: boolean;
  cap: boolean;
}

export type CueKind = 'named' | 'description' | 'pronoun';

/** The words that attribute a quote, before resolution. */
export interface Cue {
  start: number;
  end: number;
  kind: CueKind;
  /** For descriptions: the head noun ("company", "société"); for pronouns: the pronoun, lower-cased. */
  head: string;
  /** Where the cue's verb ends: text before it cannot attribute a later quote. */
  verbEnd: number;
  /** The verb is a naming verb ("called", "described as", "qualifié de"): the quote is a label. */
  naming?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Word lists (generic; both languages)

const EN_IRREGULAR = [
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'told',
  'telling',
  'write',
  'writes',
  'wrote',
  'written',
  'writing',
  'testified',
  'testifies',
  'replied',
  'replies',
  'denied',
  'denies',
  'quipped',
  'quips',
  'admitted',
  'admits',
  'added',
  'adds',
  'ask',
  'asks',
  'asked',
  'asking',
];
const EN_REGULAR = [
  'add',
  'react',
  'respond',
  'note',
  'declare',
  'state',
  'explain',
  'insist',
  'warn',
  'argue',
  'claim',
  'continue',
  'announce',
  'acknowledge',
  'recall',
  'tweet',
  'post',
  'joke',
  'remark',
  'observe',
  'concede',
  'complain',
  'suggest',
  'promise',
  'vow',
  'predict',
  'emphasize',
  'emphasise',
  'stress',
  'counter',
  'retort',
  'conclude',
  'comment',
  'exclaim',
  'maintain',
  'contend',
  'urge',
  'caution',
  'confirm',
  'charge',
  'allege',
  'boast',
  'lament',
  'call',
  'describe',
  'reiterate',
  'recount',
  'muse',
  'answer',
  'shout',
  'yell',
  'whisper',
  'mention',
  'report',
  'assert',
  'affirm',
  'brag',
  'scoff',
  'sigh',
  'chime',
  'opine',
  'proclaim',
  'pledge',
  'wonder',
  'reason',
  'blast',
  'label',
  'dub',
  'agree',
  'point',
  'recommend',
  'demand',
  'plead',
  'reveal',
  'disclose',
  'specify',
  'clarify',
];
const FR_ER = [
  'déclarer',
  'ajouter',
  'indiquer',
  'expliquer',
  'affirmer',
  'estimer',
  'préciser',
  'souligner',
  'assurer',
  'annoncer',
  'confier',
  'raconter',
  'lancer',
  'insister',
  'commenter',
  'noter',
  'observer',
  'juger',
  'déplorer',
  'regretter',
  'dénoncer',
  'témoigner',
  'répliquer',
  'rétorquer',
  'tweeter',
  'résumer',
  'qualifier',
  'confirmer',
  'avouer',
  'protester',
  'plaider',
  'souffler',
  'glisser',
  'ironiser',
  'analyser',
  'détailler',
  'insister',
  'signaler',
  'avancer',
  'réclamer',
  'demander',
  'clamer',
  'proclamer',
  'assener',
  'martelér',
  's’exclamer',
  'exclamer',
  'interroger',
  'fustiger',
  'tacler',
  'justifier',
  'nuancer',
  'relever',
  'pointer',
  'réagir',
];
const FR_IRREGULAR = [
  'dit',
  'disent',
  'disait',
  'disaient',
  'dira',
  'dire',
  'écrit',
  'écrivent',
  'écrivait',
  'écrivaient',
  'conclut',
  'conclu',
  'concluent',
  'concluait',
  'répond',
  'répondu',
  'répondent',
  'répondait',
  'reconnaît',
  'reconnait',
  'reconnu',
  'reconnaissait',
  'admet',
  'admis',
  'admettait',
  'prévient',
  'prévenu',
  'prévenait',
  'poursuit',
  'poursuivi',
  'poursuivait',
  'réagit',
  'réagi',
  'réagissait',
  'avertit',
  'averti',
  'avertissait',
  'rappelle',
  'rappellent',
  'rappelé',
  'rappelait',
  'martèle',
  'martèlent',
  'martelé',
  'martelait',
  'considère',
  'considéré',
  'considérait',
  'soutient',
  'soutenu',
  'soutenait',
  'maintient',
  'maintenu',
  'promet',
  'promis',
  'lâche',
  'lâché',
  'confie',
  'confié',
  'résume',
  'résumé',
  'tranche',
  'tranché',
  'interroge',
  'interrogé',
  'écrivait',
  'assène',
  'asséné',
  'rapporte',
  'rapporté',
];

function enForms(v: string): string[] {
  const out = [v];
  if (v.endsWith('e')) out.push(v + 's', v + 'd', v.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(v)) out.push(v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing');
  else if (/(?:sh|ch|s|x)$/.test(v)) out.push(v + 'es', v + 'ed', v + 'ing');
  else out.push(v + 's', v + 'ed', v + 'ing');
  if (/^(?:dub|plead|brag|scoff)$/.test(v)) out.push(v + v.slice(-1) + 'ed');
  if (v === 'plead') out.push('pled');
  return out;
}

function frForms(v: string): string[] {
  const inf = v.replace(/^s’/, '');
  if (inf.endsWith('ir')) {
    const s = inf.slice(0, -2);
    return [s + 'it', s + 'i', s + 'issait', s + 'issent'];
  }
  const s = inf.slice(0, -2);
  return [s + 'e', s + 'ent', s + 'é', s + 'ée', s + 'ait', s + 'aient', s + 'a', s + 'era'];
}

/** Speech verbs, lower-cased surface forms. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...EN_IRREGULAR,
  ...EN_REGULAR.flatMap(enForms),
  ...FR_ER.flatMap(frForms),
  ...FR_IRREGULAR,
]);

/** Verbs that are speech verbs only in a few fixed uses and are weak evidence (not used after a quote). */
const WEAK_BEFORE_ONLY = new Set([
  'call',
  'calls',
  'called',
  'calling',
  'label',
  'labeled',
  'labelled',
  'dub',
  'dubbed',
  'describe',
  'describes',
  'described',
  'qualifie',
  'qualifié',
  'qualifiait',
  'qualifient',
]);

const AUX_ADVERBS = new Set([
  // en
  'also',
  'later',
  'then',
  'further',
  'has',
  'have',
  'had',
  'was',
  'is',
  'were',
  'would',
  'will',
  'previously',
  'recently',
  'once',
  'again',
  'earlier',
  'simply',
  'just',
  'repeatedly',
  'often',
  'flatly',
  'bluntly',
  'publicly',
  'privately',
  'reportedly',
  'angrily',
  'quickly',
  'curtly',
  'tersely',
  'wryly',
  'matter-of-factly',
  'famously',
  'not',
  'did',
  'does',
  'do',
  'may',
  'might',
  'could',
  'went',
  'on',
  'to',
  'once',
  'even',
  'immediately',
  'still',
  'never',
  'always',
  'now',
  'often',
  'since',
  'already',
  'again',
  'openly',
  'sharply',
  'firmly',
  // fr
  'a',
  'ont',
  'avait',
  'avaient',
  'aurait',
  'auraient',
  'va',
  'vont',
  'également',
  'aussi',
  'encore',
  'ensuite',
  'déjà',
  'alors',
  'enfin',
  'pourtant',
  'ainsi',
  'toutefois',
  'cependant',
  'néanmoins',
  'notamment',
  'lui',
  'leur',
  'y',
  'en',
  'se',
  's’',
  "s'",
  'est',
  'sont',
  'était',
  'avons',
  'ai',
]);

/**
 * Every language's determiners in one set: the speaker rules below still read their cue words across languages (a
 * French quote in an English article). Each language's own list is its pack's `quotes.determiners`.
 */
export const DETERMINERS: ReadonlySet<string> = new Set(allPacks().flatMap((pack) => [...pack.quotes.determiners]));

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'il', 'elle', 'ils', 'elles', 'nous', 'je']);

/** Time words that may sit between a speech verb and its subject ("a précisé mardi le ministre"). */
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'hier',
  'aujourd’hui',
  "aujourd'hui",
  'soir',
  'matin',
  'midi',
  'après-midi',
  'dernier',
  'dernière',
  'encore',
  'également',
  'aussi',
  'ensuite',
  'alors',
]);

/** Capitalised at the start of a sentence but never a name: intro adverbs, prepositions, conjunctions. */
const INTRO_WORDS = new Set([
  'meanwhile',
  'however',
  'after',
  'before',
  'during',
  'following',
  'once',
  'then',
  'still',
  'also',
  'yet',
  'now',
  'later',
  'earlier',
  'today',
  'yesterday',
  'tonight',
  'last',
  'next',
  'this',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'since',
  'until',
  'while',
  'when',
  'as',
  'if',
  'although',
  'though',
  'because',
  'but',
  'and',
  'so',
  'instead',
  'indeed',
  'finally',
  'separately',
  'asked',
  'speaking',
  'according',
  'despite',
  'amid',
  'under',
  'over',
  'about',
  'mais',
  'puis',
  'ensuite',
  'après',
  'avant',
  'pendant',
  'depuis',
  'lors',
  'alors',
  'cependant',
  'pourtant',
  'enfin',
  'selon',
  'dans',
  'pour',
  'par',
  'sur',
  'avec',
  'sans',
  'quand',
  'lorsque',
  'comme',
  'si',
  'aujourd’hui',
  'hier',
  'désormais',
  'début',
  'fin',
  'mi',
]);

const PREPOSITIONS = new Set([
  'of',
  'for',
  'at',
  'from',
  'with',
  'in',
  'on',
  'to',
  'by',
  'de',
  'du',
  'des',
  'd’',
  "d'",
  'à',
  'au',
  'aux',
  'chez',
  'pour',
  'par',
  'dans',
  'sur',
  'avec',
  'auprès',
]);

const STOP_WORDS = new Set([
  'who',
  'which',
  'that',
  'qui',
  'que',
  'qu’',
  "qu'",
  'and',
  'or',
  'but',
  'et',
  'ou',
  'mais',
  'when',
  'as',
  'while',
  'if',
  'because',
  'si',
  'quand',
  'lorsque',
  'comme',
  'not',
  'ne',
  'pas',
  'n’',
  "n'",
]);

// Words that may lead a speaker's name besides the shared titles ("former", "Prime", "Vice", "candidate").
const TITLE_MODIFIERS = new Set(['prime', 'vice', 'former', 'candidate', 'candidat', 'speaker', 'deputy', 'acting']);

/** Head nouns of descriptions that stand for an organization ("the company said", "écrit la société"). */
export const ORG_NOUNS = new Set([
  'company',
  'firm',
  'group',
  'network',
  'platform',
  'agency',
  'ministry',
  'government',
  'administration',
  'organization',
  'organisation',
  'association',
  'bank',
  'app',
  'application',
  'giant',
  'startup',
  'start-up',
  'campaign',
  'party',
  'committee',
  'council',
  'department',
  'service',
  'newspaper',
  'paper',
  'channel',
  'union',
  'team',
  'club',
  'court',
  'commission',
  'office',
  'institute',
  'foundation',
  'board',
  'operator',
  'maker',
  'manufacturer',
  'retailer',
  'carrier',
  'airline',
  'broadcaster',
  'publisher',
  'site',
  'website',
  'outlet',
  'corporation',
  'conglomerate',
  'regulator',
  'authority',
  'authorities',
  'police',
  'army',
  'military',
  'embassy',
  'société',
  'groupe',
  'entreprise',
  'firme',
  'plateforme',
  'réseau',
  'ministère',
  'gouvernement',
  'agence',
  'organisation',
  'banque',
  'compagnie',
  'géant',
  'parti',
  'comité',
  'conseil',
  'journal',
  'quotidien',
  'chaîne',
  'syndicat',
  'équipe',
  'tribunal',
  'cour',
  'commission',
  'fondation',
  'opérateur',
  'constructeur',
  'fabricant',
  'éditeur',
  'site',
  'marque',
  'filiale',
  'maison',
  'institution',
  'autorités',
  'autorité',
  'mairie',
  'préfecture',
  'ambassade',
  'armée',
  'police',
  'gendarmerie',
  'administration',
  'exécutif',
  'fédération',
  'ligue',
]);

/** Head nouns of descriptions that stand for a person ("the president said", "le ministre a déclaré"). */
export const PERSON_NOUNS = new Set([
  'president',
  'minister',
  'senator',
  'governor',
  'mayor',
  'candidate',
  'nominee',
  'chief',
  'head',
  'leader',
  'director',
  'executive',
  'founder',
  'chairman',
  'chairwoman',
  'secretary',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'lawyer',
  'attorney',
  'judge',
  'businessman',
  'businesswoman',
  'billionaire',
  'mogul',
  'star',
  'singer',
  'actor',
  'actress',
  'player',
  'coach',
  'manager',
  'man',
  'woman',
  'congressman',
  'congresswoman',
  'lawmaker',
  'democrat',
  'republican',
  'prosecutor',
  'ambassador',
  'chancellor',
  'premier',
  'ceo',
  'président',
  'présidente',
  'ministre',
  'sénateur',
  'sénatrice',
  'gouverneur',
  'maire',
  'candidat',
  'candidate',
  'chef',
  'dirigeant',
  'dirigeante',
  'directeur',
  'directrice',
  'fondateur',
  'fondatrice',
  'porte-parole',
  'avocat',
  'avocate',
  'juge',
  'patron',
  'patronne',
  'député',
  'députée',
  'homme',
  'femme',
  'procureur',
  'ambassadeur',
  'ambassadrice',
  'responsable',
  'élu',
  'élue',
  'chanteur',
  'chanteuse',
  'acteur',
  'actrice',
  'joueur',
  'joueuse',
  'entraîneur',
  'secrétaire',
]);

const PERSON_PRONOUNS = new Set(['he', 'she', 'je', 'i']);
const ORG_PRONOUNS = new Set(['it']);
const EITHER_PRONOUNS = new Set(['they', 'il', 'elle', 'ils', 'elles']);

// ---------------------------------------------------------------------------------------------------------
// Tokens

/** Token pattern; a fresh RegExp is made per call (no shared lastIndex state at module level). */
const TOKEN_SRC =
  /(?:[ldjcmnstLDJCMNST]|[qQ]u|[lL]orsqu|[pP]uisqu|[jJ]usqu)['’](?=\p{L})|(?:Mrs?|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|St|Jr|Sr|Mme|Mlle|Pr|Capt|Cmdr|Adm|Supt|Insp)\.(?=\s)|(?:\p{L}\.){2,}|\p{Lu}\.(?=\s)|[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*|\S/u
    .source;

/** True when some token is a speech verb (used to tell a coordinated attribution: "… and promised "…""). */
export function hasSpeechVerb(toks: Token[]): boolean {
  return toks.some((t) => isSpeechVerb(t));
}

/** Tokenises `text[from, to)`. The window is small, so the regex never runs far. */
export function tokenize(text: string, from: number, to: number, lang: QuoteLanguage): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  const TOKEN_RE = new RegExp(TOKEN_SRC, 'gu');
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(slice)) !== null) {
    let t = m[0];
    if (!lang.elision && /^[ldjcmnst]['’]$|^qu['’]$/i.test(t)) {
      // English has no elision: read "d'Amato" / "O'Brien" as one word.
      const rest = /^[\p{L}\p{M}\p{N}]+(?:[-'’.][\p{L}\p{M}\p{N}]+)*/u.exec(slice.slice(m.index + t.length));
      if (rest) t = t + rest[0];
      TOKEN_RE.lastIndex = m.index + t.length;
    }
    const first = t.charAt(0);
    const word = /[\p{L}\p{N}]/u.test(first);
    out.push({
      start: from + m.index,
      end: from + m.index + t.length,
      text: t,
      lower: t.toLowerCase(),
      word,
      cap: word && first !== first.toLowerCase(),
    });
  }
  return out;
}

/** A speech verb form, lower-case in the text ("States" and "Says" with a capital are names or headlines). */
function isSpeechVerb(t: Token | undefined): boolean {
  return !!t && t.word && !t.cap && SPEECH_VERBS.has(t.lower);
}

/** A speech verb used as one after its subject: not "continued to expand", not "is said to be". */
function isSpeechUse(toks: Token[], j: number): boolean {
  return isSpeechVerb(toks[j]) && !WEAK_BEFORE_ONLY.has(toks[j].lower) && toks[j + 1]?.lower !== 'to';
}

/** "conclut-elle", "a-t-il", "dit-il": a verb with an inverted subject pronoun. */
function splitInversion(t: Token): { verb: string; pron: Span & { text: string } } | null {
  const m = /^(.+?)(?:-t)?-(il|elle|ils|elles|on)$/i.exec(t.text);
  if (!m) return null;
  const pronText = m[2];
  return { verb: m[1].toLowerCase(), pron: { start: t.end - pronText.length, end: t.end, text: pronText } };
}

const NAME_CONNECTORS = new Set([
  'de',
  'du',
  'des',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'la',
  'le',
  'bin',
  'ben',
  'al',
  'el',
  'st.',
  'jr.',
  'jr',
  'sr.',
  'mc',
  'd’',
  "d'",
  'dos',
  'das',
  'y',
]);

function isNameWord(t: Token | undefined): boolean {
  return (
    !!t &&
    t.word &&
    t.cap &&
    !DETERMINERS.has(t.lower) &&
    !PRONOUNS.has(t.lower) &&
    !SPEECH_VERBS.has(t.lower) &&
    !INTRO_WORDS.has(t.lower)
  );
}

/** Subject at the start of a clause, after an intro phrase ("In an August speech, Trump …"). */
function clauseSubject(toks: Token[]): ReturnType<typeof parseNpForward> {
  let i = 0;
  if (toks[0] && toks[0].word && INTRO_WORDS.has(toks[0].lower)) {
    let c = 1;
    while (c < toks.length && c <= 8 && toks[c].text !== ',') c++;
    if (toks[c]?.text !== ',') return null;
    i = c + 1;
  }
  return parseNpForward(toks, i);
}

/** Parses a noun phrase that starts at token i; returns the cue and the index after it, or null. */
function parseNpForward(toks: Token[], i: number): { cue: Omit<Cue, 'verbEnd' | 'naming'>; next: number } | null {
  const t = toks[i];
  if (!t || !t.word) return null;
  if (PRONOUNS.has(t.lower)) {
    return { cue: { start: t.start, end: t.end, kind: 'pronoun', head: t.lower }, next: i + 1 };
  }
  if (isNameWord(t)) {
    let j = i + 1;
    while (j < toks.length) {
      if (isNameWord(toks[j])) {
        j++;
        continue;
      }
      if (NAME_CONNECTORS.has(toks[j].lower) && isNameWord(toks[j + 1]) && j + 1 > i) {
        j += 2;
        continue;
      }
      break;
    }
    const end = toks[j - 1].end;
    // "Rep. Jason Chaffetz (R-Utah)": skip a short parenthesis
    if (toks[j]?.text === '(') {
      let c = j + 1;
      while (c < toks.length && c - j <= 8 && toks[c].text !== ')') c++;
      if (toks[c]?.text === ')') j = c + 1;
    }
    return { cue: { start: t.start, end, kind: 'named', head: '' }, next: j };
  }
  if (DETERMINERS.has(t.lower) && isNameWord(toks[i + 1])) {
    // "Le Monde", "The New York Times", "the White House": a name after a determiner
    const nm = parseNpForward(toks, i + 1);
    const after = nm ? toks[nm.next] : undefined;
    const nounFollows =
      !!after &&
      after.word &&
      !after.cap &&
      !SPEECH_VERBS.has(after.lower) &&
      !AUX_ADVERBS.has(after.lower) &&
      !STOP_WORDS.has(after.lower) &&
      !PREPOSITIONS.has(after.lower);
    if (nm && nm.cue.kind === 'named' && !nounFollows) {
      return { cue: { ...nm.cue, start: t.cap ? t.start : nm.cue.start }, next: nm.next };
    }
  }
  if (DETERMINERS.has(t.lower)) {
    // determiner + up to 6 words, ending before a preposition, verb, relative or punctuation
    let j = i + 1;
    let lastWord = -1;
    while (j < toks.length && j - i <= 6) {
      const w = toks[j];
      if (
        !w.word ||
        PREPOSITIONS.has(w.lower) ||
        STOP_WORDS.has(w.lower) ||
        SPEECH_VERBS.has(w.lower) ||
        AUX_ADVERBS.has(w.lower) ||
        DETERMINERS.has(w.lower)
      )
        break;
      lastWord = j;
      j++;
    }
    if (lastWord < 0) return null;
    const headTok = toks[lastWord];
    // "a spokesman for the company": keep the complement in the span
    let end = headTok.end;
    let next = lastWord + 1;
    const p = toks[next];
    if (p && /^(?:of|for|at|de|du|des|d’|d'|chez)$/.test(p.lower)) {
      const sub = parseNpForward(toks, next + 1);
      if (sub && sub.cue.kind !== 'pronoun') {
        end = sub.cue.end;
        next = sub.next;
      }
    }
    // a name right after a description ("the company's chief executive Jane Doe") wins
    if (isNameWord(toks[next]) && toks[next].start === headTok.end + 1) {
      const sub = parseNpForward(toks, next);
      if (sub && sub.cue.kind === 'named') return sub;
    }
    return { cue: { start: t.start, end, kind: 'description', head: headTok.lower }, next };
  }
  return null;
}

/** Parses a noun phrase that ends at token i (inclusive), reading backwards. */
function parseNpBackward(toks: Token[], i: number, floor: number): Omit<Cue, 'verbEnd' | 'naming'> | null {
  const t = toks[i];
  if (!t || i < floor) return null;
  if (!t.word) {
    if (t.text === ',') {
      // "Vanessa Pappas, head of her branch, said": skip the apposition back to the previous comma
      for (let j = i - 1; j >= floor && i - j <= 16; j--) {
        if (toks[j].text === ',') return parseNpBackward(toks, j - 1, floor);
        if (!toks[j].word && !/^[-–()'’]$/.test(toks[j].text)) break;
      }
    }
    return null;
  }
  if (PRONOUNS.has(t.lower)) return { start: t.start, end: t.end, kind: 'pronoun', head: t.lower };
  if (t.lower === 'who' || t.lower === 'qui') {
    let j = i - 1;
    if (toks[j]?.text === ',') j--;
    return parseNpBackward(toks, j, floor);
  }
  if (isNameWord(t)) {
    let j = i;
    while (j - 1 >= floor) {
      if (isNameWord(toks[j - 1])) {
        j--;
        continue;
      }
      if (NAME_CONNECTORS.has(toks[j - 1].lower) && isNameWord(toks[j - 2]) && j - 2 >= floor) {
        j -= 2;
        continue;
      }
      break;
    }
    // "Donald Trump's government said": a possessive makes the name a modifier, not the speaker
    return { start: toks[j].start, end: t.end, kind: 'named', head: '' };
  }
  // description: back to a determiner within 6 words
  if (STOP_WORDS.has(t.lower) || PREPOSITIONS.has(t.lower) || AUX_ADVERBS.has(t.lower) || DETERMINERS.has(t.lower))
    return null;
  let j = i - 1;
  while (j >= floor && i - j <= 6) {
    const w = toks[j];
    if (!w.word) break;
    if (DETERMINERS.has(w.lower)) {
      const start = w.start;
      // "a spokesman for the company": extend over "<np> for|of"
      const p = toks[j - 1];
      if (p && j - 2 >= floor && /^(?:of|for|at|de|du|des|d’|d'|chez)$/.test(p.lower)) {
        const outer = parseNpBackward(toks, j - 2, floor);
        if (outer && outer.kind === 'description')
          return { start: outer.start, end: t.end, kind: 'description', head: outer.head };
      }
      return { start, end: t.end, kind: 'description', head: t.lower };
    }
    if (PREPOSITIONS.has(w.lower) || STOP_WORDS.has(w.lower) || SPEECH_VERBS.has(w.lower)) break;
    j--;
  }
  // bare plural noun right at the start of the clause: "sources said", "officials say"
  const before = toks[i - 1];
  if (/s$/.test(t.lower) && t.lower.length > 3 && (!before || i - 1 < floor || !before.word)) {
    return { start: t.start, end: t.end, kind: 'description', head: t.lower };
  }
  return null;
}

/**
 * Looks for an attribution right after a quote: `"…," said X`, `"…," X said`, `« … », ajoute X`,
 * `« … », conclut-elle`, `"…," according to X`. `toks` starts right after the closing mark.
 */
export function cueAfter(toks: Token[], clauseEnd = true): Cue | null {
  // "”― Pamela Padilla": a name after a dash, alone on its line
  if (toks[0] && /^[—―–-]$/.test(toks[0].text)) {
    const np = parseNpForward(toks, 1);
    if (np && np.cue.kind === 'named' && (np.next >= toks.length || /^[.,;]$/.test(toks[np.next].text))) {
      return { ...np.cue, verbEnd: np.cue.end };
    }
  }
  const direct = cueAt(toks, 0);
  if (direct || !clauseEnd) return direct;
  // "“…” for criminal behavior, she said.": the last clause of the sentence
  let end = 0;
  while (end < toks.length && !/^[.!?…]$/.test(toks[end].text)) {
    if (/^["“”«»]$/.test(toks[end].text)) return null;
    end++;
  }
  // try the last few commas, latest first ("…, she said, referencing the bank’s …")
  const clause = toks.slice(0, end);
  let tries = 0;
  for (let k = end - 1; k > 0 && tries < 3; k--) {
    if (toks[k].text !== ',') continue;
    tries++;
    const c = cueAt(clause, k + 1);
    if (c) return c;
  }
  return null;
}

function cueAt(toks: Token[], from: number): Cue | null {
  const i0 = from;
  let i = i0;
  while (i < toks.length && !toks[i].word && /^[,;:—–\-)]$/.test(toks[i].text)) i++;
  if (i >= toks.length) return null;
  // verb first: "said X", "a déclaré X", "conclut-elle", "a-t-il ajouté"
  let k = i;
  let sawAux = 0;
  while (k < toks.length && sawAux < 2 && AUX_ADVERBS.has(toks[k].lower) && !isSpeechVerb(toks[k])) {
    k++;
    sawAux++;
  }
  const inv0 = toks[k] && splitInversion(toks[k]);
  if (inv0 && (SPEECH_VERBS.has(inv0.verb) || (/^(?:a|avait|aurait)$/.test(inv0.verb) && isSpeechVerb(toks[k + 1])))) {
    const verbEnd = SPEECH_VERBS.has(inv0.verb) ? toks[k].end : toks[k + 1].end;
    return { start: inv0.pron.start, end: inv0.pron.end, kind: 'pronoun', head: inv0.pron.text.toLowerCase(), verbEnd };
  }
  if (toks[k] && isSpeechVerb(toks[k]) && !WEAK_BEFORE_ONLY.has(toks[k].lower)) {
    let n = k + 1;
    // "a précisé mardi le ministre", "said Tuesday the minister": skip time words
    while (n < toks.length && n - k <= 3 && TIME_WORDS.has(toks[n].lower)) n++;
    // "a indiqué à l’AFP un porte-parole", "said in a statement the company": skip one prepositional phrase
    if (toks[n] && PREPOSITIONS.has(toks[n].lower)) {
      const obj = parseNpForward(toks, n + 1);
      if (!obj) return null;
      let m = obj.next;
      while (m < toks.length && m - obj.next <= 3 && (TIME_WORDS.has(toks[m].lower) || toks[m].text === ',')) m++;
      const np2 = parseNpForward(toks, m);
      return np2 && np2.cue.kind !== 'pronoun' ? { ...withNamedApposition(toks, np2), verbEnd: toks[k].end } : null;
    }
    const np = parseNpForward(toks, n);
    if (np) return { ...withNamedApposition(toks, np), verbEnd: toks[k].end };
    for (let m = n; m < toks.length && m - n <= 6 && toks[m].word; m++) {
      if (isNameWord(toks[m])) {
        const nm = parseNpForward(toks, m);
        if (nm) return { ...nm.cue, verbEnd: toks[k].end };
      }
    }
    return null;
  }
  if (toks[k] && toks[k].lower === 'according' && toks[k + 1]?.lower === 'to') {
    const np = parseNpForward(toks, k + 2);
    if (np) return { ...np.cue, verbEnd: toks[k + 1].end };
    return null;
  }
  if (
    toks[k] &&
    (toks[k].lower === 'selon' ||
      ((toks[k].lower === 'd’' || toks[k].lower === "d'") && toks[k + 1]?.lower === 'après'))
  ) {
    const at = toks[k].lower === 'selon' ? k + 1 : k + 2;
    const np = parseNpForward(toks, at);
    if (np) return { ...np.cue, verbEnd: toks[at - 1].end };
    return null;
  }
  // subject first: "X said", "the company said", "Vanessa Pappas, head of …, said", "he also said"
  const np = parseNpForward(toks, i);
  if (!np) return subjectBeforeVerb(toks, i);
  let j = np.next;
  if (toks[j]?.text === ',') {
    // apposition: skip to the next comma within 16 tokens
    let c = j + 1;
    while (
      c < toks.length &&
      c - j <= 24 &&
      toks[c].text !== ',' &&
      toks[c].text !== '.' &&
      !/^["“”«»]$/.test(toks[c].text)
    )
      c++;
    if (toks[c]?.text === ',') j = c + 1;
  }
  let aux = 0;
  while (j < toks.length && aux < 3 && AUX_ADVERBS.has(toks[j].lower) && !isSpeechVerb(toks[j])) {
    j++;
    aux++;
  }
  if (isSpeechUse(toks, j)) return { ...np.cue, verbEnd: toks[j].end };
  return subjectBeforeVerb(toks, i);
}

/** "le ministre de l’Intérieur, Gérald Darmanin": a description followed by the name it stands for. */
function withNamedApposition(
  toks: Token[],
  np: { cue: Omit<Cue, 'verbEnd' | 'naming'>; next: number },
): Omit<Cue, 'verbEnd' | 'naming'> {
  if (np.cue.kind !== 'description' || toks[np.next]?.text !== ',') return np.cue;
  const nm = parseNpForward(toks, np.next + 1);
  if (!nm || nm.cue.kind !== 'named') return np.cue;
  const after = toks[nm.next];
  if (after && !/^[.,;:!?]$/.test(after.text)) return np.cue;
  return nm.cue;
}

/** "retired Air Force general Lloyd Newton said", "Trump lawyer Marc Kasowitz said": a longer subject. */
function subjectBeforeVerb(toks: Token[], from: number): Cue | null {
  let v = from;
  while (v < toks.length && v - from <= 14) {
    const t = toks[v];
    if (isSpeechUse(toks, v)) break;
    if (!t.word && !/^[,()\-–]$/.test(t.text)) return null;
    if (t.word && STOP_WORDS.has(t.lower) && t.lower !== 'of') return null;
    v++;
  }
  if (v >= toks.length || v === from || !isSpeechUse(toks, v)) return null;
  let j = v - 1;
  let aux = 0;
  while (j > from && aux < 3 && AUX_ADVERBS.has(toks[j].lower) && !PRONOUNS.has(toks[j].lower)) {
    j--;
    aux++;
  }
  if (toks[j]?.text === ')') {
    while (j > from && toks[j].text !== '(') j--;
    j--;
  }
  const np = parseNpBackward(toks, j, from);
  return np ? { ...np, verbEnd: toks[v].end } : null;
}

/**
 * Looks for an attribution before a quote in the same sentence: `X said: "…"`, `X said that … "…"`,
 * `According to X, "…"`, `Selon X, « … »`, `X a déclaré : « … »`. `toks` ends right before the opening mark.
 * `maxGap` limits how many tokens may separate the verb from the quote (small for scare quotes).
 */
export function cueBefore(toks: Token[], maxGap: number, lang: QuoteLanguage): Cue | null {
  for (let v = toks.length - 1; v >= 0 && toks.length - 1 - v <= maxGap; v--) {
    const t = toks[v];
    if (!t.word) continue;
    if (
      t.lower === 'selon' ||
      (t.lower === 'après' && /^d['’]$/.test(toks[v - 1]?.lower ?? '')) ||
      (t.lower === 'to' && toks[v - 1]?.lower === 'according')
    ) {
      const np = parseNpForward(toks, v + 1);
      if (np) return { ...np.cue, verbEnd: toks[v].end };
      continue;
    }
    const inv = splitInversion(t);
    if (inv && SPEECH_VERBS.has(inv.verb)) {
      return {
        start: inv.pron.start,
        end: inv.pron.end,
        kind: 'pronoun',
        head: inv.pron.text.toLowerCase(),
        verbEnd: t.end,
      };
    }
    // a capital is allowed only at the start of the clause ("Said Ellis: “…”")
    if (!(isSpeechVerb(t) || (v === 0 && t.cap && SPEECH_VERBS.has(t.lower)))) continue;
    const naming = WEAK_BEFORE_ONLY.has(t.lower);
    if (/ing$/.test(t.lower)) {
      // "Trump attacked Clinton, saying, "…"": the subject of the sentence
      const subj = clauseSubject(toks);
      if (subj && subj.cue.kind !== 'description' && v <= toks.length - 1)
        return { ...subj.cue, verbEnd: t.end, naming: WEAK_BEFORE_ONLY.has(t.lower) };
      continue;
    }
    if (v > 0 && lang.determiners.has(toks[v - 1].lower)) continue; // "l’annonce", "the report": a noun
    // subject before the verb, skipping auxiliaries/adverbs
    let j = v - 1;
    let aux = 0;
    while (j >= 0 && aux < 3 && AUX_ADVERBS.has(toks[j].lower) && !PRONOUNS.has(toks[j].lower)) {
      j--;
      aux++;
    }
    if (j >= 0 && toks[j].lower === 'selon') continue;
    const np = parseNpBackward(toks, j, 0);
    if (np) return { ...np, verbEnd: t.end, naming };
    // inverted after the verb: "said Trump: "…"" / "a déclaré Emmanuel Macron : « … »"
    const fwd = parseNpForward(toks, v + 1);
    if (fwd && fwd.cue.kind === 'named') return { ...fwd.cue, verbEnd: t.end, naming };
    // "… and promised to create "…"": the subject of the first verb of the sentence
    if (j >= 0 && /^(?:and|et|but|mais)$/.test(toks[j].lower)) {
      const subj = clauseSubject(toks);
      if (
        subj &&
        toks[subj.next] &&
        (isSpeechVerb(toks[subj.next]) || AUX_ADVERBS.has(toks[subj.next].lower) || toks[subj.next].word)
      ) {
        return { ...subj.cue, verbEnd: t.end, naming };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Resolution

interface IndexedMention {
  start: number;
  end: number;
  entity: Entity;
}

/** Entity mentions sorted by start, plus lookups by name. Built once per findQuotes call. */
export interface MentionIndex {
  mentions: IndexedMention[];
  byKey: Map<string, Entity>;
  byLastName: Map<string, Entity>;
}

export function indexEntities(entities: Entity[]): MentionIndex {
  const mentions: IndexedMention[] = [];
  const byKey = new Map<string, Entity>();
  const byLastName = new Map<string, Entity>();
  for (const e of entities) {
    for (const m of e.mentions ?? []) mentions.push({ start: m.start, end: m.end, entity: e });
    for (const n of [e.name, ...(e.aliases ?? [])]) {
      const k = foldKey(n);
      if (k && !byKey.has(k)) byKey.set(k, e);
    }
    if (e.type === 'person') {
      const last = foldKey(e.name).split(' ').pop();
      if (last && last.length > 2 && !byLastName.has(last)) byLastName.set(last, e);
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { mentions, byKey, byLastName };
}

/** Index of the first mention with start >= pos. */
function lowerBound(ms: IndexedMention[], pos: number): number {
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function stripTitles(name: string): string {
  const words = name.split(/\s+/);
  let i = 0;
  const isTitle = (w: string): boolean => {
    const k = foldKey(w.replace(/\.$/, ''));
    return TITLES.has(k) || TITLE_MODIFIERS.has(k);
  };
  while (i < words.length - 1 && isTitle(words[i])) i++;
  return words.slice(i).join(' ');
}

export interface Resolved {
  name: string;
  entityId: string | null;
}

/** Context the resolver needs: the text, quote spans (mentions inside quotes are not antecedents). */
export interface ResolveContext {
  text: string;
  index: MentionIndex;
  insideQuote: (pos: number) => boolean;
  /** Start offset of the sentence containing pos (bounded look-back). */
  sentenceStart: (pos: number) => number;
}

function compatible(kind: 'person' | 'org' | 'either', type: EntityType): boolean {
  if (kind === 'either') return type === 'person' || type === 'organization';
  return kind === 'person' ? type === 'person' : type === 'organization';
}

/** Most recent compatible mention before `pos`, preferring the subject of the nearest sentence that has one. */
function antecedent(
  ctx: ResolveContext,
  pos: number,
  kind: 'person' | 'org' | 'either',
  preferSubject: boolean,
): Entity | null {
  const ms = ctx.index.mentions;
  let k = lowerBound(ms, pos) - 1;
  const floor = Math.max(0, pos - 3000);
  let fallback: Entity | null = null;
  let sentStart = -1;
  let firstInSentence: Entity | null = null;
  let sentencesSeen = 0;
  for (let steps = 0; k >= 0 && steps < 80; k--, steps++) {
    const m = ms[k];
    if (m.start < floor) break;
    if (m.end > pos || ctx.insideQuote(m.start)) continue;
    if (!compatible(kind, m.entity.type)) continue;
    if (isModifierUse(ctx.text, m)) continue;
    if (!preferSubject) return m.entity;
    const s = ctx.sentenceStart(m.start);
    if (s !== sentStart) {
      // a new sentence: the nearest sentence with a compatible mention decides (its subject, else its latest)
      if (firstInSentence) return firstInSentence;
      if (fallback) return fallback;
      sentStart = s;
      sentencesSeen++;
      if (sentencesSeen > 3) break;
    }
    if (!fallback) fallback = m.entity;
    // subject position: few words (outside quotes) between sentence start and the mention, not after "of"/"de"
    if (isSubjectPosition(ctx, s, m.start) && !isComplement(ctx.text, m.start)) firstInSentence = m.entity;
  }
  return firstInSentence ?? fallback;
}

/** "the Chinese owner", "American users": a nationality adjective in front of a noun is not an antecedent. */
function isModifierUse(text: string, m: IndexedMention): boolean {
  const w = text.slice(m.start, m.end);
  if (!/^\p{Lu}\p{Ll}+(?:an|ese|ish|ian|ic|i)$/u.test(w)) return false;
  return /^\s\p{Ll}/u.test(text.slice(m.end, m.end + 2));
}

/** "la ministre de la Santé", "the head of Oracle": the mention completes a noun, it is not the subject. */
function isComplement(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 14), pos);
  return /(?:^|[\s'’])(?:de|du|des|d['’]|of|for|à|au|aux)\s*(?:(?:la|le|les|the)\s+|l['’])?$/i.test(before);
}

function isSubjectPosition(ctx: ResolveContext, sentStart: number, pos: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = sentStart; i < pos; i++) {
    if (ctx.insideQuote(i)) {
      inWord = false;
      continue;
    }
    const c = ctx.text.charCodeAt(i);
    const isW = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 192;
    if (isW && !inWord) {
      words++;
      if (words > 5) return false;
    }
    inWord = isW;
  }
  return true;
}

/** Resolves a cue to who it designates, using the entities passed to findQuotes. */
export function resolveCue(ctx: ResolveContext, cue: Cue, quoteStart: number): Resolved {
  const words = ctx.text.slice(cue.start, cue.end);
  const ms = ctx.index.mentions;
  if (cue.kind === 'named') {
    // a mention overlapping the cue
    const k = lowerBound(ms, cue.start);
    for (let j = Math.max(0, k - 8); j < ms.length && ms[j].start < cue.end; j++) {
      if (ms[j].end > cue.start && ms[j].start < cue.end && ms[j].entity.type !== 'place') {
        return { name: ms[j].entity.name, entityId: ms[j].entity.id };
      }
    }
    const bare = stripTitles(words);
    const e =
      ctx.index.byKey.get(foldKey(bare)) ??
      ctx.index.byKey.get(foldKey(words)) ??
      (bare.split(/\s+/).length === 1 ? ctx.index.byLastName.get(foldKey(bare)) : undefined);
    if (e) return { name: e.name, entityId: e.id };
    void k;
    return { name: bare, entityId: null };
  }
  if (cue.kind === 'pronoun') {
    const p = cue.head;
    const kind = PERSON_PRONOUNS.has(p)
      ? 'person'
      : ORG_PRONOUNS.has(p)
        ? 'org'
        : EITHER_PRONOUNS.has(p)
          ? 'either'
          : null;
    if (kind) {
      const e = antecedent(ctx, Math.min(cue.start, quoteStart), kind, true);
      if (e) return { name: e.name, entityId: e.id };
    }
    return { name: words, entityId: null };
  }
  // description
  const head = cue.head;
  const kind = ORG_NOUNS.has(head)
    ? 'org'
    : PERSON_NOUNS.has(head) && /^(?:the|le|la|l['’])\s*/i.test(words) && !/\b(?:of|for|de|du|des|d['’])\b/i.test(words)
      ? 'person'
      : null;
  if (kind) {
    // a mention inside the description itself ("the IT group Oracle") wins
    const k = lowerBound(ms, cue.start);
    for (let j = k; j < ms.length && ms[j].start < cue.end; j++) {
      if (compatible(kind, ms[j].entity.type)) return { name: ms[j].entity.name, entityId: ms[j].entity.id };
    }
    const e = antecedent(ctx, Math.min(cue.start, quoteStart), kind, false);
    if (e) return { name: e.name, entityId: e.id };
  }
  return { name: words, entityId: null };
}
