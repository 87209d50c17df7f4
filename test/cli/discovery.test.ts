import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { isDockerfileName } from '../../server/src/cli/discovery';
import { lintJson, makeTree, removeTree } from './helpers';

const DOCKERFILE = 'FROM debian:12-slim\nMAINTAINER x\n';

describe('Dockerfile names', () => {
  it('accepts the documented names in any case and rejects look-alikes', () => {
    for (const name of ['Dockerfile', 'dockerfile', 'DOCKERFILE', 'Dockerfile.dev', 'dockerfile.prod', 'api.dockerfile', 'API.Dockerfile', 'Containerfile', 'containerfile.test', 'web.containerfile', 'Web.ContainerFile']) {
      assert.ok(isDockerfileName(name), name);
    }
    for (const name of ['Dockerfile.dockerignore', 'Dockerfile-dev', 'dockerfiles', 'notes.txt', 'docker-compose.yml', 'mydockerfile', '.dockerignore']) {
      assert.ok(!isDockerfileName(name), name);
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('selects the same file names as discovery, in every folder', () => {
    const hooks = parse(readFileSync(join(__dirname, '..', '..', '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; exclude: string }[];
    assert.deepEqual(hooks.map((hook) => hook.id), ['bulkhead', 'bulkhead-fix']);
    // pre-commit uses Python regexes; `(?i)` becomes JavaScript's `i` flag.
    const js = (pattern: string): RegExp => new RegExp(pattern.replace(/^\(\?i\)/, ''), 'i');
    const names = ['Dockerfile', 'Dockerfile.dev', 'api.dockerfile', 'Containerfile', 'CONTAINERFILE.prod', 'web.containerfile', 'Dockerfile.dockerignore', 'Dockerfile-dev', 'notes.txt', 'docker-compose.yml', 'mydockerfile'];
    for (const hook of hooks) {
      assert.match(hook.entry, hook.id.includes('fix') ? /^bulkhead fix$/ : /^bulkhead lint$/);
      for (const name of names) {
        for (const path of [name, `deep/dir/${name}`]) {
          const selected = js(hook.files).test(path) && !js(hook.exclude).test(path);
          assert.equal(selected, isDockerfileName(name), `${hook.id}: ${path}`);
        }
      }
    }
  });
});

describe('discovery in folders', () => {
  it('finds every Dockerfile name under a folder, in a stable order', () => {
    const root = makeTree({
      'Dockerfile': DOCKERFILE,
      'a/Dockerfile.dev': DOCKERFILE,
      'a/b/api.dockerfile': DOCKERFILE,
      'c/Containerfile': DOCKERFILE,
      'c/CONTAINERFILE.prod': DOCKERFILE,
      'c/web.containerfile': DOCKERFILE,
      'd/DOCKERFILE': DOCKERFILE,
      'd/Dockerfile.dockerignore': 'node_modules\n',
      'd/README.md': '# not a Dockerfile\n',
    });
    try {
      const { run, report } = lintJson(['.'], root);
      assert.equal(run.stderr, '');
      assert.deepEqual(report.files.map((f) => f.path), [
        'Dockerfile',
        'a/Dockerfile.dev',
        'a/b/api.dockerfile',
        'c/CONTAINERFILE.prod',
        'c/Containerfile',
        'c/web.containerfile',
        'd/DOCKERFILE',
      ]);
    } finally {
      removeTree(root);
    }
  });

  it('skips node_modules, .git and ignorePaths', () => {
    const root = makeTree({
      'app/Dockerfile': DOCKERFILE,
      'node_modules/pkg/Dockerfile': DOCKERFILE,
      'app/node_modules/x/Dockerfile': DOCKERFILE,
      '.git/hooks/Dockerfile': DOCKERFILE,
      'vendor/lib/Dockerfile': DOCKERFILE,
      'legacy/old/Dockerfile': DOCKERFILE,
      'app/Dockerfile.generated': DOCKERFILE,
      '.bulkhead.yaml': 'ignorePaths:\n  - vendor\n  - legacy/**\n  - "*.generated"\n',
    });
    try {
      const { report } = lintJson(['.'], root);
      assert.deepEqual(report.files.map((f) => f.path), ['app/Dockerfile']);
      // A file named on the command line is also subject to ignorePaths.
      assert.deepEqual(lintJson(['vendor/lib/Dockerfile', 'app/Dockerfile'], root).report.files.map((f) => f.path), ['app/Dockerfile']);
    } finally {
      removeTree(root);
    }
  });

  it('follows symbolic links without looping, and lints each real file once', () => {
    const root = makeTree({ 'svc/Dockerfile': DOCKERFILE, 'svc/nested/Dockerfile.worker': DOCKERFILE });
    try {
      symlinkSync(join(root, 'svc'), join(root, 'svc', 'nested', 'loop')); // svc/nested/loop → svc: a cycle
      symlinkSync(join(root, 'svc'), join(root, 'alias'));
      symlinkSync(join(root, 'svc', 'Dockerfile'), join(root, 'Dockerfile'));
      symlinkSync(join(root, 'missing'), join(root, 'dangling.dockerfile'));
      mkdirSync(join(root, 'empty'));
      const { run, report } = lintJson(['.'], root);
      assert.equal(run.stderr, '');
      const paths = report.files.map((f) => f.path);
      assert.equal(paths.length, 2, paths.join(', '));
      assert.ok(paths.some((p) => p.endsWith('Dockerfile.worker')));
    } finally {
      removeTree(root);
    }
  });
});
