import type { Rule } from '../types';
import { contains, pipelinesOf, programOf, setsPipefail } from './support/commands';

/** Commands that do not fail in a way pipefail would catch (and `yes` always dies of SIGPIPE). */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes']);

export const rule: Rule = {
  id: 'pipefail-missing',
  meta: {
    severity: 'warning',
    category: 'reliability',
    docs: { summary: 'A `RUN` pipes commands in a shell that does not fail when an earlier command of the pipe fails.' },
    fix: 'never',
    messages: {
      pipe: ({ command }) =>
        `The pipe after \`${command}\` hides its failure, because the shell returns only the status of the last command and the build goes on with broken output; start the \`RUN\` with \`set -o pipefail &&\` or use \`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\`.`,
    },
    crossRefs: [{ linter: 'hadolint', id: 'DL4006', match: 'same' }],
  },
  *check(model) {
    for (const run of model.runs) {
      // exec form names its own shell and options; a non-POSIX SHELL has no script here.
      const script = run.script;
      if (!script || script.form !== 'shell') continue;
      if (setsPipefail(model.shellAt(run.instruction.index))) continue;
      const top = script.commands.filter((c) => c.depth === 0);
      // Depth 0, or a heredoc body run by the RUN's shell (not inside any top-level command's words).
      const outer = script.commands.filter((c) => c.depth === 0 || (c.depth === 1 && !top.some((t) => contains(t.span, c.span))));
      // Where `set -o pipefail` first takes effect, per depth.
      const pipefailFrom = new Map<number, number>();
      for (const c of outer) {
        if (programOf(c.name) === 'set' && setsPipefail(c.args.map((a) => a.value)) && !pipefailFrom.has(c.depth)) pipefailFrom.set(c.depth, c.span.end);
      }
      for (const members of pipelinesOf(outer).values()) {
        const first = members[0];
        const second = members[1];
        if (!first || !second) continue;
        if (members.slice(0, -1).every((c) => CANNOT_FAIL.has(programOf(c.name) ?? ''))) continue;
        if (first.span.start >= (pipefailFrom.get(first.depth) ?? Infinity)) continue;
        const bar = model.text.indexOf('|', first.span.end);
        if (bar === -1 || bar >= second.span.start) continue;
        yield { messageId: 'pipe', data: { command: first.name.value ?? first.name.text }, span: { start: bar, end: bar + 1 }, instruction: run.instruction.index, fixes: [] };
        break;
      }
    }
  },
};
