// Entry point the extension host loads (extensionTestsPath): runs one folder of mocha tests and
// writes the titles that passed and failed to $E2E_RESULTS_FILE for the runner's summary line.
// Runner-agnostic: the same file serves code-server (run.mjs) and desktop VS Code (run-desktop.mjs).
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Results {
  passed: string[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  const folder = join(__dirname, process.env.E2E_SUITE ?? 'main');
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(folder, file));
  const results: Results = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.E2E_RESULTS_FILE;
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('fail', (test, error: unknown) => results.failed.push({ title: test.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
}
