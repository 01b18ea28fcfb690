/**
 * Corrections of entities: dictionary rules first, then the article's entity edits in time order (so an edit wins
 * over a rule, and a later edit over an earlier one), then canonical names and ids. Works on a copy; the entities
 * given are not changed.
 *
 * - A rule that a text is never an entity removes the mentions equal to its occurrences and cuts it off the edges of
 *   longer ones ("Etat John Kerry" → "John Kerry"); a mention with it in the middle is dropped (the tagger, under
 *   the same rule, could not have produced it).
 * - A typed rule makes each occurrence one mention of that type, replacing mentions inside it or crossing it
 *   ("Haye" → "La Haye"); a longer name containing it is left alone ("Cour de La Haye" stays an organization).
 *   Occurrences join an entity of that type with that name, or one new entity per rule.
 * - remove / verify / split take the mention with exactly the target's boundaries (a mention with other boundaries
 *   is another annotation); merge and rename, which designate an entity, accept the mention overlapping the target
 *   most; retype changes the whole entity of the mention (an entity has one type: split a mention out first to
 *   retype it alone) and adds the mention when the analysis lacks it; add removes the mentions it overlaps.
 * - The whole sequence runs again on its result until nothing changes: an edit that finds no entity to act on may
 *   find it made by a later edit; it is orphaned only if the last pass still finds nothing.
 * - Entities that lose every mention disappear; ids are renumbered e1, e2… in order of first mention; canonical names
 *   of changed entities are chosen as the tagger chooses them (the fullest form) unless renamed.
 */
import { foldKey } from '../text';
import type { CorrectionTrace, Entity, EntityType, Mention, Span } from '../types';
import {
  addTrace,
  anchor,
  locate,
  orphan,
  outcome,
  overlap,
  sameSpan,
  traceOf,
  untilStable,
  type CorrectionContext,
} from './context';
import { isWordChar } from './foldedText';
import type { EditCorrection, RuleCorrection } from './model';
import { findRuleOccurrences } from './ruleMatches';

interface WorkMention extends Span {
  source: 'auto' | 'reader';
  traces: CorrectionTrace[];
  owner: WorkEntity;
  removed: boolean;
}

interface WorkEntity {
  origId: string | null;
  seq: number;
  type: EntityType;
  mentions: WorkMention[];
  name: string;
  aliases: string[];
  pinned: string | null;
  /** Mentions or name changed: the canonical name is chosen again. */
  reshaped: boolean;
  source: 'auto' | 'reader';
  verified: boolean;
  traces: CorrectionTrace[];
  mergedInto: WorkEntity | null;
  /** The mentions it came with (an entity of the analysis). */
  original: Span[];
}

/** What entity corrections give the next steps. */
export interface CorrectedEntities {
  entities: Entity[];
  /** Id of each entity given → its id now (a merged entity → the one it joined), or null when it is gone. */
  idMap: Map<string, string | null>;
  /** Ids of `verify` edits handled here (the others are for quotes, dates and figures). */
  handled: Set<string>;
}

const ENTITY_ACTIONS = new Set(['remove', 'retype', 'span', 'add', 'merge', 'split', 'rename', 'verify']);

/** Whether an edit is (possibly) about an entity. */
export function isEntityEdit(e: EditCorrection): boolean {
  if (!ENTITY_ACTIONS.has(e.action)) return false;
  if (e.action === 'remove') return (e.kind ?? 'entity') === 'entity';
  if (e.action === 'verify') return (e.kind ?? 'entity') === 'entity';
  return true;
}

class EntityWork {
  readonly all: WorkEntity[] = [];
  private seq = 0;

  constructor(
    readonly ctx: CorrectionContext,
    entities: readonly Entity[],
  ) {
    for (const e of entities) {
      const we = this.entity(e.type, e.name, e.id, e.source ?? 'auto');
      we.aliases = [...e.aliases];
      we.verified = e.verified ?? false;
      we.traces = [...(e.corrections ?? [])];
      for (const m of e.mentions) {
        if (!(m.start >= 0 && m.end <= ctx.text.length && m.start < m.end)) continue;
        we.mentions.push({
          start: m.start,
          end: m.end,
          source: m.source ?? 'auto',
          traces: [...(m.corrections ?? [])],
          owner: we,
          removed: false,
        });
        we.original.push({ start: m.start, end: m.end });
      }
    }
  }

