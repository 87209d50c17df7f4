import { ownCopy } from '../own-copy';
import { trimOldest } from '../trim-oldest';
import { splitHeredocs } from './heredoc';
import { isShellInvocation, parseShellScript } from './parser';
import type { ShellCommand, ShellScript, ShellWord } from './records';
import { toShellScript } from './script-text';

/**
 * Shell analysis keyed by the raw instruction text and escape char, shared by every document: an
 * edit re-parses only the RUN it touched. Records are relative to the text, so they stay valid when
 * the instruction moves. Bounded, least recently used out first.
 */
const MAX_ENTRIES = 4000;
const cache = new Map<string, ShellScript>();

/** Empties the cache, so a benchmark pass measures parsing rather than cache hits. */
export function clearShellCache(): void {
  cache.clear();
}

export function analyseShell(raw: string, escapeChar: string): ShellScript {
  const key = escapeChar + raw;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // `raw` is a slice of the whole document: an own copy stops each entry holding on to a document per keystroke.
  const own = ownCopy(key);
  const script = analyseUncached(own.slice(escapeChar.length), escapeChar);
  cache.set(own, script);
  trimOldest(cache, MAX_ENTRIES);
  return script;
}

/**
 * A RUN with heredocs: the command line is parsed with its markers blanked; a body is a script of its
 * own when the command line is empty (BuildKit runs the body with the shell) or a plain shell
 * invocation (`bash -e <<EOF`). Other bodies are data (`python3 <<EOF`, `cat <<EOF > file`).
 */
function analyseUncached(raw: string, escapeChar: string): ShellScript {
  const split = splitHeredocs(raw, escapeChar);
  if (!split) return parseShellScript(toShellScript(raw, escapeChar));
  const main = parseShellScript(toShellScript(split.command, escapeChar));
  const topLevel = main.commands.filter((command) => command.depth === 0);
  const bodiesAreScripts = topLevel.length === 0 || (topLevel.length === 1 && topLevel[0] !== undefined && isShellInvocation(topLevel[0]));
  const commands: ShellCommand[] = [...main.commands];
  let hasErrors = main.hasErrors;
  if (bodiesAreScripts) {
    for (const heredoc of split.heredocs) {
      const body = parseShellScript(raw.slice(heredoc.bodyStart, heredoc.bodyEnd));
      hasErrors ||= body.hasErrors;
      const depth = topLevel.length === 0 ? 0 : 1;
      commands.push(...body.commands.map((command) => shift(command, heredoc.bodyStart, depth)));
    }
  }
  // Only a single command in the whole RUN may be removed by removing the RUN.
  const alone = commands.filter((command) => command.depth === 0).length === 1;
  return { commands: alone ? commands : commands.map((command) => ({ ...command, onlyCommand: false })), hasErrors, end: main.end, hasHeredoc: true };
}

function shift(command: ShellCommand, offset: number, depth: number): ShellCommand {
  const move = (word: ShellWord): ShellWord => ({ ...word, span: { start: word.span.start + offset, end: word.span.end + offset } });
  return {
    ...command,
    name: move(command.name),
    args: command.args.map(move),
    assignments: command.assignments.map(move),
    span: { start: command.span.start + offset, end: command.span.end + offset },
    removal: command.removal && { start: command.removal.start + offset, end: command.removal.end + offset },
    onlyCommand: command.onlyCommand && depth === 0,
    pipeline: command.pipeline && { ...command.pipeline, id: command.pipeline.id + offset },
    depth: command.depth + depth,
  };
}
