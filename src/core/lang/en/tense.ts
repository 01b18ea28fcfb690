/** English past-tense cues for the date layer's clause tense (see dates/tense.ts): simple and past perfect. */
import type { PastCueFinder } from '../../dates/tense';

/** Irregular English simple pasts common in news. Generic grammar data. */
const EN_IRREGULAR =
  "was|were|had|did|wasn't|weren't|hadn't|didn't|said|told|took|went|came|made|met|left|gave|got|began|became|held|" +
  'found|sent|saw|fell|rose|won|lost|thought|brought|bought|paid|led|broke|spoke|wrote|struck|fled|sought|ran|flew|' +
  'drove|knew|stood|sat|spent|kept|felt|heard|meant|built|chose|drew|grew|threw|wore|sold|taught|caught|fought|hung|' +
  'swore|woke|arose|froze|stole|shook|slid|underwent|overtook|withdrew|forgave|foresaw|undertook|upheld|overthrew|' +
  'fed|bred|wed';

/** "-ed" words that are not verbs in the past. */
const EN_ED_NOT_PAST = new Set([
  'need',
  'feed',
  'speed',
  'seed',
  'breed',
  'bleed',
  'exceed',
  'proceed',
  'succeed',
  'red',
  'bed',
  'shed',
  'hundred',
  'kindred',
  'sacred',
  'naked',
  'wicked',
  'wretched',
  'ragged',
  'rugged',
  'indeed',
  'deed',
  'weed',
  'greed',
  'steed',
  'creed',
  'reed',
  'sled',
  'shred',
  'med',
  'ted',
  'ned',
  'fred',
  'ahmed',
  'mohammed',
  'muhammed',
  'united',
  'alleged',
  'so-called',
  'armed',
  'based',
  'related',
  'advanced',
  'limited',
  'interested',
  'concerned',
  'experienced',
  'detailed',
  'scheduled',
  'expected',
  'planned',
  'proposed',
  'intended',
  'supposed',
]);

/** Sources only: a global RegExp carries state (lastIndex), so the scanners build a fresh one per call. */
const EN_PAST_WORD = `(?<![\\p{L}'’-])(?:(${EN_IRREGULAR})|(\\p{L}{2,}ed))(?![\\p{L}'’-])`;
/** Auxiliaries that make a following "-ed" form passive/perfect in the present or future. */
const EN_NONPAST_AUX =
  /(?:^|[^\p{L}])(?:is|are|am|be|been|being|will|would|'s|'re|has|have|to|can|could|may|might|must|shall|should|won't)(?:\s+(?:not|also|still|now|already|just|then|\p{L}+ly))?\s+$/iu;

export const englishPastCues: PastCueFinder = (text, before) => {
  const out: Array<{ index: number; length: number }> = [];
  for (const m of text.matchAll(new RegExp(EN_PAST_WORD, 'giu'))) {
    const w = m[0].toLowerCase();
    if (m[2] && EN_ED_NOT_PAST.has(w)) continue;
    if (m[2] && /^\s+to\s/i.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 4))) continue; // "planned to"
    // A participle after a present or future auxiliary ("will be heard", "has been found") is not the past.
    if (!/^(?:was|were|had|did)/.test(w) && EN_NONPAST_AUX.test(text.slice(Math.max(0, m.index! - 30), m.index!)))
      continue;
    // "…in early March, an official said": an attribution after the date is not the date's own verb.
    if (!before && /^(?:said|told|reported|added|stated|wrote)$/.test(w) && text.slice(0, m.index!).includes(','))
      continue;
    out.push({ index: m.index!, length: m[0].length });
  }
  return out;
};
