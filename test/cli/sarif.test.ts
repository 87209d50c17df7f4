import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { allRules } from '../../server/src/engine/rules';
import { makeTree, removeTree, runCli, SSH_DOCKERFILE } from './helpers';

const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language pattern `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$` is invalid with the `u` flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; help: { text: string }; shortDescription: { text: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Region } }[];
      fixes?: { description: { text: string }; artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('bulkhead lint --format sarif', () => {
  const root = makeTree({ 'svc one/Dockerfile': SSH_DOCKERFILE, 'clean/Dockerfile': 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n' });
  after(() => removeTree(root));
  const run = runCli(['lint', '--format', 'sarif', '.'], root);
  const log = JSON.parse(run.stdout) as SarifLog;

  it('validates against the SARIF 2.1.0 schema', () => {
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(run.code, 1);
  });

  it('describes every rule with help text and a help URI', () => {
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'Bulkhead');
    assert.deepEqual(driver.rules.map((rule) => rule.id), allRules.map((rule) => rule.id));
    for (const rule of driver.rules) {
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
      assert.ok(rule.help.text.includes(rule.shortDescription.text));
    }
  });

  it('reports results with regions, rule indexes and a %SRCROOT%-relative URI', () => {
    const sarifRun = log.runs[0]!;
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%']?.uri, `file://${root}/`.replace(/ /g, '%20'));
    const ssh = sarifRun.results.find((result) => result.ruleId === 'ssh-port-exposed');
    assert.ok(ssh);
    assert.equal(ssh.level, 'error');
    assert.equal(sarifRun.tool.driver.rules[ssh.ruleIndex]?.id, 'ssh-port-exposed');
    const location = ssh.locations[0]!.physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'svc%20one/Dockerfile', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location.region, { startLine: 3, startColumn: 8, endLine: 3, endColumn: 10 });
    const maintainer = sarifRun.results.find((result) => result.ruleId === 'maintainer-deprecated');
    assert.equal(maintainer?.level, 'warning');
  });

  it('carries fixes as SARIF fixes with replacements', () => {
    const ssh = log.runs[0]!.results.find((result) => result.ruleId === 'ssh-port-exposed');
    assert.deepEqual(ssh?.fixes, [
      {
        description: { text: 'Remove port `22` from `EXPOSE`' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'svc%20one/Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 3, startColumn: 8, endLine: 3, endColumn: 11 }, insertedContent: { text: '' } }],
          },
        ],
      },
    ]);
  });

  it('is also what `audit --format sarif` writes, and an empty run validates too', () => {
    const audit = runCli(['audit', '--format', 'sarif', '.'], root);
    assert.equal(audit.code, 0);
    const auditLog = JSON.parse(audit.stdout) as SarifLog;
    assert.ok(validate(auditLog), JSON.stringify(validate.errors));
    assert.deepEqual(auditLog.runs[0]!.results, log.runs[0]!.results);
    const empty = makeTree({ 'src/main.go': '' });
    try {
      const none = JSON.parse(runCli(['lint', '--format', 'sarif', 'src'], empty).stdout) as SarifLog;
      assert.ok(validate(none), JSON.stringify(validate.errors));
      assert.deepEqual(none.runs[0]!.results, []);
    } finally {
      removeTree(empty);
    }
  });

  it('the schema fixture rejects a log that breaks it (the validator is live)', () => {
    const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    assert.equal(validate(broken), false);
  });
});
