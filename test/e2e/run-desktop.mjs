// `npm run test:vscode`: the same extension-host suite as `npm run test:e2e`, in desktop VS Code through
// @vscode/test-electron, for contributors. It downloads VS Code (internet needed) unless
// E2E_VSCODE_EXECUTABLE names an installed one; E2E_VSCODE_VERSION picks the version (default: stable).
// On Linux without a display, run it under xvfb-run. Prints `N passed, N failed` like run.mjs.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_SETTINGS } from './lib/code-server.mjs';
import { E2E, FIXTURES, ROOT } from './lib/paths.mjs';
import { startImageRegistry } from './lib/image-registry.mjs';
import { startRequestRecorder } from './lib/request-recorder.mjs';
import { SUITE_ENTRY, buildSuite } from './lib/suite.mjs';

const desktop = join(E2E, 'desktop');
if (!existsSync(join(desktop, 'node_modules'))) {
  console.error('@vscode/test-electron is not installed: run `npm ci --prefix test/e2e/desktop` first');
  process.exit(2);
}
const { runTests } = createRequire(join(desktop, 'package.json'))('@vscode/test-electron');

const tmp = mkdtempSync(join(tmpdir(), 'bulkhead-e2e-desktop-'));
const workspace = join(tmp, 'workspace');
const userData = join(tmp, 'user-data');
const resultsFile = join(tmp, 'results.json');
const registryLog = join(tmp, 'registry-requests.log');
cpSync(join(FIXTURES, 'workspace'), workspace, { recursive: true });
const registry = await startRequestRecorder(registryLog);
// The pin-to-digest tests need Debian's docker-registry (apt-get install docker-registry).
const imageRegistry = await startImageRegistry();
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, 'http.proxy': `http://${registry.host}`, 'http.proxySupport': 'override' }, null, 2));

let exitCode = 1;
try {
  await buildSuite();
  exitCode = await runTests({
    ...(process.env.E2E_VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.E2E_VSCODE_EXECUTABLE } : { version: process.env.E2E_VSCODE_VERSION ?? 'stable' }),
    cachePath: join(E2E, '.vscode-test'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_ENTRY,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    extensionTestsEnv: {
      E2E_SUITE: 'main',
      E2E_MODE: 'desktop',
      E2E_RESULTS_FILE: resultsFile,
      E2E_ROOT: ROOT,
      E2E_FIXTURES: FIXTURES,
      E2E_REGISTRY: registry.host,
      E2E_REGISTRY_LOG: registryLog,
      ...imageRegistry.env,
    },
  });
} catch (error) {
  console.error(error);
} finally {
  await imageRegistry.stop();
  await registry.close();
}
let passed = 0;
let failed = 0;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  for (const failure of results.failed) console.log(`\nFAILED: ${failure.title}\n${failure.error}`);
  passed = results.passed.length;
  failed = results.failed.length;
} else {
  console.log('no results file was written');
}
rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode === 0 && failed === 0 && passed > 0 ? 0 : 1);
