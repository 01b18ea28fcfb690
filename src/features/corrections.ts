/**
 * Correcting the analysis from the editor: the light bulb (Quick Fix code actions) on an annotation or a selection,
 * the same corrections as palette commands acting on the annotation at the cursor, Undo / Redo Last Correction, and
 * Remove Orphaned Corrections. Each correction is written to the workspace corrections file (src/services/
 * corrections.ts), which re-analyses the article: every view repaints from the one analysis cache.
 */
import * as vscode from 'vscode';
import { ARTICLE_DOCUMENTS, CorrectionCommands, type CorrectionCommandId } from '../constants';
import { targetFromSpan } from '../core/corrections/anchor';
import { withId, type CorrectionChange } from '../core/corrections/changes';
import type { EditCorrection, RuleCorrection, RuleScope, TextTarget } from '../core/corrections/model';
import { isDateValue } from '../core/corrections/parse';
import { ENTITY_KINDS, LAYER_INFO } from '../core/kinds';
import type { ArticleAnalysis, Entity, EntityType, Span } from '../core/types';
import type { DocumentAnalyses } from '../services/analyses';
import { CORRECTIONS_FILE, type CorrectionsService } from '../services/corrections';
import type { CurrentArticle } from '../services/currentArticle';
import type { Notifier } from '../services/notifications';
import { registerCommandHandlers } from '../util/commands';
import { correctionActionsAt, quoted, type CorrectionActionId, type CorrectionArgs } from '../views/correctionActions';
import { plainText } from '../views/plainText';

export interface CorrectionDeps {
  analyses: DocumentAnalyses;
  corrections: CorrectionsService;
  current: CurrentArticle;
  notifier: Notifier;
}

/**
 * Arguments of the correction commands (all optional: without them the command acts at the cursor of the current
 * article and asks what it needs). The light bulb passes `uri`, the span and what it already knows.
 */
export interface CorrectionCommandArgs extends Partial<CorrectionArgs> {
  uri?: string;
  /** Rules: where the rule applies. */
  scope?: RuleScope;
  /** Rename: the new name; set speaker: who said it. */
  name?: string;
  /** Set speaker: the name of an entity of the article (its mentions anchor the speaker). */
  speaker?: string;
  /** Merge: the name of the entity to merge into. */
  into?: string;
  /** Set date: YYYY-MM-DD (or YYYY-MM, YYYY). */
  value?: string;
  /** Not an entity: every mention of the entity at the span, in one step (the panel's entity rows). */
  wholeEntity?: boolean;
}

const t = vscode.l10n.t;
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The command of each action id. */
const COMMAND_OF: Record<CorrectionActionId, string> = {
  notEntity: CorrectionCommands.notEntity,
  retype: CorrectionCommands.retype,
  fixBoundaries: CorrectionCommands.fixBoundaries,
  markEntity: CorrectionCommands.markEntity,
  ruleAlways: CorrectionCommands.ruleAlways,
  ruleNever: CorrectionCommands.ruleNever,
  merge: CorrectionCommands.merge,
  split: CorrectionCommands.split,
  rename: CorrectionCommands.rename,
  setSpeaker: CorrectionCommands.setSpeaker,
  clearSpeaker: CorrectionCommands.clearSpeaker,
  notQuote: CorrectionCommands.notQuote,
  scare: CorrectionCommands.scare,
  setDate: CorrectionCommands.setDate,
  referenceDate: CorrectionCommands.referenceDate,
  verify: CorrectionCommands.verify,
};

/** Offers the corrections at the cursor or the selection as Quick Fixes. */
class CorrectionActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly deps: CorrectionDeps) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    _context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const a = await this.deps.analyses.forRequest(document, token);
    if (!a) return [];
    const sel = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    return correctionActionsAt(document.getText(), a, sel, t).map((action) => {
      const ca = new vscode.CodeAction(action.title, vscode.CodeActionKind.QuickFix);
      const args: CorrectionCommandArgs = { uri: document.uri.toString(), ...action.args };
      ca.command = { command: COMMAND_OF[action.id], title: action.title, arguments: [args] };
      if (action.preferred) ca.isPreferred = true;
      return ca;
    });
  }
}

