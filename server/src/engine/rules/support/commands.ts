import type { DocCommand, InstructionScript } from '../../model/commands';
import type { FileModel, RunInstruction } from '../../model/file-model';
import type { ShellWord } from '../../shell/records';
import type { Span } from '../../types';

/** Queries over the commands of RUN, CMD, ENTRYPOINT and HEALTHCHECK that several security rules share. */

export function programOf(word: ShellWord): string | null {
  return word.value === null ? null : word.value.slice(word.value.lastIndexOf('/') + 1);
}

export const SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** The program a command really runs, past `sudo`, `env`, `exec` and similar wrappers. */
export interface Invocation {
  readonly name: ShellWord;
  readonly program: string;
  readonly args: readonly ShellWord[];
}

/** Wrapper → options of that wrapper that take the next word as their value. */
const WRAPPERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['sudo', new Set(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'])],
  ['env', new Set(['-u', '--unset', '-C', '--chdir', '-S', '--split-string'])],
  ['exec', new Set(['-a'])],
  ['command', new Set<string>()],
  ['nohup', new Set<string>()],
  ['time', new Set<string>()],
  ['nice', new Set(['-n', '--adjustment'])],
  ['tini', new Set<string>()],
  ['dumb-init', new Set<string>()],
  ['catatonit', new Set<string>()],
  ['doas', new Set(['-u'])],
  ['busybox', new Set<string>()],
]);

/** Wrappers whose first operand is a user, not the program (`gosu app cmd`). */
const USER_WRAPPERS = new Set(['gosu', 'su-exec', 'setpriv']);

/** Eleven rules ask for each command's invocation; commands are immutable and reused across lints. */
const invocations = new WeakMap<DocCommand, Invocation | null>();

export function invocation(command: DocCommand): Invocation | null {
  let found = invocations.get(command);
  if (found === undefined) invocations.set(command, (found = readInvocation(command)));
  return found;
}

function readInvocation(command: DocCommand): Invocation | null {
  let words: readonly ShellWord[] = [command.name, ...command.args];
  for (let guard = 0; guard < 6; guard++) {
    const head = words[0];
    if (!head) return null;
    const program = programOf(head);
    if (program === null) return null;
    const valued = WRAPPERS.get(program);
    if (valued === undefined && !USER_WRAPPERS.has(program)) return { name: head, program, args: words.slice(1) };
    let index = 1;
    for (; index < words.length; index++) {
      const value = words[index]?.value;
      if (value === null || value === undefined) return null;
      if (value === '--') {
        index++;
        break;
      }
      if (program === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) continue;
      if (!value.startsWith('-')) break;
      if (valued?.has(value)) index++;
    }
    if (USER_WRAPPERS.has(program)) index++;
    words = words.slice(index);
  }
  return null;
}

export interface ModelCommand {
  readonly command: DocCommand;
  readonly script: InstructionScript;
  /** The RUN it belongs to; null for CMD, ENTRYPOINT and HEALTHCHECK. */
  readonly run: RunInstruction | null;
}

export function* runCommands(model: FileModel): Iterable<ModelCommand> {
  for (const run of model.runs) {
    if (!run.script) continue;
    for (const command of run.script.commands) yield { command, script: run.script, run };
  }
}

export function* startupCommands(model: FileModel): Iterable<ModelCommand> {
  for (const script of model.startupScripts) for (const command of script.commands) yield { command, script, run: null };
}

/**
 * Splits one word of short options the way getopt does: each letter is a flag until one that takes a
 * value, which swallows the rest of the word (`-fsSLo-` → f, s, S, L, then `o` with value `-`).
 * Returns null for words that are not short-option clusters.
 */
export function shortFlags(value: string, takesValue: ReadonlySet<string>): { flags: string[]; valued: { flag: string; value: string } | null } | null {
  if (!/^-[A-Za-z0-9]/.test(value)) return null;
  const flags: string[] = [];
  for (let i = 1; i < value.length; i++) {
    const letter = value[i] ?? '';
    if (takesValue.has(letter)) return { flags, valued: { flag: letter, value: value.slice(i + 1) } };
    flags.push(letter);
  }
  return { flags, valued: null };
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && !(outer.start === inner.start && outer.end === inner.end);
}

/** `-o pipefail` among shell options, also in a cluster such as `-euo pipefail`. */
export function setsPipefail(words: readonly (string | null)[]): boolean {
  return words.some((word, k) => word !== null && /^-[A-Za-z]*o$/.test(word) && words[k + 1] === 'pipefail');
}

/** The members of each pipeline of a script, in order, keyed by depth and pipeline id (ids restart in nested scripts). */
export function pipelinesOf(commands: readonly DocCommand[]): Map<string, DocCommand[]> {
  const pipelines = new Map<string, DocCommand[]>();
  for (const command of commands) {
    if (!command.pipeline) continue;
    const key = pipelineKey(command);
    const members = pipelines.get(key) ?? [];
    members[command.pipeline.position] = command;
    pipelines.set(key, members);
  }
  return pipelines;
}

export function pipelineKey(command: DocCommand): string {
  return `${command.depth}:${command.pipeline?.id ?? -1}`;
}
