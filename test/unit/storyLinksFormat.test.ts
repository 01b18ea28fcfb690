// The committed story-links file keeps everything it holds through a write: unknown fields, entries that do not
// resolve in this window, files of a newer format (never rewritten), and it never gains an absolute path
// (src/services/storyLinksFormat.ts, with the path syntax of src/util/linkPaths.ts).
import assert from 'node:assert/strict';
import {
  checkStoryLinks,
  linksIn,
  serializeStoryLinks,
  withLink,
  type StoryLinksData,
} from '../../src/services/storyLinksFormat';
import { formatLinkPath, parseLinkPath } from '../../src/util/linkPaths';

// A window with two workspace folders: "news" (holds the file) and "Desk".
const FOLDERS: Record<string, string> = { '': 'file:///home/me/news', Desk: 'file:///home/me/desk' };
const resolve = (p: string): string | undefined => {
  const parsed = parseLinkPath(p);
  if (!parsed) return undefined;
  if (parsed.kind === 'uri') return parsed.uri.startsWith(`${FOLDERS['']}/`) ? parsed.uri : undefined;
  const base = FOLDERS[parsed.folder ?? ''];
  return base && `${base}/${parsed.segments.map(encodeURIComponent).join('/')}`;
};
const canonical = (p: string): string => {
  const uri = resolve(p);
  if (!uri) return p;
  for (const [name, base] of Object.entries(FOLDERS)) {
    if (uri.startsWith(`${base}/`))
      return (
        formatLinkPath(
          uri
            .slice(base.length + 1)
            .split('/')
            .map(decodeURIComponent),
          name || undefined,
        ) ?? p
      );
  }
  return p;
};
const data = (json: unknown): StoryLinksData => {
  const r = checkStoryLinks(json);
  assert.ok('data' in r, JSON.stringify(r));
  return r.data;
};

describe('story links file: format', () => {
  it('accepts version 1 and a file without a version; reads a newer version for reading only', () => {
    assert.deepEqual(checkStoryLinks({ version: 1, links: [] }), { data: { version: 1, links: [] } });
    assert.deepEqual(checkStoryLinks({ links: [] }), { data: { links: [] } });
    const v2 = checkStoryLinks({
      version: 2,
      links: [{ a: 'x.txt', b: 'y.txt', linked: true, confidence: 0.9 }],
      owners: ['desk'],
    });
    assert.ok('data' in v2);
    assert.deepEqual(v2.readOnly, { kind: 'newer', version: 2 });
  });

  const bad: Array<[string, unknown]> = [
    ['an array', [{ a: 'x', b: 'y' }]],
    ['a string', 'links'],
    ['a version that is not a number', { version: '1', links: [] }],
    ['a fractional version', { version: 1.5, links: [] }],
    ['links that are not a list', { version: 1, links: { a: 'x', b: 'y' } }],
  ];
  for (const [what, json] of bad) {
    it(`refuses ${what}`, () => {
      const r = checkStoryLinks(json);
      assert.ok('problem' in r);
      assert.equal(r.problem.kind, 'shape');
    });
  }

  it('uses the entries that resolve, the last one winning for a pair', () => {
    const d = data({
      version: 1,
      links: [
        { a: 'a.txt', b: 'b.txt', linked: true },
        { a: '../outside.txt', b: 'b.txt', linked: false },
        { a: '${workspaceFolder:Elsewhere}/x.txt', b: 'b.txt' },
        'not an entry',
        { a: './Interview: Trump.txt', b: '${workspaceFolder:Desk}/Interview: Trump.fr.txt' },
        { a: 'Interview: Trump.txt', b: 'a.txt', linked: false },
        { a: './b.txt', b: 'a.txt', linked: false },
        { a: 'a.txt', b: './a.txt', linked: true },
      ],
    });
    assert.deepEqual(linksIn(d, resolve), [
      {
        a: 'file:///home/me/news/Interview%3A%20Trump.txt',
        b: 'file:///home/me/desk/Interview%3A%20Trump.fr.txt',
        linked: true,
      },
      { a: 'file:///home/me/news/Interview%3A%20Trump.txt', b: 'file:///home/me/news/a.txt', linked: false },
      { a: 'file:///home/me/news/b.txt', b: 'file:///home/me/news/a.txt', linked: false },
    ]);
  });

  it('a write keeps unknown fields, unresolvable entries and their order, and updates the pair in place', () => {
    const before = data({
      version: 1,
      comment: 'kept by the desk',
      links: [
        { a: '${workspaceFolder:Archive}/2019/x.txt', b: 'a.txt', linked: true, by: 'sam' },
        { a: './a.txt', b: 'c.txt', linked: true, by: 'kim', note: 'same wire' },
        { a: 'file:///home/me/news/d.txt', b: 'e.txt', linked: false },
        { a: 'file:///home/other/f.txt', b: 'a.txt', linked: true },
        { a: 'c.txt', b: 'a.txt', linked: false },
      ],
    });
    const after = withLink(before, { a: 'c.txt', b: 'a.txt', linked: false }, resolve, canonical);
    assert.deepEqual(after, {
      version: 1,
      comment: 'kept by the desk',
      links: [
        { a: '${workspaceFolder:Archive}/2019/x.txt', b: 'a.txt', linked: true, by: 'sam' },
        { a: 'a.txt', b: 'c.txt', linked: false, by: 'kim', note: 'same wire' },
        { a: 'd.txt', b: 'e.txt', linked: false },
        { a: 'file:///home/other/f.txt', b: 'a.txt', linked: true },
      ],
    });
    assert.deepEqual(
      withLink(after, { a: 'c.txt', b: 'a.txt', linked: false }, resolve, canonical),
      after,
      'idempotent',
    );
  });

  it('inserts a new pair in order, and starts a file from nothing', () => {
    const d = data({
      version: 1,
      links: [
        { a: 'a.txt', b: 'b.txt', linked: true },
        { a: 'x.txt', b: 'y.txt', linked: true },
      ],
    });
    const after = withLink(d, { a: '${workspaceFolder:Desk}/m.txt', b: 'm.txt', linked: true }, resolve, canonical);
    assert.deepEqual(
      after.links.map((e) => (e as { a: string }).a),
      ['${workspaceFolder:Desk}/m.txt', 'a.txt', 'x.txt'],
    );
    const fresh = withLink(undefined, { a: 'b.txt', b: 'a.txt', linked: true }, resolve, canonical);
    assert.equal(
      serializeStoryLinks(fresh),
      '{\n  "version": 1,\n  "links": [\n    {\n      "a": "a.txt",\n      "b": "b.txt",\n      "linked": true\n    }\n  ]\n}\n',
    );
  });
});

