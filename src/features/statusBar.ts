import * as vscode from 'vscode';
import { Commands, Config } from '../constants';
import { isEntityKind, KINDS, LAYER_INFO, type Kind } from '../core/kinds';
import type { ArticleAnalysis, EntityType } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';
import { verifiedByKind, verifiedSummary } from '../views/verifiedText';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A deadline in seconds, as the user set it (0.5, 30, 61.4); "?" when unknown. */
function formatSeconds(ms: number | undefined): string {
  return ms === undefined ? '?' : String(Math.round(ms / 100) / 10);
}

/** How many of each kind the tooltip counts: entities (not mentions) of each entity kind, and for the others… */
const OTHER_COUNTS: Record<Exclude<Kind, EntityType>, (a: ArticleAnalysis) => number> = {
  date: (a) => a.dates.length,
  figure: (a) => a.figures.length,
  // … statements (not scare quotes).
  quote: (a) => a.quotes.filter((q) => !q.scare).length,
};

function count(a: ArticleAnalysis, kind: Kind): number {
  return isEntityKind(kind) ? a.entities.filter((e) => e.type === kind).length : OTHER_COUNTS[kind](a);
}

/** The status-bar item, as the integration tests read it. */
export interface StatusBarController extends vscode.Disposable {
  /** Text and tooltip shown for the active article (undefined when hidden). */
  shown(): { text: string; tooltip: string } | undefined;
}

/**
 * Status-bar item for the active article: language and counts, "analysing…", or a clear message when the file
 * is over `articleLens.analysis.maxFileSizeKB`, its analysis timed out, or it failed. Click opens the panel.
 */
export function registerStatusBar(deps: { analyses: DocumentAnalyses; config: ExtensionConfig }): StatusBarController {
  const { analyses, config } = deps;
  const t = vscode.l10n.t;
  const item = vscode.window.createStatusBarItem('articleLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Article Lens';
  item.command = Commands.showPanel;
  let visible = false;

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !config.get(Config.statusBarEnabled) || !analyses.isArticle(doc)) {
      item.hide();
      visible = false;
      return;
    }
    const state = analyses.state(doc.uri);
    const analysis = analyses.get(doc) ?? (state?.status === 'pending' ? analyses.latest(doc) : undefined);
    item.backgroundColor = undefined;
    if (state?.status === 'tooLarge') {
      const limit = config.get(Config.analysisMaxFileSizeKB, doc);
      item.text = `$(warning) ${t('Article too large ({0} > {1} KB): not analysed', formatSize(state.size), limit)}`;
      item.tooltip = t(
        'This file is larger than articleLens.analysis.maxFileSizeKB ({0} KB). Raise the setting to analyse it.',
        limit,
      );
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (state?.status === 'timedOut') {
      item.text = `$(watch) ${t('Article Lens: analysis timed out')}`;
      item.tooltip = t(
        'The analysis of this file took longer than {0} s and was stopped. Raise articleLens.analysis.timeoutSeconds, or run "Re-analyse Article" to try again.',
        formatSeconds(state.timeoutMs),
      );
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (state?.status === 'error') {
      item.text = `$(error) ${t('Article Lens: analysis failed')}`;
      item.tooltip = state.error ?? '';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else if (analysis) {
      const quotes = count(analysis, 'quote');
      // Once the reader has checked something, the count of what is checked is part of the item.
      const verified = analysis.verified?.verified ? verifiedSummary(analysis, t) : null;
      item.text = `$(book) ${analysis.language.toUpperCase()} · ${t('{0} entities', analysis.entities.length)} · ${t('{0} quotes', quotes)}${verified ? ` · $(check) ${verified}` : ''}`;
      const tip = new vscode.MarkdownString(undefined, true);
      tip.isTrusted = false;
      tip.appendText(
        [
          `Article Lens — ${analysis.language}`,
          ...KINDS.map((kind) => `${LAYER_INFO[kind].plural(t)}: ${count(analysis, kind)}`),
          analysis.referenceDate ? `${t('Reference date')}: ${analysis.referenceDate.value}` : '',
          verifiedSummary(analysis, t) ?? '',
          ...verifiedByKind(analysis, t),
          analysis.corrections?.orphaned.length
            ? t('{0} corrections no longer match the text', analysis.corrections.orphaned.length)
            : '',
          ...analysis.notes,
          state?.ms !== undefined ? t('Analysed in {0} ms', Math.round(state.ms)) : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
      item.tooltip = tip;
    } else {
      item.text = `$(sync~spin) ${t('Article Lens: analysing…')}`;
      item.tooltip = undefined;
    }
    item.show();
    visible = true;
  };

  update();
  const disposable = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    analyses.onDidChangeState(update),
    analyses.onDidAnalyze(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affects(e, Config.statusBarEnabled, Config.analysisMaxFileSizeKB)) update();
    }),
  );
  return {
    shown: () => {
      if (!visible) return undefined;
      const tip = item.tooltip;
      return { text: item.text, tooltip: typeof tip === 'string' ? tip : (tip?.value ?? '') };
    },
    dispose: () => disposable.dispose(),
  };
}
