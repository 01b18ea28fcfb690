import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The analysis core must run in plain Node, the CLI, tests and a worker: it never imports vscode or touches the
// file system; shared/ is types only; views/ (the view models) is as pure as the core, so that it is unit-tested
// without VS Code. (The STYLE guide's no-restricted-imports rule, as a test.)
const root = join(__dirname, '../..');
function tsFiles(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
    });
  } catch {
    return [];
  }
}

describe('architecture boundaries', () => {
  it('finds the core, shared and views sources to check', () => {
    assert.ok(tsFiles(join(root, 'src/core')).length >= 10, 'src/core is read');
    assert.ok(tsFiles(join(root, 'src/shared')).length >= 1, 'src/shared is read');
    assert.ok(tsFiles(join(root, 'src/views')).length >= 5, 'src/views is read');
  });
  const banned =
    /(?:from\s+|require\(\s*|import\(\s*)['"](vscode|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process|worker_threads|node:worker_threads)['"]/;
  for (const dir of ['src/core', 'src/shared', 'src/views']) {
    for (const file of tsFiles(join(root, dir))) {
      it(`${relative(root, file)} imports no vscode, fs or process APIs`, () => {
        const src = readFileSync(file, 'utf8');
        assert.equal(banned.exec(src)?.[0] ?? null, null);
        assert.equal(/\bset(?:Timeout|Interval|Immediate)\(/.test(src), false, 'no timers in core');
        if (dir === 'src/views')
          assert.doesNotMatch(
            src,
            /from '\.\.\/(?:features|services|util)\//,
            'views import only core, shared and views',
          );
      });
    }
  }
});
