import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS } from '../constants';
import type { DocumentAnalyses } from '../services/analyses';
import { toRange } from '../util/ranges';
import { buildOutline, type OutlineNode } from '../views/outline';

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    node.name,
    node.detail,
    vscode.SymbolKind[node.kind],
    toRange(document, node.span),
    toRange(document, node.selection),
  );
  symbol.children = node.children.map((c) => toSymbol(document, c));
  return symbol;
}

/** Registers the Outline provider for articles (the tree from src/views/outline.ts). Called from extension.ts. */
export function registerSymbols(deps: { analyses: DocumentAnalyses }): vscode.Disposable {
  const { analyses } = deps;
  return vscode.languages.registerDocumentSymbolProvider(
    ARTICLE_DOCUMENTS,
    {
      async provideDocumentSymbols(document, token) {
        const analysis = await analyses.forRequest(document, token);
        return analysis && buildOutline(analysis, vscode.l10n.t).map((node) => toSymbol(document, node));
      },
    },
    { label: 'Article Lens' },
  );
}
