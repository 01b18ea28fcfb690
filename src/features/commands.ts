import * as vscode from 'vscode';
import { Commands, Config, LANGUAGE_ID, Views, type CommandId } from '../constants';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../core/export';
import { ENTITY_KINDS, highlightSetting, KINDS, LAYER_INFO, switchLabel, type Kind } from '../core/kinds';
import type { ArticleAnalysis, Span } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import type { ArticleFiles } from '../services/articleFiles';
import type { ExtensionConfig } from '../services/config';
import type { CorrectionsService } from '../services/corrections';
import type { CurrentArticle } from '../services/currentArticle';
import { announceWrittenFile, type Notifier } from '../services/notifications';
import { registerCommandHandlers, type CommandHandler } from '../util/commands';
import { withLateProgress } from '../util/progress';
import { selectSpan } from '../util/reveal';

export interface CommandDeps {
  analyses: DocumentAnalyses;
  files: ArticleFiles;
  config: ExtensionConfig;
  notifier: Notifier;
  current: CurrentArticle;
  corrections: CorrectionsService;
}

/** Arguments accepted by `articleLens.exportAnnotations` (all optional; without them the user is asked). */
export interface ExportArgs {
  format?: ExportFormat;
  /** Where to write; a Uri or a string URI/path. */
  target?: vscode.Uri | string;
  /** The article to export (default: the current article). */
  uri?: vscode.Uri | string;
}

/** A handler of the map below: the shared dependencies, then the command's own arguments. */
type Handler = CommandHandler<CommandDeps>;

const t = vscode.l10n.t;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A language the Set Language command accepts: `auto` or an ISO 639 code (it ends up in the status bar). */
const LANGUAGE_CHOICE = /^(auto|[a-z]{2,3})$/;
/** Times an export re-reads an article that changed while the save dialog was open, before it gives up. */
const EXPORT_ATTEMPTS = 3;

function asUri(u: vscode.Uri | string): vscode.Uri {
  if (typeof u !== 'string') return u;
  return /^[a-z][a-z0-9+.-]+:/i.test(u) && !/^[a-z]:[\\/]/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u);
}

// -----------------------------------------------------------------------------------------------------------------
// What the handlers share.

/** The article a command applies to: `uri` when given, else the current article (opened again if it was closed). */
async function articleDocument(deps: CommandDeps, uri?: vscode.Uri | string): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(asUri(uri));
  const editor = deps.current.editor();
  if (editor) return editor.document;
  const last = deps.current.uri();
  if (last) return vscode.workspace.openTextDocument(last);
  void deps.notifier.info(t('Article Lens: open an article first.'));
  return undefined;
}

/**
 * The analysis of the document's current version, waiting for it behind a cancellable notification: the worker
 * may be slow (a long article) or stuck, and a command must not wait silently forever. `cancelled` is true when
 * the user gave up.
 */
async function waitForAnalysis(
  deps: CommandDeps,
  doc: vscode.TextDocument,
): Promise<{ analysis?: ArticleAnalysis; cancelled: boolean }> {
  const ready = deps.analyses.get(doc);
  if (ready) return { analysis: ready, cancelled: false };
  const { value, cancelled } = await withLateProgress(t('Article Lens: analysing…'), (token) =>
    deps.analyses.whenAnalyzed(doc.uri, token),
  );
  return { analysis: value, cancelled };
}

/** waitForAnalysis, telling the user why when there is none (unless they cancelled). */
async function analysisOf(deps: CommandDeps, doc: vscode.TextDocument): Promise<ArticleAnalysis | undefined> {
  const { analysis, cancelled } = await waitForAnalysis(deps, doc);
  if (!analysis && !cancelled) {
    const status = deps.analyses.state(doc.uri)?.status;
    void deps.notifier.warn(
      status === 'tooLarge'
        ? t('Article Lens: this file is too large to analyse.')
        : status === 'timedOut'
          ? t('Article Lens: the analysis of this file took too long and was stopped.')
          : t('Article Lens: no analysis for this document.'),
    );
  }
  return analysis;
}

/**
 * The analysis of the document's current version and the text it was made from, read together (nothing is
 * awaited between the two). Called once the save dialog is closed: the user may have edited the article while it
 * was open, and an analysis of the old text written next to the new one would point at the wrong words. Waits for
 * the new version's analysis; undefined, with a message, when it cannot be had or the text keeps changing.
 */
async function currentVersion(
  deps: CommandDeps,
  doc: vscode.TextDocument,
): Promise<{ analysis: ArticleAnalysis; text: string } | undefined> {
  for (let attempt = 0; attempt < EXPORT_ATTEMPTS; attempt++) {
    const ready = deps.analyses.get(doc);
    if (ready) return { analysis: ready, text: doc.getText() };
    if (!(await analysisOf(deps, doc))) return undefined;
  }
  void deps.notifier.warn(
    t(
      'Article Lens: the article kept changing during the export, so nothing was written. Export again once the edits are done.',
    ),
  );
  return undefined;
}

