import type { FileModel } from '../model/file-model';
import type { Finding, Rule } from '../types';
import { invocation } from './support/commands';

const DAEMONS = new Set(['sshd', 'dropbear']);
const SERVICES = new Set(['ssh', 'sshd', 'dropbear', 'openssh']);
const START = new Set(['start', 'restart']);

export const rule: Rule = {
  id: 'ssh-daemon-started',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'The container starts an SSH server from `CMD` or `ENTRYPOINT`.' },
    fix: 'never',
    messages: {
      daemon: ({ command, keyword }) =>
        `\`${command}\` in \`${keyword}\` starts an SSH server in the container, a login path with keys or passwords to manage that bypasses the orchestrator's access control; remove it and use \`docker exec\` or \`kubectl exec\` for a shell.`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    const effective = startupInstructions(model);
    for (const script of model.startupScripts) {
      const record = model.instructions[script.instruction];
      if (!record || !effective.has(script.instruction)) continue;
      for (const command of script.commands) {
        const call = invocation(command);
        if (!call) continue;
        const [first, second] = call.args;
        const initScript = /^\/etc\/(init\.d|rc\.d)\//.test(call.name.value ?? '');
        let hit = false;
        if (DAEMONS.has(call.program) && !initScript) hit = true;
        else if ((call.program === 'service' || call.program === 'rc-service') && SERVICES.has(first?.value ?? '') && START.has(second?.value ?? '')) hit = true;
        else if (initScript && SERVICES.has(call.program) && START.has(first?.value ?? '')) hit = true;
        if (!hit) continue;
        const text = model.text.slice(call.name.span.start, command.span.end);
        yield {
          messageId: 'daemon',
          data: { command: command.exact && script.form === 'shell' ? text : (call.name.value ?? call.program), keyword: record.keywordText },
          span: { start: call.name.span.start, end: command.span.end },
          instruction: script.instruction,
          fixes: [],
        };
      }
    }
  },
};

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
