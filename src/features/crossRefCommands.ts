import * as vscode from 'vscode';
import { CrossRefCommands } from '../constants';
import { missingInNotes, toTmx, tmxPairsFromLinks } from '../core/tmx';
import type { CurrentArticle } from '../services/currentArticle';
import type { IndexScanner, ScanCounts } from '../services/indexScanner';
import { announceWrittenFile, type Notifier } from '../services/notifications';
import type { StoryLinks } from '../services/storyLinks';
import type { StoryCrossRefs, StoryService } from '../services/storyService';
import { registerCommandHandlers, type CommandHandler } from '../util/commands';
import { fileTitle } from '../util/documents';
import { withLateProgress } from '../util/progress';
import { revealSpan } from '../util/reveal';
import { counterpartsAt, passageCounterparts } from '../views/crossRefModel';
import { plainText } from '../views/plainText';

export interface CrossRefCommandDeps {
  stories: StoryService;
  scanner: IndexScanner;
  links: StoryLinks;
  current: CurrentArticle;
  notifier: Notifier;
}

type CrossRefCommandId = (typeof CrossRefCommands)[Exclude<keyof typeof CrossRefCommands, 'showCrossReferences'>];
/** A handler of the map below: the shared dependencies, then the command's own arguments. */
type Handler = CommandHandler<CrossRefCommandDeps>;

const t = vscode.l10n.t;
/** Times an export re-reads an article that changed while the save dialog was open, before it gives up. */
const EXPORT_ATTEMPTS = 3;

const toUri = (x: unknown): vscode.Uri | undefined =>
  x instanceof vscode.Uri ? x : typeof x === 'string' ? vscode.Uri.parse(x, true) : undefined;

// -----------------------------------------------------------------------------------------------------------------
// What the handlers share.

/** An editor of the current article, or undefined with a message. */
function articleEditor({ current, notifier }: CrossRefCommandDeps): vscode.TextEditor | undefined {
  const editor = current.editor();
  if (!editor) void notifier.info(t('Article Lens: open an article first.'));
  return editor;
}

/**
 * The document's cross-references behind a cancellable notification when they take a while; `cancelled` when the
 * user gave up. A failure rejects (the command wrapper reports it).
 */
async function storyWithProgress(
  deps: CrossRefCommandDeps,
  document: vscode.TextDocument,
): Promise<{ xr?: StoryCrossRefs; cancelled: boolean }> {
  const { value, cancelled } = await withLateProgress(t('Article Lens: analysing…'), (token) =>
    deps.stories.forDocument(document, token),
  );
  return { xr: value, cancelled };
}

/** The current article and its cross-references, or undefined (with a message unless the user cancelled). */
async function currentStory(
  deps: CrossRefCommandDeps,
): Promise<{ editor: vscode.TextEditor; xr: StoryCrossRefs } | undefined> {
  const editor = articleEditor(deps);
  if (!editor) return undefined;
  const { xr, cancelled } = await storyWithProgress(deps, editor.document);
  if (!xr) {
    if (!cancelled) void deps.notifier.info(t('Article Lens: no other version of this article was found.'));
    return undefined;
  }
  return { editor, xr };
}

/** A multi-select quick pick of article files (plain-text labels: file names are not ours). */
async function pickFiles(candidates: string[], placeHolder: string): Promise<vscode.Uri[]> {
  const items = candidates.map((uri) => {
    const u = vscode.Uri.parse(uri, true);
    return { label: plainText(fileTitle(u)), description: plainText(vscode.workspace.asRelativePath(u)), uri: u };
  });
  const chosen = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder, matchOnDescription: true });
  return (chosen ?? []).map((c) => c.uri);
}

/** Saves a link choice between `first` and each of `others`; counts the saved ones, stops at a refused one. */
async function saveChoices(
  links: StoryLinks,
  first: vscode.Uri,
  others: vscode.Uri[],
  linked: boolean,
): Promise<number> {
  let saved = 0;
  for (const o of others) {
    // A refusal has been explained to the user, once, by StoryLinks.
    if ((await links.set(first, o, linked)) !== undefined) break;
    saved++;
  }
  return saved;
}

/** The TMX pairs of a story's cross-references, the current article as the source language. */
function tmxPairs(xr: StoryCrossRefs) {
  const langOf = new Map(xr.docs.map((d) => [d.uri, d.language]));
  const srcLang = langOf.get(xr.focus) ?? 'en';
  let pairs = tmxPairsFromLinks(xr.result.links, (f) => langOf.get(f) ?? 'und', { srcLang, includeQuotes: true });
  // Only same-language versions (rewrites): export those pairs rather than nothing.
  if (!pairs.length)
    pairs = tmxPairsFromLinks(xr.result.links, (f) => langOf.get(f) ?? 'und', { srcLang, sameLanguage: true });
  const titles = new Map(xr.docs.map((d) => [d.uri, d.title]));
  // Notes name the files by URI; a translator wants the file names.
  for (const p of pairs) for (const [u, title] of titles) if (p.note) p.note = p.note.split(u).join(title);
  const notes = missingInNotes(xr.result.missingIn ?? [], (f) => titles.get(f) ?? f);
  return { pairs, srcLang, notes };
}

// -----------------------------------------------------------------------------------------------------------------
// The handlers.