describe('story links file: paths', () => {
  const cases: Array<[string[], string | undefined, string | undefined]> = [
    [['afp', 'tiktok.en.txt'], undefined, 'afp/tiktok.en.txt'],
    [['Interview: Trump.txt'], undefined, './Interview: Trump.txt'],
    [['C:notes.txt'], undefined, './C:notes.txt'],
    [['${workspaceFolder:x}'], undefined, './${workspaceFolder:x}'],
    [['mailto:x', 'y.txt'], undefined, './mailto:x/y.txt'],
    [['tiktok.fr.txt'], 'Desk', '${workspaceFolder:Desk}/tiktok.fr.txt'],
    [['a', 'b: c.txt'], 'Second Folder', '${workspaceFolder:Second Folder}/a/b: c.txt'],
    [['back\\slash.txt'], undefined, undefined],
    [['..', 'x.txt'], undefined, undefined],
    [['x.txt'], 'we}ird', undefined],
    [[], undefined, undefined],
  ];
  for (const [segments, folder, written] of cases) {
    it(`${JSON.stringify(segments)} in ${folder ?? 'the file\u2019s folder'} is written ${JSON.stringify(written)} and reads back`, () => {
      assert.equal(formatLinkPath(segments, folder), written);
      if (written !== undefined)
        assert.deepEqual(parseLinkPath(written), {
          kind: 'path',
          ...(folder !== undefined ? { folder } : {}),
          segments,
        });
    });
  }

  it('reads the URIs older versions wrote, and nothing that climbs out', () => {
    assert.deepEqual(parseLinkPath('file:///home/me/news/x.txt'), { kind: 'uri', uri: 'file:///home/me/news/x.txt' });
    assert.deepEqual(parseLinkPath('Interview: Trump.txt'), { kind: 'path', segments: ['Interview: Trump.txt'] });
    assert.equal(parseLinkPath('${workspaceFolder:Desk}/../../x.txt'), undefined);
    assert.equal(parseLinkPath('${workspaceFolder:Desk}'), undefined);
    assert.equal(parseLinkPath('/etc/passwd'), undefined);
  });
});
