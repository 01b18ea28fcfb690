import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { DocSummary } from '../../src/core/crossRefTypes';
import { groupStories, storyScore, summarize } from '../../src/core/stories';

const fixtures = path.join(__dirname, '..', 'fixtures');
const CORPUS = ['000_0891fa58e8947cdd.txt', '001_1a341257ed710bcc.txt', '002_99e5ccb7759e430c.txt'];
const UNRELATED = ['flood-en.txt', 'election-fr.txt', 'chips-en.txt'];

function load(dir: string, file: string): DocSummary {
  const text = readFileSync(path.join(fixtures, dir, file), 'utf8');
  return summarize(analyze(text), text, file);
}

describe('stories', () => {
  const corpus = CORPUS.map((f) => load('corpus', f));
  const unrelated = UNRELATED.map((f) => load('unrelated', f));
  const all = [...corpus, ...unrelated];

  it('groups the two English versions and the French article about TikTok into one story', () => {
    const stories = groupStories(all);
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].files, CORPUS);
    assert.ok(stories[0].score > 0 && stories[0].score <= 1);
  });

  it('scores the two English versions of one dispatch higher than English against the French article', () => {
    assert.ok(storyScore(corpus[0], corpus[1]) > storyScore(corpus[0], corpus[2]));
    assert.ok(storyScore(corpus[0], corpus[2]) > 0);
  });

  // Each unrelated article shares only countries ("China", "United States") or nothing with the TikTok story.
  const unrelatedPairs: Array<[number, number]> = [];
  for (let i = 0; i < all.length; i++)
    for (let j = i + 1; j < all.length; j++) if (i >= 3 || j >= 3) unrelatedPairs.push([i, j]);
  for (const [i, j] of unrelatedPairs) {
    it(`does not join ${all[i].file} and ${all[j].file}`, () => {
      assert.equal(storyScore(all[i], all[j]), 0);
    });
  }

  it('never leaves an unrelated article in a story, even when it is the only other one', () => {
    for (const u of unrelated) assert.deepEqual(groupStories([corpus[0], u]), []);
  });

  it('manual unlink keeps two versions apart, manual link joins unrelated files', () => {
    const split = groupStories(all, { manualLinks: [{ a: CORPUS[0], b: CORPUS[1], linked: false }] });
    assert.ok(split.every((s) => !(s.files.includes(CORPUS[0]) && s.files.includes(CORPUS[1]))));
    const joined = groupStories(all, { manualLinks: [{ a: UNRELATED[0], b: UNRELATED[2], linked: true }] });
    const manual = joined.find((s) => s.files.includes(UNRELATED[0]));
    assert.ok(manual && manual.files.includes(UNRELATED[2]) && manual.manual);
  });

  it('finds generated stories among many documents through the inverted index', () => {
    // 300 documents in 100 stories of 3: each story has its own people/organizations/figures, plus countries
    // shared by every document (which must not chain stories together).
    const docs: DocSummary[] = [];
    for (let s = 0; s < 100; s++) {
      for (let v = 0; v < 3; v++) {
        const features: Record<string, number> = { 'geo:country:US': 0.7, 'geo:country:CN': 0.7 };
        features[`name:person${s}`] = 3;
        features[`name:company${s}`] = 2.5;
        features[`fig:${1000 + s}`] = 1.5;
        features[`name:extra${s}-${v}`] = 2.5;
        docs.push({ file: `s${s}-v${v}.txt`, language: v === 2 ? 'fr' : 'en', features });
      }
    }
    const stories = groupStories(docs);
    assert.equal(stories.length, 100);
    for (const st of stories) {
      const ids = new Set(st.files.map((f) => f.split('-')[0]));
      assert.equal(ids.size, 1);
      assert.equal(st.files.length, 3);
    }
  });

  it('summaries are plain data (JSON round-trip) and independent of the file name', () => {
    const text = readFileSync(path.join(fixtures, 'corpus', CORPUS[0]), 'utf8');
    const a = summarize(analyze(text), text, 'x.txt');
    const b = summarize(analyze(text), text, 'y.txt');
    assert.deepEqual(a.features, b.features);
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  });
});
