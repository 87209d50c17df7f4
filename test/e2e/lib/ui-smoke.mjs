// Playwright-level smoke test of the UI a user sees: open the fixture Dockerfile from the explorer,
// see the squiggle and the Problems entry, open the quick-fix menu with the keyboard, apply a fix,
// and save screenshots of the editor and the audit report to test/e2e/.artifacts/ (README images).
// The development extension is loaded through the payload's extensionDevelopmentPath, with no tests.
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, startCodeServer } from './code-server.mjs';
import { E2E, ROOT } from './paths.mjs';

const ARTIFACTS = join(E2E, '.artifacts');
const QUICK_FIX = 'Remove port `22` from `EXPOSE`';

export async function runUiSmoke({ dir, log }) {
  mkdirSync(ARTIFACTS, { recursive: true });
  rmSync(join(ARTIFACTS, 'failure.png'), { force: true });
  const workspace = join(dir, 'workspace');
  cpSync(join(E2E, 'fixtures', 'workspace'), workspace, { recursive: true });
  const server = await startCodeServer({ dir, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.minimap.enabled': false, 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
  try {
    const browser = await launchBrowser(dir);
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.on('pageerror', (error) => log(`[page error] ${error.message}`));
      return await smokeSteps({ page, server, workspace, log });
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

async function smokeSteps({ page, server, workspace, log }) {
  const results = { passed: [], failed: [] };
  // Steps depend on each other: after the first failure the rest are reported as not reached.
  let broken;
  const step = async (title, body) => {
    if (broken) {
      results.failed.push({ title, error: `not reached: "${broken}" failed` });
      return;
    }
    try {
      await body();
      results.passed.push(title);
    } catch (error) {
      broken = title;
      const screenshot = join(ARTIFACTS, 'failure.png');
      await page.screenshot({ path: screenshot }).catch(() => undefined);
      results.failed.push({ title, error: `${error.stack ?? String(error)}\n(screen at the failure: ${screenshot})` });
    }
  };
  const editor = page.locator('.editor-instance .monaco-editor').first();
  const exposeLine = readFileSync(join(workspace, 'Dockerfile'), 'utf8').split('\n').findIndex((line) => line.startsWith('EXPOSE ')) + 1;

  await step('the workbench opens the fixture Dockerfile from the explorer as a Docker file', async () => {
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(ROOT)], ['skipWelcome', 'true']]));
    await page.getByRole('treeitem', { name: 'Dockerfile', exact: true }).click({ timeout: 60_000 });
    await editor.waitFor({ timeout: 30_000 });
    // Built-in language contributions arrive with the remote extension scan, a few seconds late.
    await page.locator('.statusbar-item', { hasText: /^Docker$/ }).first().waitFor({ timeout: 30_000 });
  });
  await step('the finding is squiggled in the editor', async () => {
    await editor.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
  });
  await step('the Problems panel lists the finding with source and rule', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'ssh-port-exposed' }).first();
    await row.waitFor({ timeout: 15_000 });
    const text = await row.innerText();
    assert.match(text, /bulkhead/);
    assert.match(text, new RegExp(`\\[Ln ${exposeLine}, Col 8\\]`));
    await page.screenshot({ path: join(ARTIFACTS, 'editor.png') });
  });
  await step('the quick-fix menu opens with the keyboard and applies the fix', async () => {
    await editor.click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(`${exposeLine}:8`);
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: `Ln ${exposeLine}, Col 8` }).first().waitFor({ timeout: 10_000 });
    const menu = page.locator('.action-widget');
    const entry = menu.locator('.monaco-list-row', { hasText: QUICK_FIX }).first();
    // The first request can race the code-action providers' registration; ask again once.
    await page.keyboard.press('Control+.');
    if (!(await entry.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
      log('ui: no quick-fix menu after the first Ctrl+., pressing it again');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await entry.waitFor({ timeout: 15_000 });
    }
    for (let i = 0; i < 20 && !(await menu.locator('.monaco-list-row.focused', { hasText: QUICK_FIX }).count()); i++) await page.keyboard.press('ArrowDown');
    await page.screenshot({ path: join(ARTIFACTS, 'quick-fix.png') });
    await page.keyboard.press('Enter');
    const line = editor.locator('.view-line', { hasText: /^EXPOSE/ }).first();
    await assertEventually(async () => assert.equal((await line.innerText()).replace(/\u00a0/g, ' '), 'EXPOSE 8080'));
    await assertEventually(async () => assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'ssh-port-exposed' }).count(), 0));
  });
  await step('the audit command opens the report with every Dockerfile of the workspace', async () => {
    await page.keyboard.press('F1');
    await page.keyboard.type('Bulkhead: Audit Workspace Containerfiles');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Audit Workspace Containerfiles' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The report is a webview: an iframe whose active frame holds the document.
    const report = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    await report.locator('#summary', { hasText: /^7 Dockerfiles/ }).waitFor({ timeout: 30_000 });
    assert.equal(await report.locator('#files tbody tr.file').count(), 7);
    await page.screenshot({ path: join(ARTIFACTS, 'audit-report.png') });
  });
  return results;
}

async function assertEventually(check, timeoutMs = 15_000) {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
