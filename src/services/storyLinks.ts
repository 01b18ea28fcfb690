import * as vscode from 'vscode';
import type { ManualLink } from '../core/crossRefTypes';
import { formatLinkPath, insideFolders, parseLinkPath } from '../util/linkPaths';
import type { Notifier } from './notifications';
import { checkStoryLinks, linksIn, serializeStoryLinks, withLink, type StoryLinksData } from './storyLinksFormat';
import type { JsonFileProblem } from './workspaceJsonCore';
import { WorkspaceJsonFile } from './workspaceJsonFile';
import { problemMessage, warnWithOpen } from './workspaceJsonNotice';

/** Name of the file, at the root of the (first) workspace folder, that keeps the user's link/unlink choices. */
export const STORY_LINKS_FILE = 'article-lens.stories.json';

/** Larger than any real links file (about 100 bytes a link); a bigger one is refused, not read. */
const MAX_FILE_BYTES = 1024 * 1024;

/** Why a choice was not saved (`set` resolves with it). */
export type LinkRefusal = 'notInWorkspace' | 'fileUnusable' | 'noFolder';

/**
 * The user's manual "these are (not) versions of one story" choices, persisted in `article-lens.stories.json` at
 * the root of the first workspace folder: a small JSON file meant to be committed with the articles, so that a
 * team shares the same grouping (format: src/services/storyLinksFormat.ts). The root was chosen over `.vscode/`
 * because many projects ignore `.vscode/` in git.
 *
 * The file is handled by WorkspaceJsonFile: each choice is merged into the file as it is on disk just before the
 * save (another window's or a teammate's links are kept), saved atomically, and never written over a file that does
 * not parse (merge-conflict markers), is not a regular file, is too large or comes from a newer version: the user is
 * told why and offered to open it. It is re-read when it changes on disk (a pull, a hand edit); while it cannot be
 * read, the last good choices stay in use. Only files inside the workspace folders can be linked (the file is
 * shared: it never holds an absolute path of this machine). Created by src/crossRefFeatures.ts; read by the
 * workspace index (story grouping) and the link/unlink commands.
 */
