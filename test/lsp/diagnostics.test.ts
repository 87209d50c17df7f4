import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DiagnosticSeverity, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { fixText } from '../../server/src/engine/lint';
import { parseImageReference } from '../../server/src/engine/model/image-ref';
import { imageFacts, smallerAlternatives } from '../../server/src/knowledge/images';
import { loadEngine } from '../../server/src/node/load-engine';
import { applyEdits, editsFor, ROOT, TestClient } from './harness';

const SOURCE = ['FROM ubuntu:24.04', 'MAINTAINER jane', 'EXPOSE 22 8080', 'RUN apt-get update && apt-get install -y openssh-server curl', 'ADD conf /etc/conf', ''].join('\n');

async function codeActions(client: TestClient, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  });
  return (result ?? []).filter((action): action is CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

function byRule(diagnostics: readonly Diagnostic[], rule: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === rule);
  assert.ok(found, `expected a ${rule} diagnostic among ${diagnostics.map((d) => String(d.code)).join(', ')}`);
  return found;
}

describe('language server over stdio: diagnostics, code actions, hover', () => {
  let client: TestClient;
  let capabilities: Awaited<ReturnType<typeof TestClient.start>>['result']['capabilities'];

  before(async () => {
    await loadEngine();
    const started = await TestClient.start({ initializationOptions: { clientCommands: ['bulkhead.disableRule'] } });
    client = started.client;
    capabilities = started.result.capabilities;
  });
  // `client` is unset when `before` failed.
  after(() => (client as TestClient | undefined)?.kill());

  it('advertises incremental sync, hover and only the code action kinds the client supports', () => {
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.bulkhead'], resolveProvider: false });
    assert.equal(capabilities.hoverProvider, true);
  });

  it('publishes diagnostics for the opened version on the exact token', async () => {
    const uri = 'file:///work/open/Dockerfile';
    await client.open(uri, SOURCE, 7);
    const published = await client.diagnosticsFor(uri, 7);
    const sixRules = new Set(['maintainer-deprecated', 'ssh-port-exposed', 'apt-install-recommends', 'apt-lists-not-cleaned', 'ssh-server-installed', 'add-instead-of-copy']);
    // Other rules may report on this text too; these six must, in document order.
    assert.deepEqual(published.diagnostics.map((d) => String(d.code)).filter((code) => sixRules.has(code)), [
      'maintainer-deprecated',
      'ssh-port-exposed',
      'apt-install-recommends',
      'apt-lists-not-cleaned',
      'ssh-server-installed',
      'add-instead-of-copy',
    ]);
    const port = byRule(published.diagnostics, 'ssh-port-exposed');
    assert.deepEqual(port.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 9 } });
    assert.equal(port.source, 'bulkhead');
    assert.equal(port.severity, DiagnosticSeverity.Error);
    assert.equal(port.codeDescription?.href, 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/ssh-port-exposed.md');
    assert.equal(typeof port.message, 'string');
    assert.match(port.message as string, /`22`/);
    const ssh = byRule(published.diagnostics, 'ssh-server-installed');
    assert.deepEqual(ssh.range, { start: { line: 3, character: 41 }, end: { line: 3, character: 55 } });
    assert.equal(byRule(published.diagnostics, 'maintainer-deprecated').severity, DiagnosticSeverity.Warning);
  });

  it('offers the safe fix as preferred; applying it and sending the change removes the diagnostic', async () => {
    const uri = 'file:///work/quickfix/Dockerfile';
    await client.open(uri, SOURCE);
    const first = await client.diagnosticsFor(uri, 1);
    const actions = await codeActions(client, uri, byRule(first.diagnostics, 'ssh-port-exposed'));
    const fix = actions.find((action) => action.title === 'Remove port `22` from `EXPOSE`');
    assert.ok(fix, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const { version, edits } = editsFor(fix.edit, uri);
    assert.equal(version, 1);
    const fixed = applyEdits(SOURCE, edits);
    assert.equal(fixed.split('\n')[2], 'EXPOSE 8080');
    await client.change(uri, 2, [{ text: fixed }]);
    const second = await client.diagnosticsFor(uri, 2);
    assert.equal(second.diagnostics.filter((d) => d.code === 'ssh-port-exposed').length, 0);
    assert.equal(second.diagnostics.length, first.diagnostics.length - 1);
  });

  it('marks unsafe fixes in the title and never prefers them', async () => {
    const uri = 'file:///work/unsafe/Dockerfile';
    await client.open(uri, SOURCE);
    const published = await client.diagnosticsFor(uri, 1);
    const actions = await codeActions(client, uri, byRule(published.diagnostics, 'ssh-server-installed'));
    const unsafe = actions.find((action) => action.title === 'Remove `openssh-server` from `apt-get install` (unsafe)');
    assert.ok(unsafe, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.notEqual(unsafe.isPreferred, true);
    const fixed = applyEdits(SOURCE, editsFor(unsafe.edit, uri).edits);
    assert.equal(fixed.split('\n')[3], 'RUN apt-get update && apt-get install -y curl');
  });

  it('inserts an ignore pragma above the instruction with its indentation, then extends it', async () => {
    const uri = 'file:///work/ignore/Dockerfile';
    const text = 'FROM ubuntu:24.04\n  EXPOSE 22 8080\n';
    await client.open(uri, text);
    const first = await client.diagnosticsFor(uri, 1);
    const ignore = (await codeActions(client, uri, byRule(first.diagnostics, 'ssh-port-exposed'))).find((a) => a.title === 'Ignore `ssh-port-exposed` on this line');
    assert.ok(ignore);
    const ignored = applyEdits(text, editsFor(ignore.edit, uri).edits);
    assert.equal(ignored, 'FROM ubuntu:24.04\n  # bulkhead ignore=ssh-port-exposed\n  EXPOSE 22 8080\n');
    await client.change(uri, 2, [{ text: ignored }]);
    assert.equal((await client.diagnosticsFor(uri, 2)).diagnostics.filter((d) => d.code === 'ssh-port-exposed').length, 0);

    const withMore = 'FROM ubuntu:24.04\n# bulkhead ignore=ssh-port-exposed\nMAINTAINER jane\n';
    await client.change(uri, 3, [{ text: withMore }]);
    const third = await client.diagnosticsFor(uri, 3);
    const extend = (await codeActions(client, uri, byRule(third.diagnostics, 'maintainer-deprecated'))).find((a) => a.title === 'Ignore `maintainer-deprecated` on this line');
    assert.ok(extend);
    const extended = applyEdits(withMore, editsFor(extend.edit, uri).edits);
    assert.equal(extended, 'FROM ubuntu:24.04\n# bulkhead ignore=ssh-port-exposed,maintainer-deprecated\nMAINTAINER jane\n');
    await client.change(uri, 4, [{ text: extended }]);
    const codes = (await client.diagnosticsFor(uri, 4)).diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('maintainer-deprecated') && !codes.includes('ssh-port-exposed'), String(codes));
  });

  it('offers "Disable in settings" as the client command it declared', async () => {
    const uri = 'file:///work/disable/Dockerfile';
    await client.open(uri, SOURCE);
    const published = await client.diagnosticsFor(uri, 1);
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: byRule(published.diagnostics, 'add-instead-of-copy').range,
      context: { diagnostics: [byRule(published.diagnostics, 'add-instead-of-copy')] },
    });
    const disable = (result ?? []).find((action) => action.title === 'Disable `add-instead-of-copy` in settings');
    assert.ok(disable && 'command' in disable && typeof disable.command === 'object');
    assert.deepEqual(disable.command, { title: 'Disable `add-instead-of-copy` in settings', command: 'bulkhead.disableRule', arguments: [{ rule: 'add-instead-of-copy', uri }] });
  });

  it('returns source.fixAll.bulkhead as one edit tied to the version, applying every safe fix', async () => {
    const uri = 'file:///work/fixall/Dockerfile';
    await client.open(uri, SOURCE, 3);
    await client.diagnosticsFor(uri, 3);
    const result = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.bulkhead'] },
    });
    assert.equal(result?.length, 1);
    const action = result?.[0];
    assert.ok(action && 'kind' in action);
    assert.equal(action.kind, 'source.fixAll.bulkhead');
    const { version, edits } = editsFor(action.edit, uri);
    assert.equal(version, 3);
    assert.equal(edits.length, 1);
    const fixed = applyEdits(SOURCE, edits);
    // The server's result is the engine's safe fix loop on the same text (other rules may add fixes).
    assert.equal(fixed, fixText(SOURCE, {}, 'safe').text);
    const lines = fixed.split('\n');
    assert.ok(lines.includes('LABEL maintainer="jane"'), fixed);
    assert.ok(lines.includes('EXPOSE 8080'), fixed);
    assert.ok(lines.includes('COPY conf /etc/conf'), fixed);
    assert.match(fixed, /apt-get install --no-install-recommends -y openssh-server curl && rm -rf \/var\/lib\/apt\/lists\/\*/);
    await client.change(uri, 4, [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri, 4);
    const codes = after.diagnostics.map((d) => String(d.code));
    assert.ok(codes.includes('ssh-server-installed'), 'its fix is unsafe, so it stays');
    for (const fixedRule of ['maintainer-deprecated', 'ssh-port-exposed', 'apt-install-recommends', 'apt-lists-not-cleaned', 'add-instead-of-copy']) {
      assert.ok(!codes.includes(fixedRule), `${fixedRule} is fixed`);
    }
    const again = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(again, [], 'nothing left to fix safely');
  });

  it('gives no quick fix for diagnostics of a version that has moved on', async () => {
    const uri = 'file:///work/stale/Dockerfile';
    await client.open(uri, SOURCE);
    const first = await client.diagnosticsFor(uri, 1);
    const stale = byRule(first.diagnostics, 'ssh-port-exposed');
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# comment\n' }]);
    await client.diagnosticsFor(uri, 2);
    const actions = await codeActions(client, uri, stale);
    assert.equal(actions.filter((a) => a.title.startsWith('Remove port')).length, 0);
  });

  it('hovers a finding with its message, the "Why it matters" section of its docs and a link', async () => {
    const uri = 'file:///work/hover/Dockerfile';
    await client.open(uri, SOURCE);
    await client.diagnosticsFor(uri, 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 8 } });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    const docs = readFileSync(join(ROOT, 'docs', 'rules', 'ssh-port-exposed.md'), 'utf8');
    const paragraphs = /## Why it matters\n\n([\s\S]*?)\n## /.exec(docs)?.[1]?.trim().split(/\n\s*\n/) ?? [];
    assert.ok(paragraphs.length >= 2, 'the page has a why paragraph and a scope paragraph');
    assert.ok(value.includes(paragraphs[0] ?? '-'), value);
    assert.ok(!value.includes(paragraphs[1] ?? '-'), 'only the first paragraph; the link has the rest');
    assert.match(value, /`ssh-port-exposed`/);
    assert.match(value, /\[Documentation\]\(https:\/\/github\.com\/bulkhead-dev\/bulkhead\/blob\/main\/docs\/rules\/ssh-port-exposed\.md\)/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 9 } });

    const onFrom = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 8 } });
    assert.ok(onFrom, 'hover on the FROM image');
    const fromText = (onFrom.contents as MarkupContent).value;
    assert.match(fromText, /\*\*Image\*\* `docker\.io\/ubuntu`/);
    const facts = imageFacts(parseImageReference('ubuntu:24.04') ?? assert.fail('reference parses'));
    const amd64 = facts?.sizes.amd64;
    assert.ok(amd64, 'the knowledge tables know ubuntu:24.04');
    assert.ok(fromText.includes(`linux/amd64 ≈ ${Math.round(amd64 / 1_000_000)} MB`), fromText);
    assert.ok(fromText.includes(`runs as \`${facts?.defaultUser}\``), fromText);
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 12 } });
    assert.equal(nothing, null);
  });

  it('lists smaller alternatives that fit the stage on FROM', async () => {
    const uri = 'file:///work/alternatives/Dockerfile';
    const text = 'FROM node:22\nWORKDIR /app\nCOPY app.js .\nUSER node\nCMD ["node", "app.js"]\n';
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 6 } });
    const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    const expected = smallerAlternatives(parseImageReference('node:22') ?? assert.fail('reference parses'), {
      now: new Date(),
      runsShell: false,
      packageManager: null,
      needsJdk: false,
      glibcLikely: false,
    });
    assert.ok(expected.length > 0, 'the tables offer something smaller than node:22');
    assert.match(value, /Smaller alternatives that fit this stage:/);
    for (const alternative of expected) assert.ok(value.includes(`- \`${alternative.reference}\``), `${alternative.reference} in ${value}`);
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///work/close/Dockerfile';
    await client.open(uri, SOURCE);
    await client.diagnosticsFor(uri, 1);
    const from = client.published.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.nextDiagnostics((p) => p.uri === uri, from);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('language server for a client that shows image facts itself', () => {
  it('leaves sizes out of the FROM hover', async () => {
    const { client } = await TestClient.start({ initializationOptions: { imageFactsInClient: true } });
    try {
      const uri = 'file:///work/client-facts/Dockerfile';
      await client.open(uri, 'FROM ubuntu:24.04\n');
      await client.diagnosticsFor(uri, 1);
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 8 } });
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      assert.match(value, /Tag `24\.04`/);
      assert.doesNotMatch(value, /Compressed size/);
    } finally {
      client.kill();
    }
  });
});

describe('language server with a client that lacks code action literals', () => {
  it('advertises no code actions', async () => {
    const { client, result } = await TestClient.start({ capabilities: { workspace: { configuration: true } } });
    try {
      assert.equal(result.capabilities.codeActionProvider, undefined);
    } finally {
      client.kill();
    }
  });
});
