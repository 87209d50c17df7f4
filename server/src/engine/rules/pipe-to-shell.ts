import type { DocCommand } from '../model/commands';
import type { ShellWord } from '../shell/records';
import type { Finding, Rule } from '../types';
import { contains, invocation, pipelineKey, pipelinesOf, runCommands, SHELLS, shortFlags, startupCommands, type Invocation, type ModelCommand } from './support/commands';

const INTERPRETER = /^(python[0-9.]*|perl|ruby|node|php)$/;
/** Options that take a value, per downloader, so that `-o file` and `-fsSLo file` read right. */
const CURL_VALUED = new Set(['o', 'H', 'X', 'd', 'u', 'A', 'e', 'm', 'T', 'w', 'x', 'E', 'K', 'b', 'c', 'C', 'F', 'r', 't', 'U', 'Y', 'y', 'z', 'P', 'Q']);
const WGET_VALUED = new Set(['O', 'o', 'a', 'P', 'e', 't', 'T', 'w', 'U', 'i', 'B', 'D', 'l', 'Q', 'X', 'I', 'R', 'A']);

export const rule: Rule = {
  id: 'pipe-to-shell',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'Downloaded content is executed without being verified (`curl ... | sh`).' },
    fix: 'never',
    messages: {
      piped: ({ executor, downloader }) =>
        `\`${executor}\` runs what \`${downloader}\` downloads without checking it, so whoever controls that server or the connection controls the build; download to a file, verify its checksum (\`sha256sum -c\`) or signature, then run it.`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    const startup = [...startupCommands(model)].filter(({ command }) => model.inFinalImage(model.stageOf[command.instruction] ?? -1));
    const all: ModelCommand[] = [...runCommands(model), ...startup];
    const byScript = new Map<object, ModelCommand[]>();
    for (const entry of all) {
      const list = byScript.get(entry.script) ?? [];
      list.push(entry);
      byScript.set(entry.script, list);
    }
    for (const entries of byScript.values()) {
      const commands = entries.map((entry) => entry.command);
      const pipelines = pipelinesOf(commands);
      for (const command of commands) {
        const call = invocation(command);
        if (!call) continue;
        const downloader = pipedDownloader(call, command, pipelines) ?? substitutedDownloader(call, commands);
        if (!downloader) continue;
        yield {
          messageId: 'piped',
          data: { executor: call.name.value ?? call.program, downloader },
          span: call.name.span,
          instruction: command.instruction,
          fixes: [],
        };
      }
    }
  },
};

/** `curl ... | sh`: an earlier member of the same pipeline prints a download and this one runs its input. */
function pipedDownloader(call: Invocation, command: DocCommand, pipelines: ReadonlyMap<string, readonly DocCommand[]>): string | null {
  const pipeline = command.pipeline;
  if (!pipeline || pipeline.position === 0 || !runsStdin(call)) return null;
  for (const other of (pipelines.get(pipelineKey(command)) ?? []).slice(0, pipeline.position)) {
    const name = other ? downloaderName(other) : null;
    if (name) return name;
  }
  return null;
}

/** `bash <(curl ...)`, `sh -c "$(curl ...)"`, `eval "$(curl ...)"`, `source <(curl ...)`. */
function substitutedDownloader(call: Invocation, commands: readonly DocCommand[]): string | null {
  let target: ShellWord | undefined;
  if (call.program === 'eval') target = call.args.find((arg) => arg.text.includes('$('));
  else if (call.program === 'source' || call.program === '.') target = call.args[0];
  else if (SHELLS.has(call.program) || INTERPRETER.test(call.program)) {
    const dashC = call.args.findIndex((arg) => arg.value !== null && /^-[A-Za-z]*[ce]$/.test(arg.value));
    target = dashC === -1 ? firstOperand(call.args) : call.args[dashC + 1];
  }
  if (!target || !/^("?\$\(|<\()/.test(target.text)) return null;
  for (const other of commands) {
    if (!contains(target.span, other.span)) continue;
    const name = downloaderName(other);
    if (name) return name;
  }
  return null;
}

function firstOperand(args: readonly ShellWord[]): ShellWord | undefined {
  return args.find((arg) => !(arg.value ?? '').startsWith('-') || arg.text.startsWith('<('));
}

/** Whether a shell or interpreter reads its program from standard input. */
function runsStdin(call: Invocation): boolean {
  const shell = SHELLS.has(call.program);
  if (!shell && !INTERPRETER.test(call.program)) return false;
  for (let k = 0; k < call.args.length; k++) {
    const value = call.args[k]?.value ?? null;
    if (value === null) return false;
    if (value === '-' || value === '--') return true;
    if (!value.startsWith('-') && !value.startsWith('+')) return false;
    if (shell && /^-[A-Za-z]*c/.test(value)) return false;
    if (!shell && /^-[A-Za-z]*[cemE]/.test(value)) return false;
    if (shell && value === '-s') return true;
    // `-o pipefail`, `-euo pipefail`: the option name is not a script operand.
    if (shell && /^[-+][A-Za-z]*o$/.test(value)) k++;
  }
  return true;
}

/** The downloader's name when the command prints a download to standard output. */
function downloaderName(command: DocCommand): string | null {
  const call = invocation(command);
  if (!call) return null;
  if (call.program === 'curl') return curlToStdout(call.args) ? (call.name.value ?? 'curl') : null;
  if (call.program === 'wget') return wgetToStdout(call.args) ? (call.name.value ?? 'wget') : null;
  return null;
}

function curlToStdout(args: readonly ShellWord[]): boolean {
  for (const [k, arg] of args.entries()) {
    const value = arg.value ?? '';
    if (value === '-O' || value === '--remote-name' || value === '--remote-name-all') return false;
    if (value === '-o' || value === '--output') return isStdout(args[k + 1]?.value);
    if (value.startsWith('--output=')) return isStdout(value.slice('--output='.length));
    if (value.startsWith('--')) continue;
    const cluster = shortFlags(value, CURL_VALUED);
    if (!cluster) continue;
    if (cluster.flags.includes('O')) return false;
    if (cluster.valued?.flag === 'o') return isStdout(cluster.valued.value || args[k + 1]?.value);
  }
  return true;
}

function wgetToStdout(args: readonly ShellWord[]): boolean {
  for (const [k, arg] of args.entries()) {
    const value = arg.value ?? '';
    if (value === '--output-document') return isStdout(args[k + 1]?.value);
    if (value.startsWith('--output-document=')) return isStdout(value.slice('--output-document='.length));
    if (value.startsWith('--')) continue;
    const cluster = shortFlags(value, WGET_VALUED);
    if (cluster?.valued?.flag === 'O') return isStdout(cluster.valued.value || args[k + 1]?.value);
  }
  return false;
}

function isStdout(path: string | null | undefined): boolean {
  return path === '-' || path === '/dev/stdout';
}
