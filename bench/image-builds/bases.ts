import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseImageReference, type ImageReference } from '../../server/src/engine/model/image-ref';
import { BENCH } from '../support';
import { build, buildah, CACHE, measure, mountsUnder, must, seconds, type ImageSize } from './buildah';

/** The base images, made here from the Debian mirror (none can be pulled) the first time a case needs one. */

const FIXTURES = join(BENCH, 'builds');
const MIRROR = 'http://deb.debian.org/debian';
const SUITE = 'bookworm';

interface Base {
  readonly tag: string;
  readonly madeFrom: string;
}

const DEBIAN: Base = {
  tag: 'docker.io/library/debian:bookworm-slim',
  madeFrom: `locally made, not the Docker Hub image: debootstrap --variant=minbase ${SUITE} from ${MIRROR}, slimmed like the official image (debuerreotype's apt and dpkg settings: no docs, man pages or locales, compressed package lists, no .deb cache)`,
};
export const NODE: Base = {
  tag: 'localhost/bulkhead-bench/node:bookworm',
  madeFrom: `locally made: the Debian base above plus Debian's nodejs and npm (bench/builds/bases/node.Containerfile); stands in for node:22`,
};

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

export interface MadeBase {
  readonly base: Base;
  readonly size: ImageSize;
  readonly makeSeconds: number;
}

export const made: MadeBase[] = [];

/** Makes a base image the first time a case needs it (the Node one needs the Debian one). */
export async function ensureBase(base: Base, log: string): Promise<ImageSize> {
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

function sameImage(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository.replace(/^library\//, '') === b.repository.replace(/^library\//, '') && (a.tag ?? 'latest') === (b.tag ?? 'latest') && a.digest === b.digest;
}

/** The base made here that `image` names, if any. */
export function makeableBase(image: string): Base | undefined {
  const reference = parseImageReference(image);
  return [DEBIAN, NODE].find((base) => {
    const candidate = parseImageReference(base.tag);
    return reference !== null && candidate !== null && sameImage(reference, candidate);
  });
}
