import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildModel } from '../server/src/engine/model/file-model';

/** Paths, inputs, statistics and the peers' programmatic APIs shared by the bench sections. */

export const ROOT = join(__dirname, '..');
export const BENCH = __dirname;
/** The peers live in their own install (bench/peers/package.json), apart from the root and from bench/*.ts imports. */
export const PEERS = join(BENCH, 'peers');
export const REAL_CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real');
/** Scratch space (git-ignored): generated audit trees. */
export const SCRATCH = join(ROOT, '.bench-tmp');

export interface Input {
  readonly name: string;
  readonly text: string;
}

export function realCorpus(): Input[] {
  if (!existsSync(REAL_CORPUS)) throw new Error(`${REAL_CORPUS} is missing: the bench lints the shared real corpus`);
  return readdirSync(REAL_CORPUS)
    .filter((name) => name !== 'INDEX.json')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(REAL_CORPUS, name), 'utf8') }));
}

export function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines - 1 : lines;
}

/**
 * A Dockerfile of exactly `lines` lines made of real corpus files one after another (each a stage or
 * more), cut at the last instruction boundary that fits and padded with comment lines.
 */
export function largeFile(corpus: readonly Input[], lines: number, offset = 0): string {
  const out: string[] = [];
  for (let k = 0; out.length < lines; k++) {
    const file = corpus[(offset + k) % corpus.length];
    if (!file) break;
    const fileLines = file.text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    if (out.length + fileLines.length > lines) {
      while (out.length < lines) out.push(`# padding ${out.length}`);
      break;
    }
    out.push(...fileLines);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Copy `k` of a corpus file for the 5,000-file audit: each shell-form RUN gets a trailing shell
 * comment naming the copy, so no RUN is a cache hit from another copy, as in a real estate of
 * different files. Nothing else changes.
 */
export function distinctCopy(text: string, copy: number): string {
  if (copy === 0) return text;
  const model = buildModel(text);
  const ends = model.runs
    .filter((run) => run.instruction.exec === null && !text.slice(run.instruction.span.start, run.instruction.span.end).includes('<<'))
    .map((run) => run.instruction.span.end)
    .sort((a, b) => b - a);
  let result = text;
  for (const end of ends) result = `${result.slice(0, end)} # copy ${copy}${result.slice(end)}`;
  return result;
}

/** Writes `count` Dockerfiles, one folder each, cycling through the corpus; returns the folder. */
export function auditTree(corpus: readonly Input[], count: number): string {
  const dir = join(SCRATCH, `audit-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  for (let n = 0; n < count; n++) {
    const file = corpus[n % corpus.length];
    if (!file) continue;
    const folder = join(dir, `p${String(n).padStart(5, '0')}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'Dockerfile'), distinctCopy(file.text, Math.floor(n / corpus.length)));
  }
  return dir;
}

/** Nearest-rank percentile of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The peers as installed by bench/package.json; their APIs are outside input, narrowed here. */
export interface Peers {
  /** dockerfile-utils `validate(content)`: the validator behind the Docker extension's server. */
  readonly dockerfileUtils: (text: string) => number;
  /** dockerfilelint `run(path, content)`. */
  readonly dockerfilelint: (text: string) => number;
  /** `node <this> --stdio` starts dockerfile-language-server-nodejs. */
  readonly dockerLangserver: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function countOf(result: unknown, what: string): number {
  if (!Array.isArray(result)) throw new Error(`${what} did not return an array`);
  return result.length;
}

export function loadPeers(): Peers {
  const manifest = join(PEERS, 'package.json');
  if (!existsSync(join(PEERS, 'node_modules'))) throw new Error('the peers are not installed: run `npm ci --prefix bench/peers` first');
  const require = createRequire(manifest);
  const utils: unknown = require('dockerfile-utils');
  const lintModule: unknown = require('dockerfilelint');
  if (!isRecord(utils) || typeof utils.validate !== 'function') throw new Error('dockerfile-utils has no validate()');
  if (!isRecord(lintModule) || typeof lintModule.run !== 'function') throw new Error('dockerfilelint has no run()');
  const validate = utils.validate as (content: string) => unknown;
  const run = lintModule.run as (path: string, content: string) => unknown;
  return {
    dockerfileUtils: (text) => countOf(validate(text), 'dockerfile-utils validate()'),
    dockerfilelint: (text) => countOf(run('/nonexistent', text), 'dockerfilelint run()'),
    dockerLangserver: join(PEERS, 'node_modules', 'dockerfile-language-server-nodejs', 'lib', 'server.js'),
  };
}
