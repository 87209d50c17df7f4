/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkheadDiagnostics, configurationSettled, describe, diagnosticsWhere, fixture, open, resetFile, ruleOf, updateSetting } from '../helpers';

const has = (rule: string) => (found: vscode.Diagnostic[]) => found.some((d) => ruleOf(d) === rule);

suite('settings', () => {
  const uri = () => fixture('Containerfile');
  let original: string;
  let document: vscode.TextDocument;
  const set = (key: string, value: unknown) => updateSetting(`bulkhead.${key}`, value, vscode.ConfigurationTarget.Workspace, uri());

  suiteSetup(async () => {
    document = (await open(uri())).document;
    original = document.getText();
  });
  setup(async () => {
    await vscode.window.showTextDocument(document);
    await diagnosticsWhere(uri(), 'ssh-port-exposed', has('ssh-port-exposed'));
  });
  teardown(async () => {
    for (const key of ['rules', 'run', 'enable']) await set(key, undefined);
    await resetFile(uri(), original);
  });

  test('bulkhead.rules turns a rule off, and back on when the setting is removed', async () => {
    await set('rules', { 'ssh-port-exposed': 'off' });
    await diagnosticsWhere(uri(), 'ssh-port-exposed off', (found) => !has('ssh-port-exposed')(found));
    await set('rules', undefined);
    await diagnosticsWhere(uri(), 'ssh-port-exposed back', has('ssh-port-exposed'));
  });

  test('bulkhead.rules changes a severity', async () => {
    await set('rules', { 'ssh-port-exposed': 'info' });
    const found = await diagnosticsWhere(uri(), 'ssh-port-exposed as info', (d) => d.some((x) => ruleOf(x) === 'ssh-port-exposed' && x.severity === vscode.DiagnosticSeverity.Information));
    assert.equal(found.filter((d) => ruleOf(d) === 'ssh-port-exposed').length, 1);
  });

  test('bulkhead.run: onSave lints on save only', async () => {
    await set('run', 'onSave');
    // The server re-lints open documents on every settings change, whatever `run` says: edit only
    // once the change (and its echo from the file watcher) is over.
    await configurationSettled('bulkhead');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), new vscode.Position(document.lineCount, 0), 'MAINTAINER someone\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // A negative needs a wait: on type, diagnostics arrive within milliseconds (see the other tests).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(!has('maintainer-deprecated')(bulkheadDiagnostics(uri())), `linted before saving: ${describe(bulkheadDiagnostics(uri()))}`);
    assert.ok(await document.save());
    const found = await diagnosticsWhere(uri(), 'maintainer-deprecated after saving', has('maintainer-deprecated'));
    assert.equal(document.getText(found.find((d) => ruleOf(d) === 'maintainer-deprecated')?.range), 'MAINTAINER');
  });

  test('bulkhead.enable: false clears the diagnostics', async () => {
    await set('enable', false);
    await diagnosticsWhere(uri(), 'no bulkhead diagnostics', (found) => found.length === 0);
    await set('enable', undefined);
    await diagnosticsWhere(uri(), 'diagnostics back', has('ssh-port-exposed'));
  });
});
