// Rebuilds the knowledge tables in server/src/knowledge/ from their sources (npm run data:refresh).
//
//   node scripts/data-refresh.mjs [--data DIR] [--no-apt]
//
// Inputs:
//   - DIR/image-sizes.json (default ../shared/data): measured compressed sizes per tag and platform,
//     collected from docker-library/repo-info, with tag aliases from docker-library/official-images.
//   - The curated fact tables below (users, variants, end-of-life dates, deprecations, minimal
//     families, packages), each with the source it was read from.
//   - `apt-cache` (when present, after `apt-get update`): Installed-Size of heavy Debian packages and
//     of their dependency closure. Without apt-cache the sizes already in packages.json are kept.
// Outputs (compact JSON, each with `source` and `recorded`): images.json, packages.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dataDir = resolve(root, args.includes('--data') ? args[args.indexOf('--data') + 1] : '../shared/data');
const useApt = !args.includes('--no-apt');
const outDir = join(root, 'server', 'src', 'knowledge');
const today = new Date().toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Curated facts. Sources: shared/data/base-image-facts.md and minimal-bases.md (which cite
// docker-library/repo-info build histories, docker-library/docs, official-images library files,
// GoogleContainerTools/distroless, chainguard-images/images), plus the release schedules named in EOL.
// ---------------------------------------------------------------------------------------------

/**
 * Per repository: what it is (`runtime`), the OS of its plain tags, who it runs as by default,
 * a non-root user the image creates, the JVM kind of its plain tags, and how slim tags are spelled.
 * Source: repo-info build histories (USER lines, useradd) as summarised in base-image-facts.md §2.
 */
const FAMILIES = {
  debian: { kind: 'os', os: 'debian', pm: 'apt' },
  ubuntu: { kind: 'os', os: 'ubuntu', pm: 'apt' },
  alpine: { kind: 'os', os: 'alpine', pm: 'apk' },
  busybox: { kind: 'os', os: 'busybox', pm: null },
  fedora: { kind: 'os', os: 'fedora', pm: 'dnf' },
  almalinux: { kind: 'os', os: 'rhel', pm: 'dnf' },
  rockylinux: { kind: 'os', os: 'rhel', pm: 'dnf' },
  oraclelinux: { kind: 'os', os: 'rhel', pm: 'dnf' },
  amazonlinux: { kind: 'os', os: 'amazonlinux', pm: 'dnf' },
  centos: { kind: 'os', os: 'rhel', pm: 'dnf' },
  // Codenames: nodejs/Release README (LTS names).
  node: { kind: 'runtime', runtime: 'node', os: 'debian', pm: 'apt', buildpack: true, nonRootUser: 'node', slim: 'os-slim', codenames: { argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24' } },
  python: { kind: 'runtime', runtime: 'python', os: 'debian', pm: 'apt', buildpack: true, slim: 'slim-os' },
  ruby: { kind: 'runtime', runtime: 'ruby', os: 'debian', pm: 'apt', buildpack: true, slim: 'slim-os' },
  php: { kind: 'runtime', runtime: 'php', os: 'debian', pm: 'apt', nonRootUser: 'www-data' },
  perl: { kind: 'runtime', runtime: 'perl', os: 'debian', pm: 'apt', slim: 'slim-os' },
  golang: { kind: 'build', runtime: 'go', os: 'debian', pm: 'apt', buildpack: true },
  rust: { kind: 'build', runtime: 'rust', os: 'debian', pm: 'apt', buildpack: true, slim: 'slim-os' },
  gcc: { kind: 'build', runtime: 'c', os: 'debian', pm: 'apt', buildpack: true },
  'buildpack-deps': { kind: 'build', runtime: 'c', os: 'debian', pm: 'apt', buildpack: true },
  'eclipse-temurin': { kind: 'runtime', runtime: 'java', os: 'ubuntu', pm: 'apt', java: 'jdk' },
  amazoncorretto: { kind: 'runtime', runtime: 'java', os: 'amazonlinux', pm: 'dnf', java: 'jdk' },
  openjdk: { kind: 'runtime', runtime: 'java', os: 'debian', pm: 'apt', java: 'jdk' },
  java: { kind: 'runtime', runtime: 'java', os: 'debian', pm: 'apt', java: 'jdk' },
  'ibm-semeru-runtimes': { kind: 'runtime', runtime: 'java', os: 'ubuntu', pm: 'apt', java: 'jdk' },
  maven: { kind: 'build', runtime: 'java', os: 'ubuntu', pm: 'apt', java: 'jdk' },
  gradle: { kind: 'build', runtime: 'java', os: 'ubuntu', pm: 'apt', java: 'jdk', nonRootUser: 'gradle' },
  tomcat: { kind: 'service', runtime: 'java', os: 'ubuntu', pm: 'apt', java: 'jdk' },
  nginx: { kind: 'service', os: 'debian', pm: 'apt', nonRootUser: 'nginx' },
  httpd: { kind: 'service', os: 'debian', pm: 'apt', nonRootUser: 'www-data' },
  caddy: { kind: 'service', os: 'alpine', pm: 'apk' },
  traefik: { kind: 'service', os: 'alpine', pm: 'apk' },
  haproxy: { kind: 'service', os: 'debian', pm: 'apt', user: 'haproxy' },
  postgres: { kind: 'service', os: 'debian', pm: 'apt', nonRootUser: 'postgres' },
  mysql: { kind: 'service', os: 'rhel', pm: 'dnf', nonRootUser: 'mysql' },
  mariadb: { kind: 'service', os: 'ubuntu', pm: 'apt', nonRootUser: 'mysql' },
  mongo: { kind: 'service', os: 'ubuntu', pm: 'apt', nonRootUser: 'mongodb' },
  redis: { kind: 'service', os: 'debian', pm: 'apt', nonRootUser: 'redis' },
  memcached: { kind: 'service', os: 'debian', pm: 'apt', user: 'memcache' },
  rabbitmq: { kind: 'service', os: 'ubuntu', pm: 'apt', nonRootUser: 'rabbitmq' },
  elasticsearch: { kind: 'service', runtime: 'java', os: 'rhel', pm: 'dnf', user: '1000' },
  wordpress: { kind: 'service', runtime: 'php', os: 'debian', pm: 'apt', nonRootUser: 'www-data' },
  bash: { kind: 'os', os: 'alpine', pm: 'apk' },
};

/**
 * Programs the default (non-slim) tags of `buildpack: true` families have from buildpack-deps and the
 * slim and Alpine tags lack. Source: base-image-facts.md §3 (repo-info build histories).
 */
const BUILDPACK_PROGRAMS = ['gcc', 'g++', 'cc', 'c++', 'make', 'git', 'ssh', 'scp', 'curl', 'wget', 'svn', 'hg', 'ps', 'autoconf', 'automake', 'patch', 'file'];

/** Recommended tag per repository when `latest` alone is not a good pin. Else derived from `latest`. */
const RECOMMENDED = {
  // amazoncorretto:latest is Java 8 (official-images library/amazoncorretto @ 37079fb336f5): keep the pin honest.
  amazoncorretto: '8',
  // No latest tag (official-images e61f68d2, 2018-10-08): the measured full version.
  elasticsearch: '9.5.2',
  // latest/8 dropped on 2026-08-03 (official-images 91b7860c): the maintained 8.0 line.
  mongo: '8.0',
};

/** Release schedules. Dates are the end of upstream (or LTS) support; successor = what to move to. */
const EOL = {
  source:
    'nodejs/Release README (schedule); devguide.python.org/versions; ruby-lang.org/en/downloads/branches; wiki.debian.org/LTS; ubuntu.com/about/release-cycle (standard support); ' +
    'alpinelinux.org/releases; fedoraproject.org/wiki/End_of_life; go.dev/doc/devel/release (two newest majors supported); ' +
    'GoogleContainerTools/distroless SUPPORT_POLICY.md @ cd080764af31; shared/data/base-image-facts.md §1',
  node: { successor: '24', versions: { 0: '2016-12-31', 4: '2018-04-30', 5: '2016-06-30', 6: '2019-04-30', 7: '2017-06-30', 8: '2019-12-31', 9: '2018-06-30', 10: '2021-04-30', 11: '2019-06-01', 12: '2022-04-30', 14: '2023-04-30', 15: '2021-06-01', 16: '2023-09-11', 17: '2022-06-01', 18: '2025-04-30', 19: '2023-06-01', 20: '2026-04-30', 21: '2024-06-01', 22: '2027-04-30', 23: '2025-06-01', 24: '2028-04-30', 25: '2026-06-01' } },
  python: { successor: '3.14', versions: { '2.7': '2020-01-01', '3.3': '2017-09-29', '3.4': '2019-03-18', '3.5': '2020-09-30', '3.6': '2021-12-23', '3.7': '2023-06-27', '3.8': '2024-10-07', '3.9': '2025-10-31', '3.10': '2026-10-31', '3.11': '2027-10-31', '3.12': '2028-10-31', '3.13': '2029-10-31', '3.14': '2030-10-31' } },
  ruby: { successor: '3.4', versions: { '2.3': '2019-03-31', '2.4': '2020-03-31', '2.5': '2021-03-31', '2.6': '2022-04-12', '2.7': '2023-03-31', '3.0': '2024-04-23', '3.1': '2025-03-26', '3.2': '2026-03-31', '3.3': '2027-03-31', '3.4': '2028-03-31' } },
  debian: { successor: '13', versions: { 8: '2020-06-30', 9: '2022-06-30', 10: '2024-06-30', 11: '2026-08-31', 12: '2028-06-30', 13: '2030-06-30' }, codenames: { jessie: '8', stretch: '9', buster: '10', bullseye: '11', bookworm: '12', trixie: '13' } },
  ubuntu: { successor: '24.04', versions: { '14.04': '2019-04-30', '16.04': '2021-04-30', '18.04': '2023-05-31', '20.04': '2025-05-31', '22.04': '2027-04-30', '23.04': '2024-01-25', '23.10': '2024-07-11', '24.04': '2029-04-30', '24.10': '2025-07-10', '25.04': '2026-01-15' }, codenames: { trusty: '14.04', xenial: '16.04', bionic: '18.04', focal: '20.04', jammy: '22.04', lunar: '23.04', mantic: '23.10', noble: '24.04', oracular: '24.10', plucky: '25.04', questing: '25.10', resolute: '26.04' } },
  alpine: { successor: '3.24', versions: { '3.12': '2022-05-01', '3.13': '2022-11-01', '3.14': '2023-05-01', '3.15': '2023-11-01', '3.16': '2024-05-23', '3.17': '2024-11-22', '3.18': '2025-05-09', '3.19': '2025-11-01', '3.20': '2026-04-01', '3.21': '2026-11-01', '3.22': '2027-05-01', '3.23': '2027-11-01', '3.24': '2028-05-01' } },
  fedora: { successor: '44', versions: { 36: '2023-05-16', 37: '2023-12-05', 38: '2024-05-21', 39: '2024-11-26', 40: '2025-05-13', 41: '2025-12-15' } },
  golang: { successor: '1.27', versions: { '1.8': '2018-02-16', '1.9': '2018-08-24', '1.10': '2019-02-25', '1.11': '2019-09-03', '1.12': '2020-02-25', '1.13': '2020-08-11', '1.14': '2021-02-16', '1.15': '2021-08-16', '1.16': '2022-03-15', '1.17': '2022-08-02', '1.18': '2023-02-01', '1.19': '2023-08-08', '1.20': '2024-02-06', '1.21': '2024-08-13', '1.22': '2025-02-11', '1.23': '2025-08-12' } },
  centos: { successor: null, versions: { 6: '2020-11-30', 7: '2024-06-30', 8: '2021-12-31' } },
  distroless: { versions: { debian9: '2022-06-30', debian10: '2024-06-30', debian11: '2024-06-30', 'debian12-runtime': '2026-01-31', 'debian12-python': '2026-04-30', debian12: '2026-09-30' } },
};

/** Whole images that are deprecated. Source: base-image-facts.md §1 (docker-library/openjdk README, docs history). */
const DEPRECATED = {
  openjdk: { since: '2022-07-01', successor: 'eclipse-temurin', note: 'only early-access tags are still updated', keepTags: '^(2[6-9]|[3-9]\\d)-(ea|rc)' },
  java: { since: '2016-12-31', successor: 'eclipse-temurin' },
  centos: { since: '2024-06-30', successor: 'almalinux' },
};

/** Temurin versions the official image publishes (library/eclipse-temurin @ 37079fb336f5). */
const TEMURIN_VERSIONS = [8, 11, 17, 21, 25];

/** Minimal families outside Docker Hub. Source: minimal-bases.md (distroless @ cd080764af31, chainguard-images @ cd7edd236bf1). */
const MINIMAL = {
  source: 'GoogleContainerTools/distroless @ cd080764af3103b2f49fb5eb23297c72c945e77a (README, SUPPORT_POLICY.md, common/variables.bzl); chainguard-images/images @ cd7edd236bf1738260cf528cd8886f5353c3a3b8 (images/*/README.md); docs.redhat.com (UBI micro); docs.docker.com/dhi',
  distroless: {
    registry: 'gcr.io',
    prefix: 'distroless/',
    nonRootUid: '65532',
    images: {
      static: { libc: 'none' },
      base: { libc: 'glibc' },
      'base-nossl': { libc: 'glibc' },
      cc: { libc: 'glibc' },
      'java-base': { libc: 'glibc' },
      java17: { libc: 'glibc', runtime: 'java', java: 'jre', version: '17' },
      java21: { libc: 'glibc', runtime: 'java', java: 'jre', version: '21' },
      java25: { libc: 'glibc', runtime: 'java', java: 'jre', version: '25' },
      nodejs22: { libc: 'glibc', runtime: 'node', version: '22' },
      nodejs24: { libc: 'glibc', runtime: 'node', version: '24' },
      nodejs26: { libc: 'glibc', runtime: 'node', version: '26' },
      python3: { libc: 'glibc', runtime: 'python', version: '3.13' },
    },
    current: 'debian13',
    // README: static-debian13 is "around 2 MiB" (uncompressed); the only distroless size stated.
    sizes: { 'static-debian13': 2097152 },
  },
  chainguard: {
    registry: 'cgr.dev',
    prefix: 'chainguard/',
    images: {
      static: { libc: 'none', user: '65532' },
      'glibc-dynamic': { libc: 'glibc', user: '65532' },
      node: { libc: 'glibc', runtime: 'node', user: 'node' },
      python: { libc: 'glibc', runtime: 'python', user: '65532' },
      jre: { libc: 'glibc', runtime: 'java', java: 'jre', user: '65532' },
      jdk: { libc: 'glibc', runtime: 'java', java: 'jdk', user: '65532' },
      go: { libc: 'glibc', runtime: 'go', user: '65532', shell: true },
      rust: { libc: 'glibc', runtime: 'rust', user: '65532', shell: true },
      maven: { libc: 'glibc', runtime: 'java', java: 'jdk', user: '65532', shell: true },
      gradle: { libc: 'glibc', runtime: 'java', java: 'jdk', user: '65532', shell: true },
      ruby: { libc: 'glibc', runtime: 'ruby', user: '65532' },
      php: { libc: 'glibc', runtime: 'php', user: '65532' },
      nginx: { libc: 'glibc', user: '65532' },
      busybox: { libc: 'musl', user: '65532', shell: true },
      bash: { libc: 'glibc', user: '65532', shell: true },
      'wolfi-base': { libc: 'glibc', user: 'root', shell: true, pm: 'apk' },
    },
  },
  ubi: {
    registry: 'registry.access.redhat.com',
    images: {
      ubi: { libc: 'glibc', pm: 'dnf', variant: 'full' },
      'ubi-minimal': { libc: 'glibc', pm: 'microdnf', variant: 'minimal' },
      'ubi-micro': { libc: 'glibc', pm: null, variant: 'micro' },
    },
  },
};

/**
 * Packages per manager. Source: shared/data/runtime-packages.md (Debian 12 apt-cache/dpkg -c,
 * alpinelinux/aports APKBUILDs, packages.fedoraproject.org, openSUSE OBS). Patterns are anchored
 * regular expressions for version-pinned names.
 */
const PACKAGES = {
  source:
    'shared/data/runtime-packages.md (Debian 12 apt-cache show + dpkg -c, 2026-11-29; alpinelinux/aports community/openjdk21 @ 15a4bfa570af, main/openssh @ bf33a0f44d17; packages.fedoraproject.org; openSUSE OBS; packages.ubuntu.com)',
  sshServers: {
    apt: ['openssh-server', 'ssh', 'dropbear', 'dropbear-bin'],
    apk: ['openssh', 'openssh-server', 'openssh-server-pam', 'dropbear'],
    dnf: ['openssh-server', 'dropbear'],
    zypper: ['openssh', 'openssh-server', 'dropbear'],
  },
  runtimes: {
    java: {
      executables: ['java', 'keytool', 'jfr', 'jrunscript', 'jwebserver', 'javac', 'jar', 'jlink', 'jdeps', 'jshell', 'jmod', 'mvn', 'gradle', 'jcmd', 'jstack', 'jmap'],
      apt: ['default-jre', 'default-jre-headless', 'default-jdk', 'default-jdk-headless', '/^openjdk-\\d+-(jre|jdk)(-headless)?$/'],
      apk: ['/^openjdk\\d+(-jre|-jre-headless|-jdk)?$/'],
      dnf: ['/^java-(\\d+|1\\.8\\.0)-(openjdk|amazon-corretto)(-headless|-devel)?$/'],
      zypper: ['/^java-(\\d+|1_8_0)-openjdk(-headless|-devel)?$/'],
    },
    python: {
      executables: ['python', 'python3', 'pip', 'pip3', 'uv', 'pydoc3', 'py3compile', 'gunicorn', 'uvicorn'],
      executablePatterns: ['^python3\\.\\d+$', '^pip3\\.\\d+$'],
      apt: ['python3', 'python3-minimal', 'python-is-python3', 'python3-pip', 'python3-venv', 'python2', '/^python3\\.\\d+(-minimal|-venv)?$/', '/^python2\\.7$/'],
      apk: ['python3', 'py3-pip', 'python2'],
      dnf: ['python3', 'python3-pip', 'python2', '/^python3\\.\\d+$/'],
      zypper: ['python3', 'python3-pip', '/^python3\\d+$/'],
    },
    node: {
      executables: ['node', 'nodejs', 'npm', 'npx', 'yarn', 'yarnpkg', 'pnpm', 'corepack'],
      apt: ['nodejs', 'npm', 'yarnpkg'],
      apk: ['nodejs', 'nodejs-current', 'npm', 'yarn', 'pnpm'],
      dnf: ['nodejs', 'npm', 'nodejs-npm'],
      zypper: ['/^nodejs\\d*$/', '/^npm\\d*$/'],
    },
    ruby: {
      executables: ['ruby', 'gem', 'bundle', 'bundler', 'irb', 'erb', 'rake', 'rails'],
      apt: ['ruby', 'ruby-full', 'bundler', '/^ruby\\d\\.\\d+$/'],
      apk: ['ruby', 'ruby-bundler'],
      dnf: ['ruby', 'rubygems', 'rubygem-bundler'],
      zypper: ['ruby', '/^ruby\\d\\.\\d+$/'],
    },
    php: {
      executables: ['php', 'php-fpm', 'composer', 'phpize', 'apache2-foreground', 'apachectl', 'apache2ctl', 'httpd'],
      executablePatterns: ['^php\\d+(\\.\\d+)?$', '^php-fpm\\d*(\\.\\d+)?$'],
      apt: ['php', 'php-cli', 'php-fpm', 'libapache2-mod-php', '/^php\\d\\.\\d+(-cli|-fpm)?$/', '/^libapache2-mod-php\\d\\.\\d+$/'],
      apk: ['/^php\\d*(-fpm|-cli)?$/'],
      dnf: ['php', 'php-cli', 'php-fpm'],
      zypper: ['/^php\\d*(-cli|-fpm)?$/'],
    },
    go: {
      executables: ['go', 'gofmt'],
      apt: ['golang', 'golang-go', '/^golang-1\\.\\d+(-go)?$/'],
      apk: ['go'],
      dnf: ['golang'],
      zypper: ['go', '/^go1\\.\\d+$/'],
    },
    dotnet: {
      executables: ['dotnet'],
      apt: ['/^dotnet-(runtime|sdk|host)(-\\d+\\.\\d+)?$/', '/^aspnetcore-runtime(-\\d+\\.\\d+)?$/'],
      apk: ['/^dotnet\\d*-(runtime|sdk)$/', '/^aspnetcore\\d*-runtime$/'],
      dnf: ['/^dotnet-(runtime|sdk)(-\\d+\\.\\d+)?$/', '/^aspnetcore-runtime(-\\d+\\.\\d+)?$/'],
      zypper: [],
    },
  },
  // Programs that run a second runtime under the hood: Rails' asset pipeline (ExecJS) runs Node.js.
  indirectUse: { node: ['rails', 'rake', 'bundle', 'jekyll'] },
  buildTools: {
    apt: ['build-essential', 'gcc', 'g++', 'cpp', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkg-config', 'dpkg-dev', 'maven', 'gradle', 'ant', '/^(gcc|g\\+\\+|cpp)-\\d+$/', '/^clang-\\d+$/', '/^lib[a-z0-9+.-]+-dev$/', '/^linux-headers-.+$/'],
    apk: ['build-base', 'gcc', 'g++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkgconf', 'musl-dev', 'libc-dev', 'maven', 'gradle', 'linux-headers', '/^[a-z0-9+.-]+-dev$/'],
    dnf: ['gcc', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkgconf-pkg-config', 'maven', 'gradle', 'ant', '@development-tools', '/^[a-z0-9+._-]+-devel$/'],
    zypper: ['gcc', 'gcc-c++', 'clang', 'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkg-config', 'maven', 'gradle', '/^[a-z0-9+._-]+-devel$/'],
  },
  // JDK package → the JRE package of the same version: [pattern, replacement] (Debian/Alpine/Fedora naming).
  jdkToJre: {
    apt: [['^default-jdk(-headless)?$', 'default-jre$1'], ['^openjdk-(\\d+)-jdk(-headless)?$', 'openjdk-$1-jre$2']],
    apk: [['^openjdk(\\d+)(-jdk)?$', 'openjdk$1-jre']],
    dnf: [['^java-(\\d+|1\\.8\\.0)-(openjdk|amazon-corretto)-devel$', 'java-$1-$2-headless']],
    zypper: [['^java-(\\d+|1_8_0)-openjdk-devel$', 'java-$1-openjdk-headless']],
  },
  debugTools: {
    apt: { vim: ['vim'], 'vim-tiny': ['vi'], nano: ['nano'], 'netcat-openbsd': ['nc'], 'netcat-traditional': ['nc'], netcat: ['nc'], ncat: ['ncat'], telnet: ['telnet'], 'inetutils-telnet': ['telnet'], tcpdump: ['tcpdump'], gdb: ['gdb'], strace: ['strace'], ltrace: ['ltrace'] },
    apk: { vim: ['vim'], nano: ['nano'], 'netcat-openbsd': ['nc'], 'busybox-extras': ['telnet'], 'inetutils-telnet': ['telnet'], tcpdump: ['tcpdump'], gdb: ['gdb'], strace: ['strace'], ltrace: ['ltrace'] },
    dnf: { 'vim-enhanced': ['vim'], 'vim-minimal': ['vi'], vim: ['vim'], nano: ['nano'], 'nmap-ncat': ['nc'], nc: ['nc'], telnet: ['telnet'], tcpdump: ['tcpdump'], gdb: ['gdb'], strace: ['strace'], ltrace: ['ltrace'] },
    zypper: { vim: ['vim'], nano: ['nano'], 'netcat-openbsd': ['nc'], telnet: ['telnet'], tcpdump: ['tcpdump'], gdb: ['gdb'], strace: ['strace'], ltrace: ['ltrace'] },
  },
};

/** Debian packages whose installed size a fix can quote (with their dependency closure). */
const HEAVY_DEBIAN = [
  'openjdk-17-jdk-headless', 'openjdk-17-jdk', 'openjdk-17-jre-headless', 'openjdk-17-jre', 'default-jdk', 'default-jdk-headless', 'default-jre', 'default-jre-headless',
  'python3', 'python3-pip', 'python3-venv', 'nodejs', 'npm', 'ruby', 'ruby-full', 'php', 'php-cli', 'php-fpm', 'golang', 'golang-go',
  'build-essential', 'gcc', 'g++', 'make', 'cmake', 'clang', 'maven', 'gradle', 'ant',
  'openssh-server', 'ssh', 'dropbear',
  'vim', 'vim-tiny', 'nano', 'netcat-openbsd', 'netcat-traditional', 'telnet', 'tcpdump', 'gdb', 'strace', 'ltrace',
  'git', 'curl', 'wget',
];

// ---------------------------------------------------------------------------------------------

function readSizes() {
  const path = join(dataDir, 'image-sizes.json');
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const tags = {};
  const aliases = {};
  for (const [key, entry] of Object.entries(data.images)) {
    const [repository, tag] = key.split(':');
    if (!FAMILIES[repository]) throw new Error(`image-sizes.json: no family facts for ${repository}; add it to FAMILIES`);
    if (entry.alias_of) {
      const [target, targetTag] = entry.alias_of.split(':');
      if (target !== repository) throw new Error(`alias across repositories: ${key}`);
      (aliases[repository] ??= {})[tag] = targetTag;
      continue;
    }
    // [amd64, arm64, recorded, version, historical]: arrays keep the bundle small.
    const record = [entry.amd64, entry.arm64 ?? null, entry.recorded, entry.version ?? null];
    if (/historical|DEPRECATED|stale record/i.test(entry.note ?? '')) record.push(1);
    (tags[repository] ??= {})[tag] = record;
  }
  return { tags, aliases, source: data.source, collected: data.collected, counts: data.counts };
}

function recommendedTags(tags, aliases) {
  const result = {};
  for (const repository of Object.keys(FAMILIES)) {
    if (RECOMMENDED[repository]) {
      result[repository] = RECOMMENDED[repository];
      continue;
    }
    const known = aliases[repository] ?? {};
    const latest = known.latest ?? (tags[repository]?.latest ? 'latest' : null);
    if (!latest) continue;
    // The version tag that names the same image as `latest`, as precise as major.minor.
    const same = [latest, ...Object.entries(known).filter(([, target]) => target === latest).map(([tag]) => tag)];
    const versions = same.filter((tag) => /^\d+(\.\d+)?$/.test(tag)).sort((a, b) => b.split('.').length - a.split('.').length);
    result[repository] = versions[0] ?? (latest === 'latest' ? null : latest);
    if (result[repository] === null) delete result[repository];
  }
  return result;
}

function aptInstalledSizes(previous) {
  if (!useApt) return previous;
  try {
    execFileSync('apt-cache', ['--version'], { stdio: 'ignore' });
  } catch {
    console.warn('apt-cache not found: keeping the installed sizes already in packages.json');
    return previous;
  }
  const field = (text, name) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? null;
  const run = (argv) => {
    try {
      return execFileSync('apt-cache', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      return typeof error?.stdout === 'string' ? error.stdout : '';
    }
  };
  const closures = new Map();
  for (const name of HEAVY_DEBIAN) {
    const out = run(['depends', '--recurse', '--no-recommends', '--no-suggests', '--no-conflicts', '--no-breaks', '--no-replaces', '--no-enhances', name]);
    closures.set(name, [...new Set(out.split('\n').filter((line) => /^[a-z0-9]/.test(line)).map((line) => line.trim()))]);
  }
  // One `apt-cache show` for every package seen: per-package calls take minutes.
  const cache = new Map();
  const all = [...new Set([...closures.values()].flat())];
  for (let i = 0; i < all.length; i += 500) {
    for (const stanza of run(['show', '--no-all-versions', ...all.slice(i, i + 500)]).split(/\n\n+/)) {
      const name = field(stanza, 'Package');
      if (!name || cache.has(name)) continue;
      cache.set(name, { size: Number(field(stanza, 'Installed-Size') ?? 0), priority: field(stanza, 'Priority'), version: field(stanza, 'Version'), essential: field(stanza, 'Essential') === 'yes' });
    }
  }
  const record = (name) => cache.get(name) ?? { size: 0, priority: null, version: null, essential: false };
  const closure = (name) => closures.get(name) ?? [];
  const sizes = {};
  let release = null;
  for (const name of HEAVY_DEBIAN) {
    const own = record(name);
    if (!own.version) continue;
    // Dependencies a slim Debian image already has (Priority required/important, Essential) are not counted.
    let total = 0;
    for (const dep of closure(name)) {
      const r = record(dep);
      if (dep !== name && (r.essential || r.priority === 'required' || r.priority === 'important')) continue;
      total += r.size;
    }
    sizes[name] = [Math.round(own.size / 1024), Math.round(Math.max(total, own.size) / 1024)];
  }
  try {
    release = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? null;
  } catch {
    release = null;
  }
  return {
    source: `apt-cache show Installed-Size (KiB) and apt-cache depends --recurse (no recommends), ${release ?? 'Debian'} archive; dependencies with Priority required/important excluded; every alternative of an "a | b" dependency is counted, so the closure is an upper estimate`,
    recorded: today,
    units: '[own MiB, MiB with dependencies not in a slim Debian image]',
    apt: sizes,
  };
}

function write(name, value) {
  const path = join(outDir, name);
  writeFileSync(path, `${JSON.stringify(value)}\n`);
  console.log(`wrote ${path} (${(JSON.stringify(value).length / 1024).toFixed(1)} KiB)`);
}

const sizes = readSizes();
const images = {
  source: {
    sizes: `${sizes.source} Via shared/data/image-sizes.json (collected ${sizes.collected}).`,
    facts: 'shared/data/base-image-facts.md and minimal-bases.md (repo-info build histories, docker-library/docs @ c4a9ba414434, official-images @ 37079fb336f5)',
    eol: EOL.source,
    minimal: MINIMAL.source,
  },
  recorded: today,
  units: 'tags: [amd64 bytes, arm64 bytes|null, recorded YYYY-MM-DD, version|null, historical?]',
  tags: sizes.tags,
  aliases: sizes.aliases,
  families: FAMILIES,
  buildpackPrograms: BUILDPACK_PROGRAMS,
  recommended: recommendedTags(sizes.tags, sizes.aliases),
  eol: Object.fromEntries(Object.entries(EOL).filter(([key]) => key !== 'source')),
  deprecated: DEPRECATED,
  temurinVersions: TEMURIN_VERSIONS,
  minimal: Object.fromEntries(Object.entries(MINIMAL).filter(([key]) => key !== 'source')),
};
write('images.json', images);

const previousPackages = existsSync(join(outDir, 'packages.json')) ? JSON.parse(readFileSync(join(outDir, 'packages.json'), 'utf8')) : {};
write('packages.json', {
  source: PACKAGES.source,
  recorded: today,
  sshServers: PACKAGES.sshServers,
  runtimes: PACKAGES.runtimes,
  indirectUse: PACKAGES.indirectUse,
  buildTools: PACKAGES.buildTools,
  jdkToJre: PACKAGES.jdkToJre,
  debugTools: PACKAGES.debugTools,
  installedSizes: aptInstalledSizes(previousPackages.installedSizes ?? null),
});
const measured = Object.values(sizes.tags).reduce((n, tags) => n + Object.keys(tags).length, 0);
const aliasCount = Object.values(sizes.aliases).reduce((n, tags) => n + Object.keys(tags).length, 0);
console.log(`images: ${Object.keys(FAMILIES).length} repositories with facts, ${measured} measured tags + ${aliasCount} aliases`);