/** Moves the selection to the next (or previous) entity mention or quote, wrapping around; returns the span. */
async function step(deps: CommandDeps, which: 'entity' | 'quote', direction: 1 | -1): Promise<Span | undefined> {
  const editor = deps.current.editor();
  if (!editor) return undefined;
  const a = await analysisOf(deps, editor.document);
  if (!a) return undefined;
  const spans: Span[] =
    which === 'entity'
      ? a.entities.flatMap((e) => e.mentions)
      : a.quotes.filter((q) => !q.scare).map((q) => q.outer ?? q);
  if (!spans.length) {
    void vscode.window.setStatusBarMessage(which === 'entity' ? t('No entities found') : t('No quotes found'), 3000);
    return undefined;
  }
  spans.sort((x, y) => x.start - y.start);
  // From the start of the selection, so that repeated commands step from one span to the next.
  const here = editor.document.offsetAt(editor.selection.start);
  const target =
    direction > 0
      ? (spans.find((s) => s.start > here) ?? spans[0])
      : ([...spans].reverse().find((s) => s.start < here) ?? spans[spans.length - 1]);
  selectSpan(editor, target);
  return target;
}

// -----------------------------------------------------------------------------------------------------------------
// The handlers.

async function showPanel(): Promise<void> {
  await vscode.commands.executeCommand(`${Views.panel}.focus`);
}

async function toggleHighlights({ config }: CommandDeps): Promise<boolean> {
  const next = !config.get(Config.decorationsEnabled);
  await config.set(Config.decorationsEnabled, next);
  return next;
}

/** Toggle Highlights for One Kind: `(kind?)` skips the quick pick. Returns the new state. */
async function toggleKind({ config }: CommandDeps, kind?: Kind): Promise<boolean | undefined> {
  let k = kind;
  if (!k) {
    const picked = await vscode.window.showQuickPick(
      KINDS.map((id) => ({
        id,
        label: switchLabel(id, t),
        description: config.get(highlightSetting(id)) ? t('on') : t('off'),
      })),
      { title: t('Toggle highlights for one kind') },
    );
    k = picked?.id;
  }
  if (!k || !KINDS.includes(k)) return undefined;
  const next = !config.get(highlightSetting(k));
  await config.set(highlightSetting(k), next);
  return next;
}

/** Re-analyse Article: the current article (resolving with its new analysis), else every open article. */
async function reanalyze(deps: CommandDeps): Promise<ArticleAnalysis | undefined> {
  const editor = deps.current.editor();
  if (!editor) {
    deps.analyses.reanalyzeAll();
    return undefined;
  }
  deps.analyses.reanalyze(editor.document);
  return (await waitForAnalysis(deps, editor.document)).analysis;
}

/** Set Language…: `(lang?)` skips the quick pick (`auto` or an ISO 639 code). Resolves with the new analysis. */
async function setLanguage(deps: CommandDeps, lang?: string): Promise<ArticleAnalysis | undefined> {
  const doc = await articleDocument(deps);
  if (!doc) return undefined;
  let choice = lang;
  if (choice === undefined) {
    const current = deps.analyses.overrides(doc.uri).lang ?? 'auto';
    const picked = await vscode.window.showQuickPick(
      [
        { id: 'auto', label: t('Detect automatically') },
        { id: 'en', label: t('English') },
        { id: 'fr', label: t('French') },
      ].map((p) => ({ ...p, description: p.id === current ? t('current') : undefined })),
      { title: t("Set the article's language") },
    );
    choice = picked?.id;
  }
  if (choice === undefined) return undefined;
  if (!LANGUAGE_CHOICE.test(choice)) {
    void deps.notifier.error(t('Article Lens: a language is "auto" or a two- or three-letter code such as en or fr.'));
    return undefined;
  }
  await deps.analyses.setOverrides(doc, { lang: choice === 'auto' ? undefined : choice });
  return (await waitForAnalysis(deps, doc)).analysis;
}

