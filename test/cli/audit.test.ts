import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { AuditReport } from '../../server/src/engine/audit-report';
import { makeTree, removeTree, runCli, SSH_DOCKERFILE } from './helpers';

const repoRoot = join(__dirname, '..', '..');
const EVIL = 'x<img src=x onerror=alert(1)>&"q\'';

function gradeOf(counts: { error: number; warning: number; info: number }): string {
  const penalty = counts.error * 10 + counts.warning * 3 + counts.info;
  return penalty <= 2 ? 'A' : penalty <= 9 ? 'B' : penalty <= 19 ? 'C' : penalty <= 39 ? 'D' : 'F';
}

describe('bulkhead audit', () => {
  const root = makeTree({
    'ssh/Dockerfile': SSH_DOCKERFILE,
    'multi/Dockerfile': 'FROM golang:1.24 AS build\nRUN go build -o /app .\nFROM build AS test\nRUN go test ./...\nFROM test\nCMD ["/app"]\n',
    'clean/Dockerfile': 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    [`${EVIL}/Dockerfile`]: 'FROM evil<b>img:1\nMAINTAINER <script>alert(1)</script>\nEXPOSE 22\n',
  });
  after(() => removeTree(root));

  it('json: per file grade, counts, base image of the final stage, and totals by rule', () => {
    const run = runCli(['audit', '--format', 'json', '.'], root);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AuditReport & { version: number; root: string };
    assert.equal(report.version, 1);
    assert.equal(report.root, '.');
    assert.deepEqual(report.files.map((f) => f.path), [...report.files.map((f) => f.path)].sort());
    assert.equal(report.totals.files, 4);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.equal(byPath.get('ssh/Dockerfile')?.baseImage, 'debian:12-slim');
    assert.equal(byPath.get('ssh/Dockerfile')?.baseImageLine, 1);
    // FROM test → FROM build → golang: the chain leads to the image; the line is the final FROM.
    assert.equal(byPath.get('multi/Dockerfile')?.baseImage, 'golang:1.24');
    assert.equal(byPath.get('multi/Dockerfile')?.baseImageLine, 5);
    assert.equal(byPath.get('clean/Dockerfile')?.baseImage, 'scratch');
    for (const file of report.files) {
      const counts = { error: 0, warning: 0, info: 0 };
      for (const finding of file.findings) counts[finding.severity]++;
      assert.deepEqual(file.counts, counts, file.path);
      assert.equal(file.grade, gradeOf(counts), file.path);
      assert.equal(file.penalty, counts.error * 10 + counts.warning * 3 + counts.info);
    }
    const ssh = byPath.get('ssh/Dockerfile')!;
    assert.ok(['C', 'D', 'F'].includes(ssh.grade), 'an error caps the grade at C');
    const sshFinding = ssh.findings.find((f) => f.rule === 'ssh-port-exposed');
    assert.deepEqual([sshFinding?.line, sshFinding?.column, sshFinding?.endColumn, sshFinding?.fix], [3, 8, 10, 'safe']);
    // Totals by rule add up to the findings, most frequent first.
    const all = report.files.flatMap((f) => f.findings);
    assert.equal(report.totals.findings, all.length);
    assert.equal(report.rules.reduce((sum, r) => sum + r.count, 0), all.length);
    const sshTotal = report.rules.find((r) => r.rule === 'ssh-port-exposed');
    assert.deepEqual([sshTotal?.count, sshTotal?.files, sshTotal?.severity, sshTotal?.category], [2, 2, 'error', 'security']);
    for (let i = 1; i < report.rules.length; i++) assert.ok(report.rules[i - 1]!.count >= report.rules[i]!.count);
    assert.equal(Object.values(report.grades).reduce((a, b) => a + b, 0), 4);
  });

  it('text: a table with grades and base images, totals by rule, and the grading rule', () => {
    const run = runCli(['audit', '.'], root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^Bulkhead audit of \.: 4 Dockerfiles\n\nGrade +File +Errors +Warnings +Info +Base image +Size +Could save\n/);
    assert.match(run.stdout, /\n[ABCDF] +ssh\/Dockerfile +1 +\d+ +\d+ +debian:12-slim +(≈ )?\d+(\.\d)? MB +(-|.+ with debian:.+)\n/);
    assert.match(run.stdout, /\n[ABCDF] +clean\/Dockerfile +0 +\d+ +\d+ +scratch +- +-\n/);
    assert.match(run.stdout, /\nFindings by rule\nRule +Severity +Count +Files\n/);
    assert.match(run.stdout, /\nssh-port-exposed +error +2 +2\n/);
    assert.match(run.stdout, /\nOverall grade [ABCDF]: \d+ findings/);
    assert.match(run.stdout, /Grades: 10 points per error, 3 per warning, 1 per info; A ≤ 2, B ≤ 9, C ≤ 19, D ≤ 39, F above\.\n$/);
  });

  it('markdown: tables and findings per file', () => {
    const run = runCli(['audit', '--format', 'markdown', '.'], root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^# Bulkhead audit of `\.`\n\n\*\*Overall grade: [ABCDF]\*\*/);
    assert.match(run.stdout, /\n\| Grade \| File \| Errors \| Warnings \| Info \| Base image \| Size \| Could save \|\n\|---\|---\|---:\|---:\|---:\|---\|---:\|---\|\n/);
    assert.match(run.stdout, /\n\| [ABCDF] \| ssh\/Dockerfile \| 1 \| \d+ \| \d+ \| `debian:12-slim` \| (≈ )?\d+(\.\d)? MB \| [^|\n]+ \|\n/);
    assert.match(run.stdout, /\n\| `ssh-port-exposed` \| error \| 2 \| 2 \|\n/);
    assert.match(run.stdout, /\n## ssh\/Dockerfile \(grade [CDF]\)\n\n(- .+\n)*- 3:8 \*\*error\*\* `ssh-port-exposed`: Port `22` \(SSH\) is exposed/);
    // Markup in a path cannot open HTML or break the table.
    assert.ok(!run.stdout.includes('<img'));
  });

  it('html: a self-contained page with no scripts that escapes everything from Dockerfiles', () => {
    const run = runCli(['audit', '--format', 'html', '.'], root);
    assert.equal(run.code, 0);
    const page = run.stdout;
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.ok(page.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
    for (const raw of ['<img', '<script>', '<b>', 'onerror=alert(1)>']) assert.ok(!page.includes(raw), `unescaped ${raw}`);
    assert.ok(page.includes('x&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&#39;/Dockerfile'));
    assert.ok(page.includes('<code>evil&lt;b&gt;img:1</code>'));
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;') || page.includes('`MAINTAINER` is deprecated'));
    assert.match(page, /LABEL maintainer=&quot;\.\.\.&quot;/);
    assert.ok(!/<script/i.test(page));
  });

  it('fails only with --fail-on, and exits 2 for a missing folder', () => {
    assert.equal(runCli(['audit', '--fail-on', 'error', '.'], root).code, 1);
    assert.equal(runCli(['audit', '--fail-on', 'none', 'clean'], root).code, 0);
    const missing = runCli(['audit', 'nowhere'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nowhere: no such file or folder/);
    assert.equal(runCli(['audit', 'a', 'b'], root).code, 2);
  });
});

describe('npm start: the audit of examples/', () => {
  it('grades the examples and finds what each one is about', () => {
    const run = runCli(['audit', '--format', 'json', 'examples'], repoRoot);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as AuditReport;
    const text = runCli(['audit', 'examples'], repoRoot);
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    assert.deepEqual([...byPath.keys()], ['examples/go-service/Dockerfile', 'examples/java-service/Dockerfile', 'examples/legacy-ssh/Dockerfile', 'examples/node-app/Dockerfile', 'examples/python-app/Dockerfile']);
    const rules = (path: string): string[] => byPath.get(path)!.findings.map((f) => f.rule);
    assert.ok(rules('examples/legacy-ssh/Dockerfile').includes('ssh-port-exposed'));
    assert.ok(rules('examples/legacy-ssh/Dockerfile').includes('ssh-server-installed'));
    assert.ok(rules('examples/java-service/Dockerfile').includes('maintainer-deprecated'));
    assert.ok(rules('examples/python-app/Dockerfile').includes('apt-install-recommends'));
    assert.equal(byPath.get('examples/go-service/Dockerfile')?.grade, 'A');
    assert.equal(byPath.get('examples/legacy-ssh/Dockerfile')?.baseImage, 'ubuntu:22.04');
    // Sizes and savings come from the knowledge tables: node:22 has a slim variant that fits an app
    // that runs npm (a shell) and installs nothing with apt; the Go service is already minimal.
    const node = byPath.get('examples/node-app/Dockerfile')!;
    assert.ok(node.baseImageSize && node.baseImageSize.bytes > 100_000_000, JSON.stringify(node.baseImageSize));
    assert.equal(node.savings?.kind, 'slim');
    assert.match(node.savings?.reference ?? '', /^node:22.*slim/);
    assert.ok(node.savings!.bytes > 0 && node.savings!.bytes < node.baseImageSize.bytes);
    assert.equal(byPath.get('examples/go-service/Dockerfile')?.savings, null);
    // The Java service builds with Maven in its only stage: a JRE image would not fit.
    assert.notEqual(byPath.get('examples/java-service/Dockerfile')?.savings?.kind, 'jre');
    assert.equal(report.totals.savingsBytes, report.files.reduce((sum, f) => sum + (f.savings?.bytes ?? 0), 0));
    assert.match(text.stdout, /\nEstimated savings: \d+ MB compressed \(amd64\)/);
    assert.match(text.stdout, /^Bulkhead audit of examples: 5 Dockerfiles\n/);
  });
});
