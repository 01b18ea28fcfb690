import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS, Config } from '../constants';
import { LAYER_INFO, LAYERS, layerSpans, layersInPaintOrder, TOKEN_MODIFIERS, type Kind } from '../core/kinds';
import type { ArticleAnalysis } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';

/** Token legend: one custom type per layer (declared with superTypes and scope fallbacks in package.json). */
export const LEGEND = new vscode.SemanticTokensLegend(
  LAYERS.map((l) => LAYER_INFO[l].tokenType),
  [...TOKEN_MODIFIERS],
);

// Later layers win where spans overlap (an entity inside a quote keeps its entity token).
const PAINT_ORDER = layersInPaintOrder();
const FIRST_MENTION = 1 << TOKEN_MODIFIERS.indexOf('firstMention');

/**
 * Builds non-overlapping single-line tokens from an analysis: paints a per-character owner array in priority
 * order, then emits runs, cut at line breaks. Linear in the text length.
 */
export function buildTokens(
  document: vscode.TextDocument,
  a: ArticleAnalysis,
  enabled: Set<Kind>,
): vscode.SemanticTokens {
  const text = document.getText();
  const owner = new Uint8Array(text.length);
  const first = new Uint8Array(text.length);
  const spans = layerSpans(a);
  for (const layer of PAINT_ORDER) {
    if (!enabled.has(LAYER_INFO[layer].switchedBy)) continue;
    const code = LAYERS.indexOf(layer) + 1;
    for (const s of spans[layer]) owner.fill(code, Math.max(0, s.start), Math.min(text.length, s.end));
  }
  for (const e of a.entities) {
    const m = e.mentions[0];
    if (m && enabled.has(e.type) && LAYER_INFO[e.type].tokenModifiers.includes('firstMention'))
      first.fill(1, Math.max(0, m.start), Math.min(text.length, m.end));
  }
  const builder = new vscode.SemanticTokensBuilder(LEGEND);
  let i = 0;
  while (i < text.length) {
    const code = owner[i];
    if (code === 0 || text[i] === '\n' || text[i] === '\r') {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && owner[j] === code && first[j] === first[i] && text[j] !== '\n' && text[j] !== '\r') j++;
    const pos = document.positionAt(i);
    builder.push(pos.line, pos.character, j - i, code - 1, first[i] ? FIRST_MENTION : 0);
    i = j;
  }
  return builder.build();
}

/**
 * Semantic tokens for articles from the cached analysis, so themes can colour entities, dates and quotes
 * (foreground) while decorations add backgrounds and the non-colour cues. Switched by
 * `articleLens.semanticTokens.enabled` and by the per-kind highlight settings.
 */
export function registerSemanticTokens(deps: {
  analyses: DocumentAnalyses;
  config: ExtensionConfig;
}): vscode.Disposable {
  const { analyses, config } = deps;
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.DocumentSemanticTokensProvider = {
    onDidChangeSemanticTokens: changed.event,
    async provideDocumentSemanticTokens(document, token) {
      if (!config.get(Config.semanticTokensEnabled, document)) return undefined;
      const analysis = await analyses.forRequest(document, token);
      return analysis && buildTokens(document, analysis, config.enabledKinds());
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLE_DOCUMENTS, provider, LEGEND),
    analyses.onDidAnalyze(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (config.affects(e, Config.semanticTokensEnabled) || e.affectsConfiguration(`${Config.section}.decorations`)) {
        changed.fire();
      }
    }),
  );
}
