import type { ShellWord } from '../shell/records';
import type { Finding, Rule, Span } from '../types';
import { invocation, runCommands } from './support/commands';

/** Commands that take a mode, and the options that carry it (chmod takes it as its first operand). */
const MODE_OPTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['mkdir', new Set(['-m', '--mode'])],
  ['install', new Set(['-m', '--mode'])],
]);

export const rule: Rule = {
  id: 'world-writable-permissions',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: 'Files or directories in the final image are made writable by every user.' },
    fix: 'never',
    messages: {
      worldWritable: ({ mode, command }) =>
        `\`${command}\` with mode \`${mode}\` lets any user or process in the container overwrite these files, so a compromised low-privilege process can plant code; give write access to the owner only (\`chown\` to the app user, mode \`755\`/\`644\`).`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    // Only what ships: a builder's scratch files are not the final image's permissions.
    for (const { command, run } of runCommands(model)) {
      if (!run || !model.inFinalImage(run.stage)) continue;
      const call = invocation(command);
      if (!call) continue;
      const mode = call.program === 'chmod' ? chmodMode(call.args) : modeOption(call.args, MODE_OPTIONS.get(call.program));
      if (mode && isWorldWritable(mode.value)) {
        yield { messageId: 'worldWritable', data: { mode: mode.value, command: call.program }, span: mode.span, instruction: run.instruction.index, fixes: [] };
      }
    }
    for (const instruction of model.instructions) {
      if ((instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') || !model.inFinalImage(model.stageOf[instruction.index] ?? -1)) continue;
      const flag = instruction.flags.find((f) => f.name === 'chmod');
      if (!flag?.value) continue;
      const mode = model.resolve(flag.value, instruction.index);
      if (mode === null || !isWorldWritable(mode)) continue;
      const flagText = model.text.slice(flag.span.start, flag.span.end);
      const valueStart = flag.span.start + flagText.indexOf('=') + 1;
      yield {
        messageId: 'worldWritable',
        data: { mode, command: `${instruction.keywordText} --chmod` },
        span: { start: valueStart, end: flag.span.end },
        instruction: instruction.index,
        fixes: [],
      };
    }
  },
};

interface ModeWord {
  readonly value: string;
  readonly span: Span;
}

function chmodMode(args: readonly ShellWord[]): ModeWord | null {
  for (const arg of args) {
    if (arg.value === null) return null;
    if (arg.value.startsWith('--reference')) return null;
    // `-w` style modes start with a dash too; recognise options by name.
    if (/^-[RfvcH]+$/.test(arg.value) || arg.value.startsWith('--')) continue;
    return { value: arg.value, span: arg.span };
  }
  return null;
}

function modeOption(args: readonly ShellWord[], names: ReadonlySet<string> | undefined): ModeWord | null {
  if (!names) return null;
  for (const [k, arg] of args.entries()) {
    const value = arg.value;
    if (value === null) continue;
    const equals = value.indexOf('=');
    if (equals > 0 && names.has(value.slice(0, equals))) {
      // Quotes shift offsets: then the whole word is the token.
      const span = arg.text === value ? { start: arg.span.start + equals + 1, end: arg.span.end } : arg.span;
      return { value: value.slice(equals + 1), span };
    }
    if (names.has(value)) {
      const next = args[k + 1];
      return next?.value ? { value: next.value, span: next.span } : null;
    }
    if (/^-m[0-7]+$/.test(value)) return { value: value.slice(2), span: { start: arg.span.start + 2, end: arg.span.end } };
  }
  return null;
}

/** True when the mode grants write to others, unless it sets the sticky bit (a shared `/tmp`-like directory). */
export function isWorldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const others = Number(mode[mode.length - 1]);
    const special = mode.length === 4 ? Number(mode[0]) : 0;
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  const clauses = mode.split(',');
  if (clauses.some((clause) => /^[ugoa]*[-+=].*t/.test(clause) && !/^[ugoa]*-/.test(clause))) return false;
  return clauses.some((clause) => {
    const match = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!match) return false;
    const who = match[1] ?? '';
    if (!who.includes('o') && !who.includes('a')) return false;
    return [...(match[2] ?? '').matchAll(/([-+=])([rwxXstugo]*)/g)].some((op) => op[1] !== '-' && (op[2] ?? '').includes('w'));
  });
}
