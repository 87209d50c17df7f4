import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGunzip } from 'node:zlib';
import { buildModel } from '../server/src/engine/model/file-model';
import { parseImageReference, type ImageReference } from '../server/src/engine/model/image-ref';
import { allRules } from '../server/src/engine/rules/index';
import { loadEngine } from '../server/src/node/load-engine';
import { BENCH, ROOT } from './support';

/**
 * `npm run bench:builds`: real image builds with buildah (vfs storage, chroot isolation, no daemon)
 * before and after `bulkhead fix --unsafe`, sizes measured from an OCI layout, printed beside what the
 * fixes claimed, written to bench/builds.json. The base images are made here from the Debian mirror
 * (there are no base images offline); everything but the cached base rootfs is removed at the end.
 * Each fixed rule is also built alone (the other rules off), to set what it saves beside its claim.
 * Options: --only=case,case builds some cases (builds.json is then left alone); --no-per-fix skips
 * the one-rule builds.
 */

const STORE = join(BENCH, '.builds');
/** Kept between runs: the debootstrapped base rootfs (a few minutes to make). */
const CACHE = join(STORE, 'cache');
/** Removed at the end of every run: buildah storage, OCI layouts, build contexts, the CLI copy. */
const WORK = join(STORE, 'work');
/** The CLI and its WASM, copied from dist/ at the start so a rebuild during the run cannot touch them. */
const DIST = join(WORK, 'dist');
const CLI = join(DIST, 'cli', 'bulkhead.js');
const RESULTS = join(BENCH, 'builds.json');
const FIXTURES = join(BENCH, 'builds');
const MIRROR = 'http://deb.debian.org/debian';
const SUITE = 'bookworm';
const MIN_FREE_BYTES = 15 * 1024 ** 3;

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const perFix = !args.includes('--no-per-fix');

interface Base {
  readonly tag: string;
  readonly madeFrom: string;
}

const DEBIAN: Base = {
  tag: 'docker.io/library/debian:bookworm-slim',
  madeFrom: `locally made, not the Docker Hub image: debootstrap --variant=minbase ${SUITE} from ${MIRROR}, slimmed like the official image (debuerreotype's apt and dpkg settings: no docs, man pages or locales, compressed package lists, no .deb cache)`,
};
const NODE: Base = {
  tag: 'localhost/bulkhead-bench/node:bookworm',
  madeFrom: `locally made: the Debian base above plus Debian's nodejs and npm (bench/builds/bases/node.Containerfile); stands in for node:22`,
};

interface Case {
  readonly name: string;
  /** The build context copied for the build, relative to the project root. */
  readonly source: string;
  /** Files laid over the copied context (relative to the project root), e.g. a lock file the example lacks. */
  readonly overlay?: string;
  /** A base that cannot be made here, replaced in the FROM line by one that can. */
  readonly rebase?: { readonly from: string; readonly to: string };
  /** RUN steps fetch over HTTPS (see HOST_CA). */
  readonly hostCa?: boolean;
  /** The example this case stands for, when it is not built as written. */
  readonly standsFor?: string;
  readonly note: string;
}

const FIXTURE_CASES: readonly Case[] = [
  {
    name: 'java-service-apt',
    source: 'bench/builds/java-apt',
    standsFor: 'examples/java-service',
    note: 'the apt-get line of examples/java-service on Debian (the Maven base and Maven Central cannot be reached here)',
  },
  {
    name: 'python-app-apt',
    source: 'bench/builds/python-apt',
    standsFor: 'examples/python-app',
    note: 'the apt-get line of examples/python-app on Debian (python:3.12 cannot be made here and PyPI is unreachable, so the pip fix is not built)',
  },
  {
    name: 'legacy-ssh',
    source: 'examples/legacy-ssh',
    rebase: { from: 'ubuntu:22.04', to: 'debian:bookworm-slim' },
    note: 'examples/legacy-ssh as written but FROM the Debian base (no Ubuntu archive key here to debootstrap Ubuntu with verification)',
  },
  {
    name: 'node-app',
    source: 'examples/node-app',
    overlay: 'bench/builds/node-app',
    rebase: { from: 'node:22', to: NODE.tag },
    hostCa: true,
    note: 'examples/node-app FROM Debian nodejs/npm, with a package-lock.json added (`npm ci` needs one and the example has none); packages come from the npm registry',
  },
];

