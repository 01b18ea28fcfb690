import type { ArticleAnalysis } from '../core/types';

/** Version of the CLI's JSON output. Bump on breaking changes. */
export const JSON_VERSION = 1;

/** One document of `article-lens analyze --json`, in the documented shape (plus extra fields). */
export function toJsonDocument(file: string, a: ArticleAnalysis): Record<string, unknown> {
  return {
    file,
    language: a.language,
    referenceDate: a.referenceDate ? a.referenceDate.value : null,
    referenceDateSource: a.referenceDate ? a.referenceDate.source : null,
    entitiesSupported: a.entitiesSupported,
    notes: a.notes,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    figures: a.figures.map((f) => ({ start: f.start, end: f.end, text: f.text, value: f.value, unit: f.unit, kind: f.kind })),
    dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, kind: d.kind, value: d.value, resolvedFrom: d.resolvedFrom })),
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      scare: q.scare,
      speaker: q.speaker
        ? { name: q.speaker.name, entityId: q.speaker.entityId, start: q.speaker.start, end: q.speaker.end, via: q.speaker.via }
        : null,
      outer: q.outer,
      mark: q.mark,
    })),
  };
}