/** What a correction command works on. */
interface Place {
  doc: vscode.TextDocument;
  text: string;
  a: ArticleAnalysis;
  file: string;
  args: CorrectionCommandArgs & CorrectionArgs;
}

/**
 * The article, its analysis and the annotation a command acts on: the one the light bulb named, else the one of
 * `id` at the cursor (told to the user when there is none).
 */
async function placeFor(
  deps: CorrectionDeps,
  id: CorrectionActionId,
  given: CorrectionCommandArgs | undefined,
): Promise<Place | undefined> {
  const args = given ?? {};
  let doc: vscode.TextDocument | undefined;
  let sel: Span | undefined;
  if (args.uri) doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true));
  else {
    const editor = deps.current.editor();
    doc = editor?.document;
    if (editor) sel = { start: doc!.offsetAt(editor.selection.start), end: doc!.offsetAt(editor.selection.end) };
  }
  if (!doc) {
    void deps.notifier.info(t('Article Lens: open an article first.'));
    return undefined;
  }
  const file = deps.corrections.pathOf(doc.uri);
  if (file === undefined) {
    void deps.notifier.warn(
      t(
        'Article Lens: only articles inside a workspace folder can be corrected: the corrections are saved in {0} in the folder.',
        CORRECTIONS_FILE,
      ),
    );
    return undefined;
  }
  const a = deps.analyses.get(doc) ?? (await deps.analyses.whenAnalyzed(doc.uri));
  if (!a) {
    void deps.notifier.warn(t('Article Lens: no analysis for this document.'));
    return undefined;
  }
  const text = doc.getText();
  if (args.start !== undefined && args.end !== undefined)
    return { doc, text, a, file, args: { ...args, start: args.start, end: args.end } };
  const found = correctionActionsAt(text, a, sel ?? { start: 0, end: 0 }, t).find((x) => x.id === id);
  if (!found) {
    void deps.notifier.info(t('Article Lens: there is nothing at the cursor that this correction applies to.'));
    return undefined;
  }
  return { doc, text, a, file, args: { ...found.args, ...args } };
}

async function pickType(current?: EntityType): Promise<EntityType | undefined> {
  const picked = await vscode.window.showQuickPick(
    ENTITY_KINDS.filter((k) => k !== current).map((id) => ({ id, label: LAYER_INFO[id].label(t) })),
    { title: t('Which kind of entity?') },
  );
  return picked?.id;
}

async function pickScope(text: string): Promise<RuleScope | undefined> {
  const items: Array<{ id: RuleScope; label: string }> = [
    { id: 'file', label: t('In this article') },
    { id: 'story', label: t('In every version of its story') },
    { id: 'workspace', label: t('In every article of the workspace') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Where does the rule for {0} apply?', quoted(text)),
  });
  return picked?.id;
}

/** The entity whose mention covers [start, end), or undefined. */
function entityOf(a: ArticleAnalysis, span: Span): Entity | undefined {
  return a.entities.find((e) => e.mentions.some((m) => m.start <= span.start && m.end >= span.end));
}

function now(): string {
  return new Date().toISOString();
}

type EditBody = EditCorrection extends infer E
  ? E extends EditCorrection
    ? Omit<E, 'id' | 'file' | 'target' | 'at'>
    : never
  : never;

/** Records one edit of the annotation at the place (one undo step) and resolves with the new analysis. */
async function edit(
  deps: CorrectionDeps,
  p: Place,
  body: EditBody,
  label: string,
  target?: TextTarget,
): Promise<ArticleAnalysis | undefined> {
  const entry = withId('edits', {
    file: p.file,
    target: target ?? targetFromSpan(p.text, p.args),
    ...body,
    at: now(),
  } as Omit<EditCorrection, 'id'>);
  return save(deps, p.doc, [{ op: 'put', list: 'edits', entry: entry as EditCorrection }], label);
}