// ---------------------------------------------------------------- processes

function run(command: string, commandArgs: readonly string[], options: { cwd?: string; log?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, commandArgs, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (options.log) writeFileSync(options.log, `$ ${command} ${commandArgs.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  return result;
}

function must(command: string, commandArgs: readonly string[], options: { cwd?: string; log?: string } = {}): string {
  const result = run(command, commandArgs, options);
  if (result.error) throw new Error(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}:\n${tail(`${result.stdout}${result.stderr}`)}`);
  return result.stdout;
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function requireTools(): void {
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

/** A private buildah storage: vfs needs no fuse or overlay support, and nothing touches the host's images. */
const STORAGE = ['--root', join(WORK, 'root'), '--runroot', join(WORK, 'runroot'), '--storage-driver', 'vfs'];

const buildah = (subArgs: readonly string[], log?: string): string => must('buildah', [...STORAGE, ...subArgs], log ? { log } : {});

// ---------------------------------------------------------------- bases

/**
 * Settings of the official Debian slim images, so apt behaves in the builds as on the Hub image (from
 * github.com/debuerreotype/debuerreotype: scripts/debuerreotype-minimizing-config, .slimify-excludes).
 */
const SLIM_FILES: Record<string, string> = {
  'etc/apt/apt.conf.d/docker-clean':
    'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n' +
    'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n' +
    'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
  'etc/apt/apt.conf.d/docker-gzip-indexes': 'Acquire::GzipIndexes "true";\nAcquire::CompressionTypes::Order:: "gz";\n',
  'etc/apt/apt.conf.d/docker-no-languages': 'Acquire::Languages "none";\n',
  'etc/apt/apt.conf.d/docker-autoremove-suggests': 'Apt::AutoRemove::SuggestsImportant "false";\n',
  'etc/dpkg/dpkg.cfg.d/docker':
    ['/usr/share/doc/*', '/usr/share/groff/*', '/usr/share/info/*', '/usr/share/linda/*', '/usr/share/lintian/overrides/*', '/usr/share/locale/*', '/usr/share/man/*']
      .map((path) => `path-exclude ${path}\n`)
      .join('') + 'path-include /usr/share/doc/*/copyright\n',
  'etc/apt/sources.list.d/debian.sources':
    `Types: deb\nURIs: ${MIRROR}\nSuites: ${SUITE} ${SUITE}-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n` +
    `Types: deb\nURIs: ${MIRROR}-security\nSuites: ${SUITE}-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`,
};

/** The slimmed Debian rootfs as a tarball, made once and cached. */
function debianRootfs(log: string): string {
  const tarball = join(CACHE, `debian-${SUITE}-minbase.tar`);
  if (existsSync(tarball)) return tarball;
  mkdirSync(CACHE, { recursive: true });
  const rootfs = join(CACHE, `rootfs-${SUITE}`);
  rmSync(rootfs, { recursive: true, force: true });
  console.log(`making the Debian base: debootstrap --variant=minbase ${SUITE} (a few minutes)...`);
  try {
    must('debootstrap', ['--variant=minbase', SUITE, rootfs, MIRROR], { log });
    for (const [path, text] of Object.entries(SLIM_FILES)) {
      mkdirSync(dirname(join(rootfs, path)), { recursive: true });
      writeFileSync(join(rootfs, path), text);
    }
    rmSync(join(rootfs, 'etc/apt/sources.list'), { force: true });
    // What the dpkg excludes keep out of later installs, removed from the packages already there.
    must('sh', ['-c', 'cd "$1" && find usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete && find usr/share/doc -mindepth 1 -type d -empty -delete; rm -rf usr/share/groff/* usr/share/info/* usr/share/linda/* usr/share/lintian/overrides/* usr/share/locale/* usr/share/man/* var/lib/apt/lists/* var/cache/apt/*.bin var/cache/apt/archives/*.deb var/log/apt/* var/log/*.log; true', 'sh', rootfs], { log });
    must('tar', ['--numeric-owner', '--xattrs', '-C', rootfs, '--exclude=./dev/*', '--exclude=./proc/*', '--exclude=./sys/*', '-cf', `${tarball}.part`, '.'], { log });
    renameSync(`${tarball}.part`, tarball);
  } finally {
    if (!mountsUnder(rootfs).length) rmSync(rootfs, { recursive: true, force: true });
  }
  return tarball;
}

function makeDebian(log: string): void {
  const tarball = debianRootfs(log);
  const container = buildah(['from', '--pull=never', 'scratch'], log).trim();
  buildah(['add', container, tarball, '/'], log);
  buildah(['config', '--cmd', '["bash"]', '--env', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', container], log);
  buildah(['commit', '--rm', container, DEBIAN.tag], log);
}

function makeNode(log: string): void {
  build(join(FIXTURES, 'bases'), join(FIXTURES, 'bases', 'node.Containerfile'), NODE.tag, log);
}

interface MadeBase {
  readonly base: Base;
  readonly size: ImageSize;
  readonly makeSeconds: number;
}

const made: MadeBase[] = [];

/** Makes a base image the first time a case needs it (the Node one needs the Debian one). */
async function ensureBase(base: Base, log: string): Promise<ImageSize> {
  const known = made.find((entry) => entry.base === base);
  if (known) return known.size;
  if (base === NODE) await ensureBase(DEBIAN, log);
  console.log(`making ${base.tag}...`);
  const started = performance.now();
  (base === NODE ? makeNode : makeDebian)(log);
  const makeSeconds = seconds(performance.now() - started);
  const size = await measure(base.tag, log);
  made.push({ base, size, makeSeconds });
  return size;
}

// ---------------------------------------------------------------- builds and sizes

/**
 * The host's CA bundle, bind-mounted read-only over the image's during RUN steps (it is not committed),
 * for the cases that fetch over HTTPS: here that goes through a TLS-inspecting proxy only the host
 * trusts. Not for the others: a RUN that installs ca-certificates rewrites that file.
 */
const HOST_CA = '/etc/ssl/certs/ca-certificates.crt';

function build(context: string, file: string, tag: string, log: string, hostCa = false): number {
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

interface ImageSize {
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
async function measure(tag: string, log: string): Promise<ImageSize> {
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

// ---------------------------------------------------------------- Bulkhead's side

/** A property of a parsed JSON value, or undefined. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function cliJson(commandArgs: readonly string[]): unknown {
  return JSON.parse(must('node', [CLI, ...commandArgs]));
}

interface CliFinding {
  readonly rule: string;
  readonly message: string;
  readonly fixable: boolean;
}

function lintFindings(dir: string): CliFinding[] {
  return list(field(cliJson(['lint', '--format', 'json', '--fail-on', 'none', join(dir, 'Dockerfile')]), 'files'))
    .flatMap((file) => list(field(file, 'findings')))
    .map((finding) => ({ rule: String(field(finding, 'rule')), message: String(field(finding, 'message')), fixable: list(field(finding, 'fixes')).length > 0 }));
}

interface AuditSavings {
  readonly reference: string;
  readonly bytes: number;
  readonly approximate: boolean;
}

/** The audit's estimate of moving to a smaller base, the one size figure Bulkhead computes. */
function auditSavings(dir: string): AuditSavings | null {
  const savings = field(list(field(cliJson(['audit', '--format', 'json', dir]), 'files'))[0], 'savings');
  const reference = field(savings, 'reference');
  const bytes = field(savings, 'bytes');
  return typeof reference === 'string' && typeof bytes === 'number' ? { reference, bytes, approximate: field(savings, 'approximate') === true } : null;
}

interface FixedFinding {
  readonly rule: string;
  /** The size the finding's message claims the fix saves ("about 20 MB on Debian 12"), when it names one. */
  readonly claim: string | null;
}

/** Findings with a fix before that are gone after, one per occurrence. */
function fixedFindings(before: readonly CliFinding[], after: readonly CliFinding[]): FixedFinding[] {
  const left = new Map<string, number>();
  for (const finding of after) left.set(finding.rule, (left.get(finding.rule) ?? 0) + 1);
  const fixed: FixedFinding[] = [];
  for (const finding of before) {
    const count = left.get(finding.rule) ?? 0;
    if (count > 0) {
      left.set(finding.rule, count - 1);
      continue;
    }
    if (!finding.fixable) continue;
    fixed.push({ rule: finding.rule, claim: /(?:often|about) [^;,)]*?\b[KMG]B\b[^;,)]*/.exec(finding.message)?.[0] ?? null });
  }
  return fixed;
}

// ---------------------------------------------------------------- cases

function sameImage(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository.replace(/^library\//, '') === b.repository.replace(/^library\//, '') && (a.tag ?? 'latest') === (b.tag ?? 'latest') && a.digest === b.digest;
}

/** The external bases of the stages that reach the final image. */
function externalBases(text: string): string[] {
  const model = buildModel(text);
  return model.stages.filter((stage) => stage.reachesFinalImage && stage.baseStage === null && stage.imageText.toLowerCase() !== 'scratch').map((stage) => stage.image?.text ?? stage.imageText);
}

function makeable(image: string): boolean {
  const reference = parseImageReference(image);
  return reference !== null && [DEBIAN, NODE].some((base) => {
    const candidate = parseImageReference(base.tag);
    return candidate !== null && sameImage(reference, candidate);
  });
}

function rebaseText(text: string, from: string, to: string): string {
  const model = buildModel(text);
  const stage = model.stages.find((candidate) => candidate.imageText === from && candidate.imageSpan !== null);
  if (!stage?.imageSpan) throw new Error(`no FROM ${from} to rebase`);
  return `${text.slice(0, stage.imageSpan.start)}${to}${text.slice(stage.imageSpan.end)}`;
}

interface NotBuilt {
  readonly example: string;
  readonly reason: string;
}

/** Examples that build as written join the cases; the others are listed with the reason. */
function examineExamples(): { cases: Case[]; notBuilt: NotBuilt[] } {
  const cases: Case[] = [];
  const notBuilt: NotBuilt[] = [];
  const examples = join(ROOT, 'examples');
  for (const name of readdirSync(examples, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const source = `examples/${name}`;
    const dockerfile = join(examples, name, 'Dockerfile');
    if (!existsSync(dockerfile)) continue;
    const text = readFileSync(dockerfile, 'utf8');
    const dryRun = run('node', [CLI, 'fix', '--unsafe', '--dry-run', '--fail-on', 'none', dockerfile]);
    const covered = FIXTURE_CASES.filter((fixture) => (fixture.standsFor ?? fixture.source) === source).map((fixture) => fixture.name);
    const coveredBy = covered.length > 0 ? `; measured as ${covered.map((case_) => `\`${case_}\``).join(', ')} instead` : '';
    if (dryRun.stdout.trim() === '') {
      notBuilt.push({ example: source, reason: `\`bulkhead fix --unsafe\` changes nothing in it${coveredBy}` });
      continue;
    }
    const missing = externalBases(text).filter((image) => !makeable(image));
    if (missing.length > 0) {
      notBuilt.push({ example: source, reason: `base ${missing.map((image) => `\`${image}\``).join(', ')} cannot be made here${coveredBy}` });
      continue;
    }
    cases.push({ name, source, note: `${source} as written` });
  }
  return { cases, notBuilt };
}

interface Variant {
  readonly buildSeconds: number;
  readonly size: ImageSize;
  /** Over the base image: what the Dockerfile adds. */
  readonly addedCompressedBytes: number;
  readonly addedUncompressedBytes: number;
}

interface FixAlone {
  readonly rule: string;
  readonly claim: string | null;
  readonly buildSeconds: number | null;
  /** Before minus the image with only this rule's fixes applied. */
  readonly savedCompressedBytes: number | null;
  readonly savedUncompressedBytes: number | null;
  readonly error: string | null;
  /** The rule's fixes change only image config (CMD, EXPOSE...), so no layer changes and nothing was built. */
  readonly configOnly: boolean;
}

interface CaseResult {
  readonly name: string;
  readonly note: string;
  readonly base: string;
  readonly diff: string;
  readonly fixed: readonly FixedFinding[];
  readonly predictedBaseSavings: AuditSavings | null;
  readonly before: Variant | null;
  readonly after: Variant | null;
  readonly savedCompressedBytes: number | null;
  readonly savedUncompressedBytes: number | null;
  readonly alone: readonly FixAlone[];
  readonly error: string | null;
}

/** A copy of the context with only `rule`'s fixes applied (every other rule off through --config). */
function fixOnly(rule: string, beforeDir: string, dir: string): string {
  const config = join(dir, `only-${rule}.bulkhead.yaml`);
  writeFileSync(config, `rules:\n${allRules.filter((other) => other.id !== rule).map((other) => `  ${other.id}: off\n`).join('')}`);
  const target = join(dir, `only-${rule}`);
  cpSync(beforeDir, target, { recursive: true });
  must('node', [CLI, 'fix', '--unsafe', '--fail-on', 'none', '--config', config, target]);
  return target;
}

/** Instructions that only set image config: a change to them alone leaves every layer as it was. */
const CONFIG_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'LABEL', 'MAINTAINER', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD']);

/** True when `b` differs from `a` in config-only instructions at most, so its layers need no build. */
function sameLayers(a: string, b: string): boolean {
  if (run('diff', ['-rq', '-x', 'Dockerfile', a, b]).status !== 0) return false;
  const layerText = (dir: string): string[] => {
    const text = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    return buildModel(text).instructions.filter((instruction) => !CONFIG_ONLY.has(instruction.keyword)).map((instruction) => text.slice(instruction.span.start, instruction.span.end));
  };
  return JSON.stringify(layerText(a)) === JSON.stringify(layerText(b));
}

async function runCase(spec: Case, log: string): Promise<CaseResult> {
  const dir = join(WORK, 'cases', spec.name);
  const beforeDir = join(dir, 'before');
  const afterDir = join(dir, 'after');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, spec.source), beforeDir, { recursive: true });
  if (spec.overlay) cpSync(join(ROOT, spec.overlay), beforeDir, { recursive: true });
  const dockerfile = join(beforeDir, 'Dockerfile');
  if (spec.rebase) writeFileSync(dockerfile, rebaseText(readFileSync(dockerfile, 'utf8'), spec.rebase.from, spec.rebase.to));
  cpSync(beforeDir, afterDir, { recursive: true });
  must('node', [CLI, 'fix', '--unsafe', '--fail-on', 'none', afterDir], { log });
  const diff = run('diff', ['-ruN', 'before', 'after'], { cwd: dir }).stdout;
  const fixed = fixedFindings(lintFindings(beforeDir), lintFindings(afterDir));
  const predictedBaseSavings = auditSavings(beforeDir);
  const base = externalBases(readFileSync(dockerfile, 'utf8'))[0] ?? 'scratch';
  const baseReference = parseImageReference(base);
  const known = [DEBIAN, NODE].find((candidate) => {
    const reference = parseImageReference(candidate.tag);
    return baseReference !== null && reference !== null && sameImage(baseReference, reference);
  });
  const variant = async (which: string, context: string, baseSize: ImageSize | undefined): Promise<Variant> => {
    const tag = `localhost/bulkhead-bench/${spec.name}:${which}`;
    console.log(`building ${spec.name} (${which})...`);
    const elapsed = build(context, join(context, 'Dockerfile'), tag, log, spec.hostCa);
    const size = await measure(tag, log);
    buildah(['rmi', tag], log);
    return {
      buildSeconds: seconds(elapsed),
      size,
      addedCompressedBytes: size.compressedBytes - (baseSize?.compressedBytes ?? 0),
      addedUncompressedBytes: size.uncompressedBytes - (baseSize?.uncompressedBytes ?? 0),
    };
  };
  let before: Variant | null = null;
  let after: Variant | null = null;
  let error: string | null = null;
  const alone: FixAlone[] = [];
  try {
    const baseSize = known ? await ensureBase(known, log) : undefined;
    before = await variant('before', beforeDir, baseSize);
    after = await variant('after', afterDir, baseSize);
    const rules = [...new Set(fixed.map((fix) => fix.rule))];
    for (const rule of perFix && rules.length > 1 ? rules : []) {
      const claim = fixed.find((fix) => fix.rule === rule)?.claim ?? null;
      try {
        const onlyDir = fixOnly(rule, beforeDir, dir);
        if (sameLayers(beforeDir, onlyDir)) {
          alone.push({ rule, claim, buildSeconds: null, savedCompressedBytes: 0, savedUncompressedBytes: 0, error: null, configOnly: true });
          continue;
        }
        const only = await variant(`only-${rule}`, onlyDir, baseSize);
        alone.push({
          rule,
          claim,
          buildSeconds: only.buildSeconds,
          savedCompressedBytes: before.size.compressedBytes - only.size.compressedBytes,
          savedUncompressedBytes: before.size.uncompressedBytes - only.size.uncompressedBytes,
          error: null,
          configOnly: false,
        });
      } catch (caught) {
        alone.push({ rule, claim, buildSeconds: null, savedCompressedBytes: null, savedUncompressedBytes: null, error: caught instanceof Error ? caught.message : String(caught), configOnly: false });
      }
    }
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught);
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    name: spec.name,
    note: spec.note,
    base,
    diff,
    fixed,
    predictedBaseSavings,
    before,
    after,
    savedCompressedBytes: before && after ? before.size.compressedBytes - after.size.compressedBytes : null,
    savedUncompressedBytes: before && after ? before.size.uncompressedBytes - after.size.uncompressedBytes : null,
    alone,
    error,
  };
}

// ---------------------------------------------------------------- cleanup

function mountsUnder(path: string): string[] {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((mount) => mount === path || mount.startsWith(`${path}/`));
}

function cleanup(): void {
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

// ---------------------------------------------------------------- output

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
const mb = (bytes: number): string => (Math.abs(bytes) < 1e5 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
const percent = (part: number, whole: number): string => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '-');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

function predicted(result: CaseResult): string {
  const claims = result.fixed.map((fix) => (fix.claim ? `${fix.rule} (${fix.claim})` : fix.rule));
  if (result.predictedBaseSavings) claims.push(`base → ${result.predictedBaseSavings.reference}: ${mb(result.predictedBaseSavings.bytes)}`);
  return claims.join('; ') || '-';
}

function print(bases: readonly MadeBase[], results: readonly CaseResult[], notBuilt: readonly NotBuilt[]): void {
  console.log('\nBase images (made here, not pulled):');
  for (const { base, size, makeSeconds } of bases) {
    console.log(`  ${base.tag}: ${mb(size.compressedBytes)} compressed, ${mb(size.uncompressedBytes)} uncompressed, ${size.layers.length} layer(s), made in ${makeSeconds} s — ${base.madeFrom}`);
  }
  const rows = [['case', 'before (gz / raw)', 'after (gz / raw)', 'saved gz', 'saved raw', 'added over base gz: before → after', 'build s', 'fixed (what the findings claim)']];
  for (const result of results) {
    if (!result.before || !result.after || result.savedCompressedBytes === null || result.savedUncompressedBytes === null) {
      rows.push([result.name, 'failed', '', '', '', '', '', result.error?.split('\n')[0] ?? '']);
      continue;
    }
    rows.push([
      result.name,
      `${mb(result.before.size.compressedBytes)} / ${mb(result.before.size.uncompressedBytes)}`,
      `${mb(result.after.size.compressedBytes)} / ${mb(result.after.size.uncompressedBytes)}`,
      `${mb(result.savedCompressedBytes)} (${percent(result.savedCompressedBytes, result.before.size.compressedBytes)})`,
      mb(result.savedUncompressedBytes),
      `${mb(result.before.addedCompressedBytes)} → ${mb(result.after.addedCompressedBytes)} (${percent(result.before.addedCompressedBytes - result.after.addedCompressedBytes, result.before.addedCompressedBytes)} less)`,
      `${result.before.buildSeconds} → ${result.after.buildSeconds}`,
      predicted(result),
    ]);
  }
  console.log(`\n${table(rows)}\n`);
  const aloneRows = [['case', 'rule fixed alone', 'what its finding claims', 'saved gz', 'saved raw']];
  for (const result of results) {
    for (const fix of result.alone) {
      const saved = (bytes: number | null): string => (fix.configOnly ? '0 (config only, not built)' : bytes === null ? `failed: ${fix.error?.split('\n')[0] ?? ''}` : mb(bytes));
      aloneRows.push([result.name, fix.rule, fix.claim ?? '-', saved(fix.savedCompressedBytes), fix.configOnly || fix.savedUncompressedBytes === null ? '' : mb(fix.savedUncompressedBytes)]);
    }
  }
  if (aloneRows.length > 1) console.log(`Each fixed rule alone (before minus the image with only that rule's fixes):\n${table(aloneRows)}\n`);
  for (const result of results) console.log(`  ${result.name}: ${result.note}${result.error ? `\n    FAILED: ${result.error}` : ''}`);
  if (notBuilt.length > 0) {
    console.log('\nNot built as written:');
    for (const entry of notBuilt) console.log(`  ${entry.example}: ${entry.reason}`);
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  requireTools();
  await loadEngine();
  cleanup();
  mkdirSync(WORK, { recursive: true });
  for (const part of ['cli', 'wasm']) cpSync(join(ROOT, 'dist', part), join(DIST, part), { recursive: true });
  const log = join(STORE, 'builds.log');
  writeFileSync(log, '');
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const examined = examineExamples();
  const cases = [...examined.cases, ...FIXTURE_CASES].filter((spec) => !only || only.includes(spec.name));
  const results: CaseResult[] = [];
  for (const spec of cases) results.push(await runCase(spec, log));
  print(made, results, examined.notBuilt);
  const buildahVersion = must('buildah', ['--version']).trim();
  if (!only) {
    const output = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, node: process.version, kernel: release(), buildah: buildahVersion, storage: 'vfs', isolation: 'chroot' },
      /** One-minute load average at the start and the end: build times taken while other work runs are noisy. */
      loadAverage: { start: Math.round(loadBefore * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      method:
        'buildah bud --layers --no-cache --pull=never; sizes from `buildah push --compression-format gzip` to an OCI layout: compressed = layer blobs + config, uncompressed = gunzipped layer tars + config; added = minus the base image',
      seconds: seconds(performance.now() - started),
      bases: made.map(({ base, size, makeSeconds }) => ({ tag: base.tag, madeFrom: base.madeFrom, makeSeconds, ...size })),
      cases: results,
      notBuilt: examined.notBuilt,
    };
    writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
  }
  const failed = results.filter((result) => result.error !== null);
  if (failed.length > 0) process.exitCode = 1;
}

process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    console.error(`bench:builds: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
