/**
 * The side panel's view model (src/shared/protocol.ts) for one analysed article: entities by kind, dates in time
 * order, quotes with speakers (scare quotes left out), figures, and a status line when there is no analysis. Pure:
 * labels come through the translator. Called by src/features/panelView.ts; unit-tested in test/unit/panelModel.test.ts.
 */
import { ENTITY_KINDS, KINDS, LAYER_INFO, type Kind, type Translate } from '../core/kinds';
import type { ArticleAnalysis, DateMention, Entity, Mention, Quote } from '../core/types';
import type {
  PanelAction,
  PanelActionId,
  PanelDate,
  PanelLabels,
  PanelModel,
  PanelRowTarget,
} from '../shared/protocol';
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
    noArticle: t(
      'Open an article (a .txt news article) to see its people, organizations, places, dates, quotes and figures.',
    ),
    unattributed: t('Unattributed'),
    referenceDate: t('Reference date'),
    language: t('Language'),
    orphaned: t('Corrections that no longer match the text'),
    remove: t('Remove'),
    verifiedMark: t('verified'),
    readerMark: t('set by the reader'),
    actionsOf: t('Corrections of {0}'),
  };
}

/** The label of each panel button (short: the row says what it acts on). */
function actionLabels(t: Translate): Record<PanelActionId, string> {
  return {
    notEntity: t('Not an entity'),
    retype: t('Change type…'),
    rename: t('Rename…'),
    merge: t('Merge with…'),
    setSpeaker: t('Set speaker…'),
    clearSpeaker: t('Clear speaker'),
    notQuote: t('Not a quote'),
    scare: t('Scare quote'),
    setDate: t('Set date…'),
    referenceDate: t('Use as reference date'),
    verify: t('Mark verified'),
  };
}

/**
 * Which corrections each kind of row offers, in button order. The extension checks a row's `correct` message
 * against these (src/features/panelView.ts), so a webview can only ask for what the row shows.
 */
export const panelRowActions = {
  entity(e: Entity, all: readonly Entity[]): PanelActionId[] {
    const out: PanelActionId[] = ['notEntity', 'retype', 'rename'];
    if (all.length > 1) out.push('merge');
    if (!e.verified) out.push('verify');
    return out;
  },
  quote(q: Quote): PanelActionId[] {
    const out: PanelActionId[] = ['setSpeaker'];
    if (q.speaker) out.push('clearSpeaker');
    out.push('notQuote', 'scare');
    if (!q.verified) out.push('verify');
    return out;
  },
  date(d: DateMention, a: ArticleAnalysis): PanelActionId[] {
    const out: PanelActionId[] = ['setDate'];
    // Only a full calendar day can be a reference date; the current one is not offered again.
    if (d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && a.referenceDate?.value !== d.value) out.push('referenceDate');
    if (!d.verified) out.push('verify');
    return out;
  },
  figure(f: Mention): PanelActionId[] {
    return f.verified ? [] : ['verify'];
  },
};

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
  const labels = actionLabels(t);
  const buttons = (ids: PanelActionId[]): PanelAction[] => ids.map((id) => ({ id, label: labels[id] }));
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
    target: { kind: 'entity' as const, start: e.mentions[0].start, end: e.mentions[0].end },
    actions: buttons(panelRowActions.entity(e, analysis.entities)),
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
      target: { kind: 'date' as const, start: d.start, end: d.end },
      actions: buttons(panelRowActions.date(d, analysis)),
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
      // The corrections anchor on the quoted words, inside the quotation marks (as the light bulb does).
      target: { kind: 'quote' as const, start: q.start, end: q.end },
      actions: buttons(panelRowActions.quote(q)),
    }));
  base.figures = analysis.figures.map((f) => ({
    start: f.start,
    end: f.end,
    text: f.text,
    value: f.value,
    unit: f.unit,
    kind: f.kind,
    target: { kind: 'figure' as const, start: f.start, end: f.end },
    actions: buttons(panelRowActions.figure(f)),
  }));
  if (analysis.notes.length) base.status = analysis.notes.join(' · ');
  return base;
}

const ROW_LIST = { entity: 'entities', quote: 'quotes', date: 'dates', figure: 'figures' } as const;

/** Arguments of a correction command for a panel row (src/features/corrections.ts reads them). */
export interface PanelCorrectionArgs {
  uri: string;
  start: number;
  end: number;
  kind?: PanelRowTarget['kind'];
  wholeEntity?: boolean;
}

/**
 * The action and command arguments for a `correct` message, or undefined when it does not name a row of `model`
 * offering that action: a webview message is never trusted, it may only ask for what the panel shows.
 */
export function correctionRequest(
  model: PanelModel,
  msg: { uri?: unknown; action?: unknown; target?: unknown },
): { action: PanelActionId; args: PanelCorrectionArgs } | undefined {
  const target = msg.target as Partial<PanelRowTarget> | undefined;
  if (!model.uri || typeof msg.uri !== 'string' || msg.uri !== model.uri || typeof msg.action !== 'string')
    return undefined;
  if (!target || typeof target !== 'object' || typeof target.kind !== 'string' || !Object.hasOwn(ROW_LIST, target.kind))
    return undefined;
  if (!Number.isInteger(target.start) || !Number.isInteger(target.end)) return undefined;
  const kind = target.kind;
  const rows: Array<{ target: PanelRowTarget; actions: PanelAction[] }> = model[ROW_LIST[kind]];
  const row = rows.find((r) => r.target.start === target.start && r.target.end === target.end);
  const action = row?.actions.find((a) => a.id === msg.action)?.id;
  if (!row || !action) return undefined;
  const args: PanelCorrectionArgs = { uri: model.uri, start: row.target.start, end: row.target.end };
  if (action === 'verify') args.kind = kind;
  // A row names the entity, not one mention: "not an entity" there removes every mention of it.
  if (action === 'notEntity' && kind === 'entity') args.wholeEntity = true;
  return { action, args };
}
