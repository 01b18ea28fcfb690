// The VS Code-free core of the workspace index: the content hash that keys the cache, cache records, the
// persisted manifest and the unchanged-file test (src/services/indexCore.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { AnalyzeOptions } from '../../src/core/types';
import { CACHE_FORMAT, ENTRY_STATUSES, contentHash, isCurrent, makeRecord, parseManifest, parseRecord, serializeRecord, staleRecordFiles, todayUsed, unchanged, type Manifest } from '../../src/services/indexCore';

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
    const m = { format: CACHE_FORMAT, build: 'b1', files: { 'file:///a.txt': { hash: 'h', mtime: 1, size: 2, status: 'article' } }, summaries: { h: { language: 'en', features: { x: 1 } } } };
    assert.deepEqual(parseManifest(JSON.stringify(m), 'b1'), m);
    assert.equal(parseManifest(JSON.stringify(m), 'b2'), undefined);
    assert.equal(parseManifest(JSON.stringify({ ...m, format: CACHE_FORMAT + 1 }), 'b1'), undefined);
    assert.equal(parseManifest('not json', 'b1'), undefined);
  });

  it('a manifest keeps a timed-out file by its content hash, for the same build only (the file is not retried on start)', () => {
    const hash = contentHash('b1', {}, text);
    const m: Manifest = { format: CACHE_FORMAT, build: 'b1', files: { 'file:///w/slow.txt': { hash, mtime: 7, size: text.length, status: 'timedOut' } }, summaries: {} };
    assert.ok(ENTRY_STATUSES.includes('timedOut'));
    assert.deepEqual(parseManifest(JSON.stringify(m), 'b1')?.files['file:///w/slow.txt'], { hash, mtime: 7, size: text.length, status: 'timedOut' });
    assert.equal(parseManifest(JSON.stringify(m), 'b2'), undefined, 'another analyzer build (extension version) tries it again');
  });

  it('a file is unchanged only with the same mtime and size', () => {
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 5, size: 10 }), true);
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 6, size: 10 }), false);
    assert.equal(unchanged({ mtime: 5, size: 10 }, { mtime: 5, size: 11 }), false);
    assert.equal(unchanged(undefined, { mtime: 5, size: 10 }), false);
  });

  it('lists the cache files no entry refers to, a bounded number at a time, and nothing else', () => {
    const h = (n: number) => n.toString(16).padStart(40, '0');
    const names = [`${h(1)}.json`, `${h(2)}.json`, 'index.json', 'index.123.tmp', `${h(3)}.json.tmp`, `${h(4)}.json`, `${h(5)}.json`];
    const keep = new Set([h(2)]);
    assert.deepEqual(staleRecordFiles(names, keep, 10), [`${h(1)}.json`, `${h(4)}.json`, `${h(5)}.json`]);
    assert.deepEqual(staleRecordFiles(names, keep, 2), [`${h(1)}.json`, `${h(4)}.json`]);
    assert.deepEqual(staleRecordFiles(names, new Set([h(1), h(2), h(4), h(5)]), 10), []);
  });

  it('a cached analysis depends on `today` only when the article gives no reference date', () => {
    // No dateline, no year: "on Sunday" can only be resolved against today.
    const undated = 'Microsoft said on Sunday it would continue talks to buy the US operations of TikTok, the video app owned by ByteDance.';
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
});
