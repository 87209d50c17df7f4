import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parseBulkheadConfig } from '../../server/src/config/bulkhead-config';
import { compileIgnorePaths } from '../../server/src/config/glob';
import { fromHadolint, parseHadolintConfig } from '../../server/src/config/hadolint-config';
import { allRules } from '../../server/src/engine/rules';
import { lintJson, makeTree, removeTree, rulesIn, runCli, SSH_DOCKERFILE } from './helpers';

/** A large base and, so that the file is always in the report, a finding of another rule. */
const LARGE_BASE_DOCKERFILE = 'FROM node:22\nCOPY . /app\nRUN npm ci --omit=dev\nEXPOSE 22\nUSER node\nCMD ["node", "/app/server.js"]\n';

describe('.bulkhead.yaml lookup', () => {
  const root = makeTree({
    '.bulkhead.yaml': 'rules:\n  maintainer-deprecated: off\n',
    'team/.bulkhead.yaml': 'rules:\n  ssh-port-exposed: warning\nallowedPorts: []\n',
    'team/svc/deep/Dockerfile': SSH_DOCKERFILE,
    'other/Dockerfile': SSH_DOCKERFILE,
    'bastion/.bulkhead.yaml': 'allowedPorts: [22]\n',
    'bastion/Dockerfile': SSH_DOCKERFILE,
    'alt.yaml': 'rules:\n  ssh-port-exposed: info\n  maintainer-deprecated: error\n',
  });
  after(() => removeTree(root));

  it('uses the nearest config from the Dockerfile folder upward', () => {
    const { report } = lintJson(['.'], root);
    const finding = (path: string, rule: string) => report.files.find((f) => f.path === path)?.findings.find((f) => f.rule === rule);
    // team/.bulkhead.yaml is nearest for team/svc/deep: its override applies, the root's does not.
    assert.equal(finding('team/svc/deep/Dockerfile', 'ssh-port-exposed')?.severity, 'warning');
    assert.equal(finding('team/svc/deep/Dockerfile', 'maintainer-deprecated')?.severity, 'warning');
    assert.equal(finding('other/Dockerfile', 'maintainer-deprecated'), undefined);
    assert.equal(finding('other/Dockerfile', 'ssh-port-exposed')?.severity, 'error');
    // allowedPorts reaches the rules as a setting.
    assert.ok(!rulesIn(report, 'bastion/Dockerfile').includes('ssh-port-exposed'));
  });

  it("passes large-base-image's threshold to the rule", () => {
    // node:22-slim saves about 330 MB: over the default 50, under a configured 1,000.
    const tree = makeTree({ 'tools/.bulkhead.yaml': 'largeBaseImageMinSavingsMB: 1000\n', 'tools/Dockerfile': LARGE_BASE_DOCKERFILE, 'app/Dockerfile': LARGE_BASE_DOCKERFILE });
    try {
      const { report } = lintJson(['.'], tree);
      assert.ok(rulesIn(report, 'app/Dockerfile').includes('large-base-image'));
      assert.ok(!rulesIn(report, 'tools/Dockerfile').includes('large-base-image'));
    } finally {
      removeTree(tree);
    }
  });

  it('uses --config for every file instead', () => {
    const { report } = lintJson(['--config', 'alt.yaml', '.'], root);
    for (const file of report.files) {
      assert.equal(file.findings.find((f) => f.rule === 'ssh-port-exposed')?.severity, 'info', file.path);
      assert.equal(file.findings.find((f) => f.rule === 'maintainer-deprecated')?.severity, 'error', file.path);
    }
  });

  it('takes failOn from the config, and --fail-on wins over it', () => {
    const tree = makeTree({ '.bulkhead.yaml': 'failOn: warning\n', Dockerfile: 'FROM scratch\nMAINTAINER x\nCOPY app /app\n' });
    try {
      assert.equal(runCli(['lint', '.'], tree).code, 1);
      assert.equal(runCli(['lint', '--fail-on', 'none', '.'], tree).code, 0);
    } finally {
      removeTree(tree);
    }
  });
});

