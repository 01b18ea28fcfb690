// The VS Code-free core of the workspace index: the content hash that keys the cache, cache records, the
// persisted manifest and the unchanged-file test (src/services/indexCore.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { CACHE_FORMAT, contentHash, makeRecord, parseManifest, parseRecord, serializeRecord, staleRecordFiles, unchanged } from '../../src/services/indexCore';

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
});
