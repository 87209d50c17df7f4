/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkheadDiagnostics, diagnosticsWhere, fixture, open, ruleOf } from '../helpers';

/** The part of the command's report (client/src/audit/report-model.ts) the test reads. */
interface Report {
  totals: { files: number; error: number; warning: number; info: number };
  rules: { rule: string; count: number; files: number }[];
  files: { path: string; uri: string; grade: string; findings: { rule: string }[] }[];
}

/** Every Dockerfile of the fixture workspace; the two under services/ are never opened by a test. */
const FILES = ['Containerfile', 'Dockerfile', 'Dockerfile.prod', 'app.dockerfile', 'services/api/Dockerfile', 'services/worker/Containerfile', 'web/Dockerfile'];
const UNOPENED = ['services/api/Dockerfile', 'services/worker/Containerfile'];

suite('workspace audit', () => {
  let report: Report;

  suiteSetup(async () => {
    for (const path of UNOPENED) {
      const uri = fixture(...path.split('/'));
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString()), `${path} is not open`);
      assert.deepEqual(bulkheadDiagnostics(uri), [], `${path} has no diagnostics before the audit`);
    }
    const returned = await vscode.commands.executeCommand<Report | undefined>('bulkhead.auditWorkspace');
    assert.ok(returned, 'the command returns its report');
    report = returned;
  });

  test('the report covers every Dockerfile and Containerfile of the workspace', () => {
    assert.deepEqual(report.files.map((file) => file.path).sort(), [...FILES].sort());
    assert.equal(report.totals.files, FILES.length);
  });

  test('per-file findings and grades: a clean file is graded A, one with errors is not', () => {
    const byPath = new Map(report.files.map((file) => [file.path, file]));
    assert.equal(byPath.get('web/Dockerfile')?.grade, 'A');
    assert.deepEqual(byPath.get('web/Dockerfile')?.findings, []);
    assert.notEqual(byPath.get('Dockerfile')?.grade, 'A');
    assert.ok(byPath.get('services/worker/Containerfile')?.findings.some((f) => f.rule === 'add-instead-of-copy'));
  });

  test('totals by rule count findings and files', () => {
    const ssh = report.rules.find((rule) => rule.rule === 'ssh-port-exposed');
    assert.deepEqual(ssh && [ssh.count, ssh.files], [5, 5]);
    const counted = report.files.reduce((sum, file) => sum + file.findings.length, 0);
    assert.equal(report.totals.error + report.totals.warning + report.totals.info, counted);
  });

  test('the Problems panel has entries for files that are not open', async () => {
    const api = await diagnosticsWhere(fixture('services', 'api', 'Dockerfile'), 'audit findings', (found) => found.length > 0);
    const exposed = api.find((d) => ruleOf(d) === 'ssh-port-exposed');
    assert.ok(exposed);
    assert.deepEqual([exposed.range.start.line, exposed.range.start.character, exposed.range.end.character], [3, 7, 9]);
    assert.equal(typeof exposed.code === 'object' && exposed.code.target.toString().endsWith('/docs/rules/ssh-port-exposed.md'), true);
    const worker = await diagnosticsWhere(fixture('services', 'worker', 'Containerfile'), 'audit findings', (found) => found.length > 0);
    const add = worker.find((d) => ruleOf(d) === 'add-instead-of-copy');
    assert.deepEqual(add && [add.range.start.line, add.range.start.character, add.range.end.character], [1, 0, 3]);
  });

  test('the audit agrees with the live diagnostics of an open file', async () => {
    const uri = fixture('Dockerfile');
    await open(uri);
    const fromAudit = report.files.find((file) => file.path === 'Dockerfile')?.findings.map((f) => f.rule).sort();
    const live = await diagnosticsWhere(uri, 'live diagnostics', (found) => found.length === fromAudit?.length);
    assert.deepEqual(live.map((d) => ruleOf(d)).sort(), fromAudit);
  });

  test('the report opens in a webview tab', () => {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const view = tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('bulkhead.auditReport'));
    assert.ok(view, tabs.map((tab) => tab.label).join(' | '));
    assert.equal(view.label, 'Bulkhead Audit');
  });
});
