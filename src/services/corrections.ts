import * as vscode from 'vscode';
import { applyChanges, inverseChanges, withId, type CorrectionChange } from '../core/corrections/changes';
import type { ArticleCorrections, CorrectionsFile, StoryCorrections, TextTarget } from '../core/corrections/model';
import { checkCorrections, readCorrections, type ReadCorrections } from '../core/corrections/parse';
import { correctionsForFile, linksAmong, normalizePath } from '../core/corrections/scope';
import { serializeCorrections } from '../core/corrections/serialize';
import type { Notifier } from './notifications';
import type { JsonFileProblem } from './workspaceJsonCore';
import { WorkspaceJsonFile, type JsonFileFormat } from './workspaceJsonFile';
import { problemMessage, warnWithOpen } from './workspaceJsonNotice';

/** Name of the file, at the root of each workspace folder (next to the story links), that keeps the corrections. */
export const CORRECTIONS_FILE = 'article-lens.corrections.json';

/** Far larger than any real corrections file (about 200 bytes a correction); a bigger one is refused, not read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Undo steps kept (each is one correction: a few entries). */
const MAX_UNDO = 100;

const FORMAT: JsonFileFormat<CorrectionsFile> = { check: checkCorrections, serialize: serializeCorrections };

/** One folder's file and what was last read from it. */
interface FolderFile {
  folder: vscode.WorkspaceFolder;
  file: WorkspaceJsonFile<CorrectionsFile>;
  data: CorrectionsFile | undefined;
  entries: ReadCorrections;
  /** The problem last reported (a file watcher event does not repeat it). */
  reported: string | undefined;
  /** Saves started by this window (a read begun before a save finished must not replace what it wrote). */
  saves: number;
  loaded: Promise<void>;
}

/** One undo (or redo) step: the changes to apply to the file, and what to call the step. */
interface Step {
  folder: string;
  changes: CorrectionChange[];
  /** The changes that undo `changes`, computed against the file they were applied to. */
  inverse: CorrectionChange[];
  label: string;
}

/** Why a correction was not saved (`record` resolves with it; the user has been told). */
export type CorrectionRefusal = 'notInWorkspace' | 'fileUnusable';

const NO_ENTRIES: ReadCorrections = { rules: [], edits: [], links: [], issues: [] };

/**
 * The reader's corrections, kept in `article-lens.corrections.json` at the root of each workspace folder: a committed,
 * reviewable file (format and merge: src/core/corrections/), read and written through WorkspaceJsonFile like the
 * story links — atomic saves, each change applied to the file as it is on disk just then (another window's or a
 * teammate's corrections are kept), a file that does not parse, is not a regular file, is too large or comes from a
 * newer version is never rewritten (the user is told why, with a button to open it; the analysis goes on without its
 * corrections). Re-read when it changes on disk (a pull, another window, a hand edit). Each correction is one undo
 * step (`undo`/`redo`: the editor's undo does not cover this file).
 *
 * Feeds the analysis cache (`forDocument`: the corrections that apply to one article, whose rules depend on its story,
 * see `setStories`) and the cross-references (`forStory`). Created in extension.ts.
 */
export class CorrectionsService implements vscode.Disposable {
  private readonly files = new Map<string, FolderFile>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private storyFiles: (uri: string) => readonly string[] = () => [];
  private readonly undoStack: Step[] = [];
  private readonly redoStack: Step[] = [];

  /** Fires when the corrections change (by a command, an undo, or on disk). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly notifier: Notifier,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.openFolders();
        this.changeEmitter.fire();
      }),
    );
    this.openFolders();
  }

  /** Resolves once every folder's file has been read. */
  async ready(): Promise<void> {
    await Promise.all([...this.files.values()].map((f) => f.loaded));
  }

  /** Tells the service which files are versions of an article's story (for story-scoped rules). */
  setStories(storyFiles: (uri: string) => readonly string[]): void {
    this.storyFiles = storyFiles;
  }

  /** Stories may have been regrouped: story-scoped rules may now apply elsewhere. */
  storiesChanged(): void {
    for (const f of this.files.values()) {
      if (f.entries.rules.some((r) => r.scope === 'story')) {
        this.changeEmitter.fire();
        return;
      }
    }
  }

  /** The corrections file of the folder holding `uri` (a document or a folder), if it is in the workspace. */
  fileUri(uri: vscode.Uri): vscode.Uri | undefined {
    return this.folderFile(uri)?.file.uri;
  }

  /** The path of `uri` in its folder's corrections file (relative, `/`-separated), or undefined outside the folders. */
  pathOf(uri: vscode.Uri | string): string | undefined {
    const u = typeof uri === 'string' ? vscode.Uri.parse(uri, true) : uri;
    const f = this.folderFile(u);
    if (!f) return undefined;
    const base = f.folder.uri.path.replace(/\/+$/, '');
    return u.path.startsWith(`${base}/`) ? u.path.slice(base.length + 1) : undefined;
  }

