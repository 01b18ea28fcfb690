import * as vscode from 'vscode';
import { Config, LANGUAGE_ID } from '../constants';
import {
  dateHover,
  DEFAULT_HOVER_LABELS,
  entityHover,
  figureHover,
  quoteHover,
  type HoverLabels,
} from '../core/hoverText';
import type { ArticleAnalysis, Span } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';
import { toRange, spanContains } from '../util/ranges';

/** Hover labels in the UI language (vscode.l10n); English strings are the keys. */
function localizedLabels(): HoverLabels {
  const t = vscode.l10n.t;
  return {
    ...DEFAULT_HOVER_LABELS,
    person: t('Person'),
    organization: t('Organization'),
    place: t('Place'),
    date: t('Date'),
    figure: t('Figure'),
    quote: t('Quote'),
    aliases: t('Also called'),
    mentions: (n) => (n === 1 ? t('1 mention') : t('{0} mentions', n)),
    firstMention: t('First mention'),
    resolvedExplicit: t('given explicitly in the text'),
    resolvedAgainst: (ref, source) => t('resolved against {0} ({1})', ref, source),
    unresolved: t('could not be resolved to a calendar date'),
    speaker: t('Speaker'),
    noSpeaker: t('no speaker found'),
    via: {
      named: t('named at the quote'),
      description: t('by a description'),
      pronoun: t('by a pronoun'),
      continuation: t('continues the previous quote'),
    },
    attributedBy: t('attributed by'),
    scare: t('short quoted phrase (scare quote)'),
    value: t('Value'),
    unit: t('unit'),
    dateKinds: {
      date: t('date'),
      relative: t('relative date'),
      duration: t('duration'),
      time: t('time'),
      set: t('recurring'),
    },
    figureKinds: { money: t('money'), percent: t('percentage'), count: t('count'), number: t('number') },
    referenceSources: {
      caller: t('the reference date you set'),
      dateline: t('the dateline'),
      text: t('a date in the text'),
      copyright: t('the copyright line'),
    },
  };
}

function smallest<T extends Span>(items: readonly T[], offset: number): T | undefined {
  let best: T | undefined;
  for (const it of items) {
    if (spanContains(it, offset) && (!best || it.end - it.start < best.end - best.start)) best = it;
  }
  return best;
}

/** Markdown cards for whatever is at `offset`: entity/date/figure first, then the enclosing quote. */
export function hoverCards(
  text: string,
  a: ArticleAnalysis,
  offset: number,
  labels: HoverLabels,
  locale: string,
): { markdown: string[]; span: Span } | undefined {
  const markdown: string[] = [];
  let span: Span | undefined;
  let best: { span: Span; entity: (typeof a.entities)[number] } | undefined;
  for (const e of a.entities) {
    const m = smallest(e.mentions, offset);
    if (m && (!best || m.end - m.start < best.span.end - best.span.start)) best = { span: m, entity: e };
  }
  const quote = a.quotes.find((q) => spanContains(q.outer ?? q, offset));
  const speakerOf = a.quotes.find((q) => q.speaker && q.speaker.end > q.speaker.start && spanContains(q.speaker, offset));
  if (best) {
    markdown.push(entityHover(text, best.entity, labels));
    span = best.span;
  } else {
    const date = smallest(a.dates, offset);
    const figure = date ? undefined : smallest(a.figures, offset);
    if (date) {
      markdown.push(dateHover(date, a.referenceDate, labels, locale));
      span = date;
    } else if (figure) {
      markdown.push(figureHover(figure, labels, locale));
      span = figure;
    }
  }
  if (speakerOf && !quote) {
    // On the attributing words ("the company said"): show the quote they attribute.
    markdown.push(quoteHover(text, speakerOf, labels));
    span ??= speakerOf.speaker ?? undefined;
  }
  if (quote) {
    markdown.push(quoteHover(text, quote, labels));
    span ??= quote.outer ?? quote;
  }
  return span && markdown.length ? { markdown, span } : undefined;
}

/** Registers the hover provider for articles (and plain-text documents detected as articles). */
export function registerHovers(deps: { analyses: DocumentAnalyses; config: ExtensionConfig }): vscode.Disposable {
  const { analyses, config } = deps;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!config.get(Config.hoversEnabled, document) || !analyses.isArticle(document)) return undefined;
      const version = document.version;
      const analysis = analyses.get(document) ?? (await analyses.whenAnalyzed(document.uri, token));
      if (!analysis || token.isCancellationRequested || document.version !== version) return undefined;
      const cards = hoverCards(document.getText(), analysis, document.offsetAt(position), localizedLabels(), vscode.env.language);
      if (!cards) return undefined;
      const contents = cards.markdown.map((md) => {
        const ms = new vscode.MarkdownString(md, false);
        // NOTE: article text is escaped by core/hoverText; never trust it, never allow HTML.
        ms.isTrusted = false;
        ms.supportHtml = false;
        return ms;
      });
      return new vscode.Hover(contents, toRange(document, cards.span));
    },
  };
  return vscode.languages.registerHoverProvider(
    [{ language: LANGUAGE_ID }, { language: 'plaintext' }],
    provider,
  );
}
