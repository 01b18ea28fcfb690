/**
 * Tense of the clause around a date expression, for resolving dates that do not say which way they point
 * ("Tuesday", "Feb. 10", "May"). Cheap regex scan over a short window; no parsing, no state.
 *
 * The clause's tense is the tense cue NEAREST to the expression inside a short window (70 characters before,
 * 40 after, cut at sentence ends), because news sentences often mix tenses ("Since the decision was announced
 * Wednesday, they have said they will appeal"): the verb a date modifies is usually the closest one.
 * - past cues: simple past and past perfect ("was", "had", "said", "announced", irregular pasts), French passé
 *   composé / plus-que-parfait (auxiliary + participle), imparfait and passé simple plural;
 * - future cues: the word lists passed in by the caller (tense, schedule, intent words).
 * An "-ed" word is not a past cue when it is a passive or perfect participle after a present/future auxiliary
 * ("will be decided", "is expected", "has scheduled"), or when it introduces an intention ("planned to").
 */

export type Tense = 'past' | 'future' | null;

/** Irregular English simple pasts common in news. Generic grammar data. */
const EN_IRREGULAR =
  'was|were|had|did|wasn\'t|weren\'t|hadn\'t|didn\'t|said|told|took|went|came|made|met|left|gave|got|began|became|held|' +
  'found|sent|saw|fell|rose|won|lost|thought|brought|bought|paid|led|broke|spoke|wrote|struck|fled|sought|ran|flew|' +
  'drove|knew|stood|sat|spent|kept|felt|heard|meant|built|chose|drew|grew|threw|wore|sold|taught|caught|fought|hung|' +
  'swore|woke|arose|froze|stole|shook|slid|underwent|overtook|withdrew|forgave|foresaw|undertook|upheld|overthrew|' +
  'fed|bred|wed';

/** "-ed" words that are not verbs in the past. */
const EN_ED_NOT_PAST = new Set([
  'need', 'feed', 'speed', 'seed', 'breed', 'bleed', 'exceed', 'proceed', 'succeed', 'red', 'bed', 'shed', 'hundred',
  'kindred', 'sacred', 'naked', 'wicked', 'wretched', 'ragged', 'rugged', 'indeed', 'deed', 'weed', 'greed', 'steed',
  'creed', 'reed', 'sled', 'shred', 'med', 'ted', 'ned', 'fred', 'ahmed', 'mohammed',
  'muhammed', 'united', 'alleged', 'so-called', 'armed', 'based', 'related', 'advanced', 'limited', 'interested',
  'concerned', 'experienced', 'detailed', 'scheduled', 'expected', 'planned', 'proposed', 'intended', 'supposed',
]);

