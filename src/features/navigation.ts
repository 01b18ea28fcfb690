import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { ArticleAnalysis, Entity } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import { spanContains, toRange } from '../util/ranges';

/** The entity mentioned at `offset`, directly or through the words attributing a quote to it. */
export function entityAt(a: ArticleAnalysis, offset: number): Entity | undefined {
  for (const e of a.entities) if (e.mentions.some((m) => spanContains(m, offset))) return e;
  for (const q of a.quotes) {
    const sp = q.speaker;
    if (sp?.entityId && sp.end > sp.start && spanContains(sp, offset)) return a.entities.find((e) => e.id === sp.entityId);
  }
  return undefined;
}

/**
 * Go to Definition (the entity's first mention) and Find All References (every mention) for entities in an
 * article.
 */
export function registerNavigation(deps: { analyses: DocumentAnalyses }): vscode.Disposable {
  const { analyses } = deps;
  const selector: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { language: 'plaintext' }];
  const lookup = async (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken) => {
    if (!analyses.isArticle(document)) return undefined;
    const version = document.version;
    const analysis = analyses.get(document) ?? (await analyses.whenAnalyzed(document.uri, token));
    if (!analysis || token.isCancellationRequested || document.version !== version) return undefined;
    return entityAt(analysis, document.offsetAt(position));
  };
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, position, token) {
        const e = await lookup(document, position, token);
        return e?.mentions[0] ? new vscode.Location(document.uri, toRange(document, e.mentions[0])) : undefined;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, position, context, token) {
        const e = await lookup(document, position, token);
        if (!e) return undefined;
        const mentions = context.includeDeclaration ? e.mentions : e.mentions.slice(1);
        return mentions.map((m) => new vscode.Location(document.uri, toRange(document, m)));
      },
    }),
  );
}
