// `npm run test:e2e`: the extension in a real VS Code extension host (code-server, offline) against
// the development folder, against the packaged .vsix installed into a temporary extensions folder,
// and in an untrusted workspace; a Playwright smoke test of the UI; the language server in headless
// Neovim. Prints a final `N passed, N failed` line, exits non-zero on any failure or timeout, and
// ends every process group it started and removes every temporary folder, on every path out.
//   E2E_ONLY=folder,vsix,untrusted,ui,neovim   run only these phases
//   E2E_VSIX=path/to/bulkhead.vsix              test this file instead of running `npm run package`
//   E2E_KEEP_TMP=1                              keep the temporary folder (code-server logs are in it)
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, runExtensionHostTests, startCodeServer } from './lib/code-server.mjs';
import { runNeovim } from './lib/neovim.mjs';
import { E2E, FIXTURES, NODE24, ROOT } from './lib/paths.mjs';
import { runGroup, stopAll } from './lib/processes.mjs';
import { startRequestRecorder } from './lib/request-recorder.mjs';
import { SUITE_ENTRY, buildSuite } from './lib/suite.mjs';
import { runUiSmoke } from './lib/ui-smoke.mjs';

const PHASES = ['folder', 'vsix', 'untrusted', 'ui', 'neovim'];
const only = process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : PHASES;
const unknownPhases = only.filter((phase) => !PHASES.includes(phase));
if (unknownPhases.length > 0) {
  console.error(`E2E_ONLY: unknown phase ${unknownPhases.join(', ')}; phases are ${PHASES.join(', ')}`);
  process.exit(2);
}
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 15 * 60_000);
const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'bulkhead-e2e-'));
const results = { passed: [], failed: [] };
let finishing = false;

async function finish(exitCode, why) {
  if (finishing) return;
  finishing = true;
  if (why) console.log(why);
  await stopAll();
  if (process.env.E2E_KEEP_TMP) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
  for (const failure of results.failed) console.log(`\nFAILED: ${failure.title}\n${failure.error}`);
  console.log(`\ne2e run took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${results.passed.length} passed, ${results.failed.length} failed`);
  process.exit(results.failed.length > 0 || results.passed.length === 0 ? Math.max(exitCode, 1) : exitCode);
}
setTimeout(() => void finish(2, `timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void finish(1, `stopped by ${signal}`));

function record(phase, phaseResults) {
  for (const title of phaseResults.passed) results.passed.push(`[${phase}] ${title}`);
  for (const failure of phaseResults.failed) results.failed.push({ title: `[${phase}] ${failure.title}`, error: failure.error });
  console.log(`== ${phase}: ${phaseResults.passed.length} passed, ${phaseResults.failed.length} failed`);
}

/** One code-server instance running one suite folder in its extension host. */
async function extensionHostPhase(phase, { suite, extensionDevelopmentPath, vsix, trusted, settings }) {
  const dir = join(tmp, phase);
  const workspace = join(dir, 'workspace');
  cpSync(join(FIXTURES, 'workspace'), workspace, { recursive: true });
  const resultsFile = join(dir, 'results.json');
  const registryLog = join(dir, 'registry-requests.log');
  const registry = await startRequestRecorder(registryLog);
  try {
    const server = await startCodeServer({
      dir,
      vsix,
      trusted,
      settings: settings?.(registry.host),
      env: {
        E2E_SUITE: suite,
        E2E_RESULTS_FILE: resultsFile,
        E2E_MODE: phase,
        E2E_ROOT: ROOT,
        E2E_FIXTURES: FIXTURES,
        E2E_REGISTRY: registry.host,
        E2E_REGISTRY_LOG: registryLog,
      },
    });
    try {
      const browser = await launchBrowser(dir);
      try {
        const exitCode = await runExtensionHostTests({
          server,
          browser,
          extensionDevelopmentPath,
          testsPath: SUITE_ENTRY,
          folder: workspace,
          timeoutMs: 10 * 60_000,
          log: (line) => console.log(line),
        });
        const phaseResults = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: [], failed: [] };
        if (exitCode !== 0 && phaseResults.failed.length === 0) phaseResults.failed.push({ title: 'extension host', error: `exited with code ${exitCode} and reported no failed test` });
        return phaseResults;
      } finally {
        await browser.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await registry.close();
  }
}

/** Every request the extension host makes through VS Code's proxy support goes to the recorder. */
const proxySettings = (registry) => ({ 'http.proxy': `http://${registry}`, 'http.proxySupport': 'override' });

/** Runs one phase; an error outside the tests (start-up, timeout) counts as a failure of the phase. */
async function phase(name, body) {
  if (!only.includes(name)) return;
  console.log(`\n== ${name}`);
  try {
    record(name, await body());
  } catch (error) {
    record(name, { passed: [], failed: [{ title: 'phase', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }] });
  }
}

async function packagedVsix() {
  if (process.env.E2E_VSIX) return resolve(process.env.E2E_VSIX);
  await runGroup('npm', ['run', 'package', '--silent'], { cwd: ROOT, timeoutMs: 180_000 });
  return join(ROOT, 'bulkhead.vsix');
}

try {
  if (!existsSync(NODE24)) throw new Error('the e2e harness is not installed: run `bash test/e2e/setup.sh` first');
  if (!existsSync(join(ROOT, 'dist', 'client', 'extension.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  await buildSuite();
  await phase('folder', () => extensionHostPhase('folder', { suite: 'main', extensionDevelopmentPath: ROOT, settings: proxySettings }));
  await phase('ui', () => runUiSmoke({ dir: join(tmp, 'ui'), log: (line) => console.log(line) }));
  await phase('neovim', () => runNeovim({ dir: join(tmp, 'neovim') }));
  // Online lookups switched on in user settings (honoured in untrusted workspaces, unlike workspace
  // settings), so only the extension's own trust check stands between the hint and the network.
  const onlineSettings = (registry) => ({ ...proxySettings(registry), 'bulkhead.imageSize.online': true, 'bulkhead.imageSize.insecureRegistries': [registry] });
  await phase('untrusted', () => extensionHostPhase('untrusted', { suite: 'untrusted', extensionDevelopmentPath: ROOT, trusted: false, settings: onlineSettings }));
  // Last: packaging rebuilds dist/ in release mode.
  await phase('vsix', async () => extensionHostPhase('vsix', { suite: 'main', extensionDevelopmentPath: join(E2E, 'host-ext'), vsix: await packagedVsix(), settings: proxySettings }));
  await finish(0);
} catch (error) {
  console.error(error);
  await finish(1, 'runner error');
}
