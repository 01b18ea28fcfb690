// The VS Code-free core of the workspace index: the content hash that keys the cache, cache records, the
// persisted manifest and its round trip to entries, the unchanged-file test, the files to scan (from the real
// package.json) and the key of a cached cross-reference (src/services/indexCore.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { AnalyzeOptions } from '../../src/core/types';
import {
  CACHE_FORMAT,
  ENTRY_STATUSES,
  articleFilePatterns,
  contentHash,
  crossRefKey,
  entriesOf,
  isCacheRecord,
  isCurrent,
  makeRecord,
  manifestOf,
  parseManifest,
  parseRecord,
  serializeRecord,
  staleRecordFiles,
  todayUsed,
  unchanged,
  type IndexEntry,
  type Manifest,
} from '../../src/services/indexCore';

const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '000_0891fa58e8947cdd.txt'), 'utf8');

describe('workspace index core', () => {
  it('hashes the text with the analyzer build and the options that change the analysis', () => {
    const h = contentHash('b1', {}, text);
    assert.match(h, /^[0-9a-f]{40}$/);
    assert.equal(contentHash('b1', {}, text), h, 'deterministic');
    assert.notEqual(contentHash('b1', {}, `${text} `), h, 'any edit changes it');
    assert.notEqual(contentHash('b2', {}, text), h, 'a new analyzer build changes it');
    assert.notEqual(contentHash('b1', { lang: 'fr' }, text), h, 'a forced language changes it');
    assert.notEqual(contentHash('b1', { referenceDate: '2020-08-17' }, text), h, 'a reference date changes it');
  });

  it('a cache record round-trips through JSON and carries a file-independent fingerprint', () => {
    const rec = makeRecord(analyze(text), text);
    assert.equal(rec.summary.file, '');
    assert.ok(rec.summary.features['name:tiktok'] > 0);
    assert.deepEqual(parseRecord(serializeRecord(rec)), rec);
    assert.equal(parseRecord('{"analysis":'), undefined, 'a truncated file is a miss, not an error');
    assert.equal(parseRecord('{"other":1}'), undefined);
  });

  it('a manifest is used only by the same format and analyzer build', () => {
    const h = 'a'.repeat(40);
    const m = {
      format: CACHE_FORMAT,
      build: 'b1',
      files: { 'file:///a.txt': { hash: h, mtime: 1, size: 2, status: 'article' } },
      summaries: { [h]: { language: 'en', features: { x: 1 } } },
    };
    assert.deepEqual(parseManifest(JSON.stringify(m), 'b1'), m);
    assert.equal(parseManifest(JSON.stringify(m), 'b2'), undefined);
    assert.equal(parseManifest(JSON.stringify({ ...m, format: CACHE_FORMAT + 1 }), 'b1'), undefined);
    assert.equal(parseManifest('not json', 'b1'), undefined);
    const broken = (patch: (x: typeof m) => unknown) => parseManifest(JSON.stringify(patch(structuredClone(m))), 'b1');
    assert.equal(
      broken((x) => ({
        ...x,
        files: { ...x.files, 'file:///b.txt': { hash: h, mtime: 1, size: -1, status: 'article' } },
      })),
      undefined,
      'negative size',
    );
    assert.equal(
      broken((x) => ({ ...x, files: { 'file:///a.txt': { ...x.files['file:///a.txt'], status: 'maybe' } } })),
      undefined,
      'unknown status',
    );
    assert.equal(
      broken((x) => ({ ...x, files: { 'file:///a.txt': { ...x.files['file:///a.txt'], hash: '../../etc' } } })),
      undefined,
      'a hash that is not one',
    );
    assert.equal(
      broken((x) => ({ ...x, summaries: { [h]: { language: 'en', features: { x: '1' } } } })),
      undefined,
      'a feature weight that is not a number',
    );
    assert.equal(
      broken((x) => ({ ...x, summaries: { [h]: { language: 'en', features: { x: 1 }, today: 'tomorrow' } } })),
      undefined,
      'a day that is not one',
    );
    assert.equal(
      broken((x) => ({ ...x, files: [] })),
      undefined,
      'files must be a map',
    );
  });

  it('a cache record is used only with exactly the shape the analysis makes (every field, every type, every span)', () => {
    const rec = makeRecord(analyze(text, { today: '2026-01-05' }), text);
    assert.ok(
      rec.analysis.quotes.length &&
        rec.analysis.figures.length &&
        rec.analysis.dates.length &&
        rec.analysis.referenceDate,
      'the fixture exercises every part',
    );
    assert.ok(isCacheRecord(JSON.parse(serializeRecord(rec))));
    // Every key removed, and every value replaced by one of another type, makes it a miss, but for the optional keys.
    const optional = new Set(['today', 'span']);
    const json = serializeRecord(rec);
    let mutations = 0;
    const visit = (path: (string | number)[], value: unknown): void => {
      if (value === null || typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value)) {
        const at: (string | number)[] = [...path, Array.isArray(value) ? Number(k) : k];
        const mutate = (change: (parent: Record<string, unknown>, key: string) => void) => {
          const copy = JSON.parse(json);
          let parent = copy;
          for (const p of at.slice(0, -1)) parent = parent[p];
          change(parent, String(at[at.length - 1]));
          mutations++;
          return parseRecord(JSON.stringify(copy));
        };
        // (The fingerprint's features are a map: any of its keys may be missing.)
        if (!Array.isArray(value) && !optional.has(k) && path[path.length - 1] !== 'features')
          assert.equal(
            mutate((p, key) => delete p[key]),
            undefined,
            `without ${at.join('.')}`,
          );
        const wrong =
          typeof v === 'string'
            ? 7
            : typeof v === 'number'
              ? '7'
              : typeof v === 'boolean'
                ? 'true'
                : v === null
                  ? 7
                  : Array.isArray(v)
                    ? {}
                    : [];
        if (!(Array.isArray(value) && typeof v === 'object' && v !== null)) {
          assert.equal(
            mutate((p, key) => (p[key] = wrong)),
            undefined,
            `${at.join('.')} = ${JSON.stringify(wrong)}`,
          );
        }
        visit(at, v);
      }
    };
    visit([], JSON.parse(json));
    assert.ok(mutations > 500, `${mutations} mutations tried`);
    // Offsets that cannot be: negative, fractional, reversed, or a text that does not fit its span.
    const span = (patch: (m: { start: number; end: number; text: string }) => void) => {
      const copy = JSON.parse(json);
      patch(copy.analysis.entities[0].mentions[0]);
      return parseRecord(JSON.stringify(copy));
    };
    assert.equal(
      span((m) => (m.start = -1)),
      undefined,
    );
    assert.equal(
      span((m) => (m.end += 0.5)),
      undefined,
    );
    assert.equal(
      span((m) => ([m.start, m.end] = [m.end, m.start])),
      undefined,
    );
    assert.equal(
      span((m) => (m.text += 'x')),
      undefined,
    );
    assert.ok(
      span((m) => m),
      'the unchanged record is used',
    );
  });

  it('a manifest keeps a timed-out file by its content hash, for the same build only (the file is not retried on start)', () => {
    const hash = contentHash('b1', {}, text);
    const m: Manifest = {
      format: CACHE_FORMAT,
      build: 'b1',
      files: { 'file:///w/slow.txt': { hash, mtime: 7, size: text.length, status: 'timedOut' } },
      summaries: {},
    };
    assert.ok(ENTRY_STATUSES.includes('timedOut'));
    assert.deepEqual(parseManifest(JSON.stringify(m), 'b1')?.files['file:///w/slow.txt'], {
      hash,
      mtime: 7,
      size: text.length,
      status: 'timedOut',
    });
    assert.equal(
      parseManifest(JSON.stringify(m), 'b2'),
      undefined,
      'another analyzer build (extension version) tries it again',
    );
  });

  it('a file is unchanged only with the same mtime and size', () => {
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 5, size: 10 }), true);
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 6, size: 10 }), false);
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 5, size: 11 }), false);
    assert.equal(unchanged(undefined, { mtime: 5, size: 10 }), false);
  });

  it('lists the cache files no entry refers to, a bounded number at a time, and nothing else', () => {
    const h = (n: number) => n.toString(16).padStart(40, '0');
    const names = [
      `${h(1)}.json`,
      `${h(2)}.json`,
      'index.json',
      'index.123.tmp',
      `${h(3)}.json.tmp`,
      `${h(4)}.json`,
      `${h(5)}.json`,
    ];
    const keep = new Set([h(2)]);
    assert.deepEqual(staleRecordFiles(names, keep, 10), [`${h(1)}.json`, `${h(4)}.json`, `${h(5)}.json`]);
    assert.deepEqual(staleRecordFiles(names, keep, 2), [`${h(1)}.json`, `${h(4)}.json`]);
    assert.deepEqual(staleRecordFiles(names, new Set([h(1), h(2), h(4), h(5)]), 10), []);
  });

  it('a cached analysis depends on `today` only when the article gives no reference date', () => {
    // No dateline, no year: "on Sunday" can only be resolved against today.
    const undated =
      'Microsoft said on Sunday it would continue talks to buy the US operations of TikTok, the video app owned by ByteDance.';
    const today = '2026-11-23';
    const loose = makeRecord(analyze(undated, { today }), undated, today);
    assert.equal(loose.analysis.referenceDate, null);
    assert.equal(loose.today, today, 'relative dates were resolved against today');
    assert.ok(isCurrent(loose, today));
    assert.ok(!isCurrent(loose, '2026-11-24'), 'stale the next day');
    assert.deepEqual(parseRecord(serializeRecord(loose)), loose, 'the day survives the round trip');

    const anchored = makeRecord(analyze(undated, { today, referenceDate: '2020-09-14' }), undated, today);
    assert.equal(anchored.today, undefined, "the caller's reference date wins over today");
    assert.ok(isCurrent(anchored, '2030-01-01'));

    const dated = makeRecord(analyze(text, { today }), text, today);
    assert.ok(dated.analysis.referenceDate, 'the AFP dispatch carries its own date');
    assert.equal(dated.today, undefined);
    assert.equal(todayUsed({ referenceDate: null }, today), today);
    // `today` is not in the hash: it is checked per record instead, so dated articles keep their cache.
    const withToday: AnalyzeOptions = { today };
    assert.equal(contentHash('b1', withToday, text), contentHash('b1', {}, text));
  });

  it('the manifest keeps the files on disk and gives back their entries, dropping fingerprints of a day that is over', () => {
    const rec = makeRecord(analyze(text), text);
    const h = (n: number) => String(n).repeat(40);
    const entries: IndexEntry[] = [
      {
        uri: 'file:///w/a.txt',
        hash: h(1),
        mtime: 5,
        size: 10,
        status: 'article',
        summary: { ...rec.summary, file: 'file:///w/a.txt' },
      },
      {
        uri: 'file:///w/b.txt',
        hash: h(2),
        mtime: 6,
        size: 11,
        status: 'article',
        summary: { ...rec.summary, file: 'file:///w/b.txt' },
        today: '2026-11-23',
      },
      { uri: 'file:///w/big.txt', hash: '', mtime: 7, size: 1e9, status: 'tooLarge' },
      { uri: 'file:///w/slow.txt', hash: h(3), mtime: 8, size: 12, status: 'timedOut' },
      {
        uri: 'file:///w/open.txt',
        hash: h(4),
        mtime: 0,
        size: 13,
        status: 'article',
        summary: { ...rec.summary, file: 'file:///w/open.txt' },
        live: true,
      },
      {
        uri: 'untitled:Untitled-1',
        hash: h(5),
        mtime: 0,
        size: 14,
        status: 'article',
        summary: { ...rec.summary, file: 'untitled:Untitled-1' },
      },
    ];
    const m = manifestOf(entries, 'b1');
    assert.deepEqual(
      Object.keys(m.files).sort(),
      ['file:///w/a.txt', 'file:///w/b.txt', 'file:///w/big.txt', 'file:///w/slow.txt'],
      'live and untitled documents are not persisted',
    );
    assert.deepEqual(Object.keys(m.summaries).sort(), [h(1), h(2)]);
    // Through JSON and the strict parser, as the store reads it back.
    const back = parseManifest(JSON.stringify(m), 'b1');
    assert.ok(back);
    assert.deepEqual(entriesOf(back, '2026-11-23'), entries.slice(0, 4));
    const nextDay = entriesOf(back, '2026-11-24');
    assert.deepEqual(
      nextDay.map((e) => e.uri),
      ['file:///w/a.txt', 'file:///w/big.txt', 'file:///w/slow.txt'],
      'the fingerprint that depended on the day is analysed again',
    );
  });

  it("scans the article language's extensions and file name patterns from package.json, plus *.txt", () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const p = articleFilePatterns(pkg, 'article');
    assert.equal(p.glob, '**/{*.article,*.article.txt,*.txt}');
    for (const name of ['/w/story.article', '/w/sub/Story.ARTICLE', '/w/story.article.txt'])
      assert.ok(p.isArticleName(name), name);
    for (const name of ['/w/story.txt', '/w/story.article.md', '/w/article', '/w/x.article/readme.txt'])
      assert.ok(!p.isArticleName(name), name);
    // A manifest without the language (or with nonsense in it) leaves plain text only.
    assert.equal(articleFilePatterns({}, 'article').glob, '**/{*.txt}');
    const odd = articleFilePatterns(
      { contributes: { languages: [{ id: 'article', extensions: ['.a{b', 7, '.ok'], filenamePatterns: null }] } },
      'article',
    );
    assert.equal(odd.glob, '**/{*.ok,*.txt}');
  });

  it('a cached cross-reference is keyed by the focus, every version with its hash, the glossary and the manual links', () => {
    const versions = [
      { uri: 'file:///a.txt', hash: 'h1' },
      { uri: 'file:///b.txt', hash: 'h2' },
    ];
    const k = crossRefKey('file:///a.txt', versions, {}, []);
    assert.match(k, /^[0-9a-f]{40}$/);
    assert.equal(crossRefKey('file:///a.txt', versions, {}, new Set()), k);
    assert.notEqual(crossRefKey('file:///b.txt', versions, {}, []), k, 'another focus');
    assert.notEqual(
      crossRefKey('file:///a.txt', [versions[0], { ...versions[1], hash: 'h3' }], {}, []),
      k,
      'an edited version',
    );
    assert.notEqual(crossRefKey('file:///a.txt', versions, { TikTok: 'TikTok' }, []), k, 'a glossary entry');
    assert.notEqual(crossRefKey('file:///a.txt', versions, {}, ['file:///b.txt']), k, 'a link made by hand');
    assert.equal(
      crossRefKey('file:///a.txt', versions, {}, ['y', 'x']),
      crossRefKey('file:///a.txt', versions, {}, ['x', 'y']),
      'in any order',
    );
  });
});
