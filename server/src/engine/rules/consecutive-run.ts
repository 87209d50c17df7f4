import type { FileModel, RunInstruction } from '../model/file-model';
import { replace } from '../fixes/edits';
import type { Fix, Rule } from '../types';

export const rule: Rule = {
  id: 'consecutive-run',
  meta: {
    severity: 'info',
    category: 'size',
    docs: { summary: 'Consecutive single-command `RUN` instructions that could be one layer.' },
    fix: 'sometimes',
    messages: {
      consecutive: ({ keyword, line }) =>
        `\`${keyword}\` follows the single-command \`RUN\` on line ${line} with the same flags, which adds a layer and a cache step; merge them with \`&&\`.`,
    },
    crossRefs: [{ linter: 'hadolint', id: 'DL3059', match: 'same' }],
  },
  *check(model) {
    const byInstruction = new Map(model.runs.map((run) => [run.instruction.index, run]));
    for (const run of model.runs) {
      const previous = byInstruction.get(run.instruction.index - 1);
      // An ONBUILD RUN runs in another build: it never merges with a RUN of this one.
      if (!previous || previous.stage !== run.stage || previous.onbuild !== run.onbuild) continue;
      if (!isSingleCommand(run) || !isSingleCommand(previous) || flagsOf(run) !== flagsOf(previous)) continue;
      yield {
        messageId: 'consecutive',
        data: { keyword: run.instruction.keywordText, line: String(model.parsed.lines.positionAt(previous.instruction.span.start).line + 1) },
        span: run.instruction.keywordSpan,
        instruction: run.instruction.index,
        fixes: mergeFix(model, previous, run),
      };
    }
  },
};

/**
 * One statement (a command or one pipeline) in shell form: chains are often split on purpose, for
 * the build cache, so only RUNs that are each a single step are reported (as hadolint does).
 */
function isSingleCommand(run: RunInstruction): boolean {
  const script = run.script;
  if (!script || script.form !== 'shell' || script.hasErrors || script.appendAt === null) return false;
  const top = script.commands.filter((command) => command.depth === 0);
  const statements = new Set(top.map((command, k) => (command.pipeline ? `p${command.pipeline.id}` : `c${k}`)));
  return statements.size === 1;
}

function flagsOf(run: RunInstruction): string {
  return run.instruction.flags
    .map((flag) => `${flag.name}=${flag.value ?? ''}`)
    .sort()
    .join(' ');
}

/** Joins the later RUN's command onto the earlier one with `&&` on a continuation line; not across comments. */
function mergeFix(model: FileModel, previous: RunInstruction, run: RunInstruction): Fix[] {
  const end = previous.script?.appendAt;
  const argsStart = run.instruction.argsSpan?.start;
  if (end === null || end === undefined || argsStart === undefined) return [];
  const between = model.text.slice(end, run.instruction.keywordSpan.start);
  if (between.trim() !== '') return [];
  const { escapeChar, text } = model.parsed;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return [
    {
      title: 'Merge into the previous `RUN` with `&&`',
      safety: 'unsafe',
      edits: [replace({ start: end, end: argsStart }, ` && ${escapeChar}${newline}    `)],
    },
  ];
}
