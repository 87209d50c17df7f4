import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, type CliRun } from '../cli/helpers';
import { caseCount, FUZZ_SEED, mutatedCase, pathologicalCases, projectSeeds, Random } from './inputs';

/**
 * The built CLI over a folder of fuzzed Dockerfiles, raw bytes included (invalid UTF-8, NUL, BOM,
 * CRLF): `lint`, `audit` and `fix` finish, print well-formed JSON and never report an internal error;
 * `fix` run twice changes nothing the second time. One process per command over all files, as CI runs it.
 */

/** Pathological files that stay cheap enough to lint in every `npm test`. */
const MAX_PATHOLOGICAL_CHARS = 64 * 1024;

function parseJson(run: CliRun, what: string): unknown {
  try {
    return JSON.parse(run.stdout);
  } catch {
    assert.fail(`${what} printed no JSON (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

describe('CLI fuzz', () => {
  let root = '';
  const paths: string[] = [];

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-fuzz-cli-'));
    mkdirSync(join(root, '.git'));
    const seeds = projectSeeds();
    const random = new Random(FUZZ_SEED);
    const write = (bytes: Buffer): void => {
      const dir = join(root, `case-${String(paths.length).padStart(4, '0')}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'Dockerfile'), bytes);
      paths.push(join(dir, 'Dockerfile'));
    };
    for (let n = 0; n < caseCount(300) / 10; n++) {
      const bytes = Buffer.from(mutatedCase(seeds, n).text, 'utf8');
      // Every third file gets raw byte flips: invalid UTF-8 as it sits on disk.
      if (n % 3 === 0) for (let k = 0; k < 4 && bytes.length > 0; k++) bytes[random.int(bytes.length)] = random.int(256);
      write(bytes);
    }
    for (const input of pathologicalCases()) if (input.text.length <= MAX_PATHOLOGICAL_CHARS) write(Buffer.from(input.text, 'utf8'));
    write(Buffer.from([0xef, 0xbb, 0xbf, 0x46, 0x52, 0x4f, 0x4d, 0x20, 0xff, 0xfe, 0x0d, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xc3, 0x28, 0x00]));
  });

  after(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lint --format json reports every file', () => {
    const run = runCli(['lint', '--format', 'json', '--fail-on', 'none', '.'], root);
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.equal(run.code, 0, run.stderr);
    const report = parseJson(run, 'lint');
    assert.ok(isRecord(report) && Array.isArray(report.files), 'no files array');
    assert.equal(report.files.length, paths.length);
  });

  it('audit --format json grades every file', () => {
    const run = runCli(['audit', '--format', 'json', '.'], root);
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(isRecord(parseJson(run, 'audit')));
  });

  for (const unsafe of [false, true]) {
    it(`fix${unsafe ? ' --unsafe' : ''} twice changes nothing the second time`, () => {
      const args = ['fix', ...(unsafe ? ['--unsafe'] : []), '--fail-on', 'none', '.'];
      const first = runCli(args, root);
      assert.doesNotMatch(first.stderr, /internal error/);
      assert.equal(first.code, 0, first.stderr);
      const once = paths.map((path) => readFileSync(path));
      const second = runCli(args, root);
      assert.equal(second.code, 0, second.stderr);
      const changed = paths.filter((path, k) => !readFileSync(path).equals(once[k] ?? Buffer.alloc(0)));
      assert.deepEqual(changed, [], 'the second fix run changed these files');
    });
  }
});