async function save(
  deps: CorrectionDeps,
  doc: vscode.TextDocument,
  changes: CorrectionChange[],
  label: string,
): Promise<ArticleAnalysis | undefined> {
  if (await deps.corrections.record(doc.uri, changes, label)) return undefined;
  return deps.analyses.whenAnalyzed(doc.uri);
}

async function rule(
  deps: CorrectionDeps,
  p: Place,
  type: EntityType | null,
  args: CorrectionCommandArgs,
): Promise<ArticleAnalysis | undefined> {
  const text = p.text.slice(p.args.start, p.args.end).trim();
  if (!text) return undefined;
  const scope = args.scope ?? (await pickScope(text));
  if (!scope) return undefined;
  const entry: Omit<RuleCorrection, 'id'> = {
    text,
    type,
    scope,
    ...(scope === 'workspace' ? {} : { file: p.file }),
    at: now(),
  };
  const label = type
    ? t('always treat {0} as: {1}', quoted(text), LAYER_INFO[type].label(t))
    : t('{0} is never an entity', quoted(text));
  return save(deps, p.doc, [{ op: 'put', list: 'rules', entry: withId('rules', entry) }], label);
}

async function setSpeaker(
  deps: CorrectionDeps,
  p: Place,
  args: CorrectionCommandArgs,
): Promise<ArticleAnalysis | undefined> {
  let name = args.speaker ?? args.name;
  let entity = name !== undefined ? p.a.entities.find((e) => e.name === name) : undefined;
  if (name === undefined) {
    const typeOwn = { label: t('Type a name…'), entity: undefined as Entity | undefined };
    const items = [
      ...p.a.entities
        .filter((e) => e.type !== 'place')
        .map((e) => ({
          label: plainText(e.name, 80),
          description: LAYER_INFO[e.type].label(t),
          entity: e as Entity | undefined,
        })),
      typeOwn,
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: t('Who said {0}?', quoted(p.text.slice(p.args.start, p.args.end), 30)),
    });
    if (!picked) return undefined;
    if (picked === typeOwn) {
      name = (
        await vscode.window.showInputBox({
          title: t('Name of the speaker'),
          validateInput: (v) => (v.trim() ? undefined : t('Type a name')),
        })
      )?.trim();
      if (!name) return undefined;
    } else {
      entity = picked.entity;
      name = entity!.name;
    }
  }
  const mention = entity?.mentions[0];
  const speaker = { name, ...(mention ? { entity: targetFromSpan(p.text, mention) } : {}) };
  return edit(deps, p, { action: 'speaker', speaker }, t('speaker of a quote set to {0}', quoted(name)));
}

