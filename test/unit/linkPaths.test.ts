// Paths in the committed story-links file (article-lens.stories.json) must stay inside the workspace
// (src/util/linkPaths.ts, used by src/services/storyLinks.ts).
import assert from 'node:assert/strict';
import { insideFolders, relativeSegments } from '../../src/util/linkPaths';

describe('story links file paths', () => {
  const relative: Array<[string, string[] | undefined]> = [
    ['articles/story-01.en.txt', ['articles', 'story-01.en.txt']],
    ['./articles//story-01.fr.txt', ['articles', 'story-01.fr.txt']],
    ['articles/drafts/../story-01.en.txt', ['articles', 'story-01.en.txt']],
    ['articles\\story-01.en.txt', ['articles', 'story-01.en.txt']],
    ['../secrets/notes.txt', undefined],
    ['articles/../../notes.txt', undefined],
    ['..\\..\\notes.txt', undefined],
    ['/etc/passwd', undefined],
    ['C:\\Users\\me\\notes.txt', undefined],
    ['', undefined],
    ['.', undefined],
  ];
  for (const [input, expected] of relative) {
    it(`relative path ${JSON.stringify(input)}`, () => assert.deepEqual(relativeSegments(input), expected));
  }

  const folders = ['file:///home/me/news', 'file:///home/me/wire/'];
  const absolute: Array<[string, boolean]> = [
    ['file:///home/me/news/afp/tiktok.en.txt', true],
    ['file:///home/me/wire/tiktok.fr.txt', true],
    ['file:///home/me/newsroom/tiktok.en.txt', false],
    ['file:///home/me/news/../.ssh/id_rsa', false],
    ['file:///home/me/news/%2E%2E/.ssh/id_rsa', false],
    ['file:///etc/passwd', false],
    ['file:///home/me/news', false],
    ['https://example.com/home/me/news/x.txt', false],
  ];
  for (const [input, expected] of absolute) {
    it(`absolute URI ${input}`, () => assert.equal(insideFolders(input, folders), expected));
  }
});
