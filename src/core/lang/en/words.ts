/** English word lists of the entity, figure and quote engines. Plain data. */

/** Lower-case words that may join capitalised words into one name ("Bank of England", "Ludwig van Beethoven"). */
export const EN_CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'de', 'van', 'von', 'der', 'den', 'del', 'da', 'di', 'du', 'la', 'le', 'al', 'bin', 'el', 'y', '&', 'for', 'and',
]);

/** Determiners before a speech-verb form that make it a noun ("the report", "his call"). */
export const EN_DETERMINERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'these', 'those', 'one', 'another', 'our', 'my',
]);

export const EN_SCALES: Readonly<Record<string, number>> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, billion: 1e9, billions: 1e9,
  bn: 1e9, b: 1e9, trillion: 1e12, trillions: 1e12, tn: 1e12,
};

/** Number words that start a figure ("nearly one billion users", "twenty thousand"). */
export const EN_FIGURE_NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, dozens: 24,
};

/** Words after a number that are never the counted thing. */
export const EN_NOT_UNITS: ReadonlySet<string> = new Set([
  'and', 'or', 'of', 'the', 'a', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'that', 'than', 'as', 'is',
  'was', 'were', 'are',
]);
