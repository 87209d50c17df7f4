import assert from 'node:assert/strict';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintJson, makeTree, removeTree, runCli, SSH_DOCKERFILE } from './helpers';

const MESSY = 'FROM debian:12-slim\r\nMAINTAINER ops@example.com\r\nRUN apt-get update && apt-get install -y \\\r\n    curl\r\nEXPOSE 22 8080\r\n';

describe('bulkhead fix', () => {
  it('applies the safe fixes in place, and a second run changes nothing', () => {
    const root = makeTree({ 'svc/Dockerfile': MESSY, 'other/Containerfile': SSH_DOCKERFILE });
    try {
      chmodSync(join(root, 'svc', 'Dockerfile'), 0o640);
      const first = runCli(['fix', '--fail-on', 'none', '.'], root);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /^Applied \d+ fixes in 2 files\./);
      const fixed = readFileSync(join(root, 'svc', 'Dockerfile'), 'utf8');
      assert.ok(fixed.includes('LABEL maintainer="ops@example.com"\r\n'), fixed);
      assert.ok(fixed.includes('--no-install-recommends'), fixed);
      assert.ok(fixed.includes('rm -rf /var/lib/apt/lists/*'), fixed);
      assert.ok(fixed.includes('EXPOSE 8080\r\n'), fixed);
      assert.ok(!/[^\r]\n/.test(fixed), 'CRLF line endings are kept');
      // Atomic write kept the permission bits and left no temporary file behind.
      assert.equal(statSync(join(root, 'svc', 'Dockerfile')).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(join(root, 'svc')), ['Dockerfile']);
      // No safe fix is left to apply.
      const { report } = lintJson(['.'], root);
      for (const finding of report.files.flatMap((f) => f.findings)) assert.ok(!finding.fixes.some((fix) => fix.safe), `${finding.rule} still has a safe fix`);

      const second = runCli(['fix', '--fail-on', 'none', '.'], root);
      assert.equal(second.code, 0);
      assert.match(second.stdout, /^Nothing to fix\./);
      assert.equal(readFileSync(join(root, 'svc', 'Dockerfile'), 'utf8'), fixed);
    } finally {
      removeTree(root);
    }
  });

  it('--dry-run prints a unified diff and writes nothing', () => {
    const root = makeTree({ Dockerfile: SSH_DOCKERFILE });
    try {
      const before = statSync(join(root, 'Dockerfile'));
      const run = runCli(['fix', '--dry-run', '--fail-on', 'none', 'Dockerfile'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), SSH_DOCKERFILE);
      assert.equal(statSync(join(root, 'Dockerfile')).mtimeMs, before.mtimeMs);
      assert.deepEqual(readdirSync(root).sort(), ['.git', 'Dockerfile']);
      assert.ok(run.stdout.startsWith('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,3 +1,3 @@\n'), run.stdout);
      assert.ok(run.stdout.includes('\n-MAINTAINER ops@example.com\n-EXPOSE 22 8080\n+LABEL maintainer="ops@example.com"\n+EXPOSE 8080\n'), run.stdout);
      assert.ok(run.stdout.includes('\n FROM debian:12-slim\n'));
      assert.match(run.stderr, /Would apply 2 fixes in 1 file; nothing was written\./);
    } finally {
      removeTree(root);
    }
  });

  it('--unsafe also applies the preferred unsafe fix', () => {
    const text = 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y openssh-server curl && rm -rf /var/lib/apt/lists/*\n';
    const root = makeTree({ safe: '', 'a/Dockerfile': text, 'b/Dockerfile': text });
    try {
      runCli(['fix', '--fail-on', 'none', 'a'], root);
      assert.ok(readFileSync(join(root, 'a', 'Dockerfile'), 'utf8').includes('openssh-server'), 'the package removal is unsafe: not applied by default');
      runCli(['fix', '--unsafe', '--fail-on', 'none', 'b'], root);
      assert.ok(!readFileSync(join(root, 'b', 'Dockerfile'), 'utf8').includes('openssh-server'));
    } finally {
      removeTree(root);
    }
  });

  it('exits 1 when findings at or above --fail-on remain, and 2 for unreadable input', () => {
    const root = makeTree({ Dockerfile: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y openssh-server && rm -rf /var/lib/apt/lists/*\n' });
    try {
      const run = runCli(['fix', '.'], root);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /Remaining:\n[\s\S]*Dockerfile:2:\d+ {2}error {4}ssh-server-installed/);
      const missing = runCli(['fix', 'nope/Dockerfile', '.'], root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read nope\/Dockerfile/);
    } finally {
      removeTree(root);
    }
  });
});