/** Open Counterpart Beside: `(version?)` picks that version without asking (tests, keybindings with args). */
async function openCounterpartBeside(deps: CrossRefCommandDeps, version?: unknown): Promise<vscode.Uri | undefined> {
  const story = await currentStory(deps);
  if (!story) return undefined;
  const { editor, xr } = story;
  const offset = editor.document.offsetAt(editor.selection.active);
  let items = passageCounterparts(xr.result, xr.focus, offset, xr.docs);
  if (!items.length) {
    // No passage link at the cursor: fall back to the quote, date, figure or entity there.
    items = counterpartsAt(
      xr.result,
      xr.focus,
      xr.docs.find((d) => d.uri === xr.focus)!.analysis,
      offset,
      xr.docs,
    ).flatMap((g) => g.items);
  }
  if (!items.length) {
    void deps.notifier.info(t('Article Lens: this passage has no counterpart in the other versions.'));
    return undefined;
  }
  const wanted = toUri(version)?.toString();
  if (wanted) items = items.filter((i) => i.uri === wanted);
  if (!items.length) return undefined;
  let pick = items[0];
  if (new Set(items.map((i) => i.uri)).size > 1) {
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
  const shown = await revealSpan(pick.uri, pick, {
    column: vscode.ViewColumn.Beside,
    preserveFocus: true,
    preview: false,
  });
  return shown?.document.uri;
}

/** Link Versions…: `(a?, b?)` for tests, else the current article and a quick pick of the indexed articles. */
async function linkVersions(deps: CrossRefCommandDeps, a?: unknown, b?: unknown): Promise<number> {
  const first = toUri(a) ?? articleEditor(deps)?.document.uri;
  if (!first) return 0;
  const other = toUri(b);
  const story = deps.stories.storyOf(first);
  const others = other
    ? [other]
    : await pickFiles(
        deps.scanner
          .articles()
          .map((e) => e.uri)
          .filter((u) => u !== first.toString() && !story?.files.includes(u)),
        t('Articles that are versions of the same story as {0}', plainText(fileTitle(first))),
      );
  return saveChoices(deps.links, first, others, true);
}

/** Unlink Versions…: `(a?, b?)` for tests, else a quick pick among the other versions of the current story. */
async function unlinkVersions(deps: CrossRefCommandDeps, a?: unknown, b?: unknown): Promise<number> {
  const first = toUri(a) ?? articleEditor(deps)?.document.uri;
  if (!first) return 0;
  let others: vscode.Uri[];
  const other = toUri(b);
  if (other) others = [other];
  else {
    await deps.scanner.whenIndexed();
    const story = deps.stories.storyOf(first);
    if (!story) {
      void deps.notifier.info(t('Article Lens: no other version of this article was found.'));
      return 0;
    }
    others = await pickFiles(
      story.files.filter((u) => u !== first.toString()),
      t('Articles that are NOT versions of the same story as {0}', plainText(fileTitle(first))),
    );
  }
  return saveChoices(deps.links, first, others, false);
}

/** Export Alignment as TMX…: `(target?)` writes there without a dialog. Returns the file and the unit count. */
async function exportTmx(
  deps: CrossRefCommandDeps,
  target?: unknown,
): Promise<{ uri: vscode.Uri; units: number } | undefined> {
  const story = await currentStory(deps);
  if (!story) return undefined;
  const document = story.editor.document;
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
      void deps.notifier.warn(
        t(
          'Article Lens: the article kept changing during the export, so nothing was written. Export again once the edits are done.',
        ),
      );
      return undefined;
    }
    version = document.version;
    const again = await storyWithProgress(deps, document);
    if (again.cancelled) return undefined;
    if (again.xr) xr = again.xr;
    else if (document.version === version) {
      void deps.notifier.info(t('Article Lens: no other version of this article was found.'));
      return undefined;
    }
  }
  const { pairs, srcLang, notes } = tmxPairs(xr);
  const xml = toTmx(pairs, { srcLang, notes, creationDate: new Date().toISOString(), creationTool: 'Article Lens' });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(xml));
  // NOTE: no path in the message (a file name can hold link syntax): the buttons open or reveal the file.
  void announceWrittenFile(deps.notifier, t('Article Lens: {0} aligned pairs exported.', pairs.length), uri);
  return { uri, units: pairs.length };
}

/**
 * Re-index Workspace: re-reads every file (unchanged texts come from the hash cache) and forgets the
 * cross-references computed so far; `({ force: false })` skips files whose mtime and size did not change, as at
 * start-up. Resolves with counts when the scan is over.
 */
async function reindexWorkspace(
  deps: CrossRefCommandDeps,
  options?: { force?: boolean },
): Promise<ScanCounts & { stories: number }> {
  const force = options?.force !== false;
  if (force) deps.stories.clearResults();
  const counts = await deps.scanner.reindex({ force });
  const stories = deps.stories.stories().length;
  void vscode.window.setStatusBarMessage(
    t('Article Lens: {0} articles indexed, {1} stories', counts.articles, stories),
    5000,
  );
  return { ...counts, stories };
}

/** The cross-reference commands but Show Cross-References (registered with its view). */
const HANDLERS = {
  [CrossRefCommands.openCounterpartBeside]: openCounterpartBeside,
  [CrossRefCommands.linkVersions]: linkVersions,
  [CrossRefCommands.unlinkVersions]: unlinkVersions,
  [CrossRefCommands.exportTmx]: exportTmx,
  [CrossRefCommands.reindexWorkspace]: reindexWorkspace,
} as const satisfies Record<CrossRefCommandId, Handler>;

/** Registers the cross-reference commands (each wrapped by registerCommandHandlers). Called from src/crossRefFeatures.ts. */
export function registerCrossRefCommands(deps: CrossRefCommandDeps): vscode.Disposable {
  return registerCommandHandlers(HANDLERS, deps);
}
