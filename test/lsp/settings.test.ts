import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { TestClient } from './harness';

const TEXT = 'FROM ubuntu:24.04\nEXPOSE 22 8080\nADD conf /etc/conf\n';
const codes = (params: { diagnostics: { code?: number | string }[] }): string[] => params.diagnostics.map((d) => String(d.code));

describe('language server settings', () => {
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.kill();
  });
  async function start(settings: () => unknown): Promise<TestClient> {
    const { client } = await TestClient.start({ settings });
    clients.push(client);
    return client;
  }

  it('pulls the bulkhead section per document URI and caches it', async () => {
    const client = await start(() => ({}));
    await client.open('file:///a/Dockerfile', TEXT);
    await client.diagnosticsFor('file:///a/Dockerfile', 1);
    await client.change('file:///a/Dockerfile', 2, [{ text: `${TEXT}# more\n` }]);
    await client.diagnosticsFor('file:///a/Dockerfile', 2);
    await client.open('file:///b/Containerfile', TEXT);
    await client.diagnosticsFor('file:///b/Containerfile', 1);
    assert.deepEqual(client.configurationRequests, ['file:///a/Dockerfile', 'file:///b/Containerfile']);
  });

  it('applies a settings change that turns a rule off, and severities from settings', async () => {
    let rules: Record<string, string> = { 'add-instead-of-copy': 'error' };
    const client = await start(() => ({ rules }));
    const uri = 'file:///rules/Dockerfile';
    await client.open(uri, TEXT);
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(codes(first).includes('ssh-port-exposed'));
    assert.equal(first.diagnostics.find((d) => d.code === 'add-instead-of-copy')?.severity, 1);

    rules = { 'ssh-port-exposed': 'off' };
    const from = client.published.length;
    await client.configurationChanged();
    const second = await client.diagnosticsFor(uri, 1, from);
    assert.ok(!codes(second).includes('ssh-port-exposed'), String(codes(second)));
    assert.equal(second.diagnostics.find((d) => d.code === 'add-instead-of-copy')?.severity, 2, 'back to its default, warning');
    assert.equal(client.configurationRequests.length, 2, 'the cached settings were dropped and pulled again');
  });

  it('publishes nothing with enable: false', async () => {
    const client = await start(() => ({ enable: false }));
    const uri = 'file:///off/Dockerfile';
    await client.open(uri, TEXT);
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
  });

  it('ignores invalid values, logs them and keeps the defaults', async () => {
    const client = await start(() => ({ enable: 'yes', run: 'sometimes', rules: { 'ssh-port-exposed': 'loud', '../x': 'off' } }));
    const uri = 'file:///invalid/Dockerfile';
    await client.open(uri, TEXT);
    const published = await client.diagnosticsFor(uri, 1);
    assert.ok(codes(published).includes('ssh-port-exposed'));
    const warnings = client.logs.filter((log) => log.type === 2).map((log) => log.message);
    assert.ok(warnings.some((message) => message.includes('`bulkhead.enable`')), warnings.join('\n'));
    assert.ok(warnings.some((message) => message.includes('`bulkhead.run`')));
    assert.ok(warnings.some((message) => message.includes('`bulkhead.rules.ssh-port-exposed`')));
  });

  it('with run: onSave lints on open and save, not on each change', async () => {
    const client = await start(() => ({ run: 'onSave' }));
    const uri = 'file:///save/Dockerfile';
    await client.open(uri, 'FROM ubuntu:24.04\n');
    const opened = await client.diagnosticsFor(uri, 1);
    assert.ok(!codes(opened).includes('ssh-port-exposed'));
    const from = client.published.length;
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'EXPOSE 22\n' }]);
    await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'USER app\n' }]);
    await client.save(uri);
    const saved = await client.diagnosticsFor(uri, 3, from);
    assert.ok(codes(saved).includes('ssh-port-exposed'));
    assert.deepEqual(client.published.slice(from).map((p) => p.version), [3], 'only the save published');
  });

  it('with run: onSave still lints an open whose run went stale while the settings were on their way', async () => {
    const client = await start(() => ({ run: 'onSave' }));
    const uri = 'file:///save-burst/Dockerfile';
    const sends = [client.open(uri, 'FROM ubuntu:24.04\n')];
    for (let version = 2; version <= 5; version++) {
      sends.push(client.change(uri, version, [{ range: { start: { line: version - 1, character: 0 }, end: { line: version - 1, character: 0 } }, text: 'EXPOSE 22\n' }]));
    }
    await Promise.all(sends);
    const published = await client.diagnosticsFor(uri, 5);
    assert.ok(codes(published).includes('ssh-port-exposed'));
    assert.deepEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [5]);
  });

  it('uses settings pushed with didChangeConfiguration when the client cannot be asked', async () => {
    const { client } = await TestClient.start({ capabilities: {} });
    clients.push(client);
    const uri = 'file:///push/Dockerfile';
    await client.open(uri, TEXT);
    assert.ok(codes(await client.diagnosticsFor(uri, 1)).includes('ssh-port-exposed'));
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: { rules: { 'ssh-port-exposed': 'off' } } } });
    const after = await client.diagnosticsFor(uri, 1, from);
    assert.ok(!codes(after).includes('ssh-port-exposed'));
    assert.deepEqual(client.configurationRequests, []);
  });
});
