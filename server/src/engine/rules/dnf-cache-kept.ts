import type { DocCommand } from '../model/commands';
import type { RunInstruction } from '../model/file-model';
import type { ShellWord } from '../shell/records';
import { appendToRun } from '../fixes/edits';
import type { Rule } from '../types';
import { mountsOver, removesAfter } from './support/caches';
import { runsReachingFinalImage } from './support/queries';

type Family = 'dnf' | 'zypper';

const PROGRAMS: ReadonlyMap<string, Family> = new Map([
  ['dnf', 'dnf'],
  ['dnf5', 'dnf'],
  ['yum', 'dnf'],
  ['microdnf', 'dnf'],
  ['tdnf', 'dnf'],
  ['zypper', 'zypper'],
]);

/** Subcommands that download packages into the cache (aliases included). */
const FILLS_CACHE: Readonly<Record<Family, ReadonlySet<string>>> = {
  dnf: new Set(['install', 'in', 'reinstall', 'rei', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'update-minimal', 'groupinstall', 'localinstall', 'downgrade', 'distro-sync']),
  zypper: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
};

/** Global options that take the next word as their value. */
const OPTIONS_WITH_VALUE = new Set(['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-x', '--exclude', '--repo', '-c', '--config', '-R', '--root', '-r', '--repofrompath']);

const CACHE_DIRS = /^\/var\/cache(\/(yum|dnf|libdnf5|zypp))?\/?$/;
const CACHE_CONTENT = /^\/var\/cache\/(yum|dnf|libdnf5|zypp)(\/\*?)?$/;

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
      if (mountsOver(run, CACHE_DIRS)) continue;
      const calls = managerCalls(run);
      // The install that no clean follows: the first one after the last clean.
      let uncleaned: ManagerCall | undefined;
      for (const call of calls) {
        if (isClean(call)) uncleaned = undefined;
        else if (!uncleaned && FILLS_CACHE[call.family].has(call.subcommand.value ?? '')) uncleaned = call;
      }
      if (!uncleaned || removesAfter(run, uncleaned.command.span.start, CACHE_CONTENT)) continue;
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
