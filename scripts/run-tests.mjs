// Runs a test suite with node's test runner (TypeScript through tsx).
//   unit   — rule tables beside the rules, and test/ (LSP over stdio, CLI as a process, ...)
//   corpus — test/corpus/: runs over ../shared (only where that folder exists)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suite = process.argv[2] ?? 'unit';

function findTests(dir, skip = () => false) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || skip(path)) return [];
    if (statSync(path).isDirectory()) return findTests(path, skip);
    return name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const isSuiteFolder = (path) => ['corpus', 'e2e'].some((name) => path === join(root, 'test', name));
const files =
  suite === 'corpus'
    ? findTests(join(root, 'test', 'corpus'))
    : [...findTests(join(root, 'server', 'src')), ...findTests(join(root, 'test'), isSuiteFolder)];

if (files.length === 0) {
  console.error(`no test files found for suite "${suite}"`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
