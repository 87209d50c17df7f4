import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { DOCKERIGNORE } from '../../server/src/engine/rules/copy-context-without-dockerignore';
import { lintJson, makeTree, removeTree, rulesIn, runCli } from './helpers';

const RULE = 'copy-context-without-dockerignore';
/** No other unsafe fix applies to it (it runs as `node`), so `fix --unsafe` has only the file to create. */
const DOCKERFILE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';
const TITLE = 'Create `.dockerignore` excluding `.git`, local `.env` files, `node_modules`, `.venv`, `__pycache__` and editor settings';

describe('bulkhead fix: the fix that creates a .dockerignore', () => {
  it('--unsafe creates it beside the Dockerfile, says so, and the finding is gone; a second run changes nothing', () => {
    const root = makeTree({ 'svc/Dockerfile': DOCKERFILE });
    try {
      assert.ok(rulesIn(lintJson(['.'], root).report, 'svc/Dockerfile').includes(RULE));
      const first = runCli(['fix', '--unsafe', '--fail-on', 'none', '.'], root);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, 'Applied 1 fix in 1 file.\nCreated svc/.dockerignore.\n');
      assert.equal(readFileSync(join(root, 'svc', '.dockerignore'), 'utf8'), DOCKERIGNORE);
      assert.equal(readFileSync(join(root, 'svc', 'Dockerfile'), 'utf8'), DOCKERFILE, 'the fix creates a file and leaves the Dockerfile alone');
      assert.ok(!rulesIn(lintJson(['.'], root).report, 'svc/Dockerfile').includes(RULE));

      const created = statSync(join(root, 'svc', '.dockerignore'));
      const second = runCli(['fix', '--unsafe', '--fail-on', 'none', '.'], root);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /^Nothing to fix\.\n/);
      assert.ok(!second.stdout.includes('Created'));
      assert.equal(statSync(join(root, 'svc', '.dockerignore')).mtimeMs, created.mtimeMs);
    } finally {
      removeTree(root);
    }
  });

  it('without --unsafe creates nothing', () => {
    const root = makeTree({ Dockerfile: DOCKERFILE });
    try {
      const run = runCli(['fix', '--fail-on', 'none', '.'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!existsSync(join(root, '.dockerignore')));
      assert.match(run.stdout, new RegExp(`Dockerfile:3:6 +warning +${RULE}`));
    } finally {
      removeTree(root);
    }
  });

  it('--dry-run shows the new file as a diff from /dev/null and writes nothing', () => {
    const root = makeTree({ 'svc/Dockerfile': DOCKERFILE });
    try {
      const run = runCli(['fix', '--unsafe', '--dry-run', '--fail-on', 'none', '.'], root);
      assert.equal(run.code, 0, run.stderr);
      const added = DOCKERIGNORE.split('\n').slice(0, -1).map((line) => `+${line}\n`).join('');
      assert.equal(run.stdout, `--- /dev/null\n+++ b/svc/.dockerignore\n@@ -0,0 +1,11 @@\n${added}`);
      assert.match(run.stderr, /Would apply 1 fix in 1 file and create 1 file; nothing was written\./);
      assert.deepEqual(readdirSync(join(root, 'svc')), ['Dockerfile']);
    } finally {
      removeTree(root);
    }
  });

  it('creates one file for two Dockerfiles of the same context, next to other fixes', () => {
    const prod = 'FROM node:22-slim\nMAINTAINER ops@example.com\nCOPY ./ /app\nUSER node\n';
    const root = makeTree({ 'app/Dockerfile': DOCKERFILE, 'app/Dockerfile.prod': prod });
    try {
      const run = runCli(['fix', '--unsafe', '--fail-on', 'none', 'app'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stderr, '', 'the second Dockerfile finds the file this run created: no warning');
      // The second Dockerfile's finding was settled by the file created for the first: two fixes, one file.
      assert.equal(run.stdout, 'Applied 2 fixes in 2 files.\nCreated app/.dockerignore.\n');
      assert.equal(readFileSync(join(root, 'app', '.dockerignore'), 'utf8'), DOCKERIGNORE);
      assert.equal(readFileSync(join(root, 'app', 'Dockerfile.prod'), 'utf8'), 'FROM node:22-slim\nLABEL maintainer="ops@example.com"\nCOPY ./ /app\nUSER node\n');
      const report = lintJson(['app'], root).report;
      assert.ok(!rulesIn(report, 'app/Dockerfile').includes(RULE));
      assert.ok(!rulesIn(report, 'app/Dockerfile.prod').includes(RULE));
    } finally {
      removeTree(root);
    }
  });

  it('never writes over what is there: a .dockerignore that is a broken link is left alone', () => {
    // The link does not resolve, so the context looks as if it had no .dockerignore, yet the path is taken.
    const root = makeTree({ Dockerfile: DOCKERFILE });
    try {
      symlinkSync('elsewhere/ignore', join(root, '.dockerignore'));
      const run = runCli(['fix', '--unsafe', '--fail-on', 'none', '.'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /warning: \.dockerignore already exists; it was left as it is/);
      assert.ok(!run.stdout.includes('Created'));
      assert.ok(lstatSync(join(root, '.dockerignore')).isSymbolicLink());
      assert.equal(readlinkSync(join(root, '.dockerignore')), 'elsewhere/ignore');
      assert.ok(!existsSync(join(root, 'elsewhere')), 'nothing was written through the link');
    } finally {
      removeTree(root);
    }
  });

  it('BuildKit\'s <Dockerfile>.dockerignore counts: nothing to create', () => {
    const root = makeTree({ 'Dockerfile.web': DOCKERFILE, 'Dockerfile.web.dockerignore': '.git\n' });
    try {
      const run = runCli(['fix', '--unsafe', '--fail-on', 'none', 'Dockerfile.web'], root);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(!existsSync(join(root, '.dockerignore')));
    } finally {
      removeTree(root);
    }
  });

  it('lint --format json lists the file the fix creates', () => {
    const root = makeTree({ 'svc/Dockerfile': DOCKERFILE });
    try {
      const { run, report } = lintJson(['.'], root);
      assert.equal(run.code, 0, run.stderr);
      const finding = report.files[0]?.findings.find((f) => f.rule === RULE);
      assert.deepEqual(finding?.fixes, [{ title: TITLE, safe: false, edits: [], creates: [{ path: 'svc/.dockerignore', content: DOCKERIGNORE }] }]);
    } finally {
      removeTree(root);
    }
  });

  it('lint --format sarif carries the new file as an artifact change and stays valid SARIF', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const root = makeTree({ 'svc/Dockerfile': DOCKERFILE });
    try {
      const run = runCli(['lint', '--format', 'sarif', '.'], root);
      const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; fixes?: unknown }[] }[] };
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const result = log.runs[0]?.results.find((r) => r.ruleId === RULE);
      assert.deepEqual(result?.fixes, [
        {
          description: { text: TITLE },
          artifactChanges: [
            {
              artifactLocation: { uri: 'svc/.dockerignore', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: DOCKERIGNORE } }],
            },
          ],
        },
      ]);
    } finally {
      removeTree(root);
    }
  });
});
