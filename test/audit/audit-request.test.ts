// `bulkhead/audit` through the built server over stdio, compared with `bulkhead audit --format json`
// on the same tree: the editor's report and the CLI must show the same figures.
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it, test } from 'node:test';
import { AUDIT_EXPORT_REQUEST, AUDIT_REQUEST, type AuditExportParams, type AuditExportResult, type AuditParams, type AuditResult } from '../../protocol/requests';
import { makeTree, removeTree, runCli } from '../cli/helpers';
import { TestClient } from '../lsp/harness';

const TREE = {
  '.bulkhead.yaml': 'ignorePaths:\n  - "vendor/**"\n',
  'api/Dockerfile': 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\nEXPOSE 22 8080\nMAINTAINER someone@example.com\n',
  'web/Containerfile': 'FROM node:22-slim AS build\nRUN npm ci\nFROM build\nUSER node\n',
  'tools/app.dockerfile': 'FROM alpine:3.20\nADD run.sh /run.sh\n',
  'vendor/Dockerfile': 'FROM ubuntu\nEXPOSE 22\n',
};

let root: string;
let client: TestClient;
const uri = (path: string) => pathToFileURL(join(root, path)).toString();

before(async () => {
  root = makeTree(TREE);
  ({ client } = await TestClient.start());
});

after(async () => {
  await client?.shutdown();
  if (root) removeTree(root);
});

function audit(params: AuditParams): Promise<AuditResult> {
  return client.connection.sendRequest(AUDIT_REQUEST, params);
}

interface CliAudit {
  files: { path: string; grade: string; counts: Record<string, number>; baseImage: string | null; findings: { rule: string; line: number; column: number; endLine: number; endColumn: number; severity: string; message: string }[] }[];
}

test('same grades, counts, base images and positions as `bulkhead audit`', async () => {
  const paths = ['api/Dockerfile', 'web/Containerfile', 'tools/app.dockerfile'];
  const result = await audit({ groups: [{ rules: {}, uris: paths.map(uri) }] });
  const cli = runCli(['audit', '--format', 'json', '.'], root);
  assert.equal(cli.code, 0, cli.stderr);
  const expected = (JSON.parse(cli.stdout) as CliAudit).files;
  assert.equal(result.files.length, 3);
  assert.equal(expected.length, 3, 'vendor/ is ignored by both');
  for (const file of result.files) {
    const path = paths.find((candidate) => uri(candidate) === file.uri);
    const twin = expected.find((candidate) => candidate.path === path);
    assert.ok(twin, `${file.uri} is in the CLI audit`);
    assert.equal(file.grade, twin.grade, path);
    assert.deepEqual(file.counts, twin.counts, path);
    assert.equal(file.baseImage, twin.baseImage, path);
    assert.deepEqual(
      file.findings.map((finding) => [finding.rule, finding.severity, finding.message, finding.range.start.line + 1, finding.range.start.character + 1, finding.range.end.line + 1, finding.range.end.character + 1]),
      twin.findings.map((finding) => [finding.rule, finding.severity, finding.message, finding.line, finding.column, finding.endLine, finding.endColumn]),
      path,
    );
  }
  const api = result.files.find((file) => file.uri === uri('api/Dockerfile'));
  assert.ok(api && api.counts.error >= 1, 'EXPOSE 22 is reported');
  assert.ok(api.findings.every((finding) => finding.docsUrl.includes(finding.rule)));
  assert.ok(api.findings.some((finding) => finding.safeFix));
  assert.equal(result.files.find((file) => file.uri === uri('web/Containerfile'))?.baseImageLine, 2);
});

test('ignored, missing and non-file URIs are reported as skipped with a reason', async () => {
  const result = await audit({ groups: [{ rules: {}, uris: [uri('vendor/Dockerfile'), uri('gone/Dockerfile'), 'untitled:Untitled-1'] }] });
  assert.deepEqual(result.files, []);
  const reasons = new Map(result.skipped.map((entry) => [entry.uri, entry.reason]));
  assert.equal(reasons.get(uri('vendor/Dockerfile')), 'excluded by `ignorePaths`');
  assert.match(reasons.get(uri('gone/Dockerfile')) ?? '', /no such file/);
  assert.equal(reasons.get('untitled:Untitled-1'), 'only files on disk can be audited');
});

