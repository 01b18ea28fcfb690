import * as vscode from 'vscode';
import { Commands, Config, HIGHLIGHT_KINDS, KIND_SETTING, LANGUAGE_ID, Views, type CommandId, type HighlightKind } from '../constants';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportAnnotations, type ExportFormat } from '../core/export';
import type { ArticleAnalysis, EntityType, Span } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import type { ArticleFiles } from '../services/articleFiles';
import type { ExtensionConfig } from '../services/config';
import { announceWrittenFile, type Notifier } from '../services/notifications';
import { withLateProgress } from '../util/progress';
import { toRange } from '../util/ranges';

export interface CommandDeps {
  analyses: DocumentAnalyses;
  files: ArticleFiles;
  config: ExtensionConfig;
  notifier: Notifier;
}

/** Arguments accepted by `articleLens.exportAnnotations` (all optional; without them the user is asked). */
export interface ExportArgs {
  format?: ExportFormat;
  /** Where to write; a Uri or a string URI/path. */
  target?: vscode.Uri | string;
  /** The article to export (default: the active article). */
  uri?: vscode.Uri | string;
}

type Handler = (...args: never[]) => unknown;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A language the Set Language command accepts: `auto` or an ISO 639 code (it ends up in the status bar). */
const LANGUAGE_CHOICE = /^(auto|[a-z]{2,3})$/;
/** Times an export re-reads an article that changed while the save dialog was open, before it gives up. */
const EXPORT_ATTEMPTS = 3;

function asUri(u: vscode.Uri | string): vscode.Uri {
  if (typeof u !== 'string') return u;
  return /^[a-z][a-z0-9+.-]+:/i.test(u) && !/^[a-z]:[\\/]/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u);
}

/**
 * The palette commands as one typed map (command ID → handler); `registerCommands` registers all of them and
 * test/unit/manifest.test.ts checks the map against package.json. Called from extension.ts.
 */
