/**
 * The reader's verdict on cross-references between versions: confirm a link, reject it, or link two things by hand
 * ("le secrétaire d'Etat" ↔ "the Secretary of State"), written as `links` in the corrections file
 * (src/services/corrections.ts). The story service recomputes the cross-references with them: a rejected link is gone,
 * a confirmed one is marked, a manual one is made. Registered by src/crossRefFeatures.ts.
 */
import * as vscode from 'vscode';
import { CrossRefCorrectionCommands, type CrossRefCorrectionCommandId } from '../constants';
import { targetFromSpan } from '../core/corrections/anchor';
import { withId } from '../core/corrections/changes';
import type { LinkCorrection, LinkKind, LinkStatus } from '../core/corrections/model';
import type { CrossRefResult } from '../core/crossRefTypes';
import type { Span } from '../core/types';
import type { CorrectionsService } from '../services/corrections';
import type { CurrentArticle } from '../services/currentArticle';
import type { Notifier } from '../services/notifications';
import type { IndexedDoc, StoryCrossRefs, StoryService } from '../services/storyService';
import { registerCommandHandlers } from '../util/commands';
import { fileTitle } from '../util/documents';
import { withLateProgress } from '../util/progress';
import { entityMentionAt, spanContains } from '../views/spans';
import { plainText } from '../views/plainText';

export interface CrossRefCorrectionDeps {
  stories: StoryService;
  corrections: CorrectionsService;
  current: CurrentArticle;
  notifier: Notifier;
}

/** One end of a link the commands take: a document and a span of it. */
export interface LinkEndArg extends Span {
  uri: string;
}

/** Arguments of the link commands (without them: the link at the cursor, chosen in a quick pick). */
export interface LinkArgs {
  kind?: LinkKind;
  a?: LinkEndArg;
  b?: LinkEndArg;
}

const t = vscode.l10n.t;

/** A link between the current article and another version, as the quick pick offers it. */
interface Candidate {
  link: LinkKind;
  a: LinkEndArg;
  b: LinkEndArg;
  label: string;
  description: string;
}

async function currentStory(
  deps: CrossRefCorrectionDeps,
): Promise<{ editor: vscode.TextEditor; xr: StoryCrossRefs } | undefined> {
  const editor = deps.current.editor();
  if (!editor) {
    void deps.notifier.info(t('Article Lens: open an article first.'));
    return undefined;
  }
  const { value: xr, cancelled } = await withLateProgress(t('Article Lens: analysing…'), (token) =>
    deps.stories.forDocument(editor.document, token),
  );
  if (!xr) {
    if (!cancelled) void deps.notifier.info(t('Article Lens: no other version of this article was found.'));
    return undefined;
  }
  return { editor, xr };
}

/** The links of the story that touch the current article at `offset`. */
function linksAt(xr: StoryCrossRefs, offset: number): Candidate[] {
  const focus = xr.focus;
  const doc = (uri: string) => xr.docs.find((d) => d.uri === uri);
  const out: Candidate[] = [];
  const mine = doc(focus);
  const here = mine && entityMentionAt(mine.analysis, offset);
  for (const link of xr.result.links) {
    if (link.kind === 'entity') {
      const self = link.items.find((i) => i.file === focus);
      if (!self || !here || self.entityId !== here.entity.id) continue;
      for (const other of link.items) {
        if (other.file === focus) continue;
        const first =
          doc(other.file)?.analysis.entities.find((e) => e.id === other.entityId)?.mentions[0] ?? other.span;
        if (!first) continue;
        out.push({
          link: 'entity',
          a: { uri: focus, start: here.span.start, end: here.span.end },
          b: { uri: other.file, start: first.start, end: first.end },
          label: plainText(other.name, 80),
          description: plainText(fileTitle(other.file), 80),
        });
      }
      continue;
    }
    const [self, other] =
      link.a.file === focus ? [link.a, link.b] : link.b.file === focus ? [link.b, link.a] : [undefined, undefined];
    if (!self || !other || !spanContains(self, offset)) continue;
    out.push({
      link: link.kind,
      a: { uri: focus, start: self.start, end: self.end },
      b: { uri: other.file, start: other.start, end: other.end },
      label: plainText(other.text, 80),
      description: plainText(fileTitle(other.file), 80),
    });
  }
  return out;
}

