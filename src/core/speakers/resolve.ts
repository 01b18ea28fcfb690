import type { Entity, Quote } from '../types';
import type { GenderOf, SpeakerWords } from './candidates';
import { entityGender, speakerContext } from './candidates';

/**
 * Second look at the speakers the rules could only describe: a description ("the American president", "le
 * secrétaire d'Etat américain", "the company") goes to the entity the article introduced with those words ("Le
 * secrétaire d'Etat américain John Kerry", "President Donald Trump"), or else to the latest organization (for a
 * company word) before the quote; a he/she (il/elle) whose antecedent has the other gender goes to the latest person
 * of the right gender. Bounded: a few mentions per entity and a fixed look-back.
 */

export interface DescriptionWords {
  /** Head nouns that stand for an organization / a person. */
  orgNouns: ReadonlySet<string>;
  personNouns: ReadonlySet<string>;
  /** Determiners and other words that do not describe anyone ("the", "le", "of", "de"). */
  stopWords: ReadonlySet<string>;
}

const LOOK_BACK = 4000;
const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}-]*/gu;

function words(s: string): string[] {
  return (s.match(WORD_RE) ?? []).map((w) => w.toLowerCase());
}

/** The words just before each mention of `e` (its title or description: "secrétaire d'Etat américain"). */
function introWords(text: string, e: Entity): Set<string> {
  const out = new Set<string>();
  for (const m of e.mentions.slice(0, 12)) {
    for (const w of words(text.slice(Math.max(0, m.start - 48), m.start)).slice(-5)) out.add(w);
    // an apposition after the name ("John Kerry, the secretary of state,")
    const after = /^,\s+([^,.;]{3,60}),/u.exec(text.slice(m.end, m.end + 70));
    if (after) for (const w of words(after[1])) out.add(w);
  }
  return out;
}

function latestMentionBefore(e: Entity, pos: number): number {
  let best = -1;
  for (const m of e.mentions) if (m.end <= pos && m.start > best) best = m.start;
  return best;
}

export function resolveSpeakers(
  text: string,
  entities: readonly Entity[],
  quotes: readonly Quote[],
  dw: DescriptionWords,
  sw: SpeakerWords,
  genderOf: GenderOf,
): Quote[] {
  const people = entities.filter((e) => e.type === 'person');
  const orgs = entities.filter((e) => e.type === 'organization');
  const intros = new Map<string, Set<string>>();
  const introOf = (e: Entity): Set<string> => {
    let s = intros.get(e.id);
    if (!s) {
      s = introWords(text, e);
      intros.set(e.id, s);
    }
    return s;
  };
  const ctx = speakerContext(text, entities, quotes, [], [], sw, genderOf);
  const genders = new Map<string, 'm' | 'f' | undefined>();
  const genderOfEntity = (e: Entity): 'm' | 'f' | undefined => {
    if (!genders.has(e.id)) genders.set(e.id, entityGender(ctx, e));
    return genders.get(e.id);
  };
  /** The entity of `pool` mentioned last before `pos` (within the look-back) that passes `ok`. */
  const latest = (pool: readonly Entity[], pos: number, ok: (e: Entity) => boolean): Entity | null => {
    let best: Entity | null = null;
    let at = Math.max(-1, pos - LOOK_BACK);
    for (const e of pool) {
      const p = latestMentionBefore(e, pos);
      if (p > at && ok(e)) {
        best = e;
        at = p;
      }
    }
    return best;
  };
  return quotes.map((q) => {
    const sp = q.speaker;
    if (!sp || q.scare) return q;
    const pos = Math.min(sp.start, q.outer.start);
    if (sp.via === 'description') {
      const ws = words(text.slice(sp.start, sp.end)).filter((w) => !dw.stopWords.has(w));
      const head = ws.find((w) => dw.personNouns.has(w) || dw.orgNouns.has(w));
      if (!head) return q;
      if (dw.personNouns.has(head)) {
        // the person the article introduced with most of these words (the head noun among them)
        let best: Entity | null = null;
        let bestScore = 0;
        let bestAt = -1;
        for (const e of people) {
          const intro = introOf(e);
          if (!intro.has(head)) continue;
          const score = ws.filter((w) => intro.has(w)).length;
          const at = latestMentionBefore(e, pos);
          if (at < 0) continue;
          if (score > bestScore || (score === bestScore && at > bestAt)) {
            best = e;
            bestScore = score;
            bestAt = at;
          }
        }
        // most of the description's words, not just its head ("the American head of TikTok" is not "the head of Disney")
        if (best && bestScore < Math.max(1, ws.length - 1)) best = null;
        if (best && best.id !== sp.entityId) return { ...q, speaker: { ...sp, name: best.name, entityId: best.id } };
        return q;
      }
      if (!sp.entityId) {
        const e = latest(orgs, pos, () => true);
        if (e) return { ...q, speaker: { ...sp, name: e.name, entityId: e.id } };
      }
      return q;
    }
    if (sp.via === 'pronoun') {
      const pron = text.slice(sp.start, sp.end).toLowerCase();
      const want = sw.male.has(pron) ? 'm' : sw.female.has(pron) ? 'f' : undefined;
      if (!want) return q;
      const current = sp.entityId ? entities.find((e) => e.id === sp.entityId) : undefined;
      const g = current ? genderOfEntity(current) : undefined;
      if (current && (g === undefined || g === want)) return q;
      const e = latest(people, pos, (x) => genderOfEntity(x) === want);
      if (e) return { ...q, speaker: { ...sp, name: e.name, entityId: e.id } };
      return q;
    }
    return q;
  });
}
