import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS, Config } from '../constants';
import { isAbortError } from '../core/abort';
import type { ExtensionConfig } from '../services/config';
import type { IndexedDoc, StoryCrossRefs, StoryService } from '../services/storyService';
import { openDocument } from '../util/documents';
import { toRange } from '../util/ranges';
import {
  counterpartLabels,
  counterpartsAt,
  counterpartsMarkdown,
  entityMentionsElsewhere,
} from '../views/crossRefModel';

/** Position of a UTF-16 offset in a text that may not be open in an editor. */
function positionIn(text: string, offset: number, lineStarts: number[]): vscode.Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, Math.min(offset, text.length) - lineStarts[lo]);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Range of a span in an indexed version (through its open document when it still has the indexed text). */
function rangeIn(d: IndexedDoc, span: { start: number; end: number }, cache: Map<string, number[]>): vscode.Range {
  const open = openDocument(d.uri);
  if (open && open.getText() === d.text) return toRange(open, span);
  let starts = cache.get(d.uri);
  if (!starts) cache.set(d.uri, (starts = lineStartsOf(d.text)));
  return new vscode.Range(positionIn(d.text, span.start, starts), positionIn(d.text, span.end, starts));
}

/**
 * Cross-version editor surfaces: a hover provider adding "In other versions:" counterparts of the entity, date,
 * figure or quote under the cursor (VS Code shows it with the annotation card of hovers.ts), and a reference
 * provider returning an entity's mentions in the other versions (merged with the same-file references of
 * navigation.ts). Registered from src/crossRefFeatures.ts.
 */
export function registerCrossRefProviders(deps: {
  stories: StoryService;
  config: ExtensionConfig;
  log: vscode.LogOutputChannel;
}): vscode.Disposable {
  const { stories, config, log } = deps;

  /** The document's cross-references: a failure is logged (the editor shows nothing more), a cancellation is not. */
  const forProvider = (
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<StoryCrossRefs | undefined> =>
    stories.forDocument(document, token).catch((err) => {
      if (!isAbortError(err))
        log.warn(`Cross-references of ${document.uri.toString()} failed: ${(err as Error).message}`);
      return undefined;
    });

  const hoverProvider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!config.get(Config.hoversEnabled, document)) return undefined;
      const xr = await forProvider(document, token);
      const focus = xr?.docs.find((d) => d.uri === document.uri.toString());
      if (!xr || !focus) return undefined;
      const groups = counterpartsAt(xr.result, xr.focus, focus.analysis, document.offsetAt(position), xr.docs);
      const md = counterpartsMarkdown(groups, counterpartLabels(vscode.l10n.t));
      if (!md) return undefined;
      const ms = new vscode.MarkdownString(md, false);
      // NOTE: article text and file names are escaped by views/ (escapeMarkdown); never trust them, never allow HTML.
      ms.isTrusted = false;
      ms.supportHtml = false;
      return new vscode.Hover(ms, toRange(document, groups[0].span));
    },
  };

  const referenceProvider: vscode.ReferenceProvider = {
    async provideReferences(document, position, _context, token) {
      const xr = await forProvider(document, token);
      const focus = xr?.docs.find((d) => d.uri === document.uri.toString());
      if (!xr || !focus) return undefined;
      const infos = xr.docs;
      const groups = counterpartsAt(xr.result, xr.focus, focus.analysis, document.offsetAt(position), infos);
      const entity = groups.find((g) => g.kind === 'entity');
      if (!entity?.entityId) return undefined;
      const byUri = new Map(xr.docs.map((d) => [d.uri, d]));
      const cache = new Map<string, number[]>();
      return entityMentionsElsewhere(xr.result, xr.focus, entity.entityId, infos).map(
        (m) => new vscode.Location(vscode.Uri.parse(m.uri, true), rangeIn(byUri.get(m.uri)!, m, cache)),
      );
    },
  };

  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(ARTICLE_DOCUMENTS, hoverProvider),
    vscode.languages.registerReferenceProvider(ARTICLE_DOCUMENTS, referenceProvider),
  );
}
