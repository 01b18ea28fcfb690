/** Word tables for the date layer (English and French). Plain generic data, no state. */

export const EN_MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

export const FR_MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, 'février': 2, fevrier: 2, 'févr': 2, fevr: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, 'août': 8, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  'décembre': 12, decembre: 12, 'déc': 12, dec: 12,
};

export const EN_WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

export const FR_WEEKDAYS: Record<string, number> = {
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
};

export const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, 'a hundred': 100, 'one hundred': 100, 'a couple of': 2, 'a dozen': 12, dozen: 12, half: 0.5,
};

export const FR_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, 'soixante-dix': 70, 'quatre-vingt': 80,
  'quatre-vingts': 80, 'quatre-vingt-dix': 90, cent: 100, 'une dizaine de': 10, 'une quinzaine de': 15,
  'une vingtaine de': 20, 'une centaine de': 100,
};

/** Vague quantities: the value gets an X ("PXY"). */
export const EN_VAGUE = ['several', 'a few', 'few', 'many', 'some', 'recent', 'coming', 'numerous', 'countless'];
export const FR_VAGUE = ['plusieurs', 'quelques', 'des', 'de nombreuses', 'de nombreux', 'nombreuses', 'nombreux', 'certaines', 'certains'];

/** Duration units: TIMEX3 letter, multiplier, and whether they are time units (PT…). */
export interface Unit {
  letter: 'Y' | 'M' | 'W' | 'D' | 'H' | 'S';
  mult: number;
  time: boolean;
}
const U = (letter: Unit['letter'], mult = 1, time = false): Unit => ({ letter, mult, time });

export const EN_UNITS: Record<string, Unit> = {
  year: U('Y'), years: U('Y'), month: U('M'), months: U('M'), week: U('W'), weeks: U('W'), day: U('D'),
  days: U('D'), decade: U('Y', 10), decades: U('Y', 10), century: U('Y', 100), centuries: U('Y', 100),
  hour: U('H', 1, true), hours: U('H', 1, true), minute: U('M', 1, true), minutes: U('M', 1, true),
  second: U('S', 1, true), seconds: U('S', 1, true), fortnight: U('W', 2), fortnights: U('W', 2),
};

export const FR_UNITS: Record<string, Unit> = {
  an: U('Y'), ans: U('Y'), 'année': U('Y'), 'années': U('Y'), annee: U('Y'), annees: U('Y'), mois: U('M'),
  semaine: U('W'), semaines: U('W'), jour: U('D'), jours: U('D'), 'journée': U('D'), 'journées': U('D'),
  'décennie': U('Y', 10), 'décennies': U('Y', 10), 'siècle': U('Y', 100), 'siècles': U('Y', 100),
  heure: U('H', 1, true), heures: U('H', 1, true), minute: U('M', 1, true), minutes: U('M', 1, true),
  seconde: U('S', 1, true), secondes: U('S', 1, true), quinzaine: U('D', 15),
};

/** Parts of the day → TIMEX3 suffix. */
export const EN_DAYPARTS: Record<string, string> = {
  morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI', noon: 'T12:00', midday: 'T12:00',
  overnight: 'TNI',
};
export const FR_DAYPARTS: Record<string, string> = {
  matin: 'TMO', 'matinée': 'TMO', 'après-midi': 'TAF', 'apres-midi': 'TAF', soir: 'TEV', 'soirée': 'TEV',
  nuit: 'TNI', midi: 'T12:00',
};

export const SEASONS: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI', printemps: 'SP', 'été': 'SU', ete: 'SU',
  automne: 'FA', hiver: 'WI',
};

/** Words for the number of a quarter. */
export const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, premier: 1, '1er': 1,
  'deuxième': 2, seconde: 2, 'troisième': 3, 'quatrième': 4,
};

/** Alternation of the keys, longest first, escaped for a RegExp. */
export function alt(keys: Iterable<string>): string {
  return [...new Set(keys)]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}
