import type { FileModel } from '../../model/file-model';
import type { Span } from '../../types';
import { invocation } from './commands';

const DAEMONS = new Set(['sshd', 'dropbear']);
const SERVICES = new Set(['ssh', 'sshd', 'dropbear', 'openssh']);
const START = new Set(['start', 'restart']);

/** A command in the image's startup (`CMD`, `ENTRYPOINT`) that starts an SSH server. */
export interface SshDaemonStart {
  readonly instruction: number;
  /** The command as written, from its name to its last argument. */
  readonly span: Span;
  /** The command as the message shows it: the whole shell command, or the program of an exec form. */
  readonly shown: string;
  /** `CMD` or `ENTRYPOINT`, as written. */
  readonly keyword: string;
}

/** The commands that start an SSH server when a container of the final image starts. */
export function sshDaemonStarts(model: FileModel): SshDaemonStart[] {
  const effective = startupInstructions(model);
  const starts: SshDaemonStart[] = [];
  for (const script of model.startupScripts) {
    const record = model.instructions[script.instruction];
    if (!record || !effective.has(script.instruction)) continue;
    for (const command of script.commands) {
      const call = invocation(command);
      if (!call) continue;
      const [first, second] = call.args;
      const initScript = /^\/etc\/(init\.d|rc\.d)\//.test(call.name.value ?? '');
      const starting =
        (DAEMONS.has(call.program) && !initScript) ||
        ((call.program === 'service' || call.program === 'rc-service') && SERVICES.has(first?.value ?? '') && START.has(second?.value ?? '')) ||
        (initScript && SERVICES.has(call.program) && START.has(first?.value ?? ''));
      if (!starting) continue;
      const text = model.text.slice(call.name.span.start, command.span.end);
      starts.push({
        instruction: script.instruction,
        span: { start: call.name.span.start, end: command.span.end },
        shown: command.exact && script.form === 'shell' ? text : (call.name.value ?? call.program),
        keyword: record.keywordText,
      });
    }
  }
  return starts;
}

/**
 * The CMD and ENTRYPOINT the final image runs: the last of each along the final stage's chain. An
 * ENTRYPOINT set in a later stage than the CMD resets that CMD, as Docker does.
 */
function startupInstructions(model: FileModel): Set<number> {
  let cmd: { index: number; stage: number } | null = null;
  let entrypoint: number | null = null;
  for (const instruction of model.instructions) {
    const stage = model.stageOf[instruction.index] ?? -1;
    if (!model.inFinalImage(stage)) continue;
    if (instruction.keyword === 'CMD') cmd = { index: instruction.index, stage };
    else if (instruction.keyword === 'ENTRYPOINT') {
      entrypoint = instruction.index;
      if (cmd && cmd.stage !== stage) cmd = null;
    }
  }
  return new Set([cmd?.index, entrypoint].filter((index): index is number => typeof index === 'number'));
}
