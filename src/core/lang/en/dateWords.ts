/** English date words: months, weekdays, number words, units, parts of the day, ordinals. Plain data. */
import { U, type Unit } from '../../dates/ruleKit';

export const EN_MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

export const EN_WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

export const EN_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  'a hundred': 100,
  'one hundred': 100,
  'a couple of': 2,
  'a dozen': 12,
  dozen: 12,
  half: 0.5,
};

/** Vague quantities: the value gets an X ("PXY"). */
/** Vague quantities: the value gets an X ("PXY"). */
export const EN_VAGUE = ['several', 'a few', 'few', 'many', 'some', 'recent', 'coming', 'numerous', 'countless'];

export const EN_UNITS: Record<string, Unit> = {
  year: U('Y'),
  years: U('Y'),
  month: U('M'),
  months: U('M'),
  week: U('W'),
  weeks: U('W'),
  day: U('D'),
  days: U('D'),
  decade: U('Y', 10),
  decades: U('Y', 10),
  century: U('Y', 100),
  centuries: U('Y', 100),
  hour: U('H', 1, true),
  hours: U('H', 1, true),
  minute: U('M', 1, true),
  minutes: U('M', 1, true),
  second: U('S', 1, true),
  seconds: U('S', 1, true),
  fortnight: U('W', 2),
  fortnights: U('W', 2),
};

/** Parts of the day → TIMEX3 suffix. */
export const EN_DAYPARTS: Record<string, string> = {
  morning: 'TMO',
  afternoon: 'TAF',
  evening: 'TEV',
  night: 'TNI',
  noon: 'T12:00',
  midday: 'T12:00',
  overnight: 'TNI',
};

/** Words for the number of a quarter. */
export const EN_ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};
