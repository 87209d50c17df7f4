import type { DocCommand } from '../model/commands';
import type { RunInstruction } from '../model/file-model';
import type { ShellWord } from '../shell/records';
import { appendToRun } from '../fixes/edits';
import type { Rule } from '../types';
import { mountsOver, removesAfter } from './support/caches';
import { runsReachingFinalImage } from './support/queries';

/** Programs that share a cache, and so a clean: `yum` is dnf on RHEL 8 and later, `dnf5` is Fedora's `dnf`. */
type Family = 'dnf' | 'microdnf' | 'tdnf' | 'zypper';

const PROGRAMS: ReadonlyMap<string, Family> = new Map([
  ['dnf', 'dnf'],
  ['dnf5', 'dnf'],
  ['yum', 'dnf'],
  ['microdnf', 'microdnf'],
  ['tdnf', 'tdnf'],
  ['zypper', 'zypper'],
]);

/**
 * The folders under /var/cache each family fills. microdnf keeps its own cache in /var/cache/yum,
 * apart from dnf's (microdnf maintainers, rpm-software-management/microdnf#112; stackrox/stackrox#1315),
 * so one's clean does not empty the other's. dnf5's /var/cache/libdnf5 is accepted for microdnf too,
 * as hadolint's DL3040 accepts it.
 */
const CACHE_FOLDERS: Readonly<Record<Family, string>> = { dnf: 'yum|dnf|libdnf5', microdnf: 'yum|libdnf5', tdnf: 'tdnf', zypper: 'zypp' };

const DNF_FILLS_CACHE = new Set(['install', 'in', 'reinstall', 'rei', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'update-minimal', 'groupinstall', 'localinstall', 'downgrade', 'distro-sync']);

/** Subcommands that download packages into the cache (aliases included). */
const FILLS_CACHE: Readonly<Record<Family, ReadonlySet<string>>> = {
  dnf: DNF_FILLS_CACHE,
  microdnf: DNF_FILLS_CACHE,
  tdnf: DNF_FILLS_CACHE,
  zypper: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
};

/** Global options that take the next word as their value. */
const OPTIONS_WITH_VALUE = new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo', '-c', '--config', '-R', '--root', '-r', '--repofrompath']);

/** A cache or tmpfs mount over these keeps the family's cache out of the layer. */
const MOUNT_TARGETS = familyPatterns((folders) => new RegExp(`^/var/cache(/(${folders}))?/?$`));
/** An `rm` of these empties the family's cache. */
const REMOVED_PATHS = familyPatterns((folders) => new RegExp(`^/var/cache/(${folders})(/\\*?)?$`));

interface ManagerCall {
  readonly command: DocCommand;
  readonly family: Family;
  readonly program: string;
  readonly subcommand: ShellWord;
  readonly rest: readonly ShellWord[];
}

export const rule: Rule = {
  id: 'dnf-cache-kept',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: 'A dnf, yum, microdnf or zypper install leaves its package cache in the layer.' },
    fix: 'sometimes',
    messages: {
      cacheKept: ({ command, clean }) =>
        `\`${command}\` leaves downloaded packages and repository metadata in this layer because the same \`RUN\` does not end with \`${clean}\`; append it.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3032', match: 'same' },
      { linter: 'hadolint', id: 'DL3040', match: 'same' },
      { linter: 'trivy', id: 'DS015', match: 'same' },
      { linter: 'trivy', id: 'DS019', match: 'same' },
    ],
  },
  *check(model) {
    for (const run of runsReachingFinalImage(model)) {
      // Per family, the install that no clean of that family follows: the first one after its last clean.
      const uncleanedBy = new Map<Family, ManagerCall>();
      for (const call of managerCalls(run)) {
        if (isClean(call)) uncleanedBy.delete(call.family);
        else if (!uncleanedBy.has(call.family) && FILLS_CACHE[call.family].has(call.subcommand.value ?? '')) uncleanedBy.set(call.family, call);
      }
      const uncleaned = [...uncleanedBy.values()]
        .filter((call) => !mountsOver(run, MOUNT_TARGETS[call.family]) && !removesAfter(run, call.command.span.start, REMOVED_PATHS[call.family]))
        .sort((a, b) => a.command.span.start - b.command.span.start)[0];
      if (!uncleaned) continue;
      const clean = uncleaned.family === 'zypper' ? 'zypper clean --all' : `${uncleaned.program} clean all`;
      const edit = appendToRun(model.parsed, run, clean);
      yield {
        messageId: 'cacheKept',
        data: { command: `${uncleaned.command.name.text} ${uncleaned.subcommand.text}`, clean },
        span: { start: uncleaned.command.name.span.start, end: uncleaned.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: edit && uncleaned.command.exact ? [{ title: `Append \`&& ${clean}\` to the \`RUN\``, safety: 'safe', edits: [edit] }] : [],
      };
    }
  },
};

function familyPatterns(pattern: (folders: string) => RegExp): Readonly<Record<Family, RegExp>> {
  return { dnf: pattern(CACHE_FOLDERS.dnf), microdnf: pattern(CACHE_FOLDERS.microdnf), tdnf: pattern(CACHE_FOLDERS.tdnf), zypper: pattern(CACHE_FOLDERS.zypper) };
}

function managerCalls(run: RunInstruction): ManagerCall[] {
  const calls: ManagerCall[] = [];
  for (const command of run.script?.commands ?? []) {
    const program = command.name.value?.slice(command.name.value.lastIndexOf('/') + 1) ?? '';
    const family = PROGRAMS.get(program);
    if (!family) continue;
    let index = 0;
    while (index < command.args.length && command.args[index]?.value?.startsWith('-')) {
      if (OPTIONS_WITH_VALUE.has(command.args[index]?.value ?? '')) index++;
      index++;
    }
    const subcommand = command.args[index];
    if (subcommand?.value) calls.push({ command, family, program, subcommand, rest: command.args.slice(index + 1) });
  }
  return calls.sort((a, b) => a.command.span.start - b.command.span.start);
}

function isClean(call: ManagerCall): boolean {
  const sub = call.subcommand.value;
  if (call.family === 'zypper') return sub === 'clean' || sub === 'cc';
  return sub === 'clean' && call.rest.some((word) => word.value === 'all');
}
