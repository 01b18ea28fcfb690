/**
 * Cross-reference benchmark (printed by `npm run bench`; numbers for reading, never asserted):
 * - real text: cross-referencing one sample article against its story (`crossReference(docs, { focus })`, the
 *   editor's case) and the whole story, from cached analyses;
 * - generated: `summarize()` + `groupStories()` over 1,000 generated articles (stories of 1–4 versions sharing
 *   people, organizations, figures and dates; every article also names common countries), with the grouping's
 *   pairwise precision/recall against the generated truth.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import { crossReference, type CrossRefDoc } from '../../src/core/crossRef';
import { groupStories, summarize } from '../../src/core/stories';
import type { ArticleAnalysis, Entity } from '../../src/core/types';
import { scoreGrouping } from './groupingScore';
import { runIndexBench } from './indexBench';
import { rng, time } from './timing';

/** A generated article's analysis: its story's names/figures/dates (most of them) plus noise and common countries. */
function generatedAnalysis(story: number, rand: () => number, lang: 'en' | 'fr'): ArticleAnalysis {
  const entities: Entity[] = [];
  const add = (type: Entity['type'], name: string): void => {
    entities.push({
      id: `e${entities.length + 1}`,
      type,
      name,
      aliases: [],
      mentions: [{ start: 0, end: 1, text: 'x' }],
    });
  };
  const pick = (p: number): boolean => rand() < p;
  for (let k = 0; k < 3; k++) if (pick(0.8)) add('person', `Person${story}x${k} Surname${story}x${k}`);
  for (let k = 0; k < 3; k++) if (pick(0.8)) add('organization', `Company${story}x${k}`);
  if (pick(0.7)) add('place', `Town${story}`);
  // Noise shared across the collection: popular people/organizations and countries.
  for (let k = 0; k < 3; k++) add('organization', `Popular${Math.floor(rand() * 40)}`);
  for (const c of lang === 'en' ? ['United States', 'China', 'France'] : ['Etats-Unis', 'Chine', 'France'])
    if (pick(0.6)) add('place', c);
  const figures = [0, 1]
    .filter(() => pick(0.7))
    .map((k) => ({
      start: 0,
      end: 1,
      text: 'x',
      value: 1000 + story * 10 + k,
      unit: 'jobs',
      kind: 'count' as const,
    }));
  const dates = pick(0.7)
    ? [
        {
          start: 0,
          end: 1,
          text: 'x',
          kind: 'date' as const,
          value: `2020-${String(1 + (story % 12)).padStart(2, '0')}-${String(1 + (story % 28)).padStart(2, '0')}`,
          resolvedFrom: 'explicit' as const,
        },
      ]
    : [];
  return {
    language: lang,
    entitiesSupported: true,
    notes: [],
    referenceDate: null,
    entities,
    figures,
    dates,
    quotes: [],
    sentences: [],
    paragraphs: [],
  };
}

export function runXrefBench(root: string): void {
  const corpusDir = join(root, 'test/fixtures/corpus');
  const docs: CrossRefDoc[] = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      return { file, text, analysis: analyze(text) };
    });
  console.log('\n### Cross-references (median of 7 runs, analyses cached)\n');
  console.log('| case | time |');
  console.log('|---|---|');
  for (const d of docs) {
    const ms = time(() => crossReference(docs, { focus: d.file }), 7, true);
    console.log(`| one article vs its story: ${d.file} (${docs.length} versions) | ${ms.toFixed(1)} ms |`);
  }
  console.log(
    `| whole story (${docs.length} versions, all pairs) | ${time(() => crossReference(docs), 7, true).toFixed(1)} ms |`,
  );
  // Six versions (each sample twice under another name): one article against five others.
  const six = [...docs, ...docs.map((d) => ({ ...d, file: `copy-${d.file}` }))];
  console.log(
    `| one article vs a story of 6 versions | ${time(() => crossReference(six, { focus: six[0].file, oneStory: true }), 7, true).toFixed(1)} ms |`,
  );

  // Generated collection.
  const rand = rng(42);
  const analyses: Array<{ file: string; story: number; analysis: ArticleAnalysis }> = [];
  let story = 0;
  while (analyses.length < 1000) {
    const versions = 1 + Math.floor(rand() * 4);
    for (let v = 0; v < versions && analyses.length < 1000; v++) {
      analyses.push({
        file: `s${story}-v${v}.txt`,
        story,
        analysis: generatedAnalysis(story, rand, v % 2 ? 'fr' : 'en'),
      });
    }
    story++;
  }
  let summaries = analyses.map((a) => summarize(a.analysis, '', a.file));
  const tSum = time(
    () => {
      summaries = analyses.map((a) => summarize(a.analysis, '', a.file));
    },
    5,
    true,
  );
  let stories = groupStories(summaries);
  const tGroup = time(
    () => {
      stories = groupStories(summaries);
    },
    5,
    true,
  );
  // Pairwise precision/recall of the grouping against the generated stories.
  const grouping = scoreGrouping(stories, analyses);
  console.log(`| summarize() × 1,000 generated articles | ${tSum.toFixed(1)} ms |`);
  console.log(`| groupStories() over 1,000 summaries (inverted index) | ${tGroup.toFixed(1)} ms |`);
  console.log(
    `\nGenerated grouping: ${story} stories, ${stories.length} found; pairwise precision ${grouping.precision.toFixed(3)}, recall ${grouping.recall.toFixed(3)}.`,
  );
  runIndexBench(root, 1000);
}