test("the editor's bulkhead.rules apply on top of the config file", async () => {
  const [plain, tuned] = await Promise.all([
    audit({ groups: [{ rules: {}, uris: [uri('api/Dockerfile')] }] }),
    audit({ groups: [{ rules: { 'ssh-port-exposed': 'off', 'maintainer-deprecated': 'error' }, uris: [uri('api/Dockerfile')] }] }),
  ]);
  const rules = (result: AuditResult) => result.files[0]?.findings.map((finding) => `${finding.rule}:${finding.severity}`) ?? [];
  assert.ok(rules(plain).includes('ssh-port-exposed:error'));
  assert.ok(rules(plain).includes('maintainer-deprecated:warning'));
  assert.ok(!rules(tuned).some((rule) => rule.startsWith('ssh-port-exposed')));
  assert.ok(rules(tuned).includes('maintainer-deprecated:error'));
});

test('malformed params get an empty answer, not an error', async () => {
  assert.deepEqual(await client.connection.sendRequest(AUDIT_REQUEST, { groups: 'all' }), { files: [], skipped: [] });
  assert.deepEqual(await client.connection.sendRequest(AUDIT_REQUEST, { groups: [{ rules: { x: 'loud' }, uris: [42] }] }), { files: [], skipped: [] });
});

describe('bulkhead/auditExport writes what `bulkhead audit --format <format>` prints in the root folder', () => {
  const paths = ['api/Dockerfile', 'web/Containerfile', 'tools/app.dockerfile'];
  const exported = (format: AuditExportParams['format']): Promise<AuditExportResult> =>
    client.connection.sendRequest(AUDIT_EXPORT_REQUEST, { format, root: pathToFileURL(root).toString(), groups: [{ rules: {}, uris: paths.map(uri) }] });
  const cli = (format: string): string => {
    const run = runCli(['audit', '--format', format, '.'], root);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout;
  };

  it('JSON: the same document, named after the folder', async () => {
    const { text } = await exported('json');
    assert.deepEqual(JSON.parse(text), { ...(JSON.parse(cli('json')) as object), root: basename(root) });
  });

  it('SARIF: the same log, paths relative to the folder', async () => {
    const { text } = await exported('sarif');
    assert.equal(text, cli('sarif'));
    assert.match(text, /"uri": "api\/Dockerfile"/);
  });

  it('Markdown: the same tables under a heading with the folder name', async () => {
    const { text } = await exported('markdown');
    const [heading, ...rest] = text.split('\n');
    const [, ...expected] = cli('markdown').split('\n');
    assert.equal(heading, `# Bulkhead audit of \`${basename(root)}\``);
    assert.deepEqual(rest, expected);
  });

  it("applies the editor's bulkhead.rules, as the report does", async () => {
    const params = { format: 'json', root: pathToFileURL(root).toString(), groups: [{ rules: { 'ssh-port-exposed': 'off' }, uris: [uri('api/Dockerfile')] }] };
    const { text } = await client.connection.sendRequest<AuditExportResult>(AUDIT_EXPORT_REQUEST, params);
    const report = JSON.parse(text) as CliAudit;
    assert.deepEqual(report.files.map((file) => file.path), ['api/Dockerfile']);
    assert.ok(!report.files[0]?.findings.some((finding) => finding.rule === 'ssh-port-exposed'));
  });

  it('refuses malformed params with a message saying what it needs', async () => {
    for (const params of [{ format: 'html', root: pathToFileURL(root).toString(), groups: [] }, { format: 'json', root: '/not/a/uri', groups: [] }, null]) {
      await assert.rejects(client.connection.sendRequest(AUDIT_EXPORT_REQUEST, params), /needs `format` \(sarif, json or markdown\), a `file:` `root` and `groups`/);
    }
  });
});
