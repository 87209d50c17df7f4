/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, extension, fixture, open, registryHost, registryRequests, requestImageFacts, ruleOf } from '../helpers';

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
});
