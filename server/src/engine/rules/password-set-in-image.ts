import type { DocCommand } from '../model/commands';
import type { ShellWord } from '../shell/records';
import type { Finding, Rule } from '../types';
import { contains, invocation, pipelineKey, pipelinesOf, programOf, type Invocation } from './support/commands';

const PRINTERS = new Set(['echo', 'printf']);
/** Values of `-p` that lock or leave the password unset rather than set one. */
const NO_PASSWORD = new Set(['', '*', '!', '!!', 'x']);

export const rule: Rule = {
  id: 'password-set-in-image',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'A password written in the Dockerfile is set for a user of the image.' },
    fix: 'never',
    messages: {
      literal: ({ command }) =>
        `\`${command}\` sets a password written in the Dockerfile, so it is in version control and its hash ships in \`/etc/shadow\` for anyone to crack; give container users no password (use \`docker exec\` for access), or set it at start-up from a secret.`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    // What ships: a password set in a builder stage does not reach the final image.
    for (const run of model.runs) {
      if (!run.script || !model.inFinalImage(run.stage)) continue;
      const commands = run.script.commands;
      const pipelines = pipelinesOf(commands);
      for (const command of commands) {
        const call = invocation(command);
        if (!call) continue;
        let literal = false;
        if (call.program === 'chpasswd') literal = pipedLiteral(command, pipelines, /^[^:\s]+:\S/);
        else if (call.program === 'passwd') literal = pipedLiteral(command, pipelines, /\S/);
        else if (call.program === 'useradd' || call.program === 'usermod') literal = literalPasswordOption(call, commands);
        if (!literal) continue;
        yield { messageId: 'literal', data: { command: call.name.value ?? call.program }, span: call.name.span, instruction: run.instruction.index, fixes: [] };
      }
    }
  },
};

/** `echo 'root:secret' | chpasswd`: an earlier member of the pipeline prints a literal. */
function pipedLiteral(command: DocCommand, pipelines: ReadonlyMap<string, readonly DocCommand[]>, shape: RegExp): boolean {
  const pipeline = command.pipeline;
  if (!pipeline || pipeline.position === 0) return false;
  return (pipelines.get(pipelineKey(command)) ?? []).slice(0, pipeline.position).some((other) => {
    if (!other) return false;
    const program = programOf(other.name);
    if (!program || !PRINTERS.has(program)) return false;
    const operands = other.args.filter((arg) => !/^-[neE]+$/.test(arg.value ?? ''));
    return operands.length > 0 && operands.every((arg) => arg.value !== null) && operands.some((arg) => shape.test(arg.value ?? ''));
  });
}

/** `useradd -p <literal>`, also when the literal is hashed on the spot with `openssl passwd`. */
function literalPasswordOption(call: Invocation, commands: readonly DocCommand[]): boolean {
  for (const [k, arg] of call.args.entries()) {
    const value = arg.value;
    let password: ShellWord | undefined;
    let attached: string | undefined;
    if (value === '-p' || value === '--password') password = call.args[k + 1];
    else if (value?.startsWith('--password=')) attached = value.slice('--password='.length);
    else if (value && /^-p./.test(value)) attached = value.slice(2);
    if (attached !== undefined) return !NO_PASSWORD.has(attached);
    if (!password) continue;
    if (password.value !== null) return !NO_PASSWORD.has(password.value);
    return commands.some(
      (nested) => contains(password.span, nested.span) && programOf(nested.name) === 'openssl' && nested.args[0]?.value === 'passwd' && hashesLiteral(nested),
    );
  }
  return false;
}

function hashesLiteral(openssl: DocCommand): boolean {
  const operands = openssl.args.slice(1).filter((arg, k, args) => !(arg.value ?? '').startsWith('-') && !/^-(salt|in)$/.test(args[k - 1]?.value ?? ''));
  return operands.length > 0 && operands.every((arg) => arg.value !== null);
}