/** Set Reference Date…: `(date?)` skips the input box (YYYY-MM-DD, or '' for the article's own). */
async function setReferenceDate(deps: CommandDeps, date?: string): Promise<ArticleAnalysis | undefined> {
  const doc = await articleDocument(deps);
  if (!doc) return undefined;
  let value = date;
  if (value === undefined) {
    const current =
      deps.analyses.get(doc)?.referenceDate?.value ?? deps.analyses.overrides(doc.uri).referenceDate ?? '';
    value = await vscode.window.showInputBox({
      title: t('Reference date for relative dates (YYYY-MM-DD); empty to use the one found in the article'),
      value: current,
      placeHolder: 'YYYY-MM-DD',
      validateInput: (v) => (v.trim() === '' || ISO_DATE.test(v.trim()) ? undefined : t('Use the form YYYY-MM-DD')),
    });
  }
  if (value === undefined) return undefined;
  value = value.trim();
  if (value && !ISO_DATE.test(value)) {
    void deps.notifier.error(t('Use the form YYYY-MM-DD'));
    return undefined;
  }
  // In a workspace folder the reader's reference date is a correction like the others (committed, shared, undone
  // with Undo Last Correction); elsewhere it stays a choice of this workspace.
  if (deps.corrections.pathOf(doc.uri) !== undefined) {
    const label = value ? t('reference date set to {0}', value) : t('reference date cleared');
    if (deps.analyses.overrides(doc.uri).referenceDate)
      await deps.analyses.setOverrides(doc, { referenceDate: undefined });
    if (await deps.corrections.setReferenceDate(doc.uri, value || undefined, label)) return undefined;
  } else {
    await deps.analyses.setOverrides(doc, { referenceDate: value || undefined });
  }
  return (await waitForAnalysis(deps, doc)).analysis;
}

/** Copy Entity List: the entities by kind, as plain text on the clipboard (also returned). */
async function copyEntities(deps: CommandDeps): Promise<string | undefined> {
  const doc = await articleDocument(deps);
  const a = doc && (await analysisOf(deps, doc));
  if (!a) return undefined;
  const lines: string[] = [];
  for (const type of ENTITY_KINDS) {
    const list = a.entities.filter((e) => e.type === type);
    if (!list.length) continue;
    lines.push(`${LAYER_INFO[type].plural(t)} (${list.length})`);
    for (const e of list)
      lines.push(`- ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''} ×${e.mentions.length}`);
    lines.push('');
  }
  const text = lines.join('\n').trim() + '\n';
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(t('Article Lens: entity list copied'), 3000);
  return text;
}

/** Export Annotations…: `({ format?, target?, uri? })` skips the questions it answers. Returns the written file. */
async function exportAnnotations(deps: CommandDeps, args?: ExportArgs): Promise<vscode.Uri | undefined> {
  const doc = await articleDocument(deps, args?.uri);
  const a = doc && (await analysisOf(deps, doc));
  if (!doc || !a) return undefined;
  let format: unknown = args?.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((id) => ({ id, label: EXPORT_FORMATS[id].label(t) })),
      { title: t('Export annotations as') },
    );
    format = picked?.id;
  }
  if (!isExportFormat(format)) return undefined;
  const { extension, write } = EXPORT_FORMATS[format];
  let target = args?.target ? asUri(args.target) : undefined;
  if (!target) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const suggested = doc.isUntitled
      ? folder && vscode.Uri.joinPath(folder, `article${extension}`)
      : doc.uri.with({ path: doc.uri.path.replace(/\.[^./]*$/, '') + extension });
    target = await vscode.window.showSaveDialog({ defaultUri: suggested, title: t('Export annotations') });
  }
  if (!target) return undefined;
  // The analysis above was for the text before the dialog: take the current one.
  const now = await currentVersion(deps, doc);
  if (!now) return undefined;
  const name = doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri, false) : doc.uri.toString();
  const content = write({ name, uri: doc.uri.toString() }, now.text, now.analysis);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  // NOTE: no path in the message: a file name can hold `[label](command:…)`, which a notification renders as a
  // link. The buttons open or reveal the file instead.
  void announceWrittenFile(deps.notifier, t('Article Lens: annotations exported.'), target);
  return target;
}

/** Set as Article: `(uri?)` for another document than the active one. Returns its URI. */
async function setAsArticle(deps: CommandDeps, uri?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(asUri(uri)) : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void deps.notifier.info(t('Article Lens: open a text file first.'));
    return undefined;
  }
  deps.files.optIn(doc.uri);
  const result =
    doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  return result.uri;
}

/** The palette commands (command ID → handler); test/unit/manifest.test.ts checks the map against package.json. */
const HANDLERS = {
  [Commands.showPanel]: showPanel,
  [Commands.toggleHighlights]: toggleHighlights,
  [Commands.toggleKind]: toggleKind,
  [Commands.reanalyze]: reanalyze,
  [Commands.nextEntity]: (deps: CommandDeps) => step(deps, 'entity', 1),
  [Commands.previousEntity]: (deps: CommandDeps) => step(deps, 'entity', -1),
  [Commands.nextQuote]: (deps: CommandDeps) => step(deps, 'quote', 1),
  [Commands.previousQuote]: (deps: CommandDeps) => step(deps, 'quote', -1),
  [Commands.setLanguage]: setLanguage,
  [Commands.setReferenceDate]: setReferenceDate,
  [Commands.copyEntities]: copyEntities,
  [Commands.exportAnnotations]: exportAnnotations,
  [Commands.setAsArticle]: setAsArticle,
} as const satisfies Record<CommandId, Handler>;

/** Registers the palette commands (each wrapped by registerCommandHandlers). Called from extension.ts. */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  return registerCommandHandlers(HANDLERS, deps);
}
