/**
 * Which corrections the reader can make where the cursor or the selection is: the light bulb's entries (and the
 * palette commands' choice of annotation). Pure: the text, its analysis and a selection in, a list of actions out,
 * each with its title (article text in it through `plainText`: a title renders `$(icon)` syntax) and the span it acts
 * on. Used by src/features/corrections.ts; unit-tested in test/unit/correctionActions.test.ts.
 */
import { ENTITY_KINDS, LAYER_INFO, type Translate } from '../core/kinds';
import type { ArticleAnalysis, DateMention, Entity, EntityType, Mention, Quote, Span } from '../core/types';
import { plainText } from './plainText';
import { entityMentionAt, smallestAt, spanContains } from './spans';

/** What a correction action does (each is also a palette command acting at the cursor). */
export type CorrectionActionId =
  | 'notEntity'
  | 'retype'
  | 'fixBoundaries'
  | 'markEntity'
  | 'ruleAlways'
  | 'ruleNever'
  | 'merge'
  | 'split'
  | 'rename'
  | 'setSpeaker'
  | 'clearSpeaker'
  | 'notQuote'
  | 'scare'
  | 'setDate'
  | 'referenceDate'
  | 'verify';

/** Where an action acts, and the choice it carries when the light bulb already knows it. */
export interface CorrectionArgs {
  /** The annotation (or selection) it acts on. */
  start: number;
  end: number;
  type?: EntityType;
  /** New boundaries (fix boundaries). */
  span?: Span;
  /** Scare quote or not. */
  scare?: boolean;
  /** What the verify action marks. */
  kind?: 'entity' | 'quote' | 'date' | 'figure';
}

export interface CorrectionAction {
  id: CorrectionActionId;
  title: string;
  args: CorrectionArgs;
  /** The most likely fix (shown first, `isPreferred`). */
  preferred?: boolean;
}

/** Article text in a title: one line, no icon syntax, short. */
export function quoted(text: string, max = 40): string {
  return `“${plainText(text, max)}”`;
}

