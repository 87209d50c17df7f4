import { parseDockerfile, type InstructionRecord, type ParsedDockerfile } from '../parse/dockerfile';
import type { DocCommand } from '../model/commands';
import type { RunInstruction } from '../model/file-model';
import type { PackageInstall, PackageRecord } from '../model/packages';
import type { Edit, Fix, FixSafety, Span } from '../types';

/** Edit helpers: rules build fixes from these, never by string surgery of their own. */

export function replace(span: Span, newText: string): Edit {
  return { span, newText };
}

export function insertAt(offset: number, newText: string): Edit {
  return { span: { start: offset, end: offset }, newText };
}

/** Removes one item of a blank-separated list with the blanks that separate it from its neighbour. */
export function removeListItem(items: readonly Span[], index: number): Edit {
  const item = items[index];
  if (!item) throw new RangeError(`no list item ${index}`);
  const next = items[index + 1];
  if (next) return replace({ start: item.start, end: next.start }, '');
  const previous = items[index - 1];
  return replace({ start: previous ? previous.end : item.start, end: item.end }, '');
}

/** Removes an instruction with its whole lines, line break included. */
export function removeInstruction(parsed: ParsedDockerfile, instruction: InstructionRecord): Edit {
  const { lines, text } = parsed;
  const first = lines.positionAt(instruction.span.start).line;
  const last = lines.positionAt(instruction.span.end).line;
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : text.length;
  // At the end of a file without a final newline, take the line break before the instruction instead.
  if (end === text.length && !/\r?\n$/.test(text.slice(start, end)) && start > 0) {
    const before = text[start - 2] === '\r' ? start - 2 : start - 1;
    return replace({ start: before, end }, '');
  }
  return replace({ start, end }, '');
}

/** Removes a command from its `&&`/`;` chain, or the whole RUN when it is the only command. */
export function removeCommand(parsed: ParsedDockerfile, run: RunInstruction, command: DocCommand): Edit | null {
  if (command.onlyCommand && run.script?.commands.every((other) => other === command || other.depth > 0)) {
    return removeInstruction(parsed, run.instruction);
  }
  return command.removal ? replace(command.removal, '') : null;
}

/** Removes one package; removing the last one removes the install command. */
export function removePackage(parsed: ParsedDockerfile, run: RunInstruction, install: PackageInstall, pkg: PackageRecord): Edit | null {
  if (!install.command.exact || run.script?.form !== 'shell') return null;
  if (install.packages.length === 1 && !install.hasUnknownArguments) return removeCommand(parsed, run, install.command);
  const words = [install.command.name, ...install.command.args].map((word) => word.span);
  const index = words.findIndex((span) => span.start === pkg.word.span.start);
  return index <= 0 ? null : removeListItem(words, index);
}

/** A fix of one edit, or no fix when the edit cannot be made. */
export function fixesOf(title: string, edit: Edit | null, safety: FixSafety = 'safe'): Fix[] {
  return edit ? [{ title, safety, edits: [edit] }] : [];
}

/** The fix that removes one package from its install, titled with what it saves when that is known. */
export function removePackageFixes(parsed: ParsedDockerfile, run: RunInstruction, install: PackageInstall, pkg: PackageRecord, saving = ''): Fix[] {
  return fixesOf(`Remove \`${pkg.word.text}\` from \`${install.program} ${install.subcommand.text}\`${saving}`, removePackage(parsed, run, install, pkg), 'unsafe');
}

/** Adds an option right after an install's subcommand (`apt-get install --no-install-recommends`). */
export function addInstallOption(run: RunInstruction, install: PackageInstall, option: string): Edit | null {
  if (!install.command.exact || run.script?.form !== 'shell') return null;
  return insertAt(install.subcommand.span.end, ` ${option}`);
}

/**
 * Appends a command to a shell-form RUN with `&&`, continuing on a new line (escape char and the
 * last line's indentation) when the RUN already spans several lines, in the RUN's own style of
 * putting `&&` at the end or at the start of lines.
 */
export function appendToRun(parsed: ParsedDockerfile, run: RunInstruction, command: string): Edit | null {
  const script = run.script;
  if (!script || script.form !== 'shell' || script.appendAt === null || script.hasErrors) return null;
  const { lines, text, escapeChar } = parsed;
  const startLine = lines.positionAt(run.instruction.span.start).line;
  const endLine = lines.positionAt(script.appendAt).line;
  if (startLine === endLine) return insertAt(script.appendAt, ` && ${command}`);
  const lastLine = text.slice(lines.lineStart(endLine), lines.lineEnd(endLine));
  const indent = /^[ \t]*/.exec(lastLine)?.[0] ?? '';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const previousLine = text.slice(lines.lineStart(endLine - 1), lines.lineEnd(endLine - 1)).trimEnd();
  const operatorsTrail = /&&\s*.$/.test(previousLine);
  return operatorsTrail
    ? insertAt(script.appendAt, ` && ${escapeChar}${newline}${indent}${command}`)
    : insertAt(script.appendAt, ` ${escapeChar}${newline}${indent}&& ${command}`);
}

/**
 * Adds an instruction on a new line after an existing one, with the file's line break style; null
 * when a trailing continuation or an unterminated heredoc would swallow the new line.
 */
export function insertInstructionAfter(parsed: ParsedDockerfile, instruction: InstructionRecord, line: string): Edit | null {
  const { lines, text } = parsed;
  const end = lines.lineEnd(lines.positionAt(instruction.span.end).line);
  const inserted = `${text.includes('\r\n') ? '\r\n' : '\n'}${line}`;
  // Instructions before this one cannot change, so with the default escape char only the text from
  // this instruction on is parsed again (dockerfile-ast reads left to right).
  const from = parsed.escapeChar === '\\' ? instruction.span.start : 0;
  const before = parsed.instructions.length - (from === 0 ? 0 : instruction.index);
  const after = parseDockerfile(text.slice(from, end) + inserted + text.slice(end));
  return after.instructions.length === before + 1 ? insertAt(end, inserted) : null;
}
