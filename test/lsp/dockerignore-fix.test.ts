import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DidCreateFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { DOCKERIGNORE } from '../../server/src/engine/rules/copy-context-without-dockerignore';
import { applyEdits, TestClient, VSCODE_LIKE_CAPABILITIES } from './harness';

const RULE = 'copy-context-without-dockerignore';
const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const TITLE = 'Create `.dockerignore` excluding `.git`, local `.env` files, `node_modules`, `.venv`, `__pycache__` and editor settings (unsafe)';

/** VS Code's answer for the parts that matter here: resource operations in `documentChanges`, a file watcher, file operation events. */
function capabilities(workspace: ClientCapabilities['workspace']): ClientCapabilities {
  return { ...VSCODE_LIKE_CAPABILITIES, workspace: { ...VSCODE_LIKE_CAPABILITIES.workspace, ...workspace } };
}
const CREATE_AND_WATCH = capabilities({
  workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  didChangeWatchedFiles: { dynamicRegistration: true },
});
const CREATE_AND_FILE_EVENTS = capabilities({
  workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
  fileOperations: { didCreate: true },
});

async function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const result = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  });
  return (result ?? []).filter((action): action is CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

function finding(diagnostics: readonly Diagnostic[]): Diagnostic {
  const found = diagnostics.find((d) => d.code === RULE);
  assert.ok(found, `no ${RULE} among ${diagnostics.map((d) => String(d.code)).join(', ')}`);
  return found;
}

/** Applies `documentChanges` to the disk the way an editor does: create operations, then text edits of the files. */
function applyToDisk(edit: WorkspaceEdit | undefined): void {
  for (const change of edit?.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      const path = fileURLToPath(change.uri);
      // As an editor does for a create without `overwrite`/`ignoreIfExists`: an existing file fails the edit.
      if (existsSync(path)) throw new Error(`${path} exists: the workspace edit fails`);
      writeFileSync(path, '');
    } else {
      const path = fileURLToPath(change.textDocument.uri);
      writeFileSync(path, applyEdits(readFileSync(path, 'utf8'), change.edits.filter((e) => 'range' in e && 'newText' in e)));
    }
  }
}