export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const { analyses, files, config, notifier } = deps;
  const t = vscode.l10n.t;
  let lastArticle: vscode.Uri | undefined;

  const track = (editor: vscode.TextEditor | undefined) => {
    if (editor && analyses.isArticle(editor.document)) lastArticle = editor.document.uri;
  };
  track(vscode.window.activeTextEditor);

  /** The article the command applies to: the active editor's, else a visible one, else the last active one. */
  const currentEditor = (): vscode.TextEditor | undefined => {
    const active = vscode.window.activeTextEditor;
    if (active && analyses.isArticle(active.document)) return active;
    const key = lastArticle?.toString();
    return (
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key) ??
      vscode.window.visibleTextEditors.find((e) => analyses.isArticle(e.document))
    );
  };

  const currentDocument = async (uri?: vscode.Uri | string): Promise<vscode.TextDocument | undefined> => {
    if (uri) return vscode.workspace.openTextDocument(asUri(uri));
    const editor = currentEditor();
    if (editor) return editor.document;
    if (lastArticle) return vscode.workspace.openTextDocument(lastArticle);
    void notifier.info(t('Article Lens: open an article first.'));
    return undefined;
  };

  /**
   * The analysis of the document's current version, waiting for it behind a cancellable notification: the worker
   * may be slow (a long article) or stuck, and a command must not wait silently forever. `cancelled` is true when
   * the user gave up.
   */
  const waitForAnalysis = async (doc: vscode.TextDocument): Promise<{ analysis?: ArticleAnalysis; cancelled: boolean }> => {
    const ready = analyses.get(doc);
    if (ready) return { analysis: ready, cancelled: false };
    const { value, cancelled } = await withLateProgress(t('Article Lens: analysing…'), (token) => analyses.whenAnalyzed(doc.uri, token));
    return { analysis: value, cancelled };
  };

  const analysisOf = async (doc: vscode.TextDocument): Promise<ArticleAnalysis | undefined> => {
    const { analysis: a, cancelled } = await waitForAnalysis(doc);
    if (!a && !cancelled) {
      const status = analyses.state(doc.uri)?.status;
      void notifier.warn(
        status === 'tooLarge'
          ? t('Article Lens: this file is too large to analyse.')
          : status === 'timedOut'
            ? t('Article Lens: the analysis of this file took too long and was stopped.')
            : t('Article Lens: no analysis for this document.'),
      );
    }
    return a;
  };

  /**
   * The analysis of the document's current version and the text it was made from, read together (nothing is
   * awaited between the two). Called once the save dialog is closed: the user may have edited the article while it
   * was open, and an analysis of the old text written next to the new one would point at the wrong words. Waits for
   * the new version's analysis; undefined, with a message, when it cannot be had or the text keeps changing.
   */
  const currentVersion = async (doc: vscode.TextDocument): Promise<{ analysis: ArticleAnalysis; text: string } | undefined> => {
    for (let attempt = 0; attempt < EXPORT_ATTEMPTS; attempt++) {
      const ready = analyses.get(doc);
      if (ready) return { analysis: ready, text: doc.getText() };
      if (!(await analysisOf(doc))) return undefined;
    }
    void notifier.warn(t('Article Lens: the article kept changing during the export, so nothing was written. Export again once the edits are done.'));
    return undefined;
  };

  const go = async (which: 'entity' | 'quote', direction: 1 | -1): Promise<Span | undefined> => {
    const editor = currentEditor();
    if (!editor) return undefined;
    const a = await analysisOf(editor.document);
    if (!a) return undefined;
    const spans: Span[] =
      which === 'entity' ? a.entities.flatMap((e) => e.mentions) : a.quotes.filter((q) => !q.scare).map((q) => q.outer ?? q);
    if (!spans.length) {
      void vscode.window.setStatusBarMessage(which === 'entity' ? t('No entities found') : t('No quotes found'), 3000);
      return undefined;
    }
    spans.sort((x, y) => x.start - y.start);
    const doc = editor.document;
    // From the start of the selection, so that repeated commands step from one span to the next.
    const here = doc.offsetAt(editor.selection.start);
    const target =
      direction > 0
        ? (spans.find((s) => s.start > here) ?? spans[0])
        : ([...spans].reverse().find((s) => s.start < here) ?? spans[spans.length - 1]);
    const range = toRange(doc, target);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target;
  };

  const kindLabel = (k: HighlightKind): string =>
    ({
      person: t('People'),
      organization: t('Organizations'),
      place: t('Places'),
      date: t('Dates'),
      figure: t('Figures'),
      quote: t('Quotes and speakers'),
    })[k];

  const handlers = {
    [Commands.showPanel]: async () => {
      await vscode.commands.executeCommand(`${Views.panel}.focus`);
    },

    [Commands.toggleHighlights]: async () => {
      const next = !config.get(Config.decorationsEnabled);
      await config.set(Config.decorationsEnabled, next);
      return next;
    },

    [Commands.toggleKind]: async (kind?: HighlightKind) => {
      let k = kind;
      if (!k) {
        const picked = await vscode.window.showQuickPick(
          HIGHLIGHT_KINDS.map((id) => ({
            id,
            label: kindLabel(id),
            description: config.get(KIND_SETTING[id]) ? t('on') : t('off'),
          })),
          { title: t('Toggle highlights for one kind') },
        );
        k = picked?.id;
      }
      if (!k || !HIGHLIGHT_KINDS.includes(k)) return undefined;
      const next = !config.get(KIND_SETTING[k]);
      await config.set(KIND_SETTING[k], next);
      return next;
    },

    [Commands.reanalyze]: async () => {
      const editor = currentEditor();
      if (editor) {
        analyses.reanalyze(editor.document);
        return (await waitForAnalysis(editor.document)).analysis;
      }
      analyses.reanalyzeAll();
      return undefined;
    },

    [Commands.nextEntity]: () => go('entity', 1),
    [Commands.previousEntity]: () => go('entity', -1),
    [Commands.nextQuote]: () => go('quote', 1),
    [Commands.previousQuote]: () => go('quote', -1),

    [Commands.setLanguage]: async (lang?: string) => {
      const doc = await currentDocument();
      if (!doc) return undefined;
      let choice = lang;
      if (choice === undefined) {
        const current = analyses.overrides(doc.uri).lang ?? 'auto';
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
        void notifier.error(t('Article Lens: a language is "auto" or a two- or three-letter code such as en or fr.'));
        return undefined;
      }
      await analyses.setOverrides(doc, { lang: choice === 'auto' ? undefined : choice });
      return (await waitForAnalysis(doc)).analysis;
    },

    [Commands.setReferenceDate]: async (date?: string) => {
      const doc = await currentDocument();
      if (!doc) return undefined;
      let value = date;
      if (value === undefined) {
        const current = analyses.overrides(doc.uri).referenceDate ?? analyses.get(doc)?.referenceDate?.value ?? '';
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
        void notifier.error(t('Use the form YYYY-MM-DD'));
        return undefined;
      }
      await analyses.setOverrides(doc, { referenceDate: value || undefined });
      return (await waitForAnalysis(doc)).analysis;
    },

    [Commands.copyEntities]: async () => {
      const doc = await currentDocument();
      const a = doc && (await analysisOf(doc));
      if (!a) return undefined;
      const titles: Record<EntityType, string> = { person: t('People'), organization: t('Organizations'), place: t('Places') };
      const lines: string[] = [];
      for (const type of ['person', 'organization', 'place'] as const) {
        const list = a.entities.filter((e) => e.type === type);
        if (!list.length) continue;
        lines.push(`${titles[type]} (${list.length})`);
        for (const e of list) {
          lines.push(`- ${e.name}${e.aliases.length ? ` (${e.aliases.join(', ')})` : ''} ×${e.mentions.length}`);
        }
        lines.push('');
      }
      const text = lines.join('\n').trim() + '\n';
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(t('Article Lens: entity list copied'), 3000);
      return text;
    },

    [Commands.exportAnnotations]: async (args?: ExportArgs) => {
      const doc = await currentDocument(args?.uri);
      const a = doc && (await analysisOf(doc));
      if (!doc || !a) return undefined;
      let format = args?.format;
      if (!format) {
        const picked = await vscode.window.showQuickPick(
          [
            { id: 'json' as const, label: t('JSON (same shape as the command-line tool)') },
            { id: 'brat' as const, label: t('brat standoff (.ann)') },
            { id: 'w3c' as const, label: t('W3C Web Annotation (JSON-LD)') },
          ],
          { title: t('Export annotations as') },
        );
        format = picked?.id;
      }
      if (!format || !EXPORT_FORMATS.includes(format)) return undefined;
      let target = args?.target ? asUri(args.target) : undefined;
      if (!target) {
        const base = doc.uri.path.replace(/\.[^./]*$/, '');
        const suggested = doc.isUntitled
          ? vscode.workspace.workspaceFolders?.[0]?.uri.with({ path: `${vscode.workspace.workspaceFolders[0].uri.path}/article${EXPORT_EXTENSIONS[format]}` })
          : doc.uri.with({ path: base + EXPORT_EXTENSIONS[format] });
        target = await vscode.window.showSaveDialog({ defaultUri: suggested, title: t('Export annotations') });
      }
      if (!target) return undefined;
      // The analysis above was for the text before the dialog: take the current one.
      const now = await currentVersion(doc);
      if (!now) return undefined;
      const file = doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri, false) : doc.uri.toString();
      const content = exportAnnotations(format, now.text, now.analysis, file, doc.uri.toString());
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
      // NOTE: no path in the message: a file name can hold `[label](command:…)`, which a notification renders as a
      // link. The buttons open or reveal the file instead.
      void announceWrittenFile(notifier, t('Article Lens: annotations exported.'), target);
      return target;
    },

    [Commands.setAsArticle]: async (uri?: vscode.Uri | string) => {
      const doc = uri ? await vscode.workspace.openTextDocument(asUri(uri)) : vscode.window.activeTextEditor?.document;
      if (!doc) {
        void notifier.info(t('Article Lens: open a text file first.'));
        return undefined;
      }
      files.optIn(doc.uri);
      const result = doc.languageId === LANGUAGE_ID ? doc : await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      return result.uri;
    },
  } as const satisfies Record<CommandId, Handler>;

  const disposables: vscode.Disposable[] = [vscode.window.onDidChangeActiveTextEditor(track)];
  for (const [id, handler] of Object.entries(handlers) as [CommandId, (...args: unknown[]) => unknown][]) {
    disposables.push(vscode.commands.registerCommand(id, handler));
  }
  return vscode.Disposable.from(...disposables);
}
