import type { ShellWord } from '../shell/records';
import type { DocCommand } from './commands';

export type PackageManager = 'apt' | 'apk' | 'dnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem';

export interface PackageRecord {
  /** Package name as the manager knows it, without version or extras (lower-case for OS packages). */
  readonly name: string;
  readonly version: string | null;
  readonly word: ShellWord;
}

export interface PackageInstall {
  readonly manager: PackageManager;
  /** The program as written: `apt-get`, `apt`, `yum`, `pip3`... */
  readonly program: string;
  readonly command: DocCommand;
  /** The subcommand word (`install`, `add`, `ci`...). */
  readonly subcommand: ShellWord;
  /** Every option given, long ones as written (`--no-cache`), short ones split (`-yq` → `-y`, `-q`). */
  readonly options: ReadonlySet<string>;
  readonly packages: readonly PackageRecord[];
  /** An argument was dynamic (`$PKGS`): the package list is not fully known. */
  readonly hasUnknownArguments: boolean;
}

interface ManagerSyntax {
  readonly manager: PackageManager;
  readonly subcommands: ReadonlySet<string>;
  /** Options that take the next word as their value. */
  readonly optionsWithValue: ReadonlySet<string>;
  readonly osPackages: boolean;
}

const syntax = (manager: PackageManager, subcommands: string[], optionsWithValue: string[], osPackages: boolean): ManagerSyntax => ({
  manager,
  subcommands: new Set(subcommands),
  optionsWithValue: new Set(optionsWithValue),
  osPackages,
});

const APT = syntax('apt', ['install'], ['-o', '-t', '--target-release', '-c', '--config-file'], true);
const DNF = syntax('dnf', ['install'], ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo'], true);
const PIP = syntax('pip', ['install'], ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--trusted-host', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--src', '--upgrade-strategy', '--cache-dir', '--log', '--proxy', '--timeout', '--retries', '--cert', '--client-cert', '--only-binary', '--no-binary', '--global-option', '--config-settings', '-C', '--root-user-action'], false);

const PROGRAMS: ReadonlyMap<string, ManagerSyntax> = new Map([
  ['apt-get', APT],
  ['apt', APT],
  ['aptitude', APT],
  ['apk', syntax('apk', ['add'], ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--repositories-file', '--arch', '--cache-dir', '--keys-dir'], true)],
  ['dnf', DNF],
  ['yum', DNF],
  ['microdnf', DNF],
  ['tdnf', DNF],
  ['zypper', syntax('zypper', ['install', 'in'], ['-r', '--repo', '--from', '-t', '--type'], true)],
  ['pip', PIP],
  ['pip3', PIP],
  ['npm', syntax('npm', ['install', 'i', 'ci', 'add', 'isntall'], ['--prefix', '--registry', '--cache', '-w', '--workspace', '--omit', '--include', '--loglevel'], false)],
  ['yarn', syntax('yarn', ['add', 'install'], ['--cwd', '--registry', '--cache-folder', '--modules-folder', '--network-timeout'], false)],
  ['pnpm', syntax('pnpm', ['add', 'install', 'i'], ['--filter', '-F', '--dir', '-C', '--registry', '--store-dir'], false)],
  ['gem', syntax('gem', ['install'], ['-v', '--version', '-s', '--source', '-i', '--install-dir', '--platform', '-n', '--bindir'], false)],
]);

/** Global options that come before the subcommand and take a value (`zypper --root DIR install`). */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['-o', '-c', '-r', '--root', '--config', '--installroot', '--setopt', '-R', '--cwd', '-C', '--prefix']);

export function readPackageInstall(command: DocCommand): PackageInstall | null {
  let words = [command.name, ...command.args];
  let program = baseName(words[0]?.value ?? '');
  // `python -m pip install`, `python3 -m pip ...`
  if (/^python[0-9.]*$/.test(program) && words[1]?.value === '-m' && words[2]?.value && /^pip[0-9.]*$/.test(words[2].value)) {
    words = words.slice(2);
    program = 'pip';
  }
  if (/^pip[0-9.]+$/.test(program)) program = 'pip3';
  const manager = PROGRAMS.get(program);
  if (!manager) return null;
  const options = new Set<string>();
  let index = 1;
  // Options before the subcommand (`apt-get -y install`, `zypper --non-interactive install`).
  for (; index < words.length; index++) {
    const value = words[index]?.value;
    if (value === null || value === undefined) return null;
    if (!value.startsWith('-')) break;
    addOption(options, value);
    if (GLOBAL_OPTIONS_WITH_VALUE.has(value) || manager.optionsWithValue.has(value)) index++;
  }
  const subcommand = words[index];
  if (!subcommand?.value || !manager.subcommands.has(subcommand.value)) return null;
  const packages: PackageRecord[] = [];
  let hasUnknownArguments = false;
  for (index++; index < words.length; index++) {
    const word = words[index];
    if (!word) continue;
    const value = word.value;
    if (value === null) {
      hasUnknownArguments = true;
      continue;
    }
    if (value === '--') continue;
    if (value.startsWith('-')) {
      addOption(options, value);
      if (manager.optionsWithValue.has(value)) index++;
      continue;
    }
    packages.push(readPackage(manager, value, word));
  }
  return { manager: manager.manager, program, command, subcommand, options, packages, hasUnknownArguments };
}

function addOption(options: Set<string>, value: string): void {
  const name = value.includes('=') ? value.slice(0, value.indexOf('=')) : value;
  if (name.startsWith('--') || name.length <= 2) {
    options.add(name);
    options.add(value);
    return;
  }
  for (const letter of name.slice(1)) options.add(`-${letter}`);
}

function readPackage(manager: ManagerSyntax, value: string, word: ShellWord): PackageRecord {
  const split = versionSplit(manager.manager, value);
  const name = manager.osPackages ? split.name.toLowerCase() : split.name;
  return { name, version: split.version, word };
}

function versionSplit(manager: PackageManager, value: string): { name: string; version: string | null } {
  switch (manager) {
    case 'apt':
    case 'apk': {
      const match = /^([^=<>~]+?)([=<>~].*)$/.exec(value);
      return match ? { name: match[1] ?? value, version: (match[2] ?? '').replace(/^=+/, '') } : { name: value, version: null };
    }
    case 'pip': {
      const match = /^([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*((?:==|>=|<=|~=|!=|<|>|===).*)?$/.exec(value);
      return match ? { name: match[1] ?? value, version: match[3] ?? null } : { name: value, version: null };
    }
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      const at = value.lastIndexOf('@');
      return at > 0 ? { name: value.slice(0, at), version: value.slice(at + 1) } : { name: value, version: null };
    }
    default:
      return { name: value, version: null };
  }
}

function baseName(program: string): string {
  return program.slice(program.lastIndexOf('/') + 1);
}