describe('language server: the quick fix that creates a .dockerignore', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-lsp-dockerignore-'));
    mkdirSync(join(root, '.git'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  function project(name: string): { folder: string; uri: string; ignoreUri: string } {
    const folder = join(root, name);
    mkdirSync(folder);
    writeFileSync(join(folder, 'Dockerfile'), DOCKERFILE);
    return { folder, uri: pathToFileURL(join(folder, 'Dockerfile')).href, ignoreUri: pathToFileURL(join(folder, '.dockerignore')).href };
  }

  describe('with a client that creates files and watches them', () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await TestClient.start({ capabilities: CREATE_AND_WATCH }));
    });
    after(() => (client as TestClient | undefined)?.kill());

    it('creates the file, then inserts the content; once the watcher reports it the diagnostic goes', async () => {
      const { folder, uri, ignoreUri } = project('watched');
      await client.open(uri, DOCKERFILE);
      const diagnostic = finding((await client.diagnosticsFor(uri, 1)).diagnostics);
      assert.deepEqual(diagnostic.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 6 } });
      const actions = await codeActions(client, uri, [diagnostic]);
      const create = actions.find((action) => action.title === TITLE);
      assert.ok(create, `titles: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(create.kind, 'quickfix');
      assert.notEqual(create.isPreferred, true);
      assert.equal(create.edit?.changes, undefined);
      const changes = create.edit?.documentChanges ?? [];
      assert.equal(changes.length, 2);
      assert.deepEqual(changes[0], { kind: 'create', uri: ignoreUri, options: { overwrite: false } });
      const insert = changes[1];
      assert.ok(insert && 'textDocument' in insert);
      assert.deepEqual(insert.textDocument, { uri: ignoreUri, version: null });
      assert.equal(insert.edits.length, 1);
      assert.deepEqual(insert.edits[0] && 'range' in insert.edits[0] ? insert.edits[0].range : null, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

      applyToDisk(create.edit);
      const written = readFileSync(join(folder, '.dockerignore'), 'utf8');
      assert.equal(written, DOCKERIGNORE);
      assert.equal(readFileSync(join(folder, 'Dockerfile'), 'utf8'), DOCKERFILE);

      const from = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ignoreUri, type: FileChangeType.Created }] });
      const after = await client.diagnosticsFor(uri, 1, from);
      assert.ok(!after.diagnostics.some((d) => d.code === RULE), after.diagnostics.map((d) => String(d.code)).join(', '));
    });

    it('is never part of source.fixAll.bulkhead', async () => {
      const { uri } = project('fix-all');
      await client.open(uri, DOCKERFILE);
      const published = await client.diagnosticsFor(uri, 1);
      finding(published.diagnostics);
      const actions = await codeActions(client, uri, published.diagnostics, ['source.fixAll.bulkhead']);
      const creates = actions.flatMap((action) => action.edit?.documentChanges ?? []).filter((change) => 'kind' in change);
      assert.deepEqual(creates, []);
      assert.ok(!actions.some((action) => action.title.startsWith('Create')));
    });

    it('is not offered once the file exists, even before the server hears of it', async () => {
      const { folder, uri } = project('appeared');
      await client.open(uri, DOCKERFILE);
      const diagnostic = finding((await client.diagnosticsFor(uri, 1)).diagnostics);
      writeFileSync(join(folder, '.dockerignore'), 'secrets/\n');
      const actions = await codeActions(client, uri, [diagnostic]);
      assert.ok(!actions.some((action) => action.title === TITLE), `titles: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(actions.some((action) => action.title === `Ignore \`${RULE}\` on this line`));
      assert.equal(readFileSync(join(folder, '.dockerignore'), 'utf8'), 'secrets/\n');
    });
  });

  it('with a client that announces created files (no watcher), workspace/didCreateFiles clears the diagnostic', async () => {
    const { client, result } = await TestClient.start({ capabilities: CREATE_AND_FILE_EVENTS });
    try {
      assert.deepEqual(result.capabilities.workspace?.fileOperations?.didCreate, { filters: [{ scheme: 'file', pattern: { glob: '**/{.dockerignore,*.dockerignore}' } }] });
      const { folder, uri, ignoreUri } = project('file-events');
      await client.open(uri, DOCKERFILE);
      const diagnostic = finding((await client.diagnosticsFor(uri, 1)).diagnostics);
      const create = (await codeActions(client, uri, [diagnostic])).find((action) => action.title === TITLE);
      assert.ok(create);
      applyToDisk(create.edit);
      assert.ok(existsSync(join(folder, '.dockerignore')));
      const from = client.published.length;
      await client.connection.sendNotification(DidCreateFilesNotification.type, { files: [{ uri: ignoreUri }] });
      const after = await client.diagnosticsFor(uri, 1, from);
      assert.ok(!after.diagnostics.some((d) => d.code === RULE));
    } finally {
      client.kill();
    }
  });

  it('is not offered to a client without CreateFile support', async () => {
    const { client, result } = await TestClient.start();
    try {
      assert.equal(result.capabilities.workspace, undefined, 'no file operations asked of a client that has none');
      const { folder, uri } = project('no-create');
      await client.open(uri, DOCKERFILE);
      const diagnostic = finding((await client.diagnosticsFor(uri, 1)).diagnostics);
      const actions = await codeActions(client, uri, [diagnostic]);
      assert.ok(!actions.some((action) => action.title.startsWith('Create')), `titles: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(actions.some((action) => action.title === `Ignore \`${RULE}\` on this line`));
      assert.ok(!existsSync(join(folder, '.dockerignore')));
    } finally {
      client.kill();
    }
  });
});