  entity(type: EntityType, name: string, origId: string | null, source: 'auto' | 'reader'): WorkEntity {
    const we: WorkEntity = {
      origId,
      seq: this.seq++,
      type,
      mentions: [],
      name,
      aliases: [],
      pinned: null,
      reshaped: false,
      source,
      verified: false,
      traces: [],
      mergedInto: null,
      original: [],
    };
    this.all.push(we);
    return we;
  }

  *mentions(): Generator<WorkMention> {
    for (const e of this.all) if (!e.mergedInto) for (const m of e.mentions) yield m;
  }

  exact(span: Span): WorkMention | undefined {
    for (const m of this.mentions()) if (sameSpan(m, span)) return m;
    return undefined;
  }

  /** The mention with exactly these boundaries, else the one overlapping them most. */
  overlapping(span: Span): WorkMention | undefined {
    let best: WorkMention | undefined;
    let most = 0;
    for (const m of this.mentions()) {
      if (sameSpan(m, span)) return m;
      const o = overlap(m, span);
      if (o > most) {
        best = m;
        most = o;
      }
    }
    return best;
  }

  remove(m: WorkMention): void {
    m.removed = true;
    m.owner.mentions = m.owner.mentions.filter((x) => x !== m);
    m.owner.reshaped = true;
  }

  /** Removes every mention overlapping `span` except `keep`. */
  clear(span: Span, keep?: WorkMention): number {
    let n = 0;
    for (const m of [...this.mentions()]) {
      if (m !== keep && overlap(m, span) > 0) {
        this.remove(m);
        n++;
      }
    }
    return n;
  }

  move(m: WorkMention, to: WorkEntity): void {
    if (m.owner === to) return;
    m.owner.mentions = m.owner.mentions.filter((x) => x !== m);
    m.owner.reshaped = true;
    m.owner = to;
    to.mentions.push(m);
    to.reshaped = true;
  }

  add(to: WorkEntity, span: Span, t: CorrectionTrace): WorkMention {
    const m: WorkMention = {
      start: span.start,
      end: span.end,
      source: 'reader',
      traces: [t],
      owner: to,
      removed: false,
    };
    to.mentions.push(m);
    to.reshaped = true;
    return m;
  }

  /** A live entity of `type` named `surface` (by name or alias), or a new one. */
  named(type: EntityType, surface: string): WorkEntity {
    const key = foldKey(surface);
    for (const e of this.all) {
      if (e.mergedInto || e.type !== type || e.mentions.length === 0) continue;
      if (
        foldKey(e.pinned ?? e.name) === key ||
        e.aliases.some((a) => foldKey(a) === key) ||
        e.mentions.some((m) => foldKey(this.ctx.text.slice(m.start, m.end)) === key)
      )
        return e;
    }
    return this.entity(type, surface, null, 'reader');
  }

  root(e: WorkEntity): WorkEntity {
    while (e.mergedInto) e = e.mergedInto;
    return e;
  }
}

function touch(e: WorkEntity, t: CorrectionTrace, verified = true): void {
  e.source = 'reader';
  addTrace(e.traces, t);
  if (verified) e.verified = true;
}

function touchMention(m: WorkMention, t: CorrectionTrace): void {
  m.source = 'reader';
  addTrace(m.traces, t);
}

// ------------------------------------------------------------------------------------------------------- rules

