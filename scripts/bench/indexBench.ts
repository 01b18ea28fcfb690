/**
 * Workspace-index benchmark (printed by `npm run bench`, numbers for reading, never asserted): 1,000 generated
 * news articles (stories of 1–3 versions, English rewrites and French versions) written to a temporary folder and
 * indexed through the same code path as the extension's workspace index (IndexScanner, IndexStore, StoryService) minus VS Code (src/services/indexCore.ts:
 * content hash → analyze() (the worker's call) → cache record written as JSON → manifest → groupStories), then a
 * "reopen" (manifest read, every file stat'ed, nothing re-read) and cross-references for one article from cached
 * records (`crossReference(story, { focus, oneStory })`, what the Cross-References view asks for).
 * Run alone: `npx tsx scripts/bench/indexBench.ts [count]`.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../src/core/analyze';
import { crossReference } from '../../src/core/crossRef';
import type { DocSummary } from '../../src/core/crossRefTypes';
import { groupStories } from '../../src/core/stories';
import {
  CACHE_FORMAT,
  contentHash,
  makeRecord,
  parseManifest,
  parseRecord,
  serializeRecord,
  unchanged,
  type Manifest,
} from '../../src/services/indexCore';
import { scoreGrouping } from './groupingScore';
import { median, rng } from './timing';

// Generic name parts, combined at random: no story is written by hand.
const FIRST = [
  'Anna',
  'Marco',
  'Sofia',
  'David',
  'Leila',
  'Tomas',
  'Chen',
  'Fatima',
  'Pierre',
  'Ines',
  'Oliver',
  'Yuki',
  'Amara',
  'Lukas',
  'Priya',
  'Hugo',
  'Nadia',
  'Samuel',
  'Elena',
  'Omar',
];
// Surnames from syllables (thousands of them), as in a real collection where few stories share a surname.
const SYL = [
  'kel',
  'mor',
  'ok',
  'lind',
  'bar',
  'had',
  'nov',
  'tan',
  'fis',
  'dua',
  'bren',
  'cas',
  'web',
  'men',
  'ros',
  'pet',
  'lar',
  'ib',
  'dub',
  'kow',
  'vas',
  'gor',
];
const END = [
  'er',
  'eau',
  'afor',
  'qvist',
  'ros',
  'dad',
  'ak',
  'aka',
  'cher',
  'arte',
  'nan',
  'illo',
  'sah',
  'si',
  'rov',
  'sen',
  'ois',
  'ski',
];
const STEM = [
  'Norvex',
  'Altara',
  'Brightwell',
  'Quorra',
  'Veltis',
  'Sandmark',
  'Orvane',
  'Kestrel',
  'Lumio',
  'Tarvos',
  'Helix',
  'Corvane',
  'Maritex',
  'Solvay',
  'Ardent',
  'Nexora',
];
const SUFFIX = ['Group', 'Holdings', 'Energy', 'Motors', 'Pharma', 'Systems'];
const CITY = [
  'Lyon',
  'Hamburg',
  'Toronto',
  'Osaka',
  'Nairobi',
  'Lima',
  'Porto',
  'Krakow',
  'Austin',
  'Seville',
  'Gdansk',
  'Turin',
  'Leeds',
  'Bordeaux',
  'Rotterdam',
];
const MONTH_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const DAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const DAY_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'];

// Words for each story's own quotes (real stories do not share quotes; templated ones would chain every story).
const WORDS_EN = `future market workers plan budget price growth cost region plant factory decision board investors
  customers years months partners project strategy results energy demand supply change crisis pressure debt sales
  capacity contracts orders unions families community jobs government policy support loans savings production
  technology quality competition export import exchange value profit rules data security network service`.split(/\s+/);
const WORDS_FR = `avenir marché salariés plan budget prix croissance coût région usine décision conseil investisseurs
  clients années mois partenaires projet stratégie résultats énergie demande offre changement crise pression dette
  ventes capacité contrats commandes syndicats familles emplois gouvernement politique soutien prêts production`.split(
  /\s+/,
);

function phrase(rand: () => number, words: string[], n: number): string {
  return Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
}

interface StoryFacts {
  ceo: [string, string];
  union: [string, string];
  company: string;
  city: string;
  jobs: number;
  staff: number;
  loss: number;
  pct: string;
  month: number;
  day: number;
  weekday: number;
  quoteEn: string;
  quoteFr: string;
  unionEn: string;
  unionFr: string;
}

function facts(rand: () => number): StoryFacts {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const surname = () => {
    const s = pick(SYL) + pick(SYL) + pick(END);
    return s[0].toUpperCase() + s.slice(1);
  };
  return {
    ceo: [pick(FIRST), surname()],
    union: [pick(FIRST), surname()],
    company: `${pick(STEM)}${pick(STEM).toLowerCase()} ${pick(SUFFIX)}`,
    city: pick(CITY),
    jobs: 100 * (2 + Math.floor(rand() * 60)),
    staff: 1000 * (3 + Math.floor(rand() * 90)),
    loss: 10 * (5 + Math.floor(rand() * 80)),
    pct: (1 + rand() * 9).toFixed(1),
    month: Math.floor(rand() * 12),
    day: 1 + Math.floor(rand() * 28),
    weekday: Math.floor(rand() * 5),
    quoteEn: phrase(rand, WORDS_EN, 9),
    quoteFr: phrase(rand, WORDS_FR, 9),
    unionEn: phrase(rand, WORDS_EN, 6),
    unionFr: phrase(rand, WORDS_FR, 6),
  };
}

function english(f: StoryFacts, rewrite: boolean): string {
  const [cf, cl] = f.ceo;
  const [uf, ul] = f.union;
  const jobs = f.jobs.toLocaleString('en-US');
  const lines = [
    rewrite ? `${f.company} to cut ${jobs} jobs in ${f.city}` : `${f.city} (AFP)`,
    rewrite
      ? `${f.company} announced on ${DAY_EN[f.weekday]}, ${MONTH_EN[f.month]} ${f.day} that it would eliminate ${jobs} positions in ${f.city}, its chief executive ${cf} ${cl} said.`
      : `${f.company} said on ${DAY_EN[f.weekday]} it would cut ${jobs} jobs in ${f.city} by the end of the year, chief executive ${cf} ${cl} told reporters.`,
    rewrite
      ? `"${f.quoteEn}, we had no other choice," ${cl} said.`
      : `"${f.quoteEn}, we had no choice," ${cl} said in a statement.`,
    `The company, which employs ${f.staff.toLocaleString('en-US')} people worldwide, reported a loss of ${f.loss} million dollars last year.`,
    `Union official ${uf} ${ul} called the plan "${f.unionEn}".`,
    rewrite
      ? `Shares of ${f.company} dropped ${f.pct}% in early trading.`
      : `Shares in ${f.company} fell ${f.pct}% in early trading on ${DAY_EN[f.weekday]}.`,
    `Talks with the unions are expected to begin on ${MONTH_EN[(f.month + 1) % 12]} ${f.day}.`,
    '© 2021 AFP',
  ];
  return lines.join('\n\n');
}

function french(f: StoryFacts): string {
  const [cf, cl] = f.ceo;
  const [uf, ul] = f.union;
  const jobs = f.jobs.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
  return [
    `${f.company} va supprimer ${jobs} emplois à ${f.city}`,
    `${f.company} a annoncé ${DAY_FR[f.weekday]} ${f.day} ${MONTH_FR[f.month]} la suppression de ${jobs} emplois à ${f.city}, a déclaré son directeur général ${cf} ${cl}.`,
    `« ${f.quoteFr}, nous n'avions pas le choix », a affirmé ${cl} dans un communiqué.`,
    `Le groupe, qui emploie ${f.staff.toLocaleString('fr-FR').replace(/\u202f/g, ' ')} personnes dans le monde, a enregistré une perte de ${f.loss} millions de dollars l'an dernier.`,
    `Le syndicaliste ${uf} ${ul} a dénoncé « ${f.unionFr} ».`,
    `Les négociations avec les syndicats doivent commencer le ${f.day} ${MONTH_FR[(f.month + 1) % 12]}.`,
  ].join('\n\n');
}

/** Generated collection: `count` articles in stories of 1–3 versions (English, French, English rewrite). */
export function generated(count: number): Array<{ text: string; story: number | null }> {
  const rand = rng(7);
  const out: Array<{ text: string; story: number | null }> = [];
  let story = 0;
  while (out.length < count) {
    const f = facts(rand);
    const versions = 1 + Math.floor(rand() * 3);
    for (const text of [english(f, false), french(f), english(f, true)].slice(0, versions)) {
      if (out.length < count) out.push({ text, story });
    }
    story++;
  }
  return out;
}

