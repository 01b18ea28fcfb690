import * as vscode from 'vscode';
import { Config, CrossRefCommands, LANGUAGE_ID } from '../constants';
import {
  counterpartsAt,
  counterpartsMarkdown,
  entityMentionsElsewhere,
  passageCounterparts,
  type CounterpartLabels,
  type XrefDocInfo,
} from '../core/crossRefViewModel';
import { toTmx, tmxPairsFromLinks } from '../core/tmx';
import type { DocumentAnalyses } from '../services/analyses';
import type { ExtensionConfig } from '../services/config';
import { announceWrittenFile, type Notifier } from '../services/notifications';
import type { StoryLinks } from '../services/storyLinks';
import type { IndexedDoc, StoryCrossRefs, WorkspaceIndex } from '../services/workspaceIndex';
import { toAbortSignal } from '../util/cancellation';
import { plainText } from '../util/plainText';
import { withLateProgress } from '../util/progress';
import { toRange } from '../util/ranges';

/** Languages an article document can have (ArticleFiles.isArticle: `article`, or plain text detected as prose). */
const ARTICLE_LANGUAGES: ReadonlySet<string> = new Set([LANGUAGE_ID, 'plaintext']);
const SELECTOR: vscode.DocumentSelector = [...ARTICLE_LANGUAGES].map((language) => ({ language }));
/** Times an export re-reads an article that changed while the save dialog was open, before it gives up. */
const EXPORT_ATTEMPTS = 3;

function counterpartLabels(): CounterpartLabels {
  const t = vscode.l10n.t;
  return { inOtherVersions: t('In other versions'), reworded: t('reworded'), identical: t('identical'), translated: t('translated'), conflict: t('conflict') };
}

function docInfos(xr: StoryCrossRefs): XrefDocInfo[] {
  return xr.docs.map((d) => ({ uri: d.uri, title: d.title, language: d.language, analysis: d.analysis }));
}

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

/** Range of a span in an indexed version (through its open document when there is one). */
function rangeIn(d: IndexedDoc, span: { start: number; end: number }, cache: Map<string, number[]>): vscode.Range {
  const open = vscode.workspace.textDocuments.find((x) => x.uri.toString() === d.uri && !x.isClosed && x.getText() === d.text);
  if (open) return toRange(open, span);
  let starts = cache.get(d.uri);
  if (!starts) cache.set(d.uri, (starts = lineStartsOf(d.text)));
  return new vscode.Range(positionIn(d.text, span.start, starts), positionIn(d.text, span.end, starts));
}

/**
 * Cross-version editor surfaces: a hover provider adding "In other versions:" counterparts of the
 * entity, date, figure or quote under the cursor (VS Code merges it with the annotation card of hovers.ts), a
 * reference provider returning an entity's mentions in the other versions (merged with the same-file references
 * of navigation.ts), and the commands Open Counterpart Beside, Link Versions…, Unlink Versions…, Export Alignment
 * as TMX… and Re-index Workspace. Registered from src/crossRefFeatures.ts.
 */
