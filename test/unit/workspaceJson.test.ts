// Workspace JSON files users keep (story links, corrections) are used only when they parse: a merge conflict, a
// truncated save, bytes that are not UTF-8 or a file over the cap are refused with the reason, so that the caller
// never writes over them (src/services/workspaceJsonCore.ts).
import assert from 'node:assert/strict';
import { conflictMarkerLine, parseJsonBytes } from '../../src/services/workspaceJsonCore';

const bytes = (s: string) => new TextEncoder().encode(s);

// What `git merge` leaves when two branches each added a link (checked by hand against git 2.39's output).
const CONFLICTED = `{
  "version": 1,
  "links": [
<<<<<<< HEAD
    { "a": "afp/tiktok.en.txt", "b": "afp/tiktok.fr.txt", "linked": true }
=======
    { "a": "reuters/tiktok.en.txt", "b": "afp/tiktok.fr.txt", "linked": false }
>>>>>>> feature/links
  ]
}
`;

describe('workspace JSON files: can the bytes be used?', () => {
  it('finds the first merge-conflict marker and its line', () => {
    assert.equal(conflictMarkerLine(CONFLICTED), 4);
    assert.equal(conflictMarkerLine('{"a":"<<<<<<< not at a line start"}'), undefined);
    assert.equal(conflictMarkerLine('x\n||||||| merged common ancestors\n'), 2);
    assert.equal(conflictMarkerLine('x\ny\n=======\n'), 3);
    assert.equal(conflictMarkerLine('{"note": "======= is fine inside a line"}'), undefined);
  });

  it('refuses a conflicted file as a conflict, not as bad JSON', () => {
    assert.deepEqual(parseJsonBytes(bytes(CONFLICTED), 1 << 20), { ok: false, problem: { kind: 'conflict', line: 4 } });
  });

  it('refuses truncated JSON', () => {
    const r = parseJsonBytes(bytes('{ "version": 1, "links": [ { "a": "x.txt", "b": "y.t'), 1 << 20);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.problem.kind, 'syntax');
  });

  it('refuses bytes that are not UTF-8', () => {
    const r = parseJsonBytes(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), 1 << 20);
    assert.deepEqual(r, { ok: false, problem: { kind: 'syntax', detail: 'not UTF-8 text' } });
  });

  it('refuses a file over the cap without decoding it', () => {
    assert.deepEqual(parseJsonBytes(new Uint8Array(2048), 1024), {
      ok: false,
      problem: { kind: 'tooLarge', size: 2048, limit: 1024 },
    });
  });

  it('reads valid JSON, with or without a byte-order mark', () => {
    const text = '{ "version": 1, "links": [] }';
    assert.deepEqual(parseJsonBytes(bytes(text), 1 << 20), { ok: true, json: { version: 1, links: [] }, text });
    const withBom = parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]), 1 << 20);
    assert.deepEqual(withBom, { ok: true, json: { version: 1, links: [] }, text });
  });
});
