/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, extension, fixture, imageRegistry, open, registryHost, registryRequests, requestImageFacts, ruleOf } from '../helpers';

// The runner opens this workspace with workspace trust on and never trusts it, and turns the online
// image-size lookup on in user settings with the local stand-in registry allowed over HTTP.
suite('untrusted workspace', () => {
  test('the workspace is in restricted mode and online lookups are switched on by the user', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.getConfiguration('bulkhead.imageSize').get('online'), true);
  });

  test('the extension still activates and lints (limited support)', async () => {
    const uri = fixture('Dockerfile');
    await open(uri);
    const found = await diagnosticsWhere(uri, 'ssh-port-exposed', (d) => d.some((x) => ruleOf(x) === 'ssh-port-exposed'));
    assert.ok(found.every((d) => d.source === 'bulkhead'));
    assert.equal(extension().isActive, true);
  });

  test('image facts come from the embedded table and no network request is made', async () => {
    const offline = (await open(fixture('Dockerfile'))).document;
    const { hints } = await requestImageFacts(offline, 'ubuntu:22.04');
    assert.equal(hints.length, 1, 'the offline size still shows');
    const image = `${registryHost()}/demo/app:1.0`;
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `FROM ${image}\n` });
    await vscode.window.showTextDocument(document);
    await requestImageFacts(document, image);
    // A trusted workspace reaches the registry within this time (main/10-online.test.ts).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await requestImageFacts(document, image);
    assert.deepEqual(registryRequests(), []);
  });

  // The runner checks the real registry's access log after this suite (run.mjs, noRegistryRequest).
  test('images on the real registry get no size, no digest and no "Pin to digest"', async () => {
    const { single, index } = imageRegistry();
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `FROM ${single.reference} AS base\nFROM ${index.reference}\n` });
    await vscode.window.showTextDocument(document);
    for (const reference of [single.reference, index.reference]) {
      const { hints, hover } = await requestImageFacts(document, reference);
      assert.deepEqual(hints, []);
      assert.match(hover, /Registry lookups are off in untrusted workspaces\./);
      const start = document.getText().indexOf(reference);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(document.positionAt(start), document.positionAt(start + reference.length)));
      assert.ok(!actions.some((action) => action.title.startsWith('Pin ')), actions.map((action) => action.title).join(' | '));
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual((await requestImageFacts(document, single.reference)).hints, []);
  });
});
