import type { DocCommand } from '../model/commands';
import type { FileModel, RunInstruction } from '../model/file-model';
import type { Rule } from '../types';

const SCRATCH = /^(\/|\/tmp(\/.*)?|\/var\/tmp(\/.*)?)$/;

export const rule: Rule = {
  id: 'cd-in-run',
  meta: {
    severity: 'info',
    category: 'maintainability',
    docs: { summary: '`cd` in a `RUN` where `WORKDIR` would do.' },
    fix: 'never',
    messages: {
      useWorkdir: ({ command, path }) =>
        `\`${command}\` changes the directory for this \`RUN\` only, which hides where later steps run; set \`WORKDIR ${path}\` before it instead.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3003', match: 'partial' },
      { linter: 'trivy', id: 'DS013', match: 'partial' },
    ],
  },
  *check(model) {
    for (const run of model.runs) {
      const cds = (run.script?.commands ?? []).filter((command) => command.name.value === 'cd' && command.depth === 0);
      // Several `cd`s move between folders within one step: one WORKDIR cannot say that.
      if (cds.length !== 1) continue;
      const cd = cds[0];
      const path = cd?.args[0]?.value;
      if (!cd || !path || cd.args.length !== 1 || path === '-' || path.startsWith('-') || !cd.exact) continue;
      if (cd.pipeline || (cd.removal === null && !cd.onlyCommand) || inSubshell(model, cd) || removedLater(run, cd, path)) continue;
      // Scratch space and the root are not where a stage works; a relative folder after other steps was made by them (a clone, an unpacked archive).
      if (SCRATCH.test(path) || (!path.startsWith('/') && !isFirstCommand(run, cd))) continue;
      yield {
        messageId: 'useWorkdir',
        data: { command: model.text.slice(cd.span.start, cd.span.end), path },
        span: cd.span,
        instruction: run.instruction.index,
        fixes: [],
      };
    }
  },
};

function isFirstCommand(run: RunInstruction, cd: DocCommand): boolean {
  return (run.script?.commands ?? []).every((command) => command.span.start >= cd.span.start);
}

/** `(cd dir && make)`: the subshell keeps the directory change local on purpose. */
function inSubshell(model: FileModel, command: DocCommand): boolean {
  return /\(\s*$/.test(model.text.slice(Math.max(0, command.span.start - 40), command.span.start));
}

/** A temporary folder removed in the same RUN: WORKDIR would leave it behind. */
function removedLater(run: RunInstruction, cd: DocCommand, path: string): boolean {
  const target = path.replace(/\/+$/, '');
  return (run.script?.commands ?? []).some(
    (command) =>
      command.span.start > cd.span.start &&
      command.name.value === 'rm' &&
      command.args.some((arg) => arg.value !== null && arg.value.replace(/\/+$/, '') === target),
  );
}