export function registerCrossRefProviders(deps: {
  index: WorkspaceIndex;
  analyses: DocumentAnalyses;
  config: ExtensionConfig;
  links: StoryLinks;
  notifier: Notifier;
}): vscode.Disposable {
  const { index, analyses, config, links, notifier } = deps;
  const t = vscode.l10n.t;

  /** Cross-references of an article document at its current version, or undefined. */
  const forDocument = async (document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<StoryCrossRefs | undefined> => {
    if (!index.enabled() || !analyses.isArticle(document)) return undefined;
    const version = document.version;
    const analysis = analyses.get(document) ?? (await analyses.whenAnalyzed(document.uri, token));
    if (!analysis || token?.isCancellationRequested || document.version !== version) return undefined;
    const xr = await index.crossReferences(document.uri, token && toAbortSignal(token));
    if (!xr || token?.isCancellationRequested || document.version !== version || !xr.story) return undefined;
    return xr;
  };

  /** forDocument for a command: a cancellable notification when it takes a while; `cancelled` when the user gave up. */
  const forCommand = async (document: vscode.TextDocument): Promise<{ xr?: StoryCrossRefs; cancelled: boolean }> => {
    const { value, cancelled } = await withLateProgress(t('Article Lens: analysing…'), (token) => forDocument(document, token).catch(() => undefined));
    return { xr: value, cancelled };
  };

  const hoverProvider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      // Registered for every language (see below): leave other documents at once, before any setting or cache
      // look-up. Articles are `article` documents or plain text detected as prose (ArticleFiles.isArticle).
      if (!ARTICLE_LANGUAGES.has(document.languageId)) return undefined;
      if (!config.get(Config.hoversEnabled, document)) return undefined;
      const xr = await forDocument(document, token).catch(() => undefined);
      const focus = xr?.docs.find((d) => d.uri === document.uri.toString());
      if (!xr || !focus) return undefined;
      const groups = counterpartsAt(xr.result, xr.focus, focus.analysis, document.offsetAt(position), docInfos(xr));
      const md = counterpartsMarkdown(groups, counterpartLabels());
      if (!md) return undefined;
      const ms = new vscode.MarkdownString(md, false);
      // NOTE: article text and file names are escaped by core (escapeMarkdown); never trust them, never allow HTML.
      ms.isTrusted = false;
      ms.supportHtml = false;
      return new vscode.Hover(ms, toRange(document, groups[0].span));
    },
  };

  const referenceProvider: vscode.ReferenceProvider = {
    async provideReferences(document, position, _context, token) {
      const xr = await forDocument(document, token).catch(() => undefined);
      const focus = xr?.docs.find((d) => d.uri === document.uri.toString());
      if (!xr || !focus) return undefined;
      const groups = counterpartsAt(xr.result, xr.focus, focus.analysis, document.offsetAt(position), docInfos(xr));
      const entity = groups.find((g) => g.kind === 'entity');
      if (!entity?.entityId) return undefined;
      const byUri = new Map(xr.docs.map((d) => [d.uri, d]));
      const cache = new Map<string, number[]>();
      return entityMentionsElsewhere(xr.result, xr.focus, entity.entityId, docInfos(xr)).map(
        (m) => new vscode.Location(vscode.Uri.parse(m.uri, true), rangeIn(byUri.get(m.uri)!, m, cache)),
      );
    },
  };

  const toUri = (x: unknown): vscode.Uri | undefined => (x instanceof vscode.Uri ? x : typeof x === 'string' ? vscode.Uri.parse(x, true) : undefined);

  const activeArticle = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (editor && analyses.isArticle(editor.document)) return editor;
    void notifier.info(t('Article Lens: open an article first.'));
    return undefined;
  };

  /** The active article and its cross-references, or undefined (with a message unless the user cancelled). */
  const activeStory = async () => {
    const editor = activeArticle();
    if (!editor) return undefined;
    const { xr, cancelled } = await forCommand(editor.document);
    if (!xr) {
      if (!cancelled) void notifier.info(t('Article Lens: no other version of this article was found.'));
      return undefined;
    }
    return { editor, xr };
  };

  /** Open Counterpart Beside: `(version?)` picks that version without asking (tests, keybindings with args). */
  const openCounterpartBeside = async (version?: unknown): Promise<vscode.Uri | undefined> => {
    const story = await activeStory();
    if (!story) return undefined;
    const { editor, xr } = story;
    const offset = editor.document.offsetAt(editor.selection.active);
    let items = passageCounterparts(xr.result, xr.focus, offset, docInfos(xr));
    if (!items.length) {
      // No passage link at the cursor: fall back to the quote, date, figure or entity there.
      items = counterpartsAt(xr.result, xr.focus, xr.docs.find((d) => d.uri === xr.focus)!.analysis, offset, docInfos(xr)).flatMap((g) => g.items);
    }
    if (!items.length) {
      void notifier.info(t('Article Lens: this passage has no counterpart in the other versions.'));
      return undefined;
    }
    const wanted = toUri(version)?.toString();
    if (wanted) items = items.filter((i) => i.uri === wanted);
    if (!items.length) return undefined;
    let pick = items[0];
    const files = new Set(items.map((i) => i.uri));
    if (files.size > 1) {
      const chosen = await vscode.window.showQuickPick(
        // NOTE: titles and article text are not ours: `$(…)` in them must not render as icons.
        items.map((i) => ({
          label: plainText(i.title),
          description: i.score !== undefined ? `${t('score')} ${i.score.toFixed(2)}` : '',
          detail: plainText(i.text),
          item: i,
        })),
        { placeHolder: t('Which version?') },
      );
      if (!chosen) return undefined;
      pick = chosen.item;
    }
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(pick.uri, true));
    const range = toRange(doc, pick);
    const shown = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, selection: new vscode.Selection(range.start, range.end), preview: false });
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return doc.uri;
  };

  const pickFiles = async (candidates: string[], placeHolder: string): Promise<vscode.Uri[]> => {
    const items = candidates.map((uri) => {
      const u = vscode.Uri.parse(uri, true);
      return { label: plainText(u.path.split('/').pop() || uri), description: plainText(vscode.workspace.asRelativePath(u)), uri: u };
    });
    const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder, matchOnDescription: true });
    return (chosen ?? []).map((c) => c.uri);
  };


  /** Link Versions…: `(a?, b?)` for tests, else the active article and a quick pick of the indexed articles. */
  const linkVersions = async (a?: unknown, b?: unknown): Promise<number> => {
    const first = toUri(a) ?? activeArticle()?.document.uri;
    if (!first) return 0;
    const others = toUri(b)
      ? [toUri(b)!]
      : await pickFiles(
          index.articles().map((e) => e.uri).filter((u) => u !== first.toString() && !index.storyOf(first)?.files.includes(u)),
          t('Articles that are versions of the same story as {0}', plainText(first.path.split('/').pop() ?? '')),
        );
    // Counts the choices saved; stops at a refused one (StoryLinks has told the user why, once).
    let saved = 0;
    for (const o of others) {
      if ((await links.set(first, o, true)) !== undefined) break;
      saved++;
    }
    return saved;
  };

  /** Unlink Versions…: `(a?, b?)` for tests, else a quick pick among the other versions of the active story. */
  const unlinkVersions = async (a?: unknown, b?: unknown): Promise<number> => {
    const first = toUri(a) ?? activeArticle()?.document.uri;
    if (!first) return 0;
    let others: vscode.Uri[];
    if (toUri(b)) others = [toUri(b)!];
    else {
      await index.whenIndexed();
      const story = index.storyOf(first);
      if (!story) {
        void notifier.info(t('Article Lens: no other version of this article was found.'));
        return 0;
      }
      others = await pickFiles(story.files.filter((u) => u !== first.toString()), t('Articles that are NOT versions of the same story as {0}', plainText(first.path.split('/').pop() ?? '')));
    }
    let saved = 0;
    for (const o of others) {
      if ((await links.set(first, o, false)) !== undefined) break;
      saved++;
    }
    return saved;
  };

  /** The TMX pairs of a story's cross-references, the active article as the source language. */
  const tmxPairs = (xr: StoryCrossRefs) => {
    const langOf = new Map(xr.docs.map((d) => [d.uri, d.language]));
    const srcLang = langOf.get(xr.focus) ?? 'en';
    let pairs = tmxPairsFromLinks(xr.result.links, (f) => langOf.get(f) ?? 'und', { srcLang, includeQuotes: true });
    // Only same-language versions (rewrites): export those pairs rather than nothing.
    if (!pairs.length) pairs = tmxPairsFromLinks(xr.result.links, (f) => langOf.get(f) ?? 'und', { srcLang, sameLanguage: true });
    const titles = new Map(xr.docs.map((d) => [d.uri, d.title]));
    // Notes name the files by URI; a translator wants the file names.
    for (const p of pairs) for (const [u, title] of titles) if (p.note) p.note = p.note.split(u).join(title);
    return { pairs, srcLang };
  };

  /** Export Alignment as TMX…: `(target?)` writes there without a dialog. Returns the file and the unit count. */
  const exportTmx = async (target?: unknown): Promise<{ uri: vscode.Uri; units: number } | undefined> => {
    const story = await activeStory();
    if (!story) return undefined;
    const { editor } = story;
    const document = editor.document;
    let { xr } = story;
    let version = document.version;
    let uri = toUri(target);
    if (!uri) {
      const base = document.uri.path.replace(/\.[^./]+$/, '');
      uri = await vscode.window.showSaveDialog({
        defaultUri: document.uri.with({ path: `${base}.tmx` }),
        filters: { TMX: ['tmx'] },
        saveLabel: t('Export'),
      });
      if (!uri) return undefined;
    }
    // The article may have been edited while the dialog was open: align its current text, not the old one.
    for (let attempt = 0; document.version !== version; attempt++) {
      if (attempt === EXPORT_ATTEMPTS) {
        void notifier.warn(t('Article Lens: the article kept changing during the export, so nothing was written. Export again once the edits are done.'));
        return undefined;
      }
      version = document.version;
      const again = await forCommand(document);
      if (again.cancelled) return undefined;
      if (again.xr) xr = again.xr;
      else if (document.version === version) {
        void notifier.info(t('Article Lens: no other version of this article was found.'));
        return undefined;
      }
    }
    const { pairs, srcLang } = tmxPairs(xr);
    const xml = toTmx(pairs, { srcLang, creationDate: new Date().toISOString(), creationTool: 'Article Lens' });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(xml));
    // NOTE: no path in the message (a file name can hold link syntax): the buttons open or reveal the file.
    void announceWrittenFile(notifier, t('Article Lens: {0} aligned pairs exported.', pairs.length), uri);
    return { uri, units: pairs.length };
  };

  /** Re-index Workspace: re-reads every file (unchanged texts come from the hash cache); `({ force: false })` skips
   *  files whose mtime and size did not change, as at start-up. Resolves with counts when the scan is over. */
  const reindex = async (options?: { force?: boolean }) => {
    const r = await index.reindex({ force: options?.force !== false });
    void vscode.window.setStatusBarMessage(t('Article Lens: {0} articles indexed, {1} stories', r.articles, r.stories), 5000);
    return r;
  };

  return vscode.Disposable.from(
    // NOTE: a wildcard selector scores lower than the annotation card's, so VS Code shows the card first and
    // this part below it; provideHover checks the language id first and returns at once for other documents.
    vscode.languages.registerHoverProvider({ language: '*' }, hoverProvider),
    vscode.languages.registerReferenceProvider(SELECTOR, referenceProvider),
    vscode.commands.registerCommand(CrossRefCommands.openCounterpartBeside, openCounterpartBeside),
    vscode.commands.registerCommand(CrossRefCommands.linkVersions, linkVersions),
    vscode.commands.registerCommand(CrossRefCommands.unlinkVersions, unlinkVersions),
    vscode.commands.registerCommand(CrossRefCommands.exportTmx, exportTmx),
    vscode.commands.registerCommand(CrossRefCommands.reindexWorkspace, reindex),
  );
}