/** A mention's span with `cut` taken off one edge, trimmed to whole name words; null when nothing is left. */
function cutOff(text: string, m: Span, cut: Span): Span | null {
  let start = m.start;
  let end = m.end;
  if (cut.start <= start) start = cut.end;
  else if (cut.end >= end) end = cut.start;
  else return null;
  // Not a letter or digit at the edges, and no lower-case function word left hanging ("Bank of", "de La").
  for (;;) {
    while (start < end && !isWordChar(text[start])) start++;
    while (end > start && !isWordChar(text[end - 1]) && text[end - 1] !== '.') end--;
    const head = /^[\p{Ll}]+(?=[\s'’]|$)/u.exec(text.slice(start, end));
    if (head && head[0].length < end - start) {
      start += head[0].length;
      continue;
    }
    const tail = /(?<=[\s'’]|^)[\p{Ll}]+$/u.exec(text.slice(start, end));
    if (tail && tail[0].length < end - start) {
      end -= tail[0].length;
      continue;
    }
    break;
  }
  return end > start && /[\p{Lu}\p{Lt}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}

function applyRules(w: EntityWork, rules: readonly RuleCorrection[]): void {
  const ctx = w.ctx;
  const occurrences = findRuleOccurrences(ctx.ft, rules);
  const counts = new Map<string, { rule: RuleCorrection; n: number }>();
  for (const r of rules) counts.set(r.id, { rule: r, n: 0 });
  const ruleEntity = new Map<string, WorkEntity>();
  for (const occ of occurrences) {
    const rule = occ.rule;
    const stat = counts.get(rule.id)!;
    stat.n++;
    const t = traceOf(rule, 'rule');
    const over = [...w.mentions()].filter((m) => overlap(m, occ) > 0);
    if (rule.type === null) {
      for (const m of over) {
        const rest = sameSpan(m, occ) ? null : cutOff(ctx.text, m, occ);
        if (!rest) w.remove(m);
        else {
          m.start = rest.start;
          m.end = rest.end;
          touchMention(m, t);
          m.owner.reshaped = true;
          touch(m.owner, t, false);
        }
      }
      continue;
    }
    const type = rule.type;
    const same = over.find((m) => sameSpan(m, occ));
    if (same) {
      if (same.owner.type === type) continue;
      const owner = same.owner;
      const surface = foldKey(ctx.text.slice(occ.start, occ.end));
      // An entity made only of this name changes type as a whole; otherwise the mention leaves it.
      if (owner.mentions.every((m) => foldKey(ctx.text.slice(m.start, m.end)) === surface)) {
        owner.type = type;
        touch(owner, t, false);
        ruleEntity.set(rule.id, owner);
      } else {
        const to = ruleEntity.get(rule.id) ?? w.named(type, ctx.text.slice(occ.start, occ.end));
        ruleEntity.set(rule.id, to);
        w.move(same, to);
        touchMention(same, t);
        touch(to, t, false);
      }
      continue;
    }
    if (over.some((m) => m.start <= occ.start && m.end >= occ.end)) continue; // inside a longer name
    for (const m of over) w.remove(m);
    let to = ruleEntity.get(rule.id);
    if (!to || to.mergedInto || to.type !== type) to = w.named(type, ctx.text.slice(occ.start, occ.end));
    ruleEntity.set(rule.id, to);
    w.add(to, occ, t);
    if (to.origId === null) to.source = 'reader';
    touch(to, t, false);
  }
  // A rule that occurs has done its work, here or already in the tagger (which saw it as a constraint).
  for (const { rule, n } of counts.values()) {
    ctx.applied.push({ id: rule.id, action: 'rule', status: n > 0 ? 'applied' : 'unchanged', occurrences: n });
  }
}

// ------------------------------------------------------------------------------------------------------- edits

function applyEdit(w: EntityWork, e: EditCorrection, handled: Set<string>): void {
  const ctx = w.ctx;
  if (e.action === 'referenceDate') return;
  const span = e.action === 'verify' && e.kind === undefined ? anchorSpan(ctx, e) : locate(ctx, e, e.target);
  if (!span) {
    // A verify of unknown kind that does not anchor is reported once, by the step for the other kinds.
    return;
  }
  const t = traceOf(e, e.action);
  const text = (s: Span): string => ctx.text.slice(s.start, s.end);
  switch (e.action) {
    case 'remove': {
      const m = w.exact(span);
      if (!m) return outcome(ctx, e, 'unchanged', span);
      w.remove(m);
      touch(m.owner, t, false);
      return outcome(ctx, e, 'applied', span);
    }
    case 'retype':
    case 'add': {
      const m = w.exact(span);
      if (m && m.owner.type === e.type) return outcome(ctx, e, 'unchanged', span);
      if (m && e.action === 'retype') {
        m.owner.type = e.type;
        touch(m.owner, t);
        return outcome(ctx, e, 'applied', span);
      }
      if (m) {
        w.move(m, w.named(e.type, text(span)));
        touchMention(m, t);
        touch(m.owner, t);
        return outcome(ctx, e, 'applied', span);
      }
      w.clear(span);
      const to = w.named(e.type, text(span));
      w.add(to, span, t);
      touch(to, t);
      return outcome(ctx, e, 'applied', span);
    }
    case 'span': {
      const r = anchor(ctx, e.span, { within: span });
      if (!r.ok) {
        orphan(
          ctx,
          e,
          r.reason === 'notFound' && anchor(ctx, e.span).ok ? 'invalid' : r.reason,
          `the new boundaries ${JSON.stringify(e.span.exact)} are not found around ${JSON.stringify(e.target.exact)}`,
          e.target.exact,
        );
        return;
      }
      const to: Span = { start: r.start, end: r.end };
      const already = w.exact(to);
      if (already) {
        w.clear(to, already);
        return outcome(ctx, e, 'unchanged', to);
      }
      const m = w.exact(span) ?? w.overlapping(span);
      if (!m) {
        if (!e.type) {
          orphan(
            ctx,
            e,
            'noAnnotation',
            `no entity at ${JSON.stringify(e.target.exact)} to give new boundaries`,
            e.target.exact,
          );
          return;
        }
        w.clear(to);
        const owner = w.named(e.type, text(to));
        w.add(owner, to, t);
        touch(owner, t);
        return outcome(ctx, e, 'applied', to);
      }
      w.clear(to, m);
      m.start = to.start;
      m.end = to.end;
      m.owner.reshaped = true;
      touchMention(m, t);
      touch(m.owner, t);
      return outcome(ctx, e, 'applied', to);
    }
    case 'merge': {
      const m = w.overlapping(span);
      const into = locate(ctx, e, e.into);
      if (!into) return;
      const n = w.overlapping(into);
      if (!m || !n) {
        orphan(
          ctx,
          e,
          'noAnnotation',
          `no entity at ${JSON.stringify((m ? e.into : e.target).exact)} to merge`,
          e.target.exact,
        );
        return;
      }
      const a = w.root(m.owner);
      const b = w.root(n.owner);
      if (a === b) return outcome(ctx, e, 'unchanged', span);
      for (const x of [...a.mentions]) w.move(x, b);
      a.mergedInto = b;
      b.verified ||= a.verified;
      for (const x of a.traces) addTrace(b.traces, x);
      touch(b, t);
      return outcome(ctx, e, 'applied', span);
    }
    case 'split': {
      const m = w.exact(span);
      if (!m) {
        orphan(
          ctx,
          e,
          'noAnnotation',
          `no entity mention ${JSON.stringify(e.target.exact)} to split out`,
          e.target.exact,
        );
        return;
      }
      const type = e.type ?? m.owner.type;
      if (m.owner.mentions.length === 1) {
        if (m.owner.type === type) return outcome(ctx, e, 'unchanged', span);
        m.owner.type = type;
        touch(m.owner, t);
        return outcome(ctx, e, 'applied', span);
      }
      const alone = w.entity(type, text(span), null, 'reader');
      w.move(m, alone);
      touchMention(m, t);
      touch(alone, t);
      return outcome(ctx, e, 'applied', span);
    }
    case 'rename': {
      const m = w.overlapping(span);
      if (!m) {
        orphan(ctx, e, 'noAnnotation', `no entity at ${JSON.stringify(e.target.exact)} to rename`, e.target.exact);
        return;
      }
      const owner = w.root(m.owner);
      if ((owner.pinned ?? owner.name) === e.name) return outcome(ctx, e, 'unchanged', span);
      owner.pinned = e.name;
      owner.reshaped = true;
      touch(owner, t);
      return outcome(ctx, e, 'applied', span);
    }
    case 'verify': {
      const m = w.exact(span);
      if (!m) {
        if (e.kind === 'entity')
          orphan(
            ctx,
            e,
            'noAnnotation',
            `no entity ${JSON.stringify(e.target.exact)} to mark as checked`,
            e.target.exact,
          );
        return; // another kind, or reported by the step for them
      }
      handled.add(e.id);
      const owner = w.root(m.owner);
      addTrace(owner.traces, t);
      if (owner.verified) return outcome(ctx, e, 'unchanged', span);
      owner.verified = true;
      return outcome(ctx, e, 'applied', span);
    }
    default:
      return;
  }
}

/** A verify of unspecified kind anchors quietly: the step for quotes, dates and figures reports a failure. */
function anchorSpan(ctx: CorrectionContext, e: EditCorrection & { target: { exact: string } }): Span | null {
  const r = anchor(ctx, e.target);
  return r.ok ? { start: r.start, end: r.end } : null;
}

// ---------------------------------------------------------------------------------------------------- finalize

function nonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) n++;
  return n;
}

/** Forms of the mentions, fullest first (the tagger's choice: longest, most frequent, most accented). */
function forms(text: string, mentions: readonly Span[]): string[] {
  const count = new Map<string, number>();
  for (const m of mentions) {
    const f = text.slice(m.start, m.end);
    count.set(f, (count.get(f) ?? 0) + 1);
  }
  return [...count.entries()]
    .sort((a, b) => b[0].length - a[0].length || b[1] - a[1] || nonAscii(b[0]) - nonAscii(a[0]))
    .map((x) => x[0]);
}

function finalize(w: EntityWork): { entities: Entity[]; idMap: Map<string, string | null> } {
  const text = w.ctx.text;
  const live = w.all.filter((e) => !e.mergedInto && e.mentions.length > 0);
  // No two mentions may overlap (a rule and an edit, or two edits, may both claim a span): the later-made one wins.
  const claimed: WorkMention[] = [];
  for (const e of live) for (const m of e.mentions) claimed.push(m);
  claimed.sort((a, b) => a.start - b.start || b.end - a.end);
  let last: WorkMention | undefined;
  for (const m of claimed) {
    if (last && m.start < last.end) {
      const loser = m.source === 'reader' && last.source !== 'reader' ? last : m;
      loser.owner.mentions = loser.owner.mentions.filter((x) => x !== loser);
      if (loser === last) last = m;
      continue;
    }
    last = m;
  }
  const kept = live.filter((e) => e.mentions.length > 0);
  for (const e of kept) e.mentions.sort((a, b) => a.start - b.start);
  kept.sort((a, b) => a.mentions[0].start - b.mentions[0].start || a.seq - b.seq);
  const newId = new Map<WorkEntity, string>();
  kept.forEach((e, i) => newId.set(e, `e${i + 1}`));
  const entities = kept.map((e): Entity => {
    let name = e.name;
    let aliases = e.aliases;
    if (e.reshaped) {
      const f = forms(text, e.mentions);
      name = e.pinned ?? f[0];
      aliases = f.filter((x) => x !== name);
    }
    const out: Entity = {
      id: newId.get(e)!,
      type: e.type,
      name,
      aliases,
      mentions: e.mentions.map((m): Mention => {
        const mention: Mention = {
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          source: m.source,
          verified: e.verified,
        };
        if (m.traces.length) mention.corrections = m.traces;
        return mention;
      }),
      source: e.source,
      verified: e.verified,
    };
    if (e.traces.length) out.corrections = e.traces;
    return out;
  });
  // An entity whose mentions all went maps to the entity now at one of them (its words were re-annotated).
  const idMap = new Map<string, string | null>();
  for (const e of w.all) {
    if (e.origId === null) continue;
    let to = newId.get(w.root(e));
    if (to === undefined) {
      const heir = kept.find((k) => k.mentions.some((m) => e.original.some((o) => overlap(m, o) > 0)));
      to = heir ? newId.get(heir) : undefined;
    }
    idMap.set(e.origId, to ?? null);
  }
  return { entities, idMap };
}

/** One pass: the rules, then the entity edits in order. */
function onePass(
  ctx: CorrectionContext,
  entities: readonly Entity[],
  rules: readonly RuleCorrection[],
  edits: readonly EditCorrection[],
): CorrectedEntities {
  const w = new EntityWork(ctx, entities);
  if (rules.length) applyRules(w, rules);
  const handled = new Set<string>();
  for (const e of edits) if (isEntityEdit(e)) applyEdit(w, e, handled);
  return { ...finalize(w), handled };
}

/**
 * Applies the rules and the entity edits (in apply order) to `entities`, again on the result until nothing changes
 * (see `untilStable`).
 */
export function correctEntities(
  ctx: CorrectionContext,
  entities: readonly Entity[],
  rules: readonly RuleCorrection[],
  edits: readonly EditCorrection[],
): CorrectedEntities {
  let idMap = new Map<string, string | null>(entities.map((e) => [e.id, e.id]));
  let handled = new Set<string>();
  const out = untilStable(ctx, entities as Entity[], (current) => {
    const r = onePass(ctx, current, rules, edits);
    const composed = new Map<string, string | null>();
    for (const [orig, mid] of idMap) composed.set(orig, mid === null ? null : (r.idMap.get(mid) ?? null));
    idMap = composed;
    handled = r.handled;
    return r.entities;
  });
  return { entities: out, idMap, handled };
}
