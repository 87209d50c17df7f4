import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { TestClient } from './harness';

const codes = (params: { diagnostics: { code?: number | string }[] }): string[] => params.diagnostics.map((d) => String(d.code));

describe('language server with config files and .dockerignore', () => {
  let client: TestClient;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-lsp-'));
    // A `.git` folder marks the repository root, where the config search stops.
    mkdirSync(join(root, '.git'));
    ({ client } = await TestClient.start());
  });
  after(() => {
    (client as TestClient | undefined)?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  async function filesChanged(...paths: string[]): Promise<void> {
    const changes = paths.map((path): FileEvent => ({ uri: pathToFileURL(path).href, type: FileChangeType.Changed }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  it('applies the nearest .bulkhead.yaml and re-lints when it changes', async () => {
    const folder = join(root, 'service');
    mkdirSync(folder);
    writeFileSync(join(root, '.bulkhead.yaml'), 'rules:\n  ssh-port-exposed: off\n');
    const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
    await client.open(uri, 'FROM ubuntu:24.04\nEXPOSE 22\n');
    assert.ok(!codes(await client.diagnosticsFor(uri, 1)).includes('ssh-port-exposed'));

    writeFileSync(join(root, '.bulkhead.yaml'), 'rules:\n  ssh-port-exposed: warning\n');
    const from = client.published.length;
    await filesChanged(join(root, '.bulkhead.yaml'));
    const after = await client.diagnosticsFor(uri, 1, from);
    assert.equal(after.diagnostics.find((d) => d.code === 'ssh-port-exposed')?.severity, 2);
  });

  it('reports an invalid config by file, line and key, and lints with the defaults', async () => {
    const folder = join(root, 'invalid');
    mkdirSync(folder);
    writeFileSync(join(folder, '.bulkhead.yaml'), 'rules:\n  ssh-port-exposed: loud\n');
    const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
    await client.open(uri, 'FROM ubuntu:24.04\nEXPOSE 22\n');
    const published = await client.diagnosticsFor(uri, 1);
    assert.equal(published.diagnostics.find((d) => d.code === 'ssh-port-exposed')?.severity, 1);
    const warning = client.logs.find((log) => log.type === 2 && log.message.includes('.bulkhead.yaml:2:'));
    assert.ok(warning, client.logs.map((log) => log.message).join('\n'));
    assert.match(warning.message, /ssh-port-exposed/);
  });

  it('publishes nothing for a file matched by ignorePaths', async () => {
    const folder = join(root, 'ignored');
    mkdirSync(join(folder, 'vendor'), { recursive: true });
    writeFileSync(join(folder, '.bulkhead.yaml'), 'ignorePaths:\n  - vendor/**\n');
    const uri = pathToFileURL(join(folder, 'vendor', 'Dockerfile')).href;
    await client.open(uri, 'FROM ubuntu:24.04\nEXPOSE 22\n');
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
  });

  it('knows whether the build context has a .dockerignore', async () => {
    const folder = join(root, 'context');
    mkdirSync(folder);
    const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
    await client.open(uri, 'FROM ubuntu:24.04\nCOPY . /app\n');
    assert.ok(codes(await client.diagnosticsFor(uri, 1)).includes('copy-context-without-dockerignore'));
    writeFileSync(join(folder, '.dockerignore'), '.git\n');
    const from = client.published.length;
    await filesChanged(join(folder, '.dockerignore'));
    assert.ok(!codes(await client.diagnosticsFor(uri, 1, from)).includes('copy-context-without-dockerignore'));

    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, 'FROM ubuntu:24.04\nCOPY . /app\n');
    assert.ok(!codes(await client.diagnosticsFor(untitled, 1)).includes('copy-context-without-dockerignore'), 'unknown for an unsaved file');
  });
});
