/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { registryHost, registryRequests, requestImageFacts, updateSetting, waitFor } from '../helpers';

// The counterpart of ../untrusted: the same lookup in a trusted workspace does reach the registry,
// so "no request" there means the trust check held, not that nothing would have been asked.
suite('image size (online, trusted workspace)', () => {
  suiteSetup(async () => {
    await updateSetting('bulkhead.imageSize.insecureRegistries', [registryHost()], vscode.ConfigurationTarget.Global);
    await updateSetting('bulkhead.imageSize.online', true, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await updateSetting('bulkhead.imageSize.online', undefined, vscode.ConfigurationTarget.Global);
    await updateSetting('bulkhead.imageSize.insecureRegistries', undefined, vscode.ConfigurationTarget.Global);
  });

  test('with bulkhead.imageSize.online the image is looked up in its registry (distribution API)', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const image = `${registryHost()}/demo/app:1.0`;
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `FROM ${image}\n` });
    const { hover } = await requestImageFacts(document, image);
    const requests = await waitFor('a registry request', () => {
      const lines = registryRequests().filter((line) => line.includes('/demo/app/'));
      return lines.length > 0 && lines;
    });
    assert.ok(requests.every((line) => /^(GET|HEAD) \/v2\/demo\/app\//.test(line)), requests.join('\n'));
    assert.ok(requests.includes('GET /v2/demo/app/manifests/1.0'), requests.join('\n'));
    assert.ok(hover.length > 0, 'the hover says what happened');
  });

  test('a Docker Hub image is looked up through the proxy the runner set (what the untrusted test relies on)', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM ubuntu:22.04\n' });
    await requestImageFacts(document, 'ubuntu:22.04');
    const requests = await waitFor('a proxied request', () => registryRequests().some((line) => line.startsWith('CONNECT ')) && registryRequests());
    assert.ok(requests.some((line) => /^CONNECT (registry-1\.docker\.io|auth\.docker\.io|index\.docker\.io):443$/.test(line)), requests.join('\n'));
  });
});
