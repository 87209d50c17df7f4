/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, fixture, open, ruleOf } from '../helpers';

/** The fixture Dockerfile's findings, one or more per rule family (security, size, reliability, maintainability). */
const EXPECTED = [
  { rule: 'runs-as-root', token: 'ubuntu:22.04', severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'healthcheck-missing', token: 'ubuntu:22.04', severity: vscode.DiagnosticSeverity.Information },
  { rule: 'maintainer-deprecated', token: 'MAINTAINER', severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'apt-install-recommends', token: 'apt-get install', severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'apt-lists-not-cleaned', token: 'apt-get install', severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'ssh-server-installed', token: 'openssh-server', severity: vscode.DiagnosticSeverity.Error },
  { rule: 'add-instead-of-copy', token: 'ADD', severity: vscode.DiagnosticSeverity.Warning },
  { rule: 'ssh-port-exposed', token: '22', severity: vscode.DiagnosticSeverity.Error },
];

suite('diagnostics', () => {
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    const uri = fixture('Dockerfile');
    document = (await open(uri)).document;
    diagnostics = await diagnosticsWhere(uri, 'every expected rule', (found) => EXPECTED.every((e) => found.some((d) => ruleOf(d) === e.rule)));
  });

  for (const expected of EXPECTED) {
    test(`${expected.rule}: source, code with its docs link, severity and the range of \`${expected.token}\``, () => {
      const diagnostic = diagnostics.find((d) => ruleOf(d) === expected.rule);
      assert.ok(diagnostic);
      assert.equal(diagnostic.source, 'bulkhead');
      assert.equal(diagnostic.severity, expected.severity);
      assert.equal(document.getText(diagnostic.range), expected.token);
      const code = diagnostic.code;
      assert.ok(typeof code === 'object', 'the code carries a link');
      assert.equal(code.value, expected.rule);
      assert.match(code.target.toString(), new RegExp(`^https://.+/docs/rules/${expected.rule}\\.md$`));
      assert.match(diagnostic.message, /`[^`]+`/, 'the message names its token in backticks');
    });
  }

  test('the range of a token on a later line is exact (line and columns)', () => {
    const diagnostic = diagnostics.find((d) => ruleOf(d) === 'ssh-port-exposed');
    assert.ok(diagnostic);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('EXPOSE '));
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character], [line, 7, line, 9]);
  });

  test('an untitled dockerfile document is linted too', async () => {
    const untitled = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM debian:12\nEXPOSE 22\n' });
    await vscode.window.showTextDocument(untitled);
    const found = await diagnosticsWhere(untitled.uri, 'ssh-port-exposed', (d) => d.some((x) => ruleOf(x) === 'ssh-port-exposed'));
    assert.equal(untitled.getText(found.find((d) => ruleOf(d) === 'ssh-port-exposed')?.range), '22');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
