// The standalone language server in a second, independent editor: Debian's Neovim 0.7 headless runs
// ../nvim/lsp-check.lua against `node dist/server/server.js --stdio` on a copy of the fixture
// Dockerfile; this file checks what Neovim saw and did.
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, ROOT } from './paths.mjs';
import { runGroup } from './processes.mjs';

const TARGET_RULE = 'ssh-port-exposed';
/** Findings in the fixture Dockerfile that have a safe fix. */
const SAFELY_FIXED = ['maintainer-deprecated', 'apt-install-recommends', 'apt-lists-not-cleaned', 'add-instead-of-copy', 'ssh-port-exposed'];

export async function runNeovim({ dir }) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Dockerfile');
  cpSync(join(E2E, 'fixtures', 'workspace', 'Dockerfile'), file);
  const outFile = join(dir, 'report.json');
  await runGroup('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(E2E, 'nvim', 'lsp-check.lua'), file], {
    cwd: dir,
    timeoutMs: 120_000,
    // XDG_*: Neovim's state, log and cache stay in the temporary folder.
    env: { ...process.env, OUT_FILE: outFile, TARGET_RULE, LSP_CMD: `${process.execPath} ${join(ROOT, 'dist', 'server', 'server.js')} --stdio`, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir },
  }).catch((error) => {
    // lsp-check.lua writes its own failure into the report before `cquit`.
    const reported = existsSync(outFile) ? JSON.parse(readFileSync(outFile, 'utf8')).error : undefined;
    throw new Error(reported ? `${reported}\n${error.message}` : error.message);
  });
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  const lines = report.text_before.split('\n');
  const exposeLine = lines.findIndex((line) => line.startsWith('EXPOSE '));
  const expectedFixAll = readFileSync(join(E2E, 'fixtures', 'expected', 'Dockerfile.safe-fixes'), 'utf8').replace(/\n$/, '');

  const results = { passed: [], failed: [] };
  const check = (title, body) => {
    try {
      body();
      results.passed.push(title);
    } catch (error) {
      results.failed.push({ title, error: error.stack ?? String(error) });
    }
  };
  check('publishes diagnostics with source, rule code, docs link and the exact range of the token', () => {
    const target = report.raw_diagnostics.find((d) => d.code === TARGET_RULE);
    assert.ok(target, `no ${TARGET_RULE} in ${JSON.stringify(report.raw_diagnostics.map((d) => d.code))}`);
    assert.equal(target.source, 'bulkhead');
    assert.match(target.codeDescription.href, new RegExp(`/docs/rules/${TARGET_RULE}\\.md$`));
    assert.deepEqual(target.range, { start: { line: exposeLine, character: 7 }, end: { line: exposeLine, character: 9 } });
    assert.ok(report.raw_diagnostics.every((d) => d.source === 'bulkhead'));
  });
  check("Neovim's diagnostic list holds every published diagnostic", () => {
    assert.equal(report.diagnostics.length, report.raw_diagnostics.length);
    const converted = report.diagnostics.find((d) => d.code === TARGET_RULE);
    assert.ok(converted);
    assert.deepEqual([converted.lnum, converted.col, converted.end_lnum, converted.end_col], [exposeLine, 7, exposeLine, 9]);
  });
  check('the code action request lists the quick fix, and applying it edits the buffer', () => {
    assert.ok(report.code_action_titles.includes('Remove port `22` from `EXPOSE`'), JSON.stringify(report.code_action_titles));
    assert.equal(report.applied_title, 'Remove port `22` from `EXPOSE`');
    const expected = [...lines];
    expected[exposeLine] = 'EXPOSE 8080';
    assert.equal(report.text_after_quick_fix, expected.join('\n'));
  });
  check('after the quick fix the server publishes diagnostics without the finding', () => {
    assert.ok(!report.diagnostics_after_quick_fix.some((d) => d.code === TARGET_RULE));
    assert.ok(report.diagnostics_after_quick_fix.length > 0, 'the other findings remain');
  });
  check('source.fixAll.bulkhead applies every safe fix', () => {
    assert.deepEqual(report.fix_all_kinds, ['source.fixAll.bulkhead']);
    assert.equal(report.text_after_fix_all, expectedFixAll);
    const left = report.diagnostics_after_fix_all.map((d) => d.code);
    for (const fixed of SAFELY_FIXED) assert.ok(!left.includes(fixed), `${fixed} is still reported: ${left}`);
    assert.ok(left.includes('ssh-server-installed'), 'a finding whose only fix is unsafe stays');
  });
  check('the server shuts down when Neovim stops the client', () => {
    assert.equal(report.stopped, true);
  });
  return results;
}
