/** French word lists of the entity, figure and quote engines. Plain data. */
import { foldKey } from '../../text';

/** Lower-case words that may join capitalised words into one name ("Banque de France", "Côte d'Ivoire"). */
export const FR_CONNECTORS: ReadonlySet<string> = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  "l'",
  'le',
  'van',
  'von',
  'der',
  'den',
  'del',
  'da',
  'di',
  'al',
  'bin',
  'el',
  'y',
  '&',
  'et',
  'sur',
  'en',
]);

/** Capitalised French heads of states and territories followed by adjectives: "Empire romain", "République tchèque". */
export const FR_STATE_HEADS: ReadonlySet<string> = new Set(
  [
    'empire',
    'république',
    'royaume',
    'principauté',
    'duché',
    'comté',
    'émirat',
    'sultanat',
    'califat',
    'état',
    'province',
    'territoire',
  ].map(foldKey),
);

/** Adjective endings that continue an institution named by its head ("Parti communiste chinois", "Banque centrale"). */
export const FR_INSTITUTION_ADJECTIVE =
  /(?:iste|istes|ois|oise|ais|aise|ain|aine|ien|ienne|éen|éenne|al|ale|aux|ique|el|elle|aire|if|ive|ral|rale|onal|onale|ésien|ane)s?$/;

/** Determiners before a speech-verb form that make it a noun ("l’annonce", "sa déclaration"). */
export const FR_DETERMINERS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'l’',
  "l'",
  'un',
  'une',
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'ce',
  'cet',
  'cette',
  'ces',
  'plusieurs',
  'des',
  'notre',
  'nos',
]);

export const FR_SCALES: Readonly<Record<string, number>> = {
  cent: 1e2,
  cents: 1e2,
  mille: 1e3,
  millier: 1e3,
  milliers: 1e3,
  million: 1e6,
  millions: 1e6,
  milliard: 1e9,
  milliards: 1e9,
  md: 1e9,
  mds: 1e9,
  mrd: 1e9,
  billion: 1e12,
  billions: 1e12,
};

/** Number words that start a figure ("vingt mille", "deux milliards"). */
export const FR_FIGURE_NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
  douzaine: 12,
  dizaine: 10,
  centaine: 100,
};

/** Words after a number that are never the counted thing. */
export const FR_NOT_UNITS: ReadonlySet<string> = new Set([
  'et',
  'ou',
  'de',
  'des',
  'du',
  'le',
  'la',
  'les',
  'à',
  'au',
  'aux',
  'en',
  'par',
  'pour',
  'avec',
  'que',
  'qui',
  'est',
  'sont',
  'a',
  'dans',
  'sur',
]);