/** Runs the correction `id` (see CorrectionActionId) with the command's arguments. */
async function correct(
  deps: CorrectionDeps,
  id: CorrectionActionId,
  args?: CorrectionCommandArgs,
): Promise<ArticleAnalysis | undefined> {
  const p = await placeFor(deps, id, args);
  if (!p) return undefined;
  const a = p.args;
  const exact = quoted(p.text.slice(a.start, a.end));
  switch (id) {
    case 'notEntity': {
      const whole = a.wholeEntity && a.kind !== 'date' ? entityOf(p.a, a) : undefined;
      if (whole && whole.mentions.length > 1) {
        const changes: CorrectionChange[] = whole.mentions.map((m) => {
          const entry = { file: p.file, target: targetFromSpan(p.text, m), action: 'remove' as const, at: now() };
          return { op: 'put', list: 'edits', entry: withId('edits', entry) };
        });
        return save(deps, p.doc, changes, t('{0} is not an entity', quoted(whole.name)));
      }
      return a.kind === 'date'
        ? edit(deps, p, { action: 'remove', kind: 'date' }, t('{0} is not a date', exact))
        : edit(deps, p, { action: 'remove' }, t('{0} is not an entity here', exact));
    }
    case 'retype':
    case 'markEntity': {
      const type = a.type ?? (await pickType(id === 'retype' ? entityOf(p.a, a)?.type : undefined));
      if (!type) return undefined;
      const label = t('Type of {0}: {1}', exact, LAYER_INFO[type].label(t));
      return edit(deps, p, { action: id === 'retype' ? 'retype' : 'add', type }, label);
    }
    case 'fixBoundaries': {
      if (!a.span) return undefined;
      const type = entityOf(p.a, a)?.type;
      const label = t('Change {0} to {1}', exact, quoted(p.text.slice(a.span.start, a.span.end)));
      return edit(deps, p, { action: 'span', span: targetFromSpan(p.text, a.span), ...(type ? { type } : {}) }, label);
    }
    case 'ruleAlways': {
      const type = a.type ?? (await pickType());
      return type ? rule(deps, p, type, a) : undefined;
    }
    case 'ruleNever':
      return rule(deps, p, null, a);
    case 'merge': {
      const self = entityOf(p.a, a);
      if (!self) return undefined;
      const others = p.a.entities.filter((e) => e.id !== self.id);
      let into = a.into !== undefined ? others.find((e) => e.name === a.into) : undefined;
      if (a.into === undefined) {
        const picked = await vscode.window.showQuickPick(
          others.map((e) => ({ label: plainText(e.name, 80), description: LAYER_INFO[e.type].label(t), entity: e })),
          { title: t('Merge {0} with…', quoted(self.name)) },
        );
        into = picked?.entity;
      }
      if (!into) return undefined;
      const target = targetFromSpan(p.text, into.mentions[0]);
      return edit(
        deps,
        p,
        { action: 'merge', into: target },
        t('{0} and {1} merged', quoted(self.name), quoted(into.name)),
      );
    }
    case 'split':
      return edit(deps, p, { action: 'split' }, t('{0} made its own entity', exact));
    case 'rename': {
      const self = entityOf(p.a, a);
      const name =
        a.name ??
        (await vscode.window.showInputBox({
          title: t('New name for {0}', quoted(self?.name ?? '')),
          value: self?.name,
          validateInput: (v) => (v.trim() ? undefined : t('Type a name')),
        }));
      if (!name?.trim()) return undefined;
      return edit(
        deps,
        p,
        { action: 'rename', name: name.trim() },
        t('{0} renamed to {1}', quoted(self?.name ?? ''), quoted(name.trim())),
      );
    }
    case 'setSpeaker':
      return setSpeaker(deps, p, a);
    case 'clearSpeaker':
      return edit(deps, p, { action: 'speaker', speaker: null }, t('speaker of a quote cleared'));
    case 'notQuote':
      return edit(deps, p, { action: 'notQuote' }, t('{0} is not a quote', exact));
    case 'scare': {
      const q = p.a.quotes.find((x) => x.start === a.start && x.end === a.end);
      const scare = a.scare ?? !q?.scare;
      return edit(
        deps,
        p,
        { action: 'scare', scare },
        scare ? t('{0} is a scare quote', exact) : t('{0} is a quote, not a scare quote', exact),
      );
    }
    case 'setDate': {
      const current = p.a.dates.find((d) => d.start === a.start && d.end === a.end)?.value ?? '';
      const value =
        a.value ??
        (await vscode.window.showInputBox({
          title: t('Date of {0} (YYYY-MM-DD)', exact),
          value: current,
          placeHolder: 'YYYY-MM-DD',
          validateInput: (v) => (ISO_DATE.test(v.trim()) ? undefined : t('Use the form YYYY-MM-DD')),
        }));
      if (value === undefined) return undefined;
      if (!ISO_DATE.test(value.trim()) || !isDateValue(value.trim())) {
        void deps.notifier.error(t('Use the form YYYY-MM-DD'));
        return undefined;
      }
      return edit(deps, p, { action: 'date', value: value.trim() }, t('date of {0} set to {1}', exact, value.trim()));
    }
    case 'referenceDate': {
      const value = a.value ?? p.a.dates.find((d) => d.start === a.start && d.end === a.end)?.value ?? undefined;
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
      const label = t("{0} used as the article's reference date", exact);
      if (await deps.corrections.setReferenceDate(p.doc.uri, value, label, targetFromSpan(p.text, a))) return undefined;
      return deps.analyses.whenAnalyzed(p.doc.uri);
    }
    case 'verify':
      return edit(deps, p, { action: 'verify', ...(a.kind ? { kind: a.kind } : {}) }, t('{0} verified', exact));
  }
}

