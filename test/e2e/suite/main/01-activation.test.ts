/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, extension, fixture, open, ruleOf } from '../helpers';

suite('activation', () => {
  test('the extension is not active before a Dockerfile is opened', () => {
    assert.equal(extension().isActive, false);
  });

  // E2E_MODE says which copy the runner meant to test; this checks that VS Code loaded that one.
  if (process.env.E2E_MODE === 'vsix') {
    test('the extension under test is the installed .vsix, not the development folder', () => {
      assert.match(extension().extensionPath, /[/\\]extensions[/\\]bulkhead\.bulkhead-\d+\.\d+\.\d+$/);
    });
  } else {
    test('the extension under test is the development folder', () => {
      const root = process.env.E2E_ROOT;
      assert.ok(root, 'the runner sets E2E_ROOT');
      assert.equal(extension().extensionPath, root);
    });
  }

  for (const name of ['Dockerfile', 'Containerfile', 'Dockerfile.prod', 'app.dockerfile']) {
    test(`${name} is a dockerfile document that activates the extension and gets bulkhead diagnostics`, async () => {
      const uri = fixture(name);
      const editor = await open(uri);
      assert.equal(editor.document.languageId, 'dockerfile');
      const diagnostics = await diagnosticsWhere(uri, 'ssh-port-exposed', (d) => d.some((x) => ruleOf(x) === 'ssh-port-exposed'));
      assert.ok(extension().isActive);
      assert.ok(diagnostics.every((d) => d.source === 'bulkhead'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }
});