/** Real news: the sample corpus and, when the shared eval data is beside the repo, the PolNeAR dev texts. */
function realTexts(root: string): Array<{ text: string; story: number | null }> {
  const dirs = [join(root, 'test/fixtures/corpus'), join(root, '../shared/eval-data/polnear-dev/text')];
  const out: Array<{ text: string; story: number | null }> = [];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)
      .filter((x) => x.endsWith('.txt'))
      .sort())
      out.push({ text: readFileSync(join(d, f), 'utf8'), story: null });
  }
  return out;
}

/** Runs the index pipeline over the texts and prints a table. */
function benchIndex(items: Array<{ text: string; story: number | null }>, label: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'article-lens-index-bench-'));
  const cacheDir = join(dir, '.cache');
  mkdirSync(join(cacheDir, 'a'), { recursive: true });
  const files = items.map((it, i) => {
    const path = join(dir, `article${i}.txt`);
    writeFileSync(path, it.text);
    return { path, story: it.story };
  });
  const story = new Set(items.map((i) => i.story)).size;
  const chars = files.reduce((n, f) => n + readFileSync(f.path, 'utf8').length, 0);
  const build = 'bench';
  const today = '2021-06-01';

  // Cold indexing: every file read, hashed, analysed, cached.
  const t0 = performance.now();
  const manifest: Manifest = { format: CACHE_FORMAT, build, files: {}, summaries: {} };
  const hostMs: number[] = [];
  const analyzeMs: number[] = [];
  for (const { path } of files) {
    const st = statSync(path);
    const text = readFileSync(path, 'utf8');
    const h0 = performance.now();
    const hash = contentHash(build, {}, text);
    const a0 = performance.now();
    const analysis = analyze(text, { today });
    const a1 = performance.now();
    const record = makeRecord(analysis, text);
    writeFileSync(join(cacheDir, 'a', `${hash}.json`), serializeRecord(record));
    const h1 = performance.now();
    analyzeMs.push(a1 - a0);
    hostMs.push(h1 - h0 - (a1 - a0));
    manifest.files[path] = { hash, mtime: st.mtimeMs, size: st.size, status: 'article' };
    manifest.summaries[hash] = { language: record.summary.language, features: record.summary.features };
  }
  writeFileSync(join(cacheDir, 'index.json'), JSON.stringify(manifest));
  const summariesOf = (m: Manifest): DocSummary[] =>
    Object.entries(m.files).map(([file, e]) => ({
      file,
      language: m.summaries[e.hash].language,
      features: m.summaries[e.hash].features,
    }));
  const g0 = performance.now();
  groupStories(summariesOf(manifest));
  const tGroup = performance.now() - g0;
  const tCold = performance.now() - t0;

  // Reopen: manifest read, every file stat'ed (none changed), stories regrouped.
  const r0 = performance.now();
  const m2 = parseManifest(readFileSync(join(cacheDir, 'index.json'), 'utf8'), build)!;
  let reread = 0;
  for (const { path } of files) {
    const st = statSync(path);
    if (!unchanged(m2.files[path], { mtime: st.mtimeMs, size: st.size })) reread++;
  }
  const stories = groupStories(summariesOf(m2));
  const tReopen = performance.now() - r0;

  // Cross-references for one article of a three-version story, from cached records.
  const target = stories.find((s) => s.files.length >= 3) ??
    stories[0] ?? { files: files.slice(0, 1).map((f) => f.path), score: 0 };
  const xrefMs: number[] = [];
  let links = 0;
  for (let run = 0; run < 5; run++) {
    const x0 = performance.now();
    const docs = target.files.map((file) => {
      const text = readFileSync(file, 'utf8');
      const rec = parseRecord(readFileSync(join(cacheDir, 'a', `${m2.files[file].hash}.json`), 'utf8'))!;
      return { file, text, analysis: rec.analysis };
    });
    links = crossReference(docs, { focus: target.files[0], oneStory: true }).links.length;
    xrefMs.push(performance.now() - x0);
  }

  // Grouping quality against the generated truth.
  const grouping = scoreGrouping(
    stories,
    files.map((f) => ({ file: f.path, story: f.story })),
  );
  rmSync(dir, { recursive: true, force: true });

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `\n### Workspace index: ${label} (${files.length} articles of ${Math.round(chars / files.length)} characters on average; same path as the extension's index minus VS Code)\n`,
  );
  console.log('| step | time |');
  console.log('|---|---|');
  console.log(
    `| cold index: read + sha-1 + analyze() + cache record + manifest + grouping | ${(tCold / 1000).toFixed(1)} s |`,
  );
  console.log(
    `| … of which analyze() (runs in the analysis worker in the extension) | ${(sum(analyzeMs) / 1000).toFixed(1)} s (median ${median(analyzeMs).toFixed(1)} ms/article) |`,
  );
  console.log(
    `| … of which extension-host work per article (hash, fingerprint, JSON record write) | median ${median(hostMs).toFixed(2)} ms |`,
  );
  console.log(`| groupStories() over ${files.length} fingerprints | ${tGroup.toFixed(0)} ms |`);
  console.log(`| reopen: manifest + ${files.length} stats (${reread} re-read) + grouping | ${tReopen.toFixed(0)} ms |`);
  console.log(
    `| cross-references for one article vs its story (${target.files.length} versions, ${links} links; records read from the cache) | median ${median(xrefMs).toFixed(0)} ms |`,
  );
  if (items.every((i) => i.story !== null)) {
    console.log(
      `\nGrouping against the ${story} generated stories: pairwise precision ${grouping.precision.toFixed(3)}, recall ${grouping.recall.toFixed(3)}.`,
    );
  } else {
    console.log(
      `\n${stories.length} stories found; projected cold index of 1,000 such articles: ${(((tCold / files.length) * 1000) / 1000).toFixed(0)} s.`,
    );
  }
}

/** Index benchmark: `count` generated articles, then the real news texts available. */
export function runIndexBench(root: string, count = 1000): void {
  benchIndex(generated(count), 'generated news');
  const real = realTexts(root);
  if (real.length) benchIndex(real, 'real news (sample corpus + PolNeAR dev)');
}

// NOTE: inside an esbuild bundle every module sees require.main === module; also check the script name.
if (require.main === module && /indexBench\.[cm]?[jt]s$/.test(process.argv[1] ?? ''))
  runIndexBench(join(__dirname, '..', '..'), Number(process.argv[2]) || 1000);
