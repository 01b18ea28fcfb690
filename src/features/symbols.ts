import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { ArticleAnalysis, EntityType } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import { plainText } from '../util/plainText';
import { toRange } from '../util/ranges';

/**
 * Article text as a symbol name or detail: symbol names show in the Outline, the breadcrumbs and the Go to Symbol
 * quick pick, which renders `$(name)` as an icon (plainText breaks it). A name cannot be empty.
 */
function symbolText(s: string, max = 60): string {
  return plainText(s, max) || '…';
}

function union(ranges: vscode.Range[]): vscode.Range {
  return ranges.reduce((a, b) => a.union(b));
}

/**
 * Outline of an article: "Quotes" grouped by speaker (each quote a child), then entities grouped by kind
 * ("People", "Organizations", "Places", each entity with its mention count).
 */
export function buildSymbols(document: vscode.TextDocument, a: ArticleAnalysis): vscode.DocumentSymbol[] {
  const t = vscode.l10n.t;
  const out: vscode.DocumentSymbol[] = [];
  const bySpeaker = new Map<string, vscode.DocumentSymbol[]>();
  for (const q of a.quotes) {
    if (q.scare) continue;
    const speaker = q.speaker ? symbolText(q.speaker.name, 200) : t('Unattributed');
    const range = toRange(document, q.outer ?? q);
    const sym = new vscode.DocumentSymbol(`“${symbolText(q.text)}”`, speaker, vscode.SymbolKind.String, range, range);
    const list = bySpeaker.get(speaker) ?? [];
    list.push(sym);
    bySpeaker.set(speaker, list);
  }
  if (bySpeaker.size) {
    const speakers: vscode.DocumentSymbol[] = [];
    for (const [speaker, quotes] of bySpeaker) {
      const r = union(quotes.map((q) => q.range));
      const s = new vscode.DocumentSymbol(speaker, t('{0} quotes', quotes.length), vscode.SymbolKind.Event, r, quotes[0].selectionRange);
      s.children = quotes;
      speakers.push(s);
    }
    const r = union(speakers.map((s) => s.range));
    const group = new vscode.DocumentSymbol(t('Quotes'), '', vscode.SymbolKind.Namespace, r, speakers[0].selectionRange);
    group.children = speakers;
    out.push(group);
  }
  const kinds: [EntityType, string, vscode.SymbolKind][] = [
    ['person', t('People'), vscode.SymbolKind.Object],
    ['organization', t('Organizations'), vscode.SymbolKind.Class],
    ['place', t('Places'), vscode.SymbolKind.Module],
  ];
  for (const [type, title, kind] of kinds) {
    const entities = a.entities.filter((e) => e.type === type && e.mentions.length > 0);
    if (!entities.length) continue;
    const children = entities.map((e) => {
      const first = toRange(document, e.mentions[0]);
      const all = union(e.mentions.map((m) => toRange(document, m)));
      return new vscode.DocumentSymbol(symbolText(e.name, 200), t('{0} mentions', e.mentions.length), kind, all, first);
    });
    const group = new vscode.DocumentSymbol(title, String(entities.length), vscode.SymbolKind.Namespace, union(children.map((c) => c.range)), children[0].selectionRange);
    group.children = children;
    out.push(group);
  }
  return out;
}

/** Registers the Outline provider for articles. */
export function registerSymbols(deps: { analyses: DocumentAnalyses }): vscode.Disposable {
  const { analyses } = deps;
  return vscode.languages.registerDocumentSymbolProvider(
    [{ language: LANGUAGE_ID }, { language: 'plaintext' }],
    {
      async provideDocumentSymbols(document, token) {
        if (!analyses.isArticle(document)) return undefined;
        const version = document.version;
        const analysis = analyses.get(document) ?? (await analyses.whenAnalyzed(document.uri, token));
        if (!analysis || token.isCancellationRequested || document.version !== version) return undefined;
        return buildSymbols(document, analysis);
      },
    },
    { label: 'Article Lens' },
  );
}
