import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { SERVER, TestClient } from './harness';

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = ['# escape=\\', 'ARG BASE=ubuntu:24.04', 'FROM ${BASE} AS build', 'RUN apt-get update && \\', '    apt-get install -y openssh-server curl', 'EXPOSE 22', 'COPY --from=build /a /b', 'CMD ["run"]', ''].join('\n');
const PIECES = ['\\\n', '"', '[', ']', 'RUN ', 'FROM ', '$', '${', '\0', '\r\n', '<<EOF\n', 'EOF\n', '#', ' ', '\t', 'é', '😀', '--mount=type=cache', '&&', "'"];

describe('language server robustness', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  // `client` is unset when `before` failed.
  after(() => (client as TestClient | undefined)?.kill());

  async function alive(uri: string): Promise<void> {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.child.exitCode, null);
  }

  it('survives NUL bytes, a huge line and half-typed instructions', async () => {
    const inputs = [
      'FROM\0ubuntu\0\nRUN \0\0\0',
      `FROM alpine\nRUN echo ${'x'.repeat(1_000_000)}\n`,
      'FROM',
      'FROM ubuntu:24.04\nRUN apt-get install -y \\',
      'FROM ubuntu AS\nCOPY --from= \nEXPOSE 22-\nHEALTHCHECK CMD\nRUN <<EOF\n',
      'RUN ["unterminated',
      '\uFEFFFROM ubuntu\r\nEXPOSE 22\r',
      '\\\n'.repeat(5000),
      '',
    ];
    for (const [index, text] of inputs.entries()) {
      const uri = `file:///robust/${index}/Dockerfile`;
      await client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1);
      assert.ok(Array.isArray(published.diagnostics));
      await alive(uri);
    }
    assert.deepEqual(client.logs.filter((log) => log.type === 1).map((log) => log.message), [], 'no rule or handler failed');
  });

  it('survives random incremental edits and publishes the final version last', async () => {
    const next = random(20261129);
    const uri = 'file:///robust/random/Dockerfile';
    let text = BASE;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const from = client.published.length;
    let version = 1;
    for (let step = 0; step < 300; step++) {
      const lines = text.split('\n');
      const line = Math.floor(next() * lines.length);
      const length = lines[line]?.length ?? 0;
      const start = Math.floor(next() * (length + 1));
      const end = Math.min(length, start + Math.floor(next() * 4));
      const inserted = next() < 0.3 ? '' : (PIECES[Math.floor(next() * PIECES.length)] ?? '');
      version++;
      await client.change(uri, version, [{ range: { start: { line, character: start }, end: { line, character: end } }, text: inserted }]);
      lines[line] = (lines[line] ?? '').slice(0, start) + inserted + (lines[line] ?? '').slice(end);
      text = lines.join('\n');
    }
    await client.diagnosticsFor(uri, version, from);
    await alive(uri);
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version ?? -1);
    assert.equal(versions.at(-1), version);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
    assert.deepEqual(client.logs.filter((log) => log.type === 1).map((log) => log.message), [], 'no rule or handler failed');
  });

  it('after a burst of edits that outruns the settings, publishes only the last version', async () => {
    const uri = 'file:///robust/burst/Dockerfile';
    await client.open(uri, 'FROM ubuntu:24.04\n');
    await client.diagnosticsFor(uri, 1);
    const from = client.published.length;
    // Dropping the cached settings makes the next run wait for workspace/configuration; the whole
    // burst is in the pipe before the answer, so every version but the last is stale by then.
    await client.configurationChanged();
    const sends: Promise<void>[] = [];
    for (let version = 2; version <= 21; version++) {
      sends.push(client.change(uri, version, [{ range: { start: { line: version - 1, character: 0 }, end: { line: version - 1, character: 0 } }, text: version === 21 ? 'EXPOSE 22\n' : 'LABEL a=b\n' }]));
    }
    await Promise.all(sends);
    const last = await client.diagnosticsFor(uri, 21, from);
    assert.ok(last.diagnostics.some((d) => d.code === 'ssh-port-exposed'));
    await alive(uri);
    assert.deepEqual(client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version), [21]);
  });

  it('answers malformed requests with empty results', async () => {
    const unknown = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'file:///never/opened' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(unknown, []);
    const uri = 'file:///robust/malformed/Dockerfile';
    await client.open(uri, 'FROM ubuntu\nEXPOSE 22\n');
    await client.diagnosticsFor(uri, 1);
    const odd = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 99, character: 5 }, end: { line: -1, character: 0 } },
      context: { diagnostics: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 9 } }, message: 'x', source: 'bulkhead', code: 'ssh-port-exposed', data: { version: 1, index: 99 } }] },
    });
    assert.ok(Array.isArray(odd));
    assert.ok(odd.some((action) => action.title === 'Remove port `22` from `EXPOSE`'), 'found by rule and range when data points nowhere');
    const far = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1000, character: 1000 } });
    assert.equal(far, null);
    await alive(uri);
  });

  it('refuses to start without a transport, with a usage line and exit code 2', () => {
    const result = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^usage: bulkhead-language-server --stdio/);
  });

  it('shuts down and exits cleanly', async () => {
    const { client: other } = await TestClient.start();
    try {
      assert.equal(await other.shutdown(), 0);
    } finally {
      other.kill();
    }
  });
});
