/** French past-tense cues for the date layer's clause tense (see dates/tense.ts): passé composé, imparfait. */
import type { PastCueFinder } from '../../dates/tense';

const FR_PAST =
  '(?<![\\p{L}])(?:(?<!y\\s)(?:a|ont|avait|avaient|avons|avez|ai|est|sont|était|étaient|suis|sommes|fut|furent|eut|eurent)' +
  '(?:\\s+(?:déjà|été|pas|plus|encore|aussi|bien|notamment|ensuite|finalement|alors|également))?' +
  '\\s+(\\p{L}{2,}(?:é|ée|és|ées|i|ie|is|ies|it|u|ue|us|ues|ert|erte|ts|int|ainte))' +
  '|(\\p{L}{3,}(?:ait|aient)|\\p{L}{2,}(?:èrent|irent|urent)))(?![\\p{L}])';
/** Words with a participle-like or imparfait-like ending that are not past verbs. */
const FR_NOT_PARTICIPLE = new Set([
  'lieu',
  'trois',
  'plus',
  'tous',
  'nous',
  'vous',
  'sous',
  'ceux',
  'mais',
  'jamais',
  'depuis',
  'puis',
  'lui',
  'celui',
  'ici',
  'ainsi',
  'aussi',
  'parmi',
  'midi',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'permis',
  'parfait',
  'portrait',
  'trait',
  'souhait',
  'attrait',
  'extrait',
  'retrait',
  'abstrait',
  'distrait',
  'bienfait',
  'méfait',
  'forfait',
  'surfait',
  'tout',
  'début',
  'but',
  'statut',
  'institut',
  'salut',
  'reçu',
  'dû',
  'vu',
]);
/** Participles that announce the future ("est prévue le 30 octobre"): not past cues. */
const FR_NOT_PAST = /^(?:prévu|programmé|attendu|fixé|annoncé|devai|allai)/iu;

export const frenchPastCues: PastCueFinder = (text, before) => {
  const out: Array<{ index: number; length: number }> = [];
  for (const m of text.matchAll(new RegExp(FR_PAST, 'giu'))) {
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    if (FR_NOT_PARTICIPLE.has(word) || FR_NOT_PAST.test(word)) continue;
    if (
      !before &&
      /^(?:a|ont)\s+(?:dit|déclaré|affirmé|indiqué|précisé|ajouté|annoncé|expliqué)$/i.test(m[0]) &&
      text.slice(0, m.index!).includes(',')
    )
      continue;
    out.push({ index: m.index!, length: m[0].length });
  }
  return out;
};
