import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import manifest from '../../package.json';
import { lintJson, makeTree, removeTree, rulesIn, runCli, SSH_DOCKERFILE } from './helpers';

describe('bulkhead lint --format json', () => {
  const root = makeTree({ 'docker/Dockerfile': SSH_DOCKERFILE });
  after(() => removeTree(root));

  it('matches the SPEC contract field by field', () => {
    const { run, report } = lintJson(['docker'], root);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'summary']);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    const file = report.files[0]!;
    assert.deepEqual(Object.keys(file), ['path', 'findings']);
    assert.equal(file.path, 'docker/Dockerfile');
    const ssh = file.findings.find((f) => f.rule === 'ssh-port-exposed');
    assert.ok(ssh, 'ssh-port-exposed reported');
    assert.deepEqual(Object.keys(ssh), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixes']);
    assert.equal(ssh.severity, 'error');
    assert.match(ssh.message, /`22`/);
    // `EXPOSE 22 8080`: the port is columns 8–9, end column exclusive.
    assert.deepEqual([ssh.line, ssh.column, ssh.endLine, ssh.endColumn], [3, 8, 3, 10]);
    assert.equal(ssh.fixes.length, 1);
    const fix = ssh.fixes[0]!;
    assert.deepEqual(Object.keys(fix), ['title', 'safe', 'edits']);
    assert.equal(fix.title, 'Remove port `22` from `EXPOSE`');
    assert.equal(fix.safe, true);
    assert.deepEqual(fix.edits, [{ line: 3, column: 8, endLine: 3, endColumn: 11, newText: '' }]);
    const maintainer = file.findings.find((f) => f.rule === 'maintainer-deprecated');
    assert.deepEqual([maintainer?.severity, maintainer?.line, maintainer?.column, maintainer?.endColumn], ['warning', 2, 1, 11]);
  });

  it('counts the summary by severity over every finding', () => {
    const { report } = lintJson(['docker'], root);
    const all = report.files.flatMap((f) => f.findings);
    assert.deepEqual(Object.keys(report.summary), ['files', 'error', 'warning', 'info']);
    assert.equal(report.summary.files, 1);
    for (const severity of ['error', 'warning', 'info'] as const) {
      assert.equal(report.summary[severity], all.filter((f) => f.severity === severity).length);
    }
    assert.ok(report.summary.error >= 1);
  });

  it('reports a finding inside a multi-line RUN on the package line', () => {
    const tree = makeTree({ Dockerfile: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      openssh-server\n' });
    try {
      const { report } = lintJson(['.'], tree);
      const ssh = report.files[0]!.findings.find((f) => f.rule === 'ssh-server-installed');
      assert.deepEqual([ssh?.line, ssh?.column, ssh?.endLine, ssh?.endColumn], [4, 7, 4, 21]);
    } finally {
      removeTree(tree);
    }
  });

  it('lists a clean file with no findings and exits 0', () => {
    const tree = makeTree({ 'Containerfile': 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n' });
    try {
      const { run, report } = lintJson(['--fail-on', 'error', '.'], tree);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(report.files[0]?.path, 'Containerfile');
      assert.equal(report.summary.error, 0);
    } finally {
      removeTree(tree);
    }
  });
});

describe('bulkhead lint --format text', () => {
  const root = makeTree({ 'a/Dockerfile': SSH_DOCKERFILE, 'b/Dockerfile': 'FROM debian:12-slim\nMAINTAINER x\n' });
  after(() => removeTree(root));

  it('prints file:line:col severity rule message, grouped by file, then a summary', () => {
    const run = runCli(['lint', '.'], root);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^a\/Dockerfile:3:8 {2}error {4}ssh-port-exposed {2}Port `22` \(SSH\) is exposed/m);
    assert.match(run.stdout, /^b\/Dockerfile:2:1 {2}warning {2}maintainer-deprecated {2}`MAINTAINER` is deprecated/m);
    const blocks = run.stdout.trimEnd().split('\n\n');
    assert.ok(blocks.length >= 3, 'one block per file and the summary');
    assert.ok(blocks[0]!.split('\n').every((line) => line.startsWith('a/Dockerfile:')));
    assert.ok(blocks[1]!.split('\n').every((line) => line.startsWith('b/Dockerfile:')));
    assert.match(blocks.at(-1)!, /^\d+ problems? \(\d+ errors?, \d+ warnings?, \d+ info\) in 2 files; \d+ fixable with `bulkhead fix`\.$/);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', () => {
    assert.ok(runCli(['lint', 'a'], root, { FORCE_COLOR: '1' }).stdout.includes('\u001b[31merror'));
    assert.ok(!runCli(['lint', 'a'], root, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout.includes('\u001b['));
  });

  it('says so when there is nothing to report', () => {
    const tree = makeTree({ Dockerfile: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n' });
    try {
      const run = runCli(['lint', '--format', 'text', '--fail-on', 'none', '.'], tree);
      assert.equal(run.code, 0);
      assert.ok(run.stdout.trim().endsWith('in 1 file.') || run.stdout.includes('No problems found in 1 file.'));
    } finally {
      removeTree(tree);
    }
  });
});

describe('bulkhead lint --format checkstyle', () => {
  it('writes checkstyle XML with escaped messages', () => {
    const root = makeTree({ 'x&y/Dockerfile': SSH_DOCKERFILE });
    try {
      const run = runCli(['lint', '--format', 'checkstyle', '.'], root);
      assert.equal(run.code, 1);
      assert.ok(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n'));
      assert.ok(run.stdout.includes('<file name="x&amp;y/Dockerfile">'));
      assert.match(run.stdout, /<error line="3" column="8" severity="error" message="Port `22` \(SSH\) is exposed[^"]*" source="bulkhead\.ssh-port-exposed"\/>/);
      assert.match(run.stdout, /message="`MAINTAINER` is deprecated[^"]*LABEL maintainer=&quot;\.\.\.&quot;[^"]*"/);
      assert.ok(run.stdout.trimEnd().endsWith('</checkstyle>'));
      // Every element closes: one </file> per <file>.
      assert.equal(run.stdout.split('<file ').length, run.stdout.split('</file>').length);
    } finally {
      removeTree(root);
    }
  });
});

describe('exit codes and --fail-on', () => {
  const root = makeTree({ 'warn/Dockerfile': 'FROM debian:12-slim\nMAINTAINER x\n', 'err/Dockerfile': SSH_DOCKERFILE });
  after(() => removeTree(root));

  it('fails on errors by default, on warnings with --fail-on warning, never with none', () => {
    const warnOnly = lintJson(['warn'], root);
    const errors = warnOnly.report.files.flatMap((f) => f.findings).filter((f) => f.severity === 'error');
    assert.equal(warnOnly.run.code, errors.length > 0 ? 1 : 0);
    assert.equal(runCli(['lint', '--fail-on', 'warning', 'warn'], root).code, 1);
    assert.equal(runCli(['lint', '--fail-on', 'none', 'err'], root).code, 0);
    assert.equal(runCli(['lint', 'err'], root).code, 1);
  });

  it('exits 2 for an unreadable file and still reports the others', () => {
    const { run, report } = lintJson(['err', 'missing/Dockerfile'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bulkhead: error: cannot read missing\/Dockerfile: no such file or folder/);
    assert.deepEqual(report.files.map((f) => f.path), ['err/Dockerfile']);
  });

  it('exits 2 for a named file that is not a Dockerfile, and lints one that reads like one', () => {
    writeFileSync(join(root, 'notes.txt'), 'just some notes\n');
    writeFileSync(join(root, 'build.docker'), SSH_DOCKERFILE);
    const { run, report } = lintJson(['notes.txt', 'build.docker'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /notes\.txt is not a Dockerfile/);
    assert.deepEqual(report.files.map((f) => f.path), ['build.docker']);
  });

  it('--help and --version exit 0; unknown flags, commands and values exit 2 with usage', () => {
    const help = runCli(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: bulkhead <command>/);
    const version = runCli(['--version'], root);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), manifest.version);
    for (const args of [['lint', '--bogus', '.'], ['frobnicate'], [], ['lint', '--format', 'yaml', '.'], ['lint', '--fail-on', 'fatal', '.'], ['lint', '--unsafe', '.'], ['lint', '--format']]) {
      const run = runCli(args, root);
      assert.equal(run.code, 2, `${args.join(' ')} → ${run.code}`);
      assert.match(run.stderr, /^bulkhead: .+\nRun `bulkhead --help` for usage\.\n$/);
      assert.equal(run.stdout, '');
    }
  });

  it('warns about a folder with no Dockerfiles without failing', () => {
    const tree = makeTree({ 'src/index.js': '' });
    try {
      const { run, report } = lintJson(['src'], tree);
      assert.equal(run.code, 0);
      assert.match(run.stderr, /no Dockerfiles found under src/);
      assert.equal(report.summary.files, 0);
    } finally {
      removeTree(tree);
    }
  });
});

describe('inline pragmas', () => {
  it('honours bulkhead and hadolint ignore pragmas, per instruction and global', () => {
    const root = makeTree({
      'next/Dockerfile': 'FROM debian:12-slim\n# bulkhead ignore=ssh-port-exposed\nEXPOSE 22\nEXPOSE 22/tcp\n',
      'hadolint/Dockerfile': 'FROM debian:12-slim\n# hadolint ignore=DL4000\nMAINTAINER x\nMAINTAINER y\n',
      'global/Dockerfile': 'FROM debian:12-slim\n# bulkhead global ignore=ssh-port-exposed,maintainer-deprecated\nMAINTAINER x\nEXPOSE 22\n',
    });
    try {
      const { report } = lintJson(['.'], root);
      const positions = (path: string, rule: string): number[] => report.files.find((f) => f.path === path)!.findings.filter((f) => f.rule === rule).map((f) => f.line);
      assert.deepEqual(positions('next/Dockerfile', 'ssh-port-exposed'), [4]);
      assert.deepEqual(positions('hadolint/Dockerfile', 'maintainer-deprecated'), [4]);
      assert.ok(!rulesIn(report, 'global/Dockerfile').includes('ssh-port-exposed'));
      assert.ok(!rulesIn(report, 'global/Dockerfile').includes('maintainer-deprecated'));
    } finally {
      removeTree(root);
    }
  });
});
