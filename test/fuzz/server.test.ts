import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { CodeActionRequest, HoverRequest, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER, TestClient } from '../lsp/harness';
import { caseCount, FUZZ_SEED, mutatedCase, pathologicalCases, projectSeeds, Random } from './inputs';

/**
 * Thousands of random edits to the language server over stdio, sent in bursts as typing does:
 * it stays up, publishes diagnostics for the latest version after every burst, and keeps
 * answering requests in between.
 */

const BURST = 25;
const MAX_CHARS = 20_000;
const PIECES = ['\n', '\\\n', ' ', 'RUN apt-get install -y curl', 'EXPOSE 22', '&&', '"', "'", '$', '${A:-', '}', '[', ']', '<<EOF\n', 'EOF', '\r\n', '\0', '\ud800', '😀', 'FROM scratch AS x\n', 'USER root', '# bulkhead ignore=ssh-port-exposed\n', 'ARG A=1\n', '`'];

describe('server fuzz', () => {
  let client: TestClient | undefined;

  before(async () => {
    // Another `npm test` may be rebuilding dist/ right now: give the bundle a minute to reappear.
    for (let waited = 0; !existsSync(SERVER) && waited < 60_000; waited += 200) await delay(200);
    client = (await TestClient.start()).client;
  });

  after(() => client?.kill());

  const edits = Math.min(caseCount(3000), 20_000);

  it(`stays up and answering through ${edits} random edits (seed ${FUZZ_SEED})`, { timeout: 600_000 }, async () => {
    assert.ok(client);
    const random = new Random(FUZZ_SEED);
    const seeds = projectSeeds();
    const uri = 'file:///fuzz/Dockerfile';
    let document = TextDocument.create(uri, 'dockerfile', 1, random.pick(seeds).text);
    await client.open(uri, document.getText(), 1);
    await client.diagnosticsFor(uri, 1);

    const randomRange = (): Range => {
      const length = document.getText().length;
      const start = random.int(length + 1);
      const end = Math.min(length, start + (random.chance(0.6) ? 0 : random.int(30)));
      return { start: document.positionAt(start), end: document.positionAt(end) };
    };
    const randomChange = (n: number): TextDocumentContentChangeEvent => {
      if (n % 500 === 499) return { text: mutatedCase(seeds, n).text };
      const range = randomRange();
      const grow = document.getText().length < MAX_CHARS;
      return { range, text: grow && random.chance(0.7) ? random.pick(PIECES) : '' };
    };

    let version = 1;
    for (let n = 0; n < edits; n++) {
      const change = randomChange(n);
      version++;
      document = TextDocument.update(document, [change], version);
      await client.change(uri, version, [change]);
      if (n % BURST === BURST - 1 || n === edits - 1) {
        const published = await client.diagnosticsFor(uri, version);
        assert.ok(Array.isArray(published.diagnostics));
        if (n % (BURST * 4) === BURST * 4 - 1) {
          const range = randomRange();
          await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: range.start });
          const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range,
            context: { diagnostics: published.diagnostics.slice(0, 3) },
          });
          assert.ok(actions === null || Array.isArray(actions));
        }
      }
    }
    assert.equal(client.child.exitCode, null, 'the server exited');
  });

  it('answers for the pathological files opened side by side', { timeout: 600_000 }, async () => {
    assert.ok(client);
    const cases = pathologicalCases().filter((input) => input.text.length <= 64 * 1024);
    const waits = cases.map((_, k) => client?.diagnosticsFor(`file:///fuzz/hard-${k}/Dockerfile`, 1));
    for (const [k, input] of cases.entries()) await client.open(`file:///fuzz/hard-${k}/Dockerfile`, input.text, 1);
    const published = await Promise.all(waits);
    assert.equal(published.length, cases.length);
    assert.equal(client.child.exitCode, null, 'the server exited');
  });
});
