// code-server (VS Code's server + web client, from npm, on Node 24) and Debian's chromium driven by
// playwright-core. The recipe and its measurements are in ../shared/e2e/README.md; the essentials:
// `--vscode-option enable-smoke-test-driver` makes the web client honour the `payload` URL parameter
// (extensionDevelopmentPath / extensionTestsPath as vscode-remote URIs, so the tests run in the real
// remote Node extension host), and the host's exit code comes back through `codeAutomationExit`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'node:util';
import { E2E, NODE24 } from './paths.mjs';
import { runGroup, spawnGroup, stopGroup } from './processes.mjs';

const CODE_SERVER = join(E2E, 'harness/node_modules/code-server/out/node/entry.js');
const { chromium } = createRequire(join(E2E, 'harness/package.json'))('playwright-core');

/** User settings every instance starts with: quiet, offline, no AI agent processes. */
export const BASE_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off', // the tests decide when a file is saved (bulkhead.run: onSave)
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Starts code-server with its state in `dir` (user data, extensions, XDG folders, TMPDIR: nothing
 * lands in $HOME). `vsix` is installed into the fresh extensions folder first. `trusted: false`
 * keeps workspace trust on, so the opened folder is in restricted mode.
 */
export async function startCodeServer({ dir, settings = {}, vsix, trusted = true, env: extraEnv = {} }) {
  const userData = join(dir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n');
  const env = {
    ...process.env,
    TMPDIR: dir,
    XDG_CONFIG_HOME: dir,
    XDG_DATA_HOME: dir,
    XDG_CACHE_HOME: dir,
    EXTENSIONS_GALLERY: '{}', // no marketplace: no lookups of open-vsx.org while offline
    ...extraEnv,
  };
  const args = [CODE_SERVER, '--config', join(dir, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', join(dir, 'extensions')];
  if (vsix) await runGroup(NODE24, [...args, '--install-extension', vsix], { env, timeoutMs: 120_000 });
  const server = spawnGroup(
    NODE24,
    [
      ...args,
      '--bind-addr',
      '127.0.0.1:0',
      ...(trusted ? ['--disable-workspace-trust'] : []),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let output = '';
  const exited = new Promise((resolveExit) => server.once('exit', (code, signal) => resolveExit(`code-server exited (${code ?? signal})\n${output.slice(-4000)}`)));
  const port = await Promise.race([
    new Promise((resolvePort) => {
      const onData = (chunk) => {
        output += chunk;
        const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) resolvePort(Number(match[1]));
      };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
    }),
    exited.then((why) => Promise.reject(new Error(why))),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`code-server did not listen within 60 s\n${output}`)), 60_000).unref()),
  ]);
  return {
    port,
    userData,
    exited,
    remote: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    url(folder, payload) {
      const query = `folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
      return `http://127.0.0.1:${port}/?${query}`;
    },
    stop: () => stopGroup(server),
  };
}

/** Chromium with its config and crash reports in `dir` rather than $HOME. */
export function launchBrowser(dir) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    env: { ...process.env, XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: dir },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Workbench chatter that says nothing about our extension.
const NOISE = /^(Resolv|Creating a socket|Updating additional|Ignoring fetching|\[(reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate))/;

/**
 * Opens the workbench on `folder` with the extension under development at `extensionDevelopmentPath`
 * and the mocha entry `testsPath` for the extension host to run; resolves with the host's exit code.
 */
export async function runExtensionHostTests({ server, browser, extensionDevelopmentPath, testsPath, folder, timeoutMs, log }) {
  const page = await browser.newPage();
  try {
    let exit;
    let exited = false;
    const exitCode = new Promise((resolveExit) => (exit = resolveExit));
    // After the host exits the workbench logs its own teardown (cancelled reads...): not ours to show.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      if (!exited && !NOISE.test(String(args[0]))) log(format(...args));
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      exited = true;
      exit(code);
    });
    const payload = [
      ['extensionDevelopmentPath', server.remote(extensionDevelopmentPath)],
      ['extensionTestsPath', server.remote(testsPath)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.url(folder, payload));
    return await Promise.race([
      exitCode,
      server.exited.then((why) => Promise.reject(new Error(why))),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`extension host tests did not finish within ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
  } finally {
    await page.close().catch(() => undefined);
  }
}
