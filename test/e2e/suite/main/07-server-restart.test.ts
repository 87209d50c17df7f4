/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { diagnosticsWhere, fixture, open, resetFile, ruleOf, waitFor } from '../helpers';

/** Language server processes started by this extension host (the client spawns them over IPC). */
function serverPids(): number[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[2]) === process.pid && /dist\/server\/server\.js/.test(match[3] ?? ''))
    .map((match) => Number(match[1]));
}

suite('server restart', () => {
  const uri = () => fixture('Dockerfile.prod');
  let original: string;
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = (await open(uri())).document;
    original = document.getText();
    await diagnosticsWhere(uri(), 'ssh-port-exposed', (found) => found.some((d) => ruleOf(d) === 'ssh-port-exposed'));
  });
  teardown(() => resetFile(uri(), original));

  /** An edit after the restart is linted: the new server is the one answering. */
  async function assertLintsEdits(): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri(), new vscode.Position(document.lineCount, 0), 'MAINTAINER someone\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await diagnosticsWhere(uri(), 'diagnostics for the edit', (d) => d.some((x) => ruleOf(x) === 'maintainer-deprecated') && d.some((x) => ruleOf(x) === 'ssh-port-exposed'));
    assert.equal(document.getText(found.find((d) => ruleOf(d) === 'maintainer-deprecated')?.range), 'MAINTAINER');
  }

  test('a killed server is restarted and diagnostics come back', async () => {
    const [pid, ...others] = serverPids();
    assert.ok(pid, 'the language server runs as a child of the extension host');
    assert.deepEqual(others, [], 'one server');
    process.kill(pid, 'SIGKILL');
    const [restarted] = await waitFor('a new server process', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== pid && pids;
    });
    assert.notEqual(restarted, pid);
    await assertLintsEdits();
  });

  test('"Restart Server" replaces the server process and diagnostics come back', async () => {
    const [pid] = serverPids();
    assert.ok(pid);
    await vscode.commands.executeCommand('bulkhead.restartServer');
    await waitFor('the old server to exit and a new one to run', () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== pid;
    });
    await assertLintsEdits();
  });
});