const WORD_BEFORE = /([\p{Lu}][\p{L}\p{M}'’-]*)[ \u00a0]$/u;
const WORD_AFTER = /^[ \u00a0]([\p{Lu}][\p{L}\p{M}'’-]*)/u;
/** Capitalised words taken on each side at most (a name is rarely longer). */
const MAX_WIDEN_WORDS = 3;

/**
 * `span` widened over the capitalised words right next to it on the same line ("Paz" → "La Paz", "Haye" → "La
 * Haye", "Chris" → "Chris Murphy"), or undefined when there are none.
 */
export function widenToCapitalised(text: string, span: Span): Span | undefined {
  let { start, end } = span;
  for (let i = 0; i < MAX_WIDEN_WORDS; i++) {
    const m = WORD_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    if (!m) break;
    const from = start - m[0].length;
    // A sentence's first word is capitalised whatever it is: only take it when it is not the sentence start.
    if (
      /[.!?]\s*$/.test(text.slice(Math.max(0, from - 3), from)) &&
      !/^(La|Le|Les|El|Los|Las|De|Van|Von|Al)$/.test(m[1])
    )
      break;
    start = from;
  }
  for (let i = 0; i < MAX_WIDEN_WORDS; i++) {
    const m = WORD_AFTER.exec(text.slice(end, end + 40));
    if (!m) break;
    end += m[0].length;
  }
  return start === span.start && end === span.end ? undefined : { start, end };
}

/** The annotations at a selection (or at the cursor when it is empty). */
export interface AnnotationsAt {
  mention?: { entity: Entity; span: Mention };
  quote?: Quote;
  date?: DateMention;
  figure?: Mention;
}

export function annotationsAt(a: ArticleAnalysis, sel: Span): AnnotationsAt {
  const at = sel.start === sel.end ? sel.start : Math.floor((sel.start + sel.end) / 2);
  let mention: AnnotationsAt['mention'];
  if (sel.start === sel.end) {
    const found = entityMentionAt(a, at);
    mention = found && { entity: found.entity, span: found.span as Mention };
  } else {
    // A selection names the mention it overlaps most (the one whose boundaries it fixes).
    let best = 0;
    for (const entity of a.entities) {
      for (const m of entity.mentions) {
        const o = Math.min(m.end, sel.end) - Math.max(m.start, sel.start);
        if (o > best) [best, mention] = [o, { entity, span: m }];
      }
    }
  }
  const quote = a.quotes.find((q) => spanContains(q.outer ?? q, at));
  return { mention, quote, date: smallestAt(a.dates, at), figure: smallestAt(a.figures, at) };
}

/** Every correction that applies at `sel` of `text`, in the order the light bulb lists them. */
export function correctionActionsAt(text: string, a: ArticleAnalysis, sel: Span, t: Translate): CorrectionAction[] {
  const out: CorrectionAction[] = [];
  const here = annotationsAt(a, sel);
  const selected = sel.end > sel.start ? text.slice(sel.start, sel.end) : '';

  if (here.mention) {
    const { entity, span } = here.mention;
    const at = { start: span.start, end: span.end };
    const m = quoted(span.text);
    if (
      selected.trim() &&
      !(sel.start === span.start && sel.end === span.end) &&
      sel.start < span.end + 40 &&
      sel.end > span.start - 40
    ) {
      const to = { start: sel.start, end: sel.end };
      out.push({
        id: 'fixBoundaries',
        title: t('Change {0} to {1}', m, quoted(selected)),
        args: { ...at, span: to },
        preferred: true,
      });
    } else {
      const wider = widenToCapitalised(text, span);
      if (wider) {
        const title = t('Change {0} to {1}', m, quoted(text.slice(wider.start, wider.end)));
        out.push({ id: 'fixBoundaries', title, args: { ...at, span: wider }, preferred: true });
      }
    }
    out.push({ id: 'notEntity', title: t('{0} is not an entity here', m), args: at });
    for (const type of ENTITY_KINDS) {
      if (type !== entity.type)
        out.push({ id: 'retype', title: t('Type of {0}: {1}', m, LAYER_INFO[type].label(t)), args: { ...at, type } });
    }
    out.push({ id: 'ruleAlways', title: t('Always treat {0} as…', m), args: at });
    out.push({ id: 'ruleNever', title: t('{0} is never an entity…', m), args: at });
    if (a.entities.length > 1)
      out.push({ id: 'merge', title: t('Merge {0} with another entity…', quoted(entity.name)), args: at });
    if (entity.mentions.length > 1) out.push({ id: 'split', title: t('Make {0} here its own entity', m), args: at });
    out.push({ id: 'rename', title: t('Rename {0}…', quoted(entity.name)), args: at });
    if (!entity.verified)
      out.push({
        id: 'verify',
        title: t('Mark {0} as verified', quoted(entity.name)),
        args: { ...at, kind: 'entity' },
      });
  } else if (selected.trim()) {
    const at = { start: sel.start, end: sel.end };
    for (const type of ENTITY_KINDS) {
      out.push({
        id: 'markEntity',
        title: t('Mark {0} as an entity: {1}', quoted(selected), LAYER_INFO[type].label(t)),
        args: { ...at, type },
      });
    }
    out.push({ id: 'ruleAlways', title: t('Always treat {0} as…', quoted(selected)), args: at });
  }

  if (here.date) {
    const d = here.date;
    const at = { start: d.start, end: d.end };
    out.push({ id: 'setDate', title: t('Set the date of {0}…', quoted(d.text)), args: at });
    if (d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && a.referenceDate?.value !== d.value) {
      out.push({ id: 'referenceDate', title: t("Use {0} as the article's reference date", quoted(d.text)), args: at });
    }
    out.push({ id: 'notEntity', title: t('{0} is not a date', quoted(d.text)), args: { ...at, kind: 'date' } });
    if (!d.verified)
      out.push({
        id: 'verify',
        title: t('Mark the date {0} as verified', quoted(d.text)),
        args: { ...at, kind: 'date' },
      });
  } else if (here.figure && !here.mention) {
    const f = here.figure;
    const at = { start: f.start, end: f.end };
    if (!f.verified)
      out.push({
        id: 'verify',
        title: t('Mark the figure {0} as verified', quoted(f.text)),
        args: { ...at, kind: 'figure' },
      });
  }

  if (here.quote) {
    const q = here.quote;
    const at = { start: q.start, end: q.end };
    const qt = quoted(q.text, 30);
    out.push({ id: 'setSpeaker', title: t('Set who said {0}…', qt), args: at });
    if (q.speaker) out.push({ id: 'clearSpeaker', title: t('Nobody is named as saying {0}', qt), args: at });
    out.push({ id: 'notQuote', title: t('{0} is not a quote', qt), args: at });
    out.push({
      id: 'scare',
      title: q.scare ? t('{0} is a quote, not a scare quote', qt) : t('{0} is a scare quote', qt),
      args: { ...at, scare: !q.scare },
    });
    if (!q.verified)
      out.push({ id: 'verify', title: t('Mark the quote {0} as verified', qt), args: { ...at, kind: 'quote' } });
  }
  return out;
}
