/**
 * The Outline of an article as plain data: "Quotes" grouped by speaker (each quote a child), then the entities
 * grouped by kind ("People", "Organizations", "Places", each entity with its mention count). Pure; mapped to
 * DocumentSymbols by src/features/symbols.ts and unit-tested in test/unit/outline.test.ts.
 */
import { ENTITY_KINDS, LAYER_INFO, type SymbolKindName, type Translate } from '../core/kinds';
import type { ArticleAnalysis, Span } from '../core/types';
import { plainText } from './plainText';

/** One Outline entry: `span` is what it covers, `selection` where the cursor goes. */
export interface OutlineNode {
  name: string;
  detail: string;
  kind: SymbolKindName;
  span: Span;
  selection: Span;
  children: OutlineNode[];
}

/**
 * Article text as a symbol name or detail: symbol names show in the Outline, the breadcrumbs and the Go to Symbol
 * quick pick, which renders `$(name)` as an icon (plainText breaks it). A name cannot be empty.
 */
function symbolText(s: string, max = 60): string {
  return plainText(s, max) || '…';
}

/** The span from the first start to the last end (a long article can have thousands of mentions: no spread). */
function cover(spans: Span[]): Span {
  return spans.reduce((a, b) => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) }));
}

function group(name: string, detail: string, kind: SymbolKindName, children: OutlineNode[]): OutlineNode {
  return { name, detail, kind, span: cover(children.map((c) => c.span)), selection: children[0].selection, children };
}

/** The Outline of one analysed article, in the UI language of `t`. */
export function buildOutline(a: ArticleAnalysis, t: Translate): OutlineNode[] {
  const out: OutlineNode[] = [];
  const bySpeaker = new Map<string, OutlineNode[]>();
  for (const q of a.quotes) {
    if (q.scare) continue;
    const speaker = q.speaker ? symbolText(q.speaker.name, 200) : t('Unattributed');
    const span = q.outer ?? q;
    const node: OutlineNode = {
      name: `“${symbolText(q.text)}”`,
      detail: speaker,
      kind: LAYER_INFO.quote.symbolKind,
      span,
      selection: span,
      children: [],
    };
    bySpeaker.set(speaker, [...(bySpeaker.get(speaker) ?? []), node]);
  }
  if (bySpeaker.size) {
    const speakers = [...bySpeaker].map(([speaker, quotes]) =>
      group(speaker, t('{0} quotes', quotes.length), LAYER_INFO.speaker.symbolKind, quotes),
    );
    out.push(group(LAYER_INFO.quote.plural(t), '', 'Namespace', speakers));
  }
  for (const type of ENTITY_KINDS) {
    const entities = a.entities.filter((e) => e.type === type && e.mentions.length > 0);
    if (!entities.length) continue;
    const children = entities.map((e): OutlineNode => ({
      name: symbolText(e.name, 200),
      detail: t('{0} mentions', e.mentions.length),
      kind: LAYER_INFO[type].symbolKind,
      span: cover(e.mentions),
      selection: e.mentions[0],
      children: [],
    }));
    out.push(group(LAYER_INFO[type].plural(t), String(entities.length), 'Namespace', children));
  }
  return out;
}
