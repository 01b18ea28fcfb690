/**
 * The French gold entity data: HIPE-2022 NewsEye French (dev + dev2, CC BY 4.0) and Europeana Newspapers French
 * (BnF, CC0). Both are OCR of newspapers from about 1900. Every fifth document is held apart as French dev; the
 * rest is the French model's training data (scripts/train). Shared by the trainer and `npm run eval`.
 *
 * Mapped to CoNLL-2003 conventions, as the English data and the product use them:
 * - HIPE puts titles inside person names ("M. Baumann", "le docteur Roux"): leading titles, honorifics and
 *   lower-case words are cut off person spans (a span with no capitalised word left is dropped).
 * - HIPE places include addresses ("16, rue La Boétie"): the house number and punctuation at the edges are cut
 *   off; the street stays a place.
 * - HumanProd (newspapers, works) and anything else but PER/ORG/LOC are not entities.
 * - Words hyphenated at a line end ("ex¬" + "cessif") are joined, as running text would print them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunkTags, type BuiltDoc, type Chunk } from './conll';

export interface GoldDoc extends BuiltDoc {
  /** "hipe-newseye" or "europeana". */
  source: string;
  id: string;
}

interface RawToken {
  text: string;
  tag: string;
  spaceAfter: boolean;
}

const TITLE_WORDS = new Set([
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'mlles',
  'me',
  'mgr',
  'dr',
  'pr',
  'sr',
  'sir',
  'lord',
  'lady',
  'miss',
  'mrs',
  'mr',
]);
/** Lower-case words that belong to a name ("de Gaulle", "van Gogh"); any other lower-case word opening a person span is a title or role. */
const PARTICLES = new Set([
  'de',
  "d'",
  'd’',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'del',
  'ten',
  'ter',
]);

function buildGoldDoc(tokens: RawToken[], source: string, id: string): GoldDoc {
  // Join line-end hyphenations first.
  const merged: RawToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text.endsWith('¬') && t.text.length > 1 && i + 1 < tokens.length && /^[\p{L}]/u.test(tokens[i + 1].text)) {
      const n = tokens[i + 1];
      merged.push({ text: t.text.slice(0, -1) + n.text, tag: t.tag !== 'O' ? t.tag : n.tag, spaceAfter: n.spaceAfter });
      i++;
      continue;
    }
    merged.push(t.text === '¬' ? { ...t, text: '-' } : t);
  }
  let text = '';
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  merged.forEach((t, i) => {
    // NOTE: HIPE also sets NoSpaceAfter on line ends between two words ("des" + "impôts"): a word never touches the word or the , ; : . ! ? before it.
    if (
      i > 0 &&
      (merged[i - 1].spaceAfter || (/[\p{L}\p{N},;:.!?)»]$/u.test(merged[i - 1].text) && /^[\p{L}\p{N}]/u.test(t.text)))
    )
      text += ' ';
    tokenStarts.push(text.length);
    text += t.text;
    tokenEnds.push(text.length);
  });
  const chunks: Chunk[] = [];
  for (const c of chunkTags(merged.map((t) => t.tag))) {
    let { start, end } = c;
    const word = (k: number): string => merged[k].text;
    if (c.type === 'PER') {
      const title = (w: string): boolean =>
        TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')) ||
        (/^\p{Ll}/u.test(w) && !PARTICLES.has(w)) ||
        /^[.,]$/.test(w);
      while (start < end && title(word(start))) start++;
      if (!merged.slice(start, end).some((t) => /^\p{Lu}/u.test(t.text))) continue;
    } else if (c.type === 'LOC') {
      while (start < end && /^(?:\d+\w{0,3}|[,.;:'’"«»()-])$/u.test(word(start))) start++;
    } else if (c.type !== 'ORG') {
      continue;
    }
    while (end > start && /^[,.;:'’"«»()-]$/.test(word(end - 1))) end--;
    if (end > start) chunks.push({ type: c.type, start, end });
  }
  return { text, tokenStarts, tokenEnds, chunks, source, id };
}

/** HIPE-2022 TSV: one document per `# hipe2022:document_id` block; column 2 is the coarse literal tag. */
export function readHipe(content: string, source = 'hipe-newseye'): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let id = '';
  let tokens: RawToken[] = [];
  const flush = (): void => {
    if (tokens.length) docs.push(buildGoldDoc(tokens, source, id));
    tokens = [];
  };
  for (const line of content.split(/\r?\n/)) {
    if (line.startsWith('#')) {
      const m = /^# hipe2022:document_id = (.+)$/.exec(line);
      if (m) {
        flush();
        id = m[1].trim();
      }
      continue;
    }
    if (!line.trim() || line.startsWith('TOKEN\t')) continue;
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    const misc = cols[cols.length - 1] ?? '';
    tokens.push({ text: cols[0], tag: cols[1] || 'O', spaceAfter: !/NoSpaceAfter/.test(misc) });
  }
  flush();
  return docs;
}

/**
 * Europeana `TOKEN TAG` lines (IOB1), one stream for several newspaper pages: cut into documents of about
 * `size` tokens, each ending after a full stop.
 */
export function readEuropeana(content: string, size = 3000): GoldDoc[] {
  const docs: GoldDoc[] = [];
  let tokens: RawToken[] = [];
  for (const line of content.split(/\r?\n/)) {
    const m = /^(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) continue;
    tokens.push({ text: m[1], tag: m[2], spaceAfter: true });
    if (tokens.length >= size && m[1] === '.') {
      docs.push(buildGoldDoc(tokens, 'europeana', `europeana-${docs.length + 1}`));
      tokens = [];
    }
  }
  if (tokens.length) docs.push(buildGoldDoc(tokens, 'europeana', `europeana-${docs.length + 1}`));
  return docs;
}

/** Every fifth document (positions 4, 9, 14… of each source) is French dev; the others are training data. */
export const isFrenchDev = (indexInSource: number): boolean => indexInSource % 5 === 4;

/** The French gold documents of both sources, split into training and dev. */
export function frenchGold(dataDir: string): { train: GoldDoc[]; dev: GoldDoc[] } {
  const hipe = ['dev.tsv', 'dev2.tsv'].flatMap((f) =>
    readHipe(readFileSync(path.join(dataDir, 'hipe-newseye-fr', f), 'utf8')),
  );
  const europeana = readEuropeana(readFileSync(path.join(dataDir, 'europeana-fr', 'enp_FR.bnf.bio'), 'utf8'));
  const train: GoldDoc[] = [];
  const dev: GoldDoc[] = [];
  for (const source of [hipe, europeana]) source.forEach((d, i) => (isFrenchDev(i) ? dev : train).push(d));
  return { train, dev };
}
