/**
 * Reference-date eval on the TimeML sets: the date `findReferenceDate` takes from the article text against the
 * document creation time (DCT). The texts carry no datelines, so most articles rightly get none; what matters is that
 * a date the article recalls as history never becomes the reference (a "history" pick: more than 30 days off).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findReferenceDate } from '../../src/core/dates';
import type { Row } from './score';
import type { EvalContext, Section, SectionResult } from './section';
import { readTimeml } from './timeml';
import { packFor } from '../../src/core/lang/registry';

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86400000;
}

async function runReferenceDates(ctx: EvalContext): Promise<SectionResult> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  for (const [lang, dir, dataset] of [
    ['en', 'tempeval3-aquaint-en', 'TempEval-3 AQUAINT en'],
    ['fr', 'fr-timebank-even', 'French TimeBank (even half)'],
  ] as const) {
    let files = readdirSync(path.join(ctx.dataDir, dir, 'tml'))
      .filter((f) => f.endsWith('.tml') && !f.startsWith('.'))
      .sort();
    if (ctx.limit !== undefined) files = files.slice(0, ctx.limit);
    let found = 0;
    let exact = 0;
    let week = 0;
    const history: string[] = [];
    for (const f of files) {
      const doc = readTimeml(readFileSync(path.join(ctx.dataDir, dir, 'tml', f), 'utf8'), f);
      const dct = /^\d{4}-\d{2}-\d{2}/.exec(doc.dct ?? '')?.[0];
      const r = findReferenceDate(doc.text, packFor(lang));
      if (!r || !dct) continue;
      found++;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(r.value)) continue;
      const off = daysBetween(r.value, dct);
      if (off === 0) exact++;
      if (off <= 7) week++;
      if (off > 30) history.push(`${f} dct=${dct} ours=${r.value} ${JSON.stringify(r.span?.text ?? '')}`);
    }
    rows.push({
      task: 'reference date',
      dataset,
      system: 'article-lens',
      slice: 'from the text vs DCT',
      gold: files.length,
      pred: found,
      extra: { name: 'history picks', value: history.length, n: found },
      note:
        `${files.length} articles; a reference date found in ${found}: ${exact} = DCT, ${week} within 7 days, ` +
        `${history.length} more than 30 days off (a date of history taken as the article's date)`,
    });
    details[lang] = { files: files.length, found, exact, week, history };
  }
  return { rows, details };
}

export const referenceDates: Section = { name: 'reference-date', run: runReferenceDates };
