import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AuditFileResult, AuditResult } from '../../protocol/requests';
import { contentSecurityPolicy, escapeHtml, reportHtml } from '../../client/src/audit/report-html';
import { inSkippedFolder, isDockerfileName } from '../../client/src/audit/names';
import { buildAuditReport } from '../../client/src/audit/report-model';

const hostile = '</td><script>alert(1)</script><img src=x onerror=alert(2)>|`x`';

function file(uri: string, grade: AuditFileResult['grade'], findings: AuditFileResult['findings'], extra: Partial<AuditFileResult> = {}): AuditFileResult {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return { uri, findings, counts, grade, baseImage: 'node:22', baseImageLine: 0, baseImageBytes: 408_499_334, savingsBytes: null, ...extra };
}

const finding = (rule: string, severity: 'error' | 'warning' | 'info', line: number, message = `${rule} message`) => ({
  rule,
  severity,
  message,
  range: { start: { line, character: 0 }, end: { line, character: 4 } },
  docsUrl: `https://docs.example/${rule}`,
  safeFix: severity === 'warning',
  tags: [],
});

const batches: AuditResult[] = [
  { files: [file('file:///w/a/Dockerfile', 'C', [finding('ssh-port-exposed', 'error', 4), finding('apt-install-recommends', 'warning', 2)], { savingsBytes: 5_000_000 })], skipped: [] },
  {
    files: [file('file:///w/b/Containerfile', 'A', []), file('file:///w/c/Dockerfile', 'B', [finding('apt-install-recommends', 'warning', 1, hostile)], { baseImage: hostile, savingsBytes: 120_000_000 })],
    skipped: [{ uri: 'file:///w/d/Dockerfile', reason: 'excluded by `ignorePaths`' }],
  },
];
const report = buildAuditReport(batches, (uri) => uri.replace('file:///w/', ''), new Date('2026-11-29T12:00:00Z'));

test('the report merges batches: totals, grades, rules by count, worst files first', () => {
  assert.deepEqual(report.totals, { files: 3, findings: 3, error: 1, warning: 2, info: 0, safelyFixable: 2, savingsBytes: 125_000_000, skipped: 1 });
  assert.deepEqual(report.grades, { A: 1, B: 1, C: 1, D: 0, F: 0 });
  assert.deepEqual(
    report.rules.map((rule) => [rule.rule, rule.count, rule.files, rule.severity]),
    [
      ['apt-install-recommends', 2, 2, 'warning'],
      ['ssh-port-exposed', 1, 1, 'error'],
    ],
  );
  assert.deepEqual(
    report.files.map((entry) => [entry.grade, entry.path]),
    [
      ['C', 'a/Dockerfile'],
      ['B', 'c/Dockerfile'],
      ['A', 'b/Containerfile'],
    ],
  );
  assert.deepEqual(report.skipped, [{ path: 'd/Dockerfile', reason: 'excluded by `ignorePaths`' }]);
});

test('the view shell: strict CSP with a nonce, one external script, no report data inside', () => {
  const html = reportHtml({ cspSource: 'vscode-webview://abc', nonce: 'n0nce+/=', scriptUri: 'vscode-webview://abc/media/audit.js', styleUri: 'vscode-webview://abc/media/audit.css' });
  const csp = contentSecurityPolicy('vscode-webview://abc', 'n0nce+/=');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-n0nce\+\/='/);
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  assert.ok(html.includes(`content="${escapeHtml(csp)}"`));
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]?.[1], '', 'no inline script body');
  assert.match(scripts[0]?.[0] ?? '', /nonce="n0nce\+\/=" src="vscode-webview:\/\/abc\/media\/audit\.js"/);
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
  assert.equal(escapeHtml(hostile).includes('<'), false);
});

test('the view script builds the DOM with textContent only', () => {
  const script = readFileSync(join(__dirname, '..', '..', 'media', 'audit.js'), 'utf8');
  for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function']) assert.ok(!script.includes(sink), `media/audit.js uses ${sink}`);
  assert.match(script, /textContent/);
});

test('Dockerfile names: SPEC names in any case, not ignore files or look-alikes', () => {
  for (const name of ['Dockerfile', 'dockerfile', 'DockerFile', 'Dockerfile.prod', 'api.dockerfile', 'Containerfile', 'Containerfile.dev', 'build.containerfile', 'DOCKERFILE']) assert.ok(isDockerfileName(name), name);
  for (const name of ['Dockerfile.dockerignore', 'mydockerfile-notes.txt', 'Dockerfiles', 'README.md']) assert.ok(!isDockerfileName(name), name);
  assert.ok(inSkippedFolder('web/node_modules/x/Dockerfile'));
  assert.ok(!inSkippedFolder('web/nodes/Dockerfile'));
});