describe('config errors', () => {
  const cases: { name: string; yaml: string; expected: RegExp }[] = [
    { name: 'unknown rule', yaml: 'rules:\n  maintainer-deprecated: off\n  no-such-rule: error\n', expected: /^bulkhead: error: \.bulkhead\.yaml:3:3: `rules\.no-such-rule`: `no-such-rule` is not a Bulkhead rule id/m },
    { name: 'bad severity', yaml: 'rules:\n  ssh-port-exposed: fatal\n', expected: /^bulkhead: error: \.bulkhead\.yaml:2:21: `rules\.ssh-port-exposed`: `fatal` is not a severity; use one of off, error, warning, info\./m },
    { name: 'unknown key', yaml: 'rules: {}\nignore:\n  - x\n', expected: /^bulkhead: error: \.bulkhead\.yaml:2:1: `ignore`: unknown key/m },
    { name: 'bad port', yaml: 'allowedPorts: [22, 70000, ssh]\n', expected: /\.bulkhead\.yaml:1:20: `allowedPorts\[1\]`: expected a whole number from 1 to 65535\.[\s\S]*\.bulkhead\.yaml:1:27: `allowedPorts\[2\]`/ },
    { name: 'bad threshold', yaml: 'largeBaseImageMinSavingsMB: 50MB\n', expected: /\.bulkhead\.yaml:1:29: `largeBaseImageMinSavingsMB`: expected a whole number from 0 to 10000\./ },
    { name: 'not a list', yaml: 'ignorePaths: vendor\n', expected: /\.bulkhead\.yaml:1:14: `ignorePaths`: expected a list of strings\./ },
    { name: 'YAML syntax', yaml: 'rules:\n  a: [b\n', expected: /^bulkhead: error: \.bulkhead\.yaml:\d+:\d+: invalid YAML/m },
    { name: 'not a mapping', yaml: '- rules\n', expected: /\.bulkhead\.yaml:1:1: the file must be a mapping/ },
  ];
  for (const { name, yaml, expected } of cases) {
    it(`exits 2 naming file, line and key: ${name}`, () => {
      const root = makeTree({ '.bulkhead.yaml': yaml, Dockerfile: SSH_DOCKERFILE, 'fine/.bulkhead.yaml': '', 'fine/Dockerfile': SSH_DOCKERFILE });
      try {
        const { run, report } = lintJson(['.'], root);
        assert.equal(run.code, 2);
        assert.match(run.stderr, expected);
        // Files under a good config are still reported.
        assert.deepEqual(report.files.map((f) => f.path), ['fine/Dockerfile']);
      } finally {
        removeTree(root);
      }
    });
  }

  it('exits 2 for a bad or missing --config', () => {
    const root = makeTree({ 'bad.yaml': 'rules: 3\n', Dockerfile: SSH_DOCKERFILE });
    try {
      const bad = runCli(['lint', '--config', 'bad.yaml', '.'], root);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /bad\.yaml:1:8: `rules`: expected a mapping/);
      const missing = runCli(['lint', '--config', 'nope.yaml', '.'], root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read config .*nope\.yaml: no such file or folder/);
    } finally {
      removeTree(root);
    }
  });
});

