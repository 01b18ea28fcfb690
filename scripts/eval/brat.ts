/** Reader for PolNeAR brat standoff attribution files (.ann). */

export interface BratSpan {
  id: string;
  label: string;
  /** Smallest START of the (possibly discontinuous) span (the first START when fragments are in order). */
  start: number;
  /** Largest END of the span (the last END when fragments are in order). */
  end: number;
  /** Every fragment, as written. */
  fragments: Array<{ start: number; end: number }>;
  /** The covered text as written in the .ann (fragments joined by a space when discontinuous). */
  text: string;
  discontinuous: boolean;
}

export interface Attribution {
  id: string;
  /** Role name → T id (Attribution, Content, Content2, Cue, Source, …). */
  roles: Record<string, string>;
}

export interface BratDoc {
  spans: Map<string, BratSpan>;
  attributions: Attribution[];
}

const T_LINE = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/;

/**
 * Parses a .ann file. A discontinuous span (`S E;S E`) becomes one span from the smallest START to the largest END:
 * some PolNeAR Content spans list their fragments out of order, where "first START, last END" would be empty.
 */
export function readBrat(ann: string): BratDoc {
  const spans = new Map<string, BratSpan>();
  const attributions: Attribution[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const m = T_LINE.exec(line);
      if (!m) continue;
      const fragments = m[3]!.split(';').map((f) => {
        const [a, b] = f.split(' ');
        return { start: Number(a), end: Number(b) };
      });
      spans.set(m[1]!, {
        id: m[1]!,
        label: m[2]!,
        start: Math.min(...fragments.map((f) => f.start)),
        end: Math.max(...fragments.map((f) => f.end)),
        fragments,
        text: m[4]!,
        discontinuous: fragments.length > 1,
      });
    } else if (line.startsWith('E')) {
      const [id, args] = line.split('\t');
      if (!id || !args) continue;
      const roles: Record<string, string> = {};
      for (const part of args.trim().split(/\s+/)) {
        const i = part.indexOf(':');
        if (i > 0) roles[part.slice(0, i)] = part.slice(i + 1);
      }
      attributions.push({ id, roles });
    }
  }
  return { spans, attributions };
}

/** True when the text holds an opening quote mark (“ " «) followed later by a closing one (” " »). */
export function hasDirectQuote(text: string): boolean {
  const i = text.search(/[“"«]/);
  return i >= 0 && /[”"»]/.test(text.slice(i + 1));
}

export interface GoldQuote {
  attribution: string;
  /** Content span (first START to last END). */
  content: BratSpan;
  source: BratSpan | null;
}

/**
 * Gold direct quotes: attributions whose Content span in the article text (smallest START to largest END, gaps
 * included, as eval/eval-quotes.mjs slices it) holds an opening then a closing quote mark.
 */
export function goldDirectQuotes(doc: BratDoc, text: string): GoldQuote[] {
  const out: GoldQuote[] = [];
  for (const a of doc.attributions) {
    const content = a.roles.Content ? doc.spans.get(a.roles.Content) : undefined;
    if (!content || !hasDirectQuote(text.slice(content.start, content.end))) continue;
    const source = a.roles.Source ? (doc.spans.get(a.roles.Source) ?? null) : null;
    out.push({ attribution: a.id, content, source });
  }
  return out.sort((x, y) => x.content.start - y.content.start);
}

/** Groups `<article>_<annotator>.ann` names by article and keeps the first file in sort order for each. */
export function firstAnnPerArticle(files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of [...files].filter((x) => x.endsWith('.ann')).sort()) {
    const article = f.replace(/_[^_]*\.ann$/, '');
    if (!out.has(article)) out.set(article, f);
  }
  return out;
}
