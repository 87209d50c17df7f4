import type { InstructionRecord } from '../parse/dockerfile';
import type { FileModel } from '../model/file-model';
import type { ShellWord } from '../shell/records';
import { replace } from '../fixes/edits';
import type { Fix, Rule } from '../types';

const KEYWORDS = new Set(['CMD', 'ENTRYPOINT']);
/** Unquoted characters a shell would expand. */
const EXPANDS = /[*?[~]/;

export const rule: Rule = {
  id: 'exec-form-recommended',
  meta: {
    severity: 'warning',
    category: 'reliability',
    docs: { summary: '`CMD` or `ENTRYPOINT` in shell form runs the process under `/bin/sh -c`.' },
    fix: 'sometimes',
    messages: {
      shellForm: ({ keyword }) =>
        `\`${keyword}\` is in shell form, so the process runs as the child of a shell, which does not forward stop signals and delays shutdown; write it in exec form (a JSON array).`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3025', match: 'partial' },
      { linter: 'buildkit', id: 'JSONArgsRecommended', match: 'same' },
    ],
  },
  *check(model) {
    for (const instruction of model.instructions) {
      if (!KEYWORDS.has(instruction.keyword) || instruction.exec !== null || !instruction.argsSpan) continue;
      const stage = model.stageOf[instruction.index] ?? -1;
      if (!model.inFinalImage(stage)) continue;
      yield {
        messageId: 'shellForm',
        data: { keyword: instruction.keywordText },
        span: instruction.keywordSpan,
        instruction: instruction.index,
        fixes: execFormFix(model, instruction, stage),
      };
    }
  },
};

function execFormFix(model: FileModel, instruction: InstructionRecord, stage: number): Fix[] {
  const words = plainWords(model, instruction);
  if (!words) return [];
  const json = `[${words.map((word) => JSON.stringify(word.value)).join(', ')}]`;
  // The other of CMD/ENTRYPOINT in the image changes what the new form runs: CMD becomes arguments of an exec-form ENTRYPOINT.
  const other = instruction.keyword === 'CMD' ? 'ENTRYPOINT' : 'CMD';
  const chain = model.stages.filter((s) => s.reachesFinalImage).flatMap((s) => s.instructions);
  const interacts = (stage === -1 ? model.instructions.map((i) => i.index) : chain).some((index) => model.instructions[index]?.keyword === other);
  const argsSpan = instruction.argsSpan;
  if (!argsSpan) return [];
  const end = argsSpan.start + model.text.slice(argsSpan.start, argsSpan.end).trimEnd().length;
  return [{ title: `Rewrite as \`${instruction.keywordText} ${json}\``, safety: interacts ? 'unsafe' : 'safe', edits: [replace({ start: argsSpan.start, end }, json)] }];
}

/** The words of a shell-form command that has no shell syntax at all, else null. */
function plainWords(model: FileModel, instruction: InstructionRecord): ShellWord[] | null {
  const script = model.startupScripts.find((s) => s.instruction === instruction.index);
  if (!script || script.form !== 'shell' || script.hasErrors || script.commands.length !== 1) return null;
  const command = script.commands[0];
  const argsSpan = instruction.argsSpan;
  if (!command || !argsSpan || !command.exact || command.pipeline || command.assignments.length > 0) return null;
  // Anything outside the command (redirections, `&`, `;`, comments) is shell syntax.
  const written = model.text.slice(argsSpan.start, argsSpan.end);
  if (command.span.start !== argsSpan.start || command.span.end !== argsSpan.start + written.trimEnd().length) return null;
  let words = [command.name, ...command.args];
  if (words[0]?.value === 'exec' && words.length > 1) words = words.slice(1);
  // A backslash is an escape for sh but a path separator for Windows' cmd: which one is meant is not ours to guess.
  const plain = words.every((word) => word.value !== null && !word.text.includes('\\') && !(word.text === word.value && EXPANDS.test(word.text)));
  return plain ? words : null;
}
