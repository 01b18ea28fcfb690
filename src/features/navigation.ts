import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS } from '../constants';
import type { DocumentAnalyses } from '../services/analyses';
import { toRange } from '../util/ranges';
import { entityAt } from '../views/hoverCards';

/**
 * Go to Definition (the entity's first mention) and Find All References (every mention) for entities in an
 * article. Called from extension.ts.
 */
export function registerNavigation(deps: { analyses: DocumentAnalyses }): vscode.Disposable {
  const { analyses } = deps;
  const lookup = async (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) => {
    const analysis = await analyses.forRequest(document, token);
    return analysis && entityAt(analysis, document.offsetAt(position));
  };
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(ARTICLE_DOCUMENTS, {
      async provideDefinition(document, position, token) {
        const e = await lookup(document, position, token);
        return e?.mentions[0] ? new vscode.Location(document.uri, toRange(document, e.mentions[0])) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(ARTICLE_DOCUMENTS, {
      async provideReferences(document, position, context, token) {
        const e = await lookup(document, position, token);
        if (!e) return undefined;
        const mentions = context.includeDeclaration ? e.mentions : e.mentions.slice(1);
        return mentions.map((m) => new vscode.Location(document.uri, toRange(document, m)));
      },
    }),
  );
}