describe('.hadolint.yaml compatibility', () => {
  it('maps ignored codes, overrides and trustedRegistries through the rules’ hadolint codes', () => {
    const root = makeTree({
      '.hadolint.yaml': 'ignored:\n  - DL4000\noverride:\n  error:\n    - DL3020\nfailure-threshold: warning\nno-color: true\n',
      Dockerfile: 'FROM debian:12-slim\nMAINTAINER x\nADD run.sh /run.sh\n',
      'run.sh': 'echo hi\n',
    });
    try {
      const { run, report } = lintJson(['.'], root);
      const findings = report.files[0]!.findings;
      assert.equal(findings.find((f) => f.rule === 'maintainer-deprecated'), undefined);
      assert.equal(findings.find((f) => f.rule === 'add-instead-of-copy')?.severity, 'error');
      assert.equal(run.code, 1);
    } finally {
      removeTree(root);
    }
  });

  it('prefers .bulkhead.yaml when both are in the same folder', () => {
    const root = makeTree({ '.hadolint.yaml': 'ignored: [DL4000]\n', '.bulkhead.yaml': 'rules: {}\n', Dockerfile: 'FROM debian:12-slim\nMAINTAINER x\n' });
    try {
      assert.ok(rulesIn(lintJson(['.'], root).report, 'Dockerfile').includes('maintainer-deprecated'));
    } finally {
      removeTree(root);
    }
  });

  it('bulkhead migrate writes an equivalent .bulkhead.yaml', () => {
    const root = makeTree({
      '.hadolint.yaml': 'ignored:\n  - DL3015\n  - SC2086\noverride:\n  info:\n    - DL4000\n  style:\n    - DL3020\ntrustedRegistries:\n  - docker.io\n  - ghcr.io\nfailure-threshold: style\n',
    });
    try {
      const run = runCli(['migrate'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Wrote \.bulkhead\.yaml\./);
      assert.match(run.stderr, /no Bulkhead rule matches SC2086/);
      const written = readFileSync(join(root, '.bulkhead.yaml'), 'utf8');
      assert.match(written, /^# Migrated from \.hadolint\.yaml/);
      assert.deepEqual(parse(written), {
        rules: { 'apt-install-recommends': 'off', 'add-instead-of-copy': 'info', 'maintainer-deprecated': 'info' },
        trustedRegistries: ['docker.io', 'ghcr.io'],
        failOn: 'info',
      });
      // It reads back as a valid config, and a second run refuses to overwrite it.
      assert.ok(parseBulkheadConfig(written, '.bulkhead.yaml').ok);
      const again = runCli(['migrate'], root);
      assert.equal(again.code, 2);
      assert.match(again.stderr, /\.bulkhead\.yaml exists; pass --force/);
      assert.equal(runCli(['migrate', '--force'], root).code, 0);
      const stdout = runCli(['migrate', '--output', '-', '.hadolint.yaml'], root);
      assert.equal(stdout.stdout, written);
    } finally {
      removeTree(root);
    }
  });

  it('migrate reports a bad .hadolint.yaml and a missing one', () => {
    const root = makeTree({ '.hadolint.yaml': 'failure-threshold: loud\n' });
    try {
      const bad = runCli(['migrate'], root);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /\.hadolint\.yaml:1:20: `failure-threshold`: `loud` is not a hadolint threshold/);
      assert.ok(!existsSync(join(root, '.bulkhead.yaml')));
      writeFileSync(join(root, 'x'), '');
      const missing = runCli(['migrate', 'nowhere.yaml'], root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read nowhere\.yaml: no such file or folder/);
    } finally {
      removeTree(root);
    }
  });
});

describe('config parsing (pure)', () => {
  it('reads every key into typed config', () => {
    const result = parseBulkheadConfig('rules:\n  ssh-port-exposed: warning\nignorePaths: ["a/**"]\ntrustedRegistries: [ghcr.io]\nallowedPorts: [22, 2222]\nlargeBaseImageMinSavingsMB: 100\nfailOn: info\n', 'c.yaml');
    assert.deepEqual(result, {
      ok: true,
      config: { rules: { 'ssh-port-exposed': 'warning' }, ignorePaths: ['a/**'], trustedRegistries: ['ghcr.io'], allowedPorts: [22, 2222], largeBaseImageMinSavingsMB: 100, failOn: 'info' },
    });
    assert.deepEqual(parseBulkheadConfig('', 'c.yaml'), { ok: true, config: { rules: {}, ignorePaths: [], trustedRegistries: [], allowedPorts: [], largeBaseImageMinSavingsMB: null, failOn: null } });
  });

  it('maps a hadolint code shared by a rule with several codes: ignored wins, then the strongest override', () => {
    const parsed = parseHadolintConfig('ignored: [DL9999]\noverride:\n  warning: [DL4000]\n  error: [DL3020]\n', 'h.yaml');
    assert.ok(parsed.ok);
    const { config, unmapped } = fromHadolint(parsed.config, allRules);
    assert.equal(config.rules['maintainer-deprecated'], 'warning');
    assert.equal(config.rules['add-instead-of-copy'], 'error');
    assert.deepEqual(unmapped, ['DL9999']);
  });

  it('matches ignorePaths like .gitignore', () => {
    const match = compileIgnorePaths(['vendor', 'docker/legacy/**', '*.gen', 'build/', '**/tmp/*.dockerfile', 'x/{a,b}/Dockerfile', 'ci/Dockerfile.[0-9]']);
    for (const path of ['vendor/Dockerfile', 'a/vendor/b/Dockerfile', 'docker/legacy/x/Dockerfile', 'Dockerfile.gen', 'deep/Dockerfile.gen', 'build/Dockerfile', 'a/tmp/x.dockerfile', 'tmp/y.dockerfile', 'x/a/Dockerfile', 'x/b/Dockerfile', 'ci/Dockerfile.1']) {
      assert.ok(match(path), path);
    }
    for (const path of ['vendors/Dockerfile', 'docker/Dockerfile', 'a/docker/legacy/Dockerfile', 'Dockerfile', 'x/c/Dockerfile', 'ci/Dockerfile.a', 'tmp/sub/x.dockerfile']) {
      assert.ok(!match(path), path);
    }
  });
});

describe('schemas/bulkhead.schema.json', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'bulkhead.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('accepts what the parser accepts and rejects what it rejects', () => {
    const good = 'rules:\n  ssh-port-exposed: warning\nignorePaths: [vendor]\ntrustedRegistries: [docker.io]\nallowedPorts: [22]\nlargeBaseImageMinSavingsMB: 0\nfailOn: none\n';
    assert.ok(validate(parse(good)), JSON.stringify(validate.errors));
    assert.ok(parseBulkheadConfig(good, 'c').ok);
    for (const bad of ['rules:\n  ssh-port-exposed: fatal\n', 'extra: 1\n', 'allowedPorts: [0]\n', 'largeBaseImageMinSavingsMB: -1\n', 'largeBaseImageMinSavingsMB: 2.5\n', 'largeBaseImageMinSavingsMB: 20000\n', 'failOn: sometimes\n', 'ignorePaths: vendor\n']) {
      assert.equal(validate(parse(bad)), false, bad);
      assert.equal(parseBulkheadConfig(bad, 'c').ok, false, bad);
    }
  });

  it('is registered for editors in package.json', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['.bulkhead.yaml', '.bulkhead.yml'], url: './schemas/bulkhead.schema.json' }]);
  });
});