/** Sources only: a global RegExp carries state (lastIndex), so the scanners build a fresh one per call. */
const EN_PAST_WORD = `(?<![\\p{L}'’-])(?:(${EN_IRREGULAR})|(\\p{L}{2,}ed))(?![\\p{L}'’-])`;
/** Auxiliaries that make a following "-ed" form passive/perfect in the present or future. */
const EN_NONPAST_AUX = /(?:^|[^\p{L}])(?:is|are|am|be|been|being|will|would|'s|'re|has|have|to|can|could|may|might|must|shall|should|won't)(?:\s+(?:not|also|still|now|already|just|then|\p{L}+ly))?\s+$/iu;

const FR_PAST =
  '(?<![\\p{L}])(?:(?<!y\\s)(?:a|ont|avait|avaient|avons|avez|ai|est|sont|était|étaient|suis|sommes|fut|furent|eut|eurent)' +
    '(?:\\s+(?:déjà|été|pas|plus|encore|aussi|bien|notamment|ensuite|finalement|alors|également))?' +
    '\\s+(\\p{L}{2,}(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ues|ert|erte|ts|int|ainte))' +
    '|(\\p{L}{3,}(?:ait|aient)|\\p{L}{2,}(?:èrent|irent|urent)))(?![\\p{L}])';
/** Words with a participle-like or imparfait-like ending that are not past verbs. */
const FR_NOT_PARTICIPLE = new Set([
  'lieu', 'trois', 'plus', 'tous', 'nous', 'vous', 'sous', 'ceux', 'mais', 'jamais', 'depuis', 'puis', 'lui', 'celui',
  'ici', 'ainsi', 'aussi', 'parmi', 'midi', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'permis',
  'parfait', 'portrait', 'trait', 'souhait', 'attrait', 'extrait', 'retrait', 'abstrait', 'distrait', 'bienfait',
  'méfait', 'forfait', 'surfait', 'tout', 'début', 'but', 'statut', 'institut', 'salut', 'reçu', 'dû', 'vu',
]);
/** Participles that announce the future ("est prévue le 30 octobre"): not past cues. */
const FR_NOT_PAST = /^(?:prévu|programmé|attendu|fixé|annoncé|devai|allai)/iu;

const WINDOW_BEFORE = 70;
const WINDOW_AFTER = 40;

/**
 * The clause window around [start, end): cut at the nearest sentence or paragraph end on each side, and at a
 * quote mark (an attribution after a quote, "…,'' Castro said", is not the clause of a date inside the quote).
 */
function window(s: string, start: number, end: number): { before: string; after: string } {
  let before = s.slice(Math.max(0, start - WINDOW_BEFORE), start);
  let cut = before.lastIndexOf('\n');
  for (const m of before.matchAll(/(?:\p{L}{2,}|\d|["”'’)])[.!?;]\s|["“”«»]|``|''/gu)) cut = Math.max(cut, m.index! + m[0].length - 1);
  if (cut >= 0) before = before.slice(cut + 1);
  let after = s.slice(end, end + WINDOW_AFTER);
  const cut2 = after.search(/[.!?;](?:\s|$)|\n|["“”«»]|``|''/);
  if (cut2 >= 0) after = after.slice(0, cut2);
  return { before, after };
}

interface Hit {
  dist: number;
  tense: 'past' | 'future';
}

function pastHits(text: string, lang: 'en' | 'fr', before: boolean, out: Hit[]): void {
  const len = text.length;
  const add = (pos: number, n: number) => out.push({ dist: before ? len - (pos + n) : pos, tense: 'past' });
  if (lang === 'en') {
    for (const m of text.matchAll(new RegExp(EN_PAST_WORD, 'giu'))) {
      const w = m[0].toLowerCase();
      if (m[2] && EN_ED_NOT_PAST.has(w)) continue;
      if (m[2] && /^\s+to\s/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4))) continue; // "planned to"
      // A participle after a present or future auxiliary ("will be heard", "has been found") is not the past.
      if (!/^(?:was|were|had|did)/.test(w) && EN_NONPAST_AUX.test(text.slice(Math.max(0, m.index! - 30), m.index!))) continue;
      // "…in early March, an official said": an attribution after the date is not the date's own verb.
      if (!before && /^(?:said|told|reported|added|stated|wrote)$/.test(w) && text.slice(0, m.index!).includes(',')) continue;
      add(m.index!, m[0].length);
    }
    return;
  }
  for (const m of text.matchAll(new RegExp(FR_PAST, 'giu'))) {
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    if (FR_NOT_PARTICIPLE.has(word) || FR_NOT_PAST.test(word)) continue;
    if (!before && /^(?:a|ont)\s+(?:dit|déclaré|affirmé|indiqué|précisé|ajouté|annoncé|expliqué)$/i.test(m[0]) && text.slice(0, m.index!).includes(',')) continue;
    add(m.index!, m[0].length);
  }
}

function futureHits(text: string, re: RegExp, before: boolean, out: Hit[], len: number): void {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (const m of text.matchAll(g)) {
    const pos = m.index!;
    out.push({ dist: before ? len - (pos + m[0].length) : pos, tense: 'future' });
  }
}

/**
 * Tense of the clause around [start, end) in `s`: the nearest past or future cue, or null when there is none.
 * `future` lists the future cues to use (they differ for weekdays and month-days); `futureBefore` those that count
 * only before the expression (an intention, "planned to leave on Thursday", but not "On Friday, X planned to pay"). A tie goes to the future cue
 * (an intention word is both: "planned a rally on Saturday" is not decided here).
 */
export function clauseTense(s: string, start: number, end: number, lang: 'en' | 'fr', future: RegExp[], futureBefore: RegExp[] = []): Tense {
  const { before, after } = window(s, start, end);
  const hits: Hit[] = [];
  pastHits(before, lang, true, hits);
  pastHits(after, lang, false, hits);
  for (const re of future) {
    futureHits(before, re, true, hits, before.length);
    futureHits(after, re, false, hits, after.length);
  }
  for (const re of futureBefore) futureHits(before, re, true, hits, before.length);
  if (!hits.length) return null;
  hits.sort((a, b) => a.dist - b.dist || (a.tense === 'future' ? -1 : 1));
  return hits[0].tense;
}
