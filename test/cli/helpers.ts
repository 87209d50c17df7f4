import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');

/**
 * The built CLI (`dist/cli/bulkhead.js` with its `dist/wasm/`), copied once per test process into a
 * private folder with the same layout: another build that empties dist/ meanwhile (as `npm test`
 * does while other work goes on in the tree) cannot pull it away mid-run.
 */
let privateCli: string | null = null;

function cli(): string {
  if (privateCli) return privateCli;
  const bundle = join(DIST, 'cli', 'bulkhead.js');
  const wasm = ['tree-sitter.wasm', 'tree-sitter-bash.wasm'].map((name) => join(DIST, 'wasm', name));
  // A build in progress recreates dist/ within seconds; wait for it rather than fail.
  const deadline = Date.now() + 60_000;
  while (![bundle, ...wasm].every((path) => existsSync(path))) {
    if (Date.now() > deadline) throw new Error(`${bundle} is missing: build first (node scripts/build.mjs)`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
  const folder = mkdtempSync(join(tmpdir(), 'bulkhead-dist-'));
  mkdirSync(join(folder, 'cli'));
  mkdirSync(join(folder, 'wasm'));
  copyFileSync(bundle, join(folder, 'cli', 'bulkhead.js'));
  for (const path of wasm) copyFileSync(path, join(folder, 'wasm', basename(path)));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  privateCli = join(folder, 'cli', 'bulkhead.js');
  return privateCli;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): CliRun {
  const clean = { ...process.env };
  delete clean.FORCE_COLOR;
  delete clean.NO_COLOR;
  // spawnSync kills a child that prints more than maxBuffer (1 MB by default): the long fuzz run's reports are larger.
  const result = spawnSync(process.execPath, [cli(), ...args], { cwd, encoding: 'utf8', env: { ...clean, ...env }, maxBuffer: 512 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder tree from path → content; marked as a repository root so config lookup stops there. */
export function makeTree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'bulkhead-cli-'));
  mkdirSync(join(root, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

export interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixes: { title: string; safe: boolean; edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[] }[];
}

export interface JsonReport {
  version: number;
  files: { path: string; findings: JsonFinding[] }[];
  summary: { files: number; error: number; warning: number; info: number };
}

export function lintJson(args: readonly string[], cwd: string): { run: CliRun; report: JsonReport } {
  const run = runCli(['lint', '--format', 'json', ...args], cwd);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

/** Rule ids reported for one file of a JSON report. */
export function rulesIn(report: JsonReport, path: string): string[] {
  const file = report.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the report: ${report.files.map((f) => f.path).join(', ')}`);
  return file.findings.map((finding) => finding.rule);
}

/** A Dockerfile with one `ssh-port-exposed` error (line 3, the `22`) and one `maintainer-deprecated` warning. */
export const SSH_DOCKERFILE = 'FROM debian:12-slim\nMAINTAINER ops@example.com\nEXPOSE 22 8080\n';
