import * as vscode from 'vscode';
import type { ManualLink } from '../core/crossrefTypes';
import { insideFolders, relativeSegments } from '../util/linkPaths';

/** Name of the file, at the root of the (first) workspace folder, that keeps the user's link/unlink choices. */
export const STORY_LINKS_FILE = 'article-lens.stories.json';

/** Shape of the file (kept small and stable so it diffs well in version control). */
interface StoryLinksFile {
  version: 1;
  /** Pairs of files, workspace-relative with `/` separators (absolute URIs for files outside the folder). */
  links: Array<{ a: string; b: string; linked: boolean }>;
}

/**
 * The user's manual "these are (not) versions of one story" choices, persisted in `article-lens.stories.json` at
 * the root of the first workspace folder: a small JSON file meant to be committed with the articles, so that a
 * team shares the same grouping. Paths in it are relative to that folder. Written atomically (a temporary file in
 * the same folder, then a rename over the target), and re-read when it changes on disk (another clone pulled,
 * hand edit). The root was chosen over `.vscode/` because many projects ignore `.vscode/` in git.
 * Created by src/crossReferences.ts; read by the workspace index (story grouping) and the link/unlink commands.
 */
export class StoryLinks implements vscode.Disposable {
  private links: ManualLink[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private lastWritten: string | undefined;
  private writing: Promise<void> = Promise.resolve();
  private loaded: Promise<void>;

  /** Fires when the links change (by a command or on disk). */
  readonly onDidChange = this.changeEmitter.event;

  constructor() {
    this.disposables.push(this.changeEmitter);
    const folder = this.folder();
    if (folder) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, STORY_LINKS_FILE));
      const reload = () => void this.load();
      this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    }
    this.loaded = this.load();
  }

  /** Resolves once the file has been read (at start-up). */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** The file's URI, or undefined without a workspace folder. */
  fileUri(): vscode.Uri | undefined {
    const folder = this.folder();
    return folder && vscode.Uri.joinPath(folder, STORY_LINKS_FILE);
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

  /** Records that `a` and `b` are (linked) or are not (unlinked) versions of one story, and saves the file. */
  async set(a: vscode.Uri, b: vscode.Uri, linked: boolean): Promise<void> {
    await this.loaded;
    const [x, y] = [a.toString(), b.toString()].sort();
    if (x === y) return;
    this.links = this.links.filter((l) => !((l.a === x && l.b === y) || (l.a === y && l.b === x)));
    this.links.push({ a: x, b: y, linked });
    this.changeEmitter.fire();
    await this.save();
  }

  private folder(): vscode.Uri | undefined {
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  private toRelative(uri: string): string {
    const folder = this.folder();
    if (!folder) return uri;
    const base = folder.toString().replace(/\/?$/, '/');
    return uri.startsWith(base) ? decodeURIComponent(uri.slice(base.length)) : uri;
  }

  /**
   * The document URI a path in the file names, or undefined when it names something outside the workspace
   * folders (`../x`, `/etc/x`, `file:///elsewhere/x`): the file is shared through version control, so it must not
   * point the extension at other files on the machine.
   */
  private fromRelative(p: string): string | undefined {
    const folder = this.folder();
    if (!folder) return undefined;
    if (/^[a-z][\w+.-]*:/i.test(p) && !/^[a-z]:[\\/]/i.test(p)) {
      let uri: string;
      try {
        uri = vscode.Uri.parse(p, true).toString();
      } catch {
        return undefined;
      }
      const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
      return insideFolders(uri, folders) ? uri : undefined;
    }
    const segments = relativeSegments(p);
    return segments && vscode.Uri.joinPath(folder, ...segments).toString();
  }

  private async load(): Promise<void> {
    const uri = this.fileUri();
    if (!uri) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      text = '';
    }
    if (text && text === this.lastWritten) return; // our own write coming back through the watcher
    const next: ManualLink[] = [];
    if (text) {
      try {
        const data = JSON.parse(text) as Partial<StoryLinksFile>;
        for (const l of Array.isArray(data.links) ? data.links : []) {
          if (!l || typeof l.a !== 'string' || typeof l.b !== 'string') continue;
          const a = this.fromRelative(l.a);
          const b = this.fromRelative(l.b);
          if (a && b) next.push({ a, b, linked: l.linked !== false });
        }
      } catch {
        return; // a half-edited file: keep the last good choices
      }
    }
    const before = JSON.stringify(this.links);
    this.links = next;
    if (JSON.stringify(next) !== before) this.changeEmitter.fire();
  }

  private save(): Promise<void> {
    const run = async () => {
      const uri = this.fileUri();
      if (!uri) return;
      const data: StoryLinksFile = {
        version: 1,
        links: this.links
          .map((l) => ({ a: this.toRelative(l.a), b: this.toRelative(l.b), linked: l.linked }))
          .sort((p, q) => p.a.localeCompare(q.a) || p.b.localeCompare(q.b)),
      };
      const text = `${JSON.stringify(data, null, 2)}\n`;
      this.lastWritten = text;
      // Atomic: readers see the old or the new file, never half of one.
      const tmp = vscode.Uri.joinPath(uri, '..', `.${STORY_LINKS_FILE}.${process.pid}.${Date.now()}.tmp`);
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
      try {
        await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
      } catch (err) {
        await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
        throw err;
      }
    };
    this.writing = this.writing.then(run, run);
    return this.writing;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