/** The text of a version (from the story's documents, else the open or saved file). */
async function textOf(xr: StoryCrossRefs | undefined, uri: string): Promise<string> {
  const d = xr?.docs.find((x: IndexedDoc) => x.uri === uri);
  if (d) return d.text;
  return (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true))).getText();
}

/** Writes the verdict on the link between `a` and `b` and resolves with the story's new cross-references. */
async function record(
  deps: CrossRefCorrectionDeps,
  xr: StoryCrossRefs | undefined,
  kind: LinkKind,
  a: LinkEndArg,
  b: LinkEndArg,
  status: LinkStatus,
): Promise<CrossRefResult | undefined> {
  const pa = deps.corrections.pathOf(a.uri);
  const pb = deps.corrections.pathOf(b.uri);
  const ua = vscode.Uri.parse(a.uri, true);
  if (
    pa === undefined ||
    pb === undefined ||
    deps.corrections.fileUri(ua)?.toString() !== deps.corrections.fileUri(vscode.Uri.parse(b.uri, true))?.toString()
  ) {
    void deps.notifier.warn(
      t(
        'Article Lens: only versions inside one workspace folder can be linked by a correction: it is saved in that folder.',
      ),
    );
    return undefined;
  }
  const [ta, tb] = await Promise.all([textOf(xr, a.uri), textOf(xr, b.uri)]);
  const entry: Omit<LinkCorrection, 'id'> = {
    kind,
    status,
    a: { file: pa, ...targetFromSpan(ta, a) },
    b: { file: pb, ...targetFromSpan(tb, b) },
    at: new Date().toISOString(),
  };
  const what = `“${plainText(ta.slice(a.start, a.end), 40)}” ↔ “${plainText(tb.slice(b.start, b.end), 40)}”`;
  const label =
    status === 'confirmed'
      ? t('link {0} confirmed', what)
      : status === 'rejected'
        ? t('link {0} rejected', what)
        : t('{0} linked by hand', what);
  if (await deps.corrections.record(ua, [{ op: 'put', list: 'links', entry: withId('links', entry) }], label))
    return undefined;
  return (await deps.stories.crossReferences(ua))?.result;
}

/** Confirm Link / Reject Link: `({ kind, a, b })`, else the link at the cursor (a quick pick when several). */
async function verdict(
  deps: CrossRefCorrectionDeps,
  status: 'confirmed' | 'rejected',
  args?: LinkArgs,
): Promise<CrossRefResult | undefined> {
  if (args?.a && args.b) return record(deps, undefined, args.kind ?? 'entity', args.a, args.b, status);
  const story = await currentStory(deps);
  if (!story) return undefined;
  const candidates = linksAt(story.xr, story.editor.document.offsetAt(story.editor.selection.active));
  if (!candidates.length) {
    void deps.notifier.info(t('Article Lens: nothing at the cursor is linked to another version.'));
    return undefined;
  }
  const picked =
    candidates.length === 1
      ? candidates[0]
      : await vscode.window.showQuickPick(candidates, {
          title: status === 'confirmed' ? t('Confirm which link?') : t('Reject which link?'),
        });
  return picked && record(deps, story.xr, picked.link, picked.a, picked.b, status);
}

/**
 * Link by Hand…: `({ kind, a, b })`, else the entity at the cursor (or the selected words, or the sentence at the
 * cursor) and a quick pick of an entity (or a sentence) of another version.
 */
