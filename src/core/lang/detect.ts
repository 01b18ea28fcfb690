import type { Lang } from '../types';

const EN = new Set(
  'the of and to in is that for on with was as by he it at from his said have has are an be this which not but were they been its had their who will would'.split(
    ' ',
  ),
);
const FR = new Set(
  'le la les de des du et à en un une est que qui pour dans sur au aux par pas il elle ce cette avec son sa ses ont été sont mais plus ou leur nous vous a'.split(
    ' ',
  ),
);
const DE = new Set(
  'der die und das ist nicht mit sich auf für dem den ein eine zu von im auch wird werden nach bei'.split(' '),
);
const ES = new Set('el la los las y que en un una es por con para del se no su al lo como más pero sus fue'.split(' '));
const IT = new Set('il la di che e è per un una non con del della sono le gli al nel come anche ma più'.split(' '));
const PT = new Set('o a os as de que e do da em um uma para com não no na por se dos das ao mais como'.split(' '));

/** Cheap language guess from stop-word counts; `und` when there is too little text to tell. */
export function detectLanguage(text: string): Lang {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  if (words.length < 3) return 'und';
  const score: Record<string, number> = { en: 0, fr: 0, de: 0, es: 0, it: 0, pt: 0 };
  for (const raw of words) {
    const w = raw.replace(/^(l|d|qu|n|s|j|c|m|t)['’]/, '');
    if (EN.has(w)) score.en++;
    if (FR.has(w)) score.fr++;
    if (DE.has(w)) score.de++;
    if (ES.has(w)) score.es++;
    if (IT.has(w)) score.it++;
    if (PT.has(w)) score.pt++;
    if (/^(l|d|qu)['’]/.test(raw)) score.fr += 0.5;
  }
  if (/[«»]/.test(sample)) score.fr += 2;
  const best = Object.entries(score).sort((a, b) => b[1] - a[1]);
  if (best[0][1] < 2 || best[0][1] < words.length * 0.05) {
    // Non-Latin scripts: no stop words match; say nothing rather than guess.
    return 'und';
  }
  return best[0][0];
}
