import type { InstructionRecord } from '../parse/dockerfile';
import { parseExecForm, type JsonStringRecord } from '../parse/exec-form';
import { analyseShell } from '../shell/cache';
import { parseShellScript } from '../shell/parser';
import type { ShellCommand, ShellScript, ShellWord } from '../shell/records';
import type { Span } from '../types';

/** A command invoked by an instruction, with document offsets. */
export interface DocCommand extends ShellCommand {
  readonly instruction: number;
  /** False when positions inside the command are unknown (an exec-form string with JSON escapes). */
  readonly exact: boolean;
}

/** What an instruction runs: its commands and where a new command could be appended. */
export interface InstructionScript {
  readonly instruction: number;
  readonly form: 'shell' | 'exec';
  readonly commands: readonly DocCommand[];
  readonly hasErrors: boolean;
  /** Document offset just after the last statement, where a command can be appended; null for exec form and heredocs. */
  readonly appendAt: number | null;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

export function isPosixShell(shell: readonly string[]): boolean {
  const program = shell[0]?.split('/').pop() ?? '';
  return SHELL_NAMES.has(program);
}

/**
 * Reads the commands of RUN, CMD, ENTRYPOINT or HEALTHCHECK. `shell` is the stage's SHELL; shell
 * form is only parsed when it is a POSIX shell (PowerShell and cmd scripts are not ours to read).
 */
export function readInstructionScript(
  record: InstructionRecord,
  text: string,
  escapeChar: string,
  shell: readonly string[],
): InstructionScript | null {
  let argsStart = record.argsSpan?.start;
  const exec = record.keyword === 'HEALTHCHECK' ? null : record.exec;
  if (record.keyword === 'HEALTHCHECK') {
    const cmd = record.args.find((argument) => argument.value.toUpperCase() === 'CMD');
    const next = cmd && record.args[record.args.indexOf(cmd) + 1];
    if (!next) return null;
    argsStart = next.span.start;
    const trimmed = text.slice(argsStart, record.span.end).trimStart();
    if (trimmed.startsWith('[')) return execFormScript(record, parseExecForm(text.slice(argsStart, record.span.end), argsStart) ?? []);
  }
  if (argsStart === undefined) return null;
  if (exec) return execFormScript(record, exec);
  if (!isPosixShell(shell)) return null;
  const script = analyseShell(text.slice(argsStart, record.span.end), escapeChar);
  return {
    instruction: record.index,
    form: 'shell',
    commands: placeShellCommands(script, record.index, argsStart),
    hasErrors: script.hasErrors,
    appendAt: script.hasHeredoc ? null : argsStart + script.end,
  };
}

/**
 * The last placement of each cached script. On a keystroke the RUNs before the edit keep their offset
 * and index, so their commands are reused rather than rebuilt (records are never modified).
 */
const placements = new WeakMap<ShellScript, { readonly base: number; readonly instruction: number; readonly commands: readonly DocCommand[] }>();

function placeShellCommands(script: ShellScript, instruction: number, base: number): readonly DocCommand[] {
  const last = placements.get(script);
  if (last && last.base === base && last.instruction === instruction) return last.commands;
  const commands = script.commands.map((command) => toDocCommand(command, instruction, base, true, null));
  placements.set(script, { base, instruction, commands });
  return commands;
}

function execFormScript(record: InstructionRecord, strings: readonly JsonStringRecord[]): InstructionScript {
  const [program, ...rest] = strings;
  const commands: DocCommand[] = [];
  let hasErrors = false;
  if (program) {
    const word = (s: JsonStringRecord): ShellWord => ({ text: s.value, value: s.value, span: s.span });
    commands.push({
      name: word(program),
      args: rest.map(word),
      span: { start: program.span.start, end: (rest[rest.length - 1] ?? program).span.end },
      removal: null,
      onlyCommand: false,
      pipeline: null,
      assignments: [],
      depth: 0,
      instruction: record.index,
      exact: true,
    });
    const flagIndex = rest.findIndex((s) => /^-[a-z]*c[a-z]*$/.test(s.value));
    const scriptString = flagIndex === -1 ? undefined : rest[flagIndex + 1];
    if (SHELL_NAMES.has(program.value.split('/').pop() ?? '') && scriptString) {
      const script: ShellScript = parseShellScript(scriptString.value);
      hasErrors = script.hasErrors;
      const exact = !scriptString.escaped;
      for (const command of script.commands) {
        commands.push(toDocCommand(command, record.index, scriptString.span.start + 1, exact, scriptString.span, 1));
      }
    }
  }
  return { instruction: record.index, form: 'exec', commands, hasErrors, appendAt: null };
}

function toDocCommand(command: ShellCommand, instruction: number, base: number, exact: boolean, fallback: Span | null, extraDepth = 0): DocCommand {
  // Plain loops and no closures: this runs for every command of every RUN on every lint.
  const args: ShellWord[] = [];
  for (const arg of command.args) args.push(placeWord(arg, base, exact, fallback));
  const assignments: ShellWord[] = [];
  for (const assignment of command.assignments) assignments.push(placeWord(assignment, base, exact, fallback));
  return {
    name: placeWord(command.name, base, exact, fallback),
    args,
    span: place(command.span, base, exact, fallback),
    removal: exact && command.removal ? place(command.removal, base, exact, fallback) : null,
    onlyCommand: command.onlyCommand && extraDepth === 0,
    pipeline: command.pipeline,
    assignments,
    depth: command.depth + extraDepth,
    instruction,
    exact,
  };
}

/** A span relative to the script moved to the document, or the fallback when positions inside are unknown. */
function place(span: Span, base: number, exact: boolean, fallback: Span | null): Span {
  return exact ? { start: span.start + base, end: span.end + base } : (fallback ?? span);
}

function placeWord(word: ShellWord, base: number, exact: boolean, fallback: Span | null): ShellWord {
  return { text: word.text, value: word.value, span: place(word.span, base, exact, fallback) };
}
