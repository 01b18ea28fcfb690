// Second launcher of the one integration suite (test/integration/): @vscode/test-electron downloads a
// desktop VS Code and runs out/test/integration/index.js inside its extension host.
//
//   npm run test:electron        (needs internet: it downloads VS Code into .vscode-test/)
//
// It runs the suite against the minimum VS Code allowed by package.json's engines.vscode, then
// against the current stable release (E2E_VSCODE_VERSIONS="1.96.0,stable" overrides the list).
// The offline launcher used by CI on this machine is scripts/e2e/run.sh (code-server).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..');

function versionsToTest(): string[] {
  if (process.env.E2E_VSCODE_VERSIONS) return process.env.E2E_VSCODE_VERSIONS.split(',').map((v) => v.trim());
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    engines?: { vscode?: string };
  };
  const minimum = /(\d+\.\d+\.\d+)/.exec(manifest.engines?.vscode ?? '')?.[1];
  return minimum ? [minimum, 'stable'] : ['stable'];
}

async function main(): Promise<void> {
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration');
  if (!fs.existsSync(path.join(extensionTestsPath, 'index.js'))) {
    throw new Error(`${extensionTestsPath}/index.js is missing: run "npm run build" first`);
  }
  let failed = 0;
  for (const version of versionsToTest()) {
    // A fresh copy of the fixture workspace per run: the tests may write files (exports).
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lens-electron-'));
    const workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(root, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
    // Two folders, as scripts/e2e/run.sh sets them up: the fixture workspace first, then a second folder.
    fs.cpSync(path.join(root, 'test', 'e2e', 'fixtures', 'second-folder'), path.join(tmp, 'second-folder'), {
      recursive: true,
    });
    const workspaceFile = path.join(tmp, 'tests.code-workspace');
    fs.writeFileSync(
      workspaceFile,
      JSON.stringify({ folders: [{ path: 'workspace' }, { path: 'second-folder', name: 'Wire desk' }] }),
    );
    const resultsFile = path.join(tmp, 'results.json');
    console.log(`[test:electron] VS Code ${version}`);
    try {
      const code = await runTests({
        version,
        extensionDevelopmentPath: root,
        extensionTestsPath,
        extensionTestsEnv: { E2E_RESULTS_FILE: resultsFile },
        launchArgs: [
          workspaceFile,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          `--user-data-dir=${path.join(tmp, 'user-data')}`,
        ],
      });
      if (code !== 0) failed++;
    } catch (e) {
      console.error(`[test:electron] VS Code ${version}: ${e instanceof Error ? e.message : String(e)}`);
      failed++;
    } finally {
      if (fs.existsSync(resultsFile)) {
        const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { passes: number; failures: number };
        console.log(`[test:electron] VS Code ${version}: ${r.passes} passed, ${r.failures} failed`);
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (failed) {
    console.error(`[test:electron] ${failed} VS Code version(s) failed`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
