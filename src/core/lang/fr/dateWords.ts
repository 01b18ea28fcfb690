/** French date words: months, weekdays, number words, units, parts of the day, seasons. Plain data. */
import { U, type Unit } from '../../dates/ruleKit';

export const FR_MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, 'février': 2, fevrier: 2, 'févr': 2, fevr: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, 'août': 8, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  'décembre': 12, decembre: 12, 'déc': 12, dec: 12,
};

export const FR_WEEKDAYS: Record<string, number> = {
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
};

export const FR_NUMBERS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19,
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, 'soixante-dix': 70, 'quatre-vingt': 80,
  'quatre-vingts': 80, 'quatre-vingt-dix': 90, cent: 100, 'une dizaine de': 10, 'une quinzaine de': 15,
  'une vingtaine de': 20, 'une centaine de': 100,
};

export const FR_VAGUE = ['plusieurs', 'quelques', 'des', 'de nombreuses', 'de nombreux', 'nombreuses', 'nombreux', 'certaines', 'certains'];

export const FR_UNITS: Record<string, Unit> = {
  an: U('Y'), ans: U('Y'), 'année': U('Y'), 'années': U('Y'), annee: U('Y'), annees: U('Y'), mois: U('M'),
  semaine: U('W'), semaines: U('W'), jour: U('D'), jours: U('D'), 'journée': U('D'), 'journées': U('D'),
  'décennie': U('Y', 10), 'décennies': U('Y', 10), 'siècle': U('Y', 100), 'siècles': U('Y', 100),
  heure: U('H', 1, true), heures: U('H', 1, true), minute: U('M', 1, true), minutes: U('M', 1, true),
  seconde: U('S', 1, true), secondes: U('S', 1, true), quinzaine: U('D', 15),
};

export const FR_DAYPARTS: Record<string, string> = {
  matin: 'TMO', 'matinée': 'TMO', 'après-midi': 'TAF', 'apres-midi': 'TAF', soir: 'TEV', 'soirée': 'TEV',
  nuit: 'TNI', midi: 'T12:00',
};

/** Seasons → TIMEX3 codes. */
export const FR_SEASONS: Record<string, string> = { printemps: 'SP', 'été': 'SU', ete: 'SU', automne: 'FA', hiver: 'WI' };
