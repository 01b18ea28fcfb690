// Mocha runner loaded INSIDE the VS Code extension host (the `extensionTestsPath` entry point).
// VS Code requires out/test/integration/index.js and calls run(): resolving means exit code 0,
// rejecting means 1. Both launchers use it: scripts/e2e/run.sh (code-server, offline) and
// test/runTest.ts (@vscode/test-electron, needs internet).
//
// It runs every *.test.js file bundled next to it (out/test/integration/) and, when the
// environment variable E2E_RESULTS_FILE is set, writes per-test results there as JSON:
//   { passes, failures, tests: [{ title, file, state: 'passed'|'failed', ms?, err? }] }
// E2E_GREP (optional) runs only the tests whose full title matches that regular expression.
//
// Both mocha interfaces are available to the test files: bdd (describe/it/before) like the unit
// tests, and tdd (suite/test/suiteSetup).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  file?: string;
  state: 'passed' | 'failed';
  ms?: number;
  err?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // Also expose the tdd globals (suite/test/suiteSetup/...), registered on the same root suite.
  Mocha.interfaces.tdd(mocha.suite);
  if (process.env.E2E_GREP) mocha.grep(new RegExp(process.env.E2E_GREP));

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const resultsFile = process.env.E2E_RESULTS_FILE;
  const tests: TestResult[] = [];
  const writeResults = (failures: number, error?: string): void => {
    if (!resultsFile) return;
    const passes = tests.filter((t) => t.state === 'passed').length;
    const out = { passes, failures, files, tests, ...(error ? { error } : {}) };
    try {
      fs.writeFileSync(resultsFile, JSON.stringify(out, null, 2));
    } catch (e) {
      console.error(`[integration] cannot write ${resultsFile}: ${String(e)}`);
    }
  };

  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(failures);
        const passes = tests.filter((t) => t.state === 'passed').length;
        console.log(`[integration] ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (passes === 0) reject(new Error('no integration tests ran'));
        else resolve();
      });
      runner.on('pass', (t: Mocha.Test) => {
        tests.push({ title: t.fullTitle(), file: t.file && path.basename(t.file), state: 'passed', ms: t.duration });
      });
      // 'fail' also fires for failing hooks (before/after...), which count as failures too.
      runner.on('fail', (t: Mocha.Runnable, err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        tests.push({ title: t.fullTitle(), file: t.file && path.basename(t.file), state: 'failed', err: message });
      });
    } catch (e) {
      // A test file that throws while loading ends up here.
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      console.error(`[integration] could not run the suite: ${message}`);
      tests.push({ title: 'loading the integration test files', state: 'failed', err: message });
      writeResults(1, message);
      reject(e instanceof Error ? e : new Error(message));
    }
  });
}