  /** Every valid entry of the file of the folder holding `uri` (and what is wrong with the others). */
  entries(uri: vscode.Uri): ReadCorrections {
    return this.folderFile(uri)?.entries ?? NO_ENTRIES;
  }

  /** The corrections that apply to the article at `uri` (its edits, the rules whose scope covers it), if any. */
  forDocument(uri: vscode.Uri): ArticleCorrections | undefined {
    const f = this.folderFile(uri);
    const file = this.pathOf(uri);
    if (!f || file === undefined || (!f.entries.rules.length && !f.entries.edits.length)) return undefined;
    // Grouping stories is not free: only story rules need them.
    const needsStory = f.entries.rules.some((r) => r.scope === 'story');
    const story = (needsStory ? this.storyFiles(uri.toString()) : [])
      .map((s) => this.pathOf(s))
      .filter((p): p is string => p !== undefined);
    const own = correctionsForFile(f.entries, { file, story });
    return own.rules.length || own.edits.length ? own : undefined;
  }

  /**
   * The link corrections among the versions `uris` (of the focus's folder), for crossReference(), with their files
   * as document URIs (the cross-reference worker gets plain data, so no path-mapping function).
   */
  forStory(focus: string, uris: readonly string[]): StoryCorrections | undefined {
    const f = this.folderFile(vscode.Uri.parse(focus, true));
    if (!f || !f.entries.links.length) return undefined;
    const byPath = new Map<string, string>();
    for (const u of uris) {
      const p = this.pathOf(u);
      if (p !== undefined) byPath.set(normalizePath(p), u);
    }
    const links = linksAmong(f.entries.links, [...byPath.keys()]).map((l) => ({
      ...l,
      a: { ...l.a, file: byPath.get(normalizePath(l.a.file))! },
      b: { ...l.b, file: byPath.get(normalizePath(l.b.file))! },
    }));
    return links.length ? { links } : undefined;
  }

  /**
   * Applies `changes` to the file of the folder holding `uri`, as it is on disk now, and saves it; the step can be
   * undone. Resolves with undefined once saved, or with why it was not (the user has been told).
   */
  async record(uri: vscode.Uri, changes: CorrectionChange[], label: string): Promise<CorrectionRefusal | undefined> {
    const f = this.folderFile(uri);
    if (!f) {
      void this.notifier.warn(
        vscode.l10n.t(
          'Article Lens: only articles inside a workspace folder can be corrected: the corrections are saved in {0} in the folder.',
          CORRECTIONS_FILE,
        ),
      );
      return 'notInWorkspace';
    }
    await f.loaded;
    if (!changes.length) return undefined;
    const step: Step = { folder: f.folder.uri.toString(), changes, inverse: [], label };
    const refused = await this.write(f, step, this.applyRecordingInverse(step, changes));
    if (refused) return refused;
    this.undoStack.push(step);
    if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
    this.redoStack.length = 0;
    return undefined;
  }

  /**
   * Makes `value` (YYYY-MM-DD) the reader's reference date of the article at `uri`, replacing any earlier one, or
   * removes it (`value` undefined): one undo step.
   */
  setReferenceDate(
    uri: vscode.Uri,
    value: string | undefined,
    label: string,
    target?: TextTarget,
  ): Promise<CorrectionRefusal | undefined> {
    const file = this.pathOf(uri) ?? '';
    const changes: CorrectionChange[] = this.entries(uri)
      .edits.filter((e) => e.action === 'referenceDate' && normalizePath(e.file) === normalizePath(file))
      .map((e) => ({ op: 'delete', id: e.id }));
    if (value) {
      const entry = withId('edits', {
        file,
        action: 'referenceDate' as const,
        value,
        ...(target ? { target } : {}),
        at: new Date().toISOString(),
      });
      changes.push({ op: 'put', list: 'edits', entry });
    }
    return this.record(uri, changes, label);
  }

