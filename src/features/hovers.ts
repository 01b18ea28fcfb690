import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS, Config } from '../constants';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';
import { toRange } from '../util/ranges';
import { hoverCards } from '../views/hoverCards';
import { hoverLabels } from '../views/hoverText';

/** Registers the annotation hover (cards from src/views/hoverCards.ts) for articles. Called from extension.ts. */
export function registerHovers(deps: { analyses: DocumentAnalyses; config: ExtensionConfig }): vscode.Disposable {
  const { analyses, config } = deps;
  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!config.get(Config.hoversEnabled, document)) return undefined;
      const analysis = await analyses.forRequest(document, token);
      if (!analysis) return undefined;
      const labels = hoverLabels(vscode.l10n.t);
      const cards = hoverCards(document.getText(), analysis, document.offsetAt(position), labels, vscode.env.language);
      if (!cards) return undefined;
      const contents = cards.markdown.map((md) => {
        const ms = new vscode.MarkdownString(md, false);
        // NOTE: article text is escaped by views/hoverText; never trust it, never allow HTML.
        ms.isTrusted = false;
        ms.supportHtml = false;
        return ms;
      });
      return new vscode.Hover(contents, toRange(document, cards.span));
    },
  };
  return vscode.languages.registerHoverProvider(ARTICLE_DOCUMENTS, provider);
}