export class StoryLinks implements vscode.Disposable {
  private links: ManualLink[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private file: WorkspaceJsonFile<StoryLinksData> | undefined;
  /** The problem last reported to the user (so that a file watcher event does not repeat it). */
  private reported: string | undefined;
  /**
   * Counts the saves started by this window. NOTE: a watcher event for an earlier save can arrive while a later one
   * runs; a read begun before that later save finished may return the older text, which must not replace the
   * choices the later save made.
   */
  private saves = 0;
  private loaded: Promise<void>;

  /** Fires when the links change (by a command or on disk). */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly notifier: Notifier,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(this.changeEmitter);
    const folder = this.folder();
    if (folder) {
      this.file = new WorkspaceJsonFile(
        vscode.Uri.joinPath(folder, STORY_LINKS_FILE),
        { check: checkStoryLinks, serialize: serializeStoryLinks },
        MAX_FILE_BYTES,
        log,
      );
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, STORY_LINKS_FILE));
      const reload = () =>
        void this.load().catch((err) => this.log.error(`Story links: reloading ${STORY_LINKS_FILE} failed`, err));
      this.disposables.push(
        watcher,
        watcher.onDidCreate(reload),
        watcher.onDidChange(reload),
        watcher.onDidDelete(reload),
      );
    }
    this.loaded = this.load();
  }

  /** Resolves once the file has been read (at start-up). */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** The file's URI, or undefined without a workspace folder. */
  fileUri(): vscode.Uri | undefined {
    return this.file?.uri;
  }

  /** Current choices, with document URI strings as `a` and `b`. */
  all(): ManualLink[] {
    return this.links.map((l) => ({ ...l }));
  }

  /** Files the user linked to (or unlinked from) `uri`. */
  choicesFor(uri: string): { linked: Set<string>; unlinked: Set<string> } {
    const linked = new Set<string>();
    const unlinked = new Set<string>();
    for (const l of this.links) {
      const other = l.a === uri ? l.b : l.b === uri ? l.a : undefined;
      if (other) (l.linked ? linked : unlinked).add(other);
    }
    return { linked, unlinked };
  }

  /**
   * Records that `a` and `b` are (linked) or are not (unlinked) versions of one story, merged into the file as it is
   * on disk now. Resolves with undefined once saved, or with why it was not (the user has been told).
   */
  async set(a: vscode.Uri, b: vscode.Uri, linked: boolean): Promise<LinkRefusal | undefined> {
    await this.loaded;
    const file = this.file;
    if (!file) return 'noFolder';
    const pa = this.toLinkPath(a);
    const pb = this.toLinkPath(b);
    if (!pa || !pb) {
      const t = vscode.l10n.t;
      void this.notifier.warn(
        t(
          'Article Lens: only files inside the workspace folders can be linked: the links are saved in {0}, which is shared with the files.',
          STORY_LINKS_FILE,
        ),
      );
      return 'notInWorkspace';
    }
    if (pa === pb) return undefined;
    const resolve = (p: string) => this.fromLinkPath(p);
    const canonical = (p: string) => {
      const uri = this.fromLinkPath(p);
      return (uri && this.toLinkPath(vscode.Uri.parse(uri, true))) ?? p;
    };
    this.saves++;
    const result = await file.update((current) => withLink(current, { a: pa, b: pb, linked }, resolve, canonical));
    if (!result.ok) {
      this.tell(result.problem, true);
      return 'fileUnusable';
    }
    this.reported = undefined;
    this.use(linksIn(result.data, resolve));
    return undefined;
  }

  private folder(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /**
   * The path the file stores for a document: relative to the first folder (which holds the file), else
   * `${workspaceFolder:<name>}/…` for another workspace folder; undefined outside every folder, for a folder name
   * shared by two folders, and for names that cannot be written back exactly.
   */
  private toLinkPath(uri: vscode.Uri): string | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const under = (f: vscode.Uri): string[] | undefined => {
      if (f.scheme !== uri.scheme || f.authority !== uri.authority) return undefined;
      const base = f.path.replace(/\/+$/, '');
      return uri.path.startsWith(`${base}/`) ? uri.path.slice(base.length + 1).split('/') : undefined;
    };
    const first = folders[0];
    const inFirst = first && under(first.uri);
    if (inFirst) return formatLinkPath(inFirst);
    const owner = vscode.workspace.getWorkspaceFolder(uri);
    if (!owner || folders.filter((f) => f.name === owner.name).length !== 1) return undefined;
    const segments = under(owner.uri);
    return segments && formatLinkPath(segments, owner.name);
  }

  /**
   * The document URI a path in the file names, or undefined when it names nothing in the workspace folders (`../x`,
   * `/etc/x`, `file:///elsewhere/x`, a folder this window does not have): the file is shared through version
   * control, so it must not point the extension at other files on the machine.
   */
  private fromLinkPath(p: string): string | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const parsed = parseLinkPath(p);
    if (!parsed) return undefined;
    if (parsed.kind === 'uri') {
      let uri: string;
      try {
        uri = vscode.Uri.parse(parsed.uri, true).toString();
      } catch {
        return undefined;
      }
      return insideFolders(
        uri,
        folders.map((f) => f.uri.toString()),
      )
        ? uri
        : undefined;
    }
    const folder = parsed.folder === undefined ? folders[0] : folders.find((f) => f.name === parsed.folder);
    return folder && vscode.Uri.joinPath(folder.uri, ...parsed.segments).toString();
  }

  private async load(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const savesBefore = this.saves;
    const state = await file.read();
    if (this.saves !== savesBefore) return; // a save ran meanwhile: what it wrote (and used) is newer than this read
    if (state.state === 'missing') {
      this.reported = undefined;
      this.use([]);
      return;
    }
    if (state.state === 'unusable') {
      // Keep the last good choices: a half-edited or conflicted file must not regroup every story meanwhile.
      this.tell(state.problem, false);
      return;
    }
    if (state.text === file.lastWritten() && !state.readOnly) return; // our own save coming back through the watcher
    if (state.readOnly) this.tell(state.readOnly, false);
    else this.reported = undefined;
    this.use(linksIn(state.data, (p) => this.fromLinkPath(p)));
  }

  private use(next: ManualLink[]): void {
    const before = JSON.stringify(this.links);
    this.links = next;
    if (JSON.stringify(next) !== before) this.changeEmitter.fire();
  }

  /** Tells the user why the file is not used (or not written), with a button to open it; once per problem on load. */
  private tell(problem: JsonFileProblem, whenSaving: boolean): void {
    const key = JSON.stringify(problem);
    if (!whenSaving && key === this.reported) return;
    this.reported = key;
    const t = vscode.l10n.t;
    const message = problemMessage(problem, whenSaving, {
      notThisKind: t('is not a story-links file'),
      newerWhenSaving: (version) =>
        t(
          'Article Lens: {0} was written by a newer version of Article Lens (format {1}). It is read as far as this version understands it and is not changed: update Article Lens to link or unlink versions.',
          STORY_LINKS_FILE,
          version,
        ),
      newerWhenLoading: (version) =>
        t(
          'Article Lens: {0} was written by a newer version of Article Lens (format {1}). It is read as far as this version understands it and will not be changed.',
          STORY_LINKS_FILE,
          version,
        ),
      refusedWhenSaving: (why) =>
        t(
          'Article Lens: the link was not saved: {0} {1}. The file was left as it is; fix it (or remove it) and try again.',
          STORY_LINKS_FILE,
          why,
        ),
      unusedWhenLoading: (why) =>
        t(
          'Article Lens: {0} {1}, so its story links are not used. It will not be overwritten; fix it or remove it.',
          STORY_LINKS_FILE,
          why,
        ),
    });
    if (this.file) warnWithOpen(this.notifier, this.log, message, problem, this.file.uri);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