/** Undo / Redo Last Correction: tells which correction was undone (or that there is none). */
async function undoRedo(deps: CorrectionDeps, which: 'undo' | 'redo'): Promise<string | undefined> {
  const label = which === 'undo' ? await deps.corrections.undo() : await deps.corrections.redo();
  if (label === undefined) {
    void vscode.window.setStatusBarMessage(
      which === 'undo' ? t('Article Lens: no correction to undo') : t('Article Lens: no correction to redo'),
      3000,
    );
    return undefined;
  }
  void vscode.window.setStatusBarMessage(
    which === 'undo' ? t('Article Lens: undone: {0}', label) : t('Article Lens: redone: {0}', label),
    3000,
  );
  const doc = deps.current.document();
  if (doc) await deps.analyses.whenAnalyzed(doc.uri);
  return label;
}

/** Remove Orphaned Corrections: of the current article (or `uri`), or only the one with `id`. Returns how many. */
async function removeOrphans(deps: CorrectionDeps, args?: { uri?: string; id?: string }): Promise<number> {
  const doc = args?.uri
    ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri, true))
    : deps.current.document();
  if (!doc) return 0;
  const a = deps.analyses.get(doc) ?? (await deps.analyses.whenAnalyzed(doc.uri));
  const orphans = (a?.corrections?.orphaned ?? []).filter((o) => args?.id === undefined || o.id === args.id);
  if (!orphans.length) {
    void deps.notifier.info(t('Article Lens: this article has no orphaned corrections.'));
    return 0;
  }
  const changes: CorrectionChange[] = [...new Set(orphans.map((o) => o.id))].map((id) => ({ op: 'delete', id }));
  const label = t('{0} orphaned corrections removed', changes.length);
  if (await deps.corrections.record(doc.uri, changes, label)) return 0;
  await deps.analyses.whenAnalyzed(doc.uri);
  return changes.length;
}

/** Registers the code action provider and the correction commands. Called from extension.ts. */
export function registerCorrections(deps: CorrectionDeps): vscode.Disposable {
  const on = (id: CorrectionActionId) => (d: CorrectionDeps, args?: CorrectionCommandArgs) => correct(d, id, args);
  const handlers = {
    [CorrectionCommands.notEntity]: on('notEntity'),
    [CorrectionCommands.retype]: on('retype'),
    [CorrectionCommands.fixBoundaries]: on('fixBoundaries'),
    [CorrectionCommands.markEntity]: on('markEntity'),
    [CorrectionCommands.ruleAlways]: on('ruleAlways'),
    [CorrectionCommands.ruleNever]: on('ruleNever'),
    [CorrectionCommands.merge]: on('merge'),
    [CorrectionCommands.split]: on('split'),
    [CorrectionCommands.rename]: on('rename'),
    [CorrectionCommands.setSpeaker]: on('setSpeaker'),
    [CorrectionCommands.clearSpeaker]: on('clearSpeaker'),
    [CorrectionCommands.notQuote]: on('notQuote'),
    [CorrectionCommands.scare]: on('scare'),
    [CorrectionCommands.setDate]: on('setDate'),
    [CorrectionCommands.referenceDate]: on('referenceDate'),
    [CorrectionCommands.verify]: on('verify'),
    [CorrectionCommands.undo]: (d: CorrectionDeps) => undoRedo(d, 'undo'),
    [CorrectionCommands.redo]: (d: CorrectionDeps) => undoRedo(d, 'redo'),
    [CorrectionCommands.removeOrphans]: removeOrphans,
  } as const satisfies Record<CorrectionCommandId, (d: CorrectionDeps, ...args: never[]) => unknown>;
  return vscode.Disposable.from(
    registerCommandHandlers(handlers, deps),
    vscode.languages.registerCodeActionsProvider(ARTICLE_DOCUMENTS, new CorrectionActionProvider(deps), {
      providedCodeActionKinds: CorrectionActionProvider.kinds,
    }),
  );
}