  /** What Undo would undo (its label), if anything. */
  undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  /** What Redo would redo (its label), if anything. */
  redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }

  /** Undoes the last correction of this window; resolves with its label, or undefined when there was none. */
  async undo(): Promise<string | undefined> {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    const f = this.files.get(step.folder);
    if (!f || (await this.write(f, step, (current) => applyChanges(current, step.inverse)))) {
      this.undoStack.push(step);
      return undefined;
    }
    this.redoStack.push(step);
    return step.label;
  }

  /** Redoes the last undone correction; resolves with its label, or undefined when there was none. */
  async redo(): Promise<string | undefined> {
    const step = this.redoStack.pop();
    if (!step) return undefined;
    const f = this.files.get(step.folder);
    const refused = !f || (await this.write(f, step, this.applyRecordingInverse(step, step.changes)));
    if (refused) {
      this.redoStack.push(step);
      return undefined;
    }
    this.undoStack.push(step);
    return step.label;
  }

  /**
   * The update that applies `changes` and keeps in `step` the changes undoing them. NOTE: the file's update runs the
   * change again to verify its save, against the file that already has it: only the first run sees the file as it
   * was before.
   */
  private applyRecordingInverse(
    step: Step,
    changes: CorrectionChange[],
  ): (current: CorrectionsFile | undefined) => CorrectionsFile {
    let first = true;
    return (current) => {
      if (first) step.inverse = inverseChanges(current, changes);
      first = false;
      return applyChanges(current, changes);
    };
  }

  private async write(
    f: FolderFile,
    step: Step,
    change: (current: CorrectionsFile | undefined) => CorrectionsFile,
  ): Promise<CorrectionRefusal | undefined> {
    f.saves++;
    const result = await f.file.update(change);
    if (!result.ok) {
      this.tell(f, result.problem, true);
      return 'fileUnusable';
    }
    f.reported = undefined;
    this.use(f, result.data);
    this.log.info(`Corrections: ${step.label} (${f.file.uri.toString()})`);
    return undefined;
  }

  private openFolders(): void {
    const keep = new Set<string>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const key = folder.uri.toString();
      keep.add(key);
      if (this.files.has(key)) continue;
      const f: FolderFile = {
        folder,
        file: new WorkspaceJsonFile(
          vscode.Uri.joinPath(folder.uri, CORRECTIONS_FILE),
          FORMAT,
          MAX_FILE_BYTES,
          this.log,
        ),
        data: undefined,
        entries: NO_ENTRIES,
        reported: undefined,
        saves: 0,
        loaded: Promise.resolve(),
      };
      this.files.set(key, f);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, CORRECTIONS_FILE));
      const reload = () =>
        void this.load(f).catch((err) => this.log.error(`Corrections: reloading ${f.file.uri.toString()} failed`, err));
      this.disposables.push(
        watcher,
        watcher.onDidCreate(reload),
        watcher.onDidChange(reload),
        watcher.onDidDelete(reload),
      );
      f.loaded = this.load(f);
    }
    for (const key of [...this.files.keys()]) if (!keep.has(key)) this.files.delete(key);
  }

  private folderFile(uri: vscode.Uri): FolderFile | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && this.files.get(folder.uri.toString());
  }

  private async load(f: FolderFile): Promise<void> {
    const savesBefore = f.saves;
    const state = await f.file.read();
    if (f.saves !== savesBefore) return; // a save ran meanwhile: what it wrote (and used) is newer than this read
    if (state.state === 'missing') {
      f.reported = undefined;
      this.use(f, undefined);
      return;
    }
    if (state.state === 'unusable') {
      // The analysis goes on without this file's corrections: a half-edited file must not half-apply.
      this.tell(f, state.problem, false);
      this.use(f, undefined);
      return;
    }
    if (state.text === f.file.lastWritten() && !state.readOnly) return; // our own save coming back
    if (state.readOnly) this.tell(f, state.readOnly, false);
    else f.reported = undefined;
    this.use(f, state.data);
  }

  private use(f: FolderFile, data: CorrectionsFile | undefined): void {
    const before = JSON.stringify(f.data ?? null);
    f.data = data;
    f.entries = data ? readCorrections(data) : NO_ENTRIES;
    if (JSON.stringify(data ?? null) === before) return;
    for (const issue of f.entries.issues) {
      this.log.warn(
        `Corrections: ${f.file.uri.toString()}: ${issue.list}[${issue.index}] (${issue.id}) is ignored: ${issue.detail}`,
      );
    }
    this.changeEmitter.fire();
  }

  /** Tells the user why the file is not used (or not written), with a button to open it; once per problem on load. */
  private tell(f: FolderFile, problem: JsonFileProblem, whenSaving: boolean): void {
    const key = JSON.stringify(problem);
    if (!whenSaving && key === f.reported) return;
    f.reported = key;
    const t = vscode.l10n.t;
    const message = problemMessage(problem, whenSaving, {
      notThisKind: t('is not a corrections file'),
      newerWhenSaving: (version) =>
        t(
          'Article Lens: {0} was written by a newer version of Article Lens (format {1}). It is read as far as this version understands it and is not changed: update Article Lens to correct the analysis.',
          CORRECTIONS_FILE,
          version,
        ),
      newerWhenLoading: (version) =>
        t(
          'Article Lens: {0} was written by a newer version of Article Lens (format {1}). It is read as far as this version understands it and will not be changed.',
          CORRECTIONS_FILE,
          version,
        ),
      refusedWhenSaving: (why) =>
        t(
          'Article Lens: the correction was not saved: {0} {1}. The file was left as it is; fix it (or remove it) and try again.',
          CORRECTIONS_FILE,
          why,
        ),
      unusedWhenLoading: (why) =>
        t(
          'Article Lens: {0} {1}, so its corrections are not applied. It will not be overwritten; fix it or remove it.',
          CORRECTIONS_FILE,
          why,
        ),
    });
    warnWithOpen(this.notifier, this.log, message, problem, f.file.uri);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
