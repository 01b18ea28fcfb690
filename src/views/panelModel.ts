/**
 * The side panel's view model (src/shared/protocol.ts) for one analysed article: entities by kind, dates in time
 * order, quotes with speakers (scare quotes left out), figures, and a status line when there is no analysis. Pure:
 * labels come through the translator. Called by src/features/panelView.ts; unit-tested in test/unit/panelModel.test.ts.
 */
import { ENTITY_KINDS, KINDS, LAYER_INFO, type Kind, type Translate } from '../core/kinds';
import type { ArticleAnalysis } from '../core/types';
import type { PanelDate, PanelLabels, PanelModel } from '../shared/protocol';
import { noAnalysisMessage, type DocumentStatus } from './analysisStatus';
import { describeDateValue } from './hoverText';
import { orphanRows, verifiedSummary } from './verifiedText';

/** The document the panel describes: its URI (echoed back in `reveal` messages) and the file name shown. */
export interface PanelDocument {
  uri: string;
  title: string;
}

export function panelLabels(t: Translate): PanelLabels {
  return {
    filter: t('Filter'),
    kinds: Object.fromEntries(KINDS.map((kind) => [kind, LAYER_INFO[kind].plural(t)])) as Record<Kind, string>,
    empty: t('Nothing found'),
    noArticle: t('Open an article (a .txt news article) to see its people, organizations, places, dates, quotes and figures.'),
    unattributed: t('Unattributed'),
    referenceDate: t('Reference date'),
    language: t('Language'),
    orphaned: t('Corrections that no longer match the text'),
    remove: t('Remove'),
    verifiedMark: t('verified'),
    readerMark: t('set by the reader'),
  };
}

function dateOrder(d: PanelDate): string {
  // Calendar values (YYYY…) sort by time; durations, unknown years and unresolved go last, in text order.
  return d.value && /^\d{4}/.test(d.value) ? d.value : '~';
}

/** The panel's model for `document` (undefined: no article open), its analysis if there is one, and its state. */
export function buildPanelModel(
  document: PanelDocument | undefined,
  analysis: ArticleAnalysis | undefined,
  state: DocumentStatus | undefined,
  t: Translate,
  locale: string,
): PanelModel {
  const base: PanelModel = {
    uri: document?.uri ?? null,
    title: document?.title ?? '',
    language: analysis?.language ?? '',
    referenceDate: analysis?.referenceDate?.value ?? null,
    status: null,
    entityKinds: [...ENTITY_KINDS],
    entities: [],
    dates: [],
    quotes: [],
    figures: [],
    verified: null,
    orphans: [],
    labels: panelLabels(t),
  };
  if (!document) return base;
  if (!analysis) {
    base.status = noAnalysisMessage(state, t);
    return base;
  }
  base.entities = analysis.entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    count: e.mentions.length,
    mentions: e.mentions.map((m) => ({ start: m.start, end: m.end })),
    ...(e.verified ? { verified: true } : {}),
    ...(e.source === 'reader' ? { reader: true } : {}),
  }));
  base.verified = verifiedSummary(analysis, t);
  base.orphans = orphanRows(analysis);
  base.dates = analysis.dates
    .map((d) => ({
      start: d.start,
      end: d.end,
      text: d.text,
      kind: d.kind,
      value: d.value,
      label: describeDateValue(d.value, locale),
    }))
    .sort((a, b) => {
      const x = dateOrder(a);
      const y = dateOrder(b);
      return x < y ? -1 : x > y ? 1 : a.start - b.start;
    });
  base.quotes = analysis.quotes
    .filter((q) => !q.scare)
    .map((q) => ({
      start: (q.outer ?? q).start,
      end: (q.outer ?? q).end,
      text: q.text,
      speaker: q.speaker?.name ?? null,
      via: q.speaker?.via ?? null,
      scare: q.scare,
    }));
  base.figures = analysis.figures.map((f) => ({
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
  }));
  if (analysis.notes.length) base.status = analysis.notes.join(' · ');
  return base;
}
