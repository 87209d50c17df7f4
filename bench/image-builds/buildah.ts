import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGunzip } from 'node:zlib';
import { BENCH, ROOT } from '../support';
import { field, list } from './json';

/** buildah in a private store under bench/.builds, the processes around it, and the sizes of what it builds. */

export const STORE = join(BENCH, '.builds');
/** Kept between runs: the debootstrapped base rootfs (a few minutes to make). */
export const CACHE = join(STORE, 'cache');
/** Removed at the end of every run: buildah storage, OCI layouts, build contexts, the CLI copy. */
export const WORK = join(STORE, 'work');
/** The CLI and its WASM, copied from dist/ at the start so a rebuild during the run cannot touch them. */
export const DIST = join(WORK, 'dist');
export const CLI = join(DIST, 'cli', 'bulkhead.js');
const MIN_FREE_BYTES = 15 * 1024 ** 3;

export function run(command: string, commandArgs: readonly string[], options: { cwd?: string; log?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, commandArgs, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (options.log) writeFileSync(options.log, `$ ${command} ${commandArgs.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  return result;
}

export function must(command: string, commandArgs: readonly string[], options: { cwd?: string; log?: string } = {}): string {
  const result = run(command, commandArgs, options);
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${tail(`${result.stdout}${result.stderr}`)}`);
  return result.stdout;
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export function requireTools(): void {
  const missing = [
    ['buildah', 'buildah'],
    ['debootstrap', 'debootstrap'],
    ['tar', 'tar'],
    ['diff', 'diffutils'],
  ].filter(([tool]) => run('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map(([tool]) => tool).join(', ')}: install with \`apt-get install ${missing.map(([, pkg]) => pkg).join(' ')}\` (bench:builds needs root for debootstrap and buildah's chroot isolation)`);
  }
  if (process.getuid?.() !== 0) throw new Error('bench:builds runs as root: debootstrap and buildah with vfs storage and chroot isolation need it');
  if (!existsSync(join(ROOT, 'dist', 'cli', 'bulkhead.js'))) throw new Error('dist/cli/bulkhead.js is missing: run `npm run build` first');
  mkdirSync(STORE, { recursive: true });
  const fs = statfsSync(STORE);
  const free = fs.bavail * fs.bsize;
  if (free < MIN_FREE_BYTES) throw new Error(`only ${gb(free)} free under ${STORE}; vfs storage copies every layer in full, so bench:builds wants ${gb(MIN_FREE_BYTES)}`);
}

const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/** A private buildah storage: vfs needs no fuse or overlay support, and nothing touches the host's images. */
const STORAGE = ['--root', join(WORK, 'root'), '--runroot', join(WORK, 'runroot'), '--storage-driver', 'vfs'];

export const buildah = (subArgs: readonly string[], log?: string): string => must('buildah', [...STORAGE, ...subArgs], log ? { log } : {});

/**
 * The host's CA bundle, bind-mounted read-only over the image's during RUN steps (it is not committed),
 * for the cases that fetch over HTTPS: here that goes through a TLS-inspecting proxy only the host
 * trusts. Not for the others: a RUN that installs ca-certificates rewrites that file.
 */
const HOST_CA = '/etc/ssl/certs/ca-certificates.crt';

/** Milliseconds as the results record them: seconds to one decimal. */
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** Builds `file` in `context` as `tag`; returns the milliseconds it took. */
export function build(context: string, file: string, tag: string, log: string, hostCa = false): number {
  const started = performance.now();
  const volume = hostCa && existsSync(HOST_CA) ? ['--volume', `${HOST_CA}:${HOST_CA}:ro`] : [];
  buildah(['bud', '--isolation', 'chroot', '--layers', '--no-cache', '--pull=never', ...volume, '-f', file, '-t', tag, context], log);
  return performance.now() - started;
}

interface Layer {
  readonly digest: string;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

export interface ImageSize {
  /** Layers (gzip, as pushed) plus the config blob. */
  readonly compressedBytes: number;
  /** The layer tars unpacked, plus the config blob. */
  readonly uncompressedBytes: number;
  readonly layers: readonly Layer[];
}

interface OciDescriptor {
  readonly digest: string;
  readonly size: number;
}

function descriptor(value: unknown): OciDescriptor {
  const digest = field(value, 'digest');
  const size = field(value, 'size');
  if (typeof digest === 'string' && typeof size === 'number') return { digest, size };
  throw new Error(`not an OCI descriptor: ${JSON.stringify(value)}`);
}

function blobPath(layout: string, digest: string): string {
  const [algorithm, hex] = digest.split(':');
  if (!algorithm || !hex) throw new Error(`bad digest ${digest}`);
  return join(layout, 'blobs', algorithm, hex);
}

async function gunzippedBytes(path: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(path).pipe(createGunzip())) bytes += (chunk as Buffer).length;
  return bytes;
}

/** Pushes the image to an OCI layout (gzip layers, as a registry would hold them) and reads its sizes there. */
export async function measure(tag: string, log: string): Promise<ImageSize> {
  const layout = join(WORK, 'oci', tag.replace(/[^a-z0-9.-]+/gi, '_'));
  rmSync(layout, { recursive: true, force: true });
  mkdirSync(dirname(layout), { recursive: true });
  buildah(['push', '--compression-format', 'gzip', tag, `oci:${layout}:latest`], log);
  const index: unknown = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const manifest: unknown = JSON.parse(readFileSync(blobPath(layout, descriptor(list(field(index, 'manifests'))[0]).digest), 'utf8'));
  const config = descriptor(field(manifest, 'config'));
  const layers: Layer[] = [];
  for (const entry of list(field(manifest, 'layers'))) {
    const layer = descriptor(entry);
    layers.push({ digest: layer.digest, compressedBytes: layer.size, uncompressedBytes: await gunzippedBytes(blobPath(layout, layer.digest)) });
  }
  rmSync(layout, { recursive: true, force: true });
  return {
    compressedBytes: config.size + layers.reduce((sum, layer) => sum + layer.compressedBytes, 0),
    uncompressedBytes: config.size + layers.reduce((sum, layer) => sum + layer.uncompressedBytes, 0),
    layers,
  };
}

export function mountsUnder(path: string): string[] {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((mount) => mount === path || mount.startsWith(`${path}/`));
}

export function cleanup(): void {
  if (!existsSync(WORK)) return;
  run('buildah', [...STORAGE, 'rm', '--all']);
  run('buildah', [...STORAGE, 'rmi', '--all', '--force']);
  for (const mount of mountsUnder(WORK).sort().reverse()) run('umount', ['-l', mount]);
  const left = mountsUnder(WORK);
  if (left.length > 0) {
    console.error(`left ${WORK} in place: still mounted ${left.join(', ')}`);
    return;
  }
  rmSync(WORK, { recursive: true, force: true });
}
