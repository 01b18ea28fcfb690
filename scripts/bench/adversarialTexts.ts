/**
 * Hostile texts that have made (or could make) the analysis super-linear: runs of abbreviations, initials,
 * capitalised words, place and organization words, hyphen chains, lines without sentence ends, quote runs, digit
 * and punctuation runs, in English and French. Shared by the benchmark's adversarial table (npm run bench) and the
 * unit tests, which analyse each one at a small size and check its spans.
 *
 * Every generator is deterministic: the same name and size give the same text.
 */
import { rng } from './timing';

export interface AdversarialGenerator {
  name: string;
  lang: 'en' | 'fr';
  /** Text of about `bytes` UTF-8 bytes (never more). */
  make(bytes: number): string;
}

/** The real sentence every generator opens with, LEAD_REPEATS times, so the language detector sees prose. */
export const LEADS = {
  en: 'The mayor said on Monday that the city would close the road. ',
  fr: 'Le maire a annoncé lundi que la ville fermerait la route. ',
} as const;
export const LEAD_REPEATS = 4;

/** Makes the i-th unit of a generator's run; `nonce` gives a fresh made-up capitalised word on each call. */
type Unit = (i: number, nonce: () => string) => string;

/** `lead` a few times (so the language detector sees prose, as in a real file), then `unit(i)` until `bytes`. */
function repeatTo(bytes: number, lead: string, unit: Unit): string {
  const nonce = nonceNames(7); // a fresh sequence per text: the same name and size always give the same text
  let out = '';
  for (let i = 0; i < LEAD_REPEATS && Buffer.byteLength(out + lead) <= bytes; i++) out += lead;
  let size = Buffer.byteLength(out);
  for (let i = 0; ; i++) {
    const u = unit(i, nonce);
    const b = Buffer.byteLength(u);
    if (size + b > bytes) break;
    out += u;
    size += b;
  }
  return out;
}