async function linkByHand(deps: CrossRefCorrectionDeps, args?: LinkArgs): Promise<CrossRefResult | undefined> {
  if (args?.a && args.b) return record(deps, undefined, args.kind ?? 'entity', args.a, args.b, 'manual');
  if (args?.a) return linkFrom(deps, args.kind ?? 'entity', args.a);
  const story = await currentStory(deps);
  if (!story) return undefined;
  const { editor, xr } = story;
  const mine = xr.docs.find((d) => d.uri === xr.focus);
  if (!mine) return undefined;
  const sel = {
    start: editor.document.offsetAt(editor.selection.start),
    end: editor.document.offsetAt(editor.selection.end),
  };
  const mention = sel.start === sel.end ? entityMentionAt(mine.analysis, sel.start) : undefined;
  const others = xr.docs.filter((d) => d.uri !== xr.focus);
  type Item = { label: string; description: string; end: LinkEndArg };
  let kind: LinkKind;
  let a: LinkEndArg;
  let items: Item[];
  if (mention) {
    kind = 'entity';
    a = { uri: xr.focus, start: mention.span.start, end: mention.span.end };
    items = others.flatMap((d) =>
      d.analysis.entities.map((e) => ({
        label: plainText(e.name, 80),
        description: plainText(fileTitle(d.uri), 60),
        end: { uri: d.uri, start: e.mentions[0].start, end: e.mentions[0].end },
      })),
    );
  } else {
    kind = 'passage';
    const sentence = mine.analysis.sentences.find((s) => spanContains(s, sel.start));
    const span = sel.end > sel.start ? sel : sentence;
    if (!span) return undefined;
    a = { uri: xr.focus, start: span.start, end: span.end };
    items = others.flatMap((d) =>
      d.analysis.sentences.map((s) => ({
        label: plainText(d.text.slice(s.start, s.end), 120),
        description: plainText(fileTitle(d.uri), 60),
        end: { uri: d.uri, ...s },
      })),
    );
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Link to what in another version?'),
    matchOnDescription: true,
  });
  return picked && record(deps, xr, kind, a, picked.end, 'manual');
}

/**
 * Link by Hand from one end given (the Cross-References view's "Link to…" on what one version only has): a quick
 * pick of the things of that kind in the other versions of its story.
 */
async function linkFrom(
  deps: CrossRefCorrectionDeps,
  kind: LinkKind,
  a: LinkEndArg,
): Promise<CrossRefResult | undefined> {
  const xr = await deps.stories.crossReferences(vscode.Uri.parse(a.uri, true));
  if (!xr) {
    void deps.notifier.info(t('Article Lens: no other version of this article was found.'));
    return undefined;
  }
  type Item = { label: string; description: string; end: LinkEndArg };
  const items: Item[] = xr.docs
    .filter((d) => d.uri !== a.uri)
    .flatMap((d) => {
      const spans: Array<Span & { text: string }> =
        kind === 'entity'
          ? d.analysis.entities.map((e) => ({ start: e.mentions[0].start, end: e.mentions[0].end, text: e.name }))
          : kind === 'passage'
            ? d.analysis.sentences.map((s) => ({ start: s.start, end: s.end, text: d.text.slice(s.start, s.end) }))
            : (kind === 'quote' ? d.analysis.quotes : kind === 'date' ? d.analysis.dates : d.analysis.figures).map(
                (x) => ({ start: x.start, end: x.end, text: x.text }),
              );
      const where = plainText(fileTitle(d.uri), 60);
      return spans.map((x) => ({
        label: plainText(x.text, 120),
        description: where,
        end: { uri: d.uri, start: x.start, end: x.end },
      }));
    });
  if (!items.length) {
    void deps.notifier.info(t('Article Lens: the other versions have nothing of this kind to link to.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Link to what in another version?'),
    matchOnDescription: true,
  });
  return picked && record(deps, xr, kind, a, picked.end, 'manual');
}

/** Registers the link correction commands. */
export function registerCrossRefCorrections(deps: CrossRefCorrectionDeps): vscode.Disposable {
  const handlers = {
    [CrossRefCorrectionCommands.confirmLink]: (d: CrossRefCorrectionDeps, args?: LinkArgs) =>
      verdict(d, 'confirmed', args),
    [CrossRefCorrectionCommands.rejectLink]: (d: CrossRefCorrectionDeps, args?: LinkArgs) =>
      verdict(d, 'rejected', args),
    [CrossRefCorrectionCommands.linkByHand]: linkByHand,
  } as const satisfies Record<CrossRefCorrectionCommandId, (d: CrossRefCorrectionDeps, ...args: never[]) => unknown>;
  return registerCommandHandlers(handlers, deps);
}
