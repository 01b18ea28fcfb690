// Which plain-text files are switched to the `article` language on open (src/util/articleDetect.ts).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeArticle } from '../../src/util/articleDetect';

const corpusDir = join(__dirname, '..', 'fixtures', 'corpus');

describe('articleDetect', () => {
  it('detects every sample article (English and French)', () => {
    for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt'))) {
      assert.equal(looksLikeArticle(readFileSync(join(corpusDir, f), 'utf8'), `/ws/${f}`), true, f);
    }
  });

  const prose =
    'WASHINGTON (AP) — The Senate voted on Tuesday to extend the program for another year, ending weeks of debate. ' +
    'Lawmakers from both parties said the measure would protect jobs in their states.\n\n' +
    '"This is a good day for workers," said Senator Jane Doe, who sponsored the bill. Critics said the cost was too high.\n\n' +
    'The House is expected to take up the measure next week, according to aides familiar with the schedule.';

  const table: [string, string, string, boolean][] = [
    ['a short news story', prose, '/ws/story.txt', true],
    ['the same story as a CRLF file', prose.replace(/\n/g, '\r\n'), '/ws/story.txt', true],
    ['a note too short to be an article', 'Buy milk. Call Anna. Fix the bike.', '/ws/todo.txt', false],
    [
      'a log file',
      Array.from(
        { length: 40 },
        (_, i) => `2024-01-0${i % 9} 12:00:0${i % 9} [INFO] worker=${i} status=ok latency_ms=${i * 3}`,
      ).join('\n'),
      '/ws/server.txt',
      false,
    ],
    [
      'a requirements list',
      'numpy==1.26.0\npandas>=2.0\nrequests\nflask==3.0.0\n'.repeat(10),
      '/ws/requirements.txt',
      false,
    ],
    [
      'source code saved as .txt',
      'function f(a, b) {\n  if (a > b) { return a; }\n  return b; // largest\n}\n'.repeat(10),
      '/ws/snippet.txt',
      false,
    ],
    ['a word list', Array.from({ length: 200 }, (_, i) => `word${i}`).join('\n'), '/ws/words.txt', false],
    ['a licence file that is prose', prose, '/ws/LICENSE.txt', false],
    ['binary content', '\u0000\u0001\u0002'.repeat(200), '/ws/blob.txt', false],
  ];
  for (const [label, text, file, expected] of table) {
    it(`${label} → ${expected}`, () => assert.equal(looksLikeArticle(text, file), expected));
  }
});