/** Pronounceable nonce words that no lexicon knows, capitalised: "Bavoruk", "Tenilam". */
function nonceNames(seed: number): () => string {
  const next = rng(seed);
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  return () => {
    let w = '';
    const syll = 2 + Math.floor(next() * 2);
    for (let s = 0; s < syll; s++) w += c[Math.floor(next() * c.length)] + v[Math.floor(next() * v.length)];
    w += c[Math.floor(next() * c.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
}

const cycle =
  (words: readonly string[], sep = ' ') =>
  (i: number): string =>
    words[i % words.length] + sep;

const en = (name: string, unit: Unit): AdversarialGenerator => ({
  name,
  lang: 'en',
  make: (bytes) => repeatTo(bytes, LEADS.en, unit),
});
const fr = (name: string, unit: Unit): AdversarialGenerator => ({
  name,
  lang: 'fr',
  make: (bytes) => repeatTo(bytes, LEADS.fr, unit),
});

export const ADVERSARIAL_GENERATORS: readonly AdversarialGenerator[] = [
  en('St. run', () => 'St. '),
  en('Ave. run', () => 'Ave. '),
  en(
    'abbreviation mix (Mr. Dr. Inc. Jan. …)',
    cycle([
      'Mr.',
      'Mrs.',
      'Dr.',
      'Prof.',
      'Sen.',
      'Gov.',
      'Gen.',
      'Col.',
      'Lt.',
      'Capt.',
      'Jr.',
      'Inc.',
      'Corp.',
      'Co.',
      'Ltd.',
      'Bros.',
      'Mt.',
      'Ft.',
      'Jan.',
      'Feb.',
      'Sept.',
      'Oct.',
      'No.',
      'U.S.',
      'U.K.',
      'e.g.',
      'i.e.',
      'Fig.',
      'vs.',
      'etc.',
    ]),
  ),
  en('one-word sentences (Yes. No! Tv. …)', cycle(['Yes.', 'No!', 'Tv.', 'Why?', 'Pr.', 'Ok.'])),
  en('short sentences (Me too. Tv. Ok then. No.)', cycle(['Me', 'too.', 'Tv.', 'Ok', 'then.', 'No.'])),
  en('initials (J. R. R. …)', cycle(['J.', 'R.', 'R.', 'T.', 'K.', 'A.'])),
  en('dotted acronyms (U.S. U.N. …)', cycle(['U.S.', 'U.N.', 'F.B.I.', 'N.A.S.A.', 'E.U.'])),
  en('capitalised words, no punctuation', (_, nonce) => nonce() + ' '),
  en(
    'capitalised place words (Main Street River …)',
    cycle(['Main', 'Street', 'Hudson', 'River', 'Lake', 'Park', 'Bridge', 'County', 'Avenue', 'Bay']),
  ),
  en(
    'capitalised org words (Acme Group Holdings …)',
    cycle(['Acme', 'Group', 'Holdings', 'Capital', 'Partners', 'Bank', 'Systems', 'Media', 'Trust', 'Fund']),
  ),
  en('capitalised words with commas', (_, nonce) => nonce() + ', '),
  en(
    'title chain (President Senator Judge …)',
    cycle(['President', 'Senator', 'Judge', 'Mayor', 'Governor', 'General', 'Minister', 'Secretary']),
  ),
  en('hyphen chain', (i) => (i % 400 === 399 ? 'end ' : 'well-')),
  en('capitalised hyphen chain', (i) => (i % 400 === 399 ? 'End ' : 'Jean-')),
  en(
    'one line, no sentence end',
    cycle(['the', 'mayor', 'said', 'that', 'the', 'city', 'would', 'close', 'the', 'road', 'and']),
  ),
  en('straight quote runs', cycle(['"He', 'said', 'that"', '"the', 'city"'])),
  en('unbalanced quotes', cycle(['"The', 'mayor', 'said', '“we', 'will', '‘close'])),
  en('speech verbs (said X said Y)', (_, nonce) => `said ${nonce()} `),
  en(
    'digit runs (1,000 12.5% $3 …)',
    cycle(['1,000', '12.5%', '$3', '45', 'million', '2.5', 'billion', '70', 'percent']),
  ),
  en(
    'dates (June 1, Monday …)',
    cycle(['June', '1,', 'Monday', 'night,', '10', 'days', 'ago,', '3', 'p.m.', 'Tuesday']),
  ),
  en(
    'number chains without spaces (1/2/3… 1.2.3… 1-2-3…)',
    cycle(['1/2/3/4/5/6/7/8/9/10/11/12/', '1.2.3.4.5.6.7.8.9.10.', '1-2-3-4-5-6-7-8-9-10-'], ''),
  ),
  en('punctuation runs', cycle(['...', '!?', '--', ';;', '(', ')', '[', ']', '*', '•'])),
  en('parentheses (Reuters) (AP) …', cycle(['(Reuters)', '(AP)', '(AFP)', '(', 'Paris', ')'])),
  fr('M. run', () => 'M. '),
  fr('one-word sentences (Oui. Non ! Me. …)', cycle(['Oui.', 'Non !', 'Me.', 'Pourquoi ?', 'Pr.', 'Bon.'])),
  fr(
    'abbreviation mix (Mme Dr. av. bd …)',
    cycle(['Mme', 'Mlle', 'M.', 'Me', 'Dr.', 'Pr.', 'av.', 'bd', 'St.', 'Ste.', 'No.']),
  ),
  fr(
    'capitalised words with connectors (Banque de France de …)',
    cycle(['Banque', 'de', 'France', 'du', 'Nord', 'de', 'la', 'Loire', 'et', 'des']),
  ),
  fr('capitalised words, no punctuation', (_, nonce) => nonce() + ' '),
  fr(
    'French place heads (océan Indien mer …)',
    cycle(['océan', 'Indien', 'mer', 'Rouge', 'lac', 'Léman', 'baie', 'Somme']),
  ),
  fr('unbalanced guillemets', cycle(['«', 'Il', 'a', 'dit', '«', 'non', '»', '»', '«', 'oui'])),
  fr(
    'one line, no sentence end',
    cycle(['le', 'maire', 'a', 'dit', 'que', 'la', 'ville', 'fermerait', 'la', 'route', 'et']),
  ),
  fr('hyphenated names (Jean-Pierre-…)', (i) => (i % 400 === 399 ? 'Fin ' : 'Jean-')),
];

/** Each abbreviation of `list`, capitalised and run on its own: the exhaustive hunt over the project's own lists. */
export function abbreviationRuns(list: Iterable<string>): AdversarialGenerator[] {
  const out: AdversarialGenerator[] = [];
  for (const a of list) {
    const word = a.charAt(0).toUpperCase() + a.slice(1) + '.';
    out.push(en(`${word} run`, () => `${word} `));
    out.push(fr(`${word} run (fr)`, () => `${word} `));
  }
  return out;
}
