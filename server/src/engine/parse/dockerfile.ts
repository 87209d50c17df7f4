import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Span } from '../types';
import { parseExecForm, type JsonStringRecord } from './exec-form';
import { LineIndex } from './line-index';

/** Plain records read once from dockerfile-ast; nothing downstream touches the AST. */

export interface ArgumentRecord {
  /** Value with escapes and continuations removed, as dockerfile-ast gives it. */
  readonly value: string;
  readonly span: Span;
}

export interface FlagRecord {
  readonly name: string;
  readonly value: string | null;
  readonly span: Span;
}

export interface PropertyRecord {
  readonly name: string;
  readonly value: string | null;
  readonly nameSpan: Span;
  readonly valueSpan: Span | null;
}

export interface InstructionRecord {
  readonly index: number;
  /** Upper-case keyword. */
  readonly keyword: string;
  /** The keyword as written, for fixes that keep its case. */
  readonly keywordText: string;
  readonly span: Span;
  readonly keywordSpan: Span;
  readonly flags: readonly FlagRecord[];
  readonly args: readonly ArgumentRecord[];
  /** From the first argument after the flags to the end of the instruction; null without arguments. */
  readonly argsSpan: Span | null;
  /** The JSON strings of an exec-form instruction, or null for shell form. */
  readonly exec: readonly JsonStringRecord[] | null;
  /** ARG/ENV/LABEL name-value pairs. */
  readonly properties: readonly PropertyRecord[];
}

export interface CommentRecord {
  readonly text: string;
  readonly span: Span;
  readonly line: number;
}

export interface ParsedDockerfile {
  readonly text: string;
  readonly lines: LineIndex;
  readonly escapeChar: string;
  readonly directives: ReadonlyMap<string, string>;
  readonly instructions: readonly InstructionRecord[];
  /** Comment lines outside instructions (pragmas live here). */
  readonly comments: readonly CommentRecord[];
}

const PARSER_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const EXEC_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = new LineIndex(text);
  const dockerfile = DockerfileParser.parse(text);
  const toSpan = (range: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: lines.offsetAt(range.start.line, range.start.character),
    end: lines.offsetAt(range.end.line, range.end.character),
  });
  const escapeChar = dockerfile.getEscapeCharacter();
  const directives = new Map<string, string>();
  const comments: CommentRecord[] = [];
  for (const directive of dockerfile.getDirectives()) {
    const name = directive.getName().toLowerCase();
    // dockerfile-ast reads any `# word...=value` at the top as a directive; only these are Docker's.
    if (PARSER_DIRECTIVES.has(name)) {
      directives.set(name, directive.getValue());
    } else {
      const range = directive.getRange();
      comments.push({ text: text.slice(lines.lineStart(range.start.line) + 1, lines.lineEnd(range.start.line)).trim(), span: toSpan(range), line: range.start.line });
    }
  }
  const instructions = dockerfile.getInstructions().map((instruction, index) => readInstruction(instruction, index, text, escapeChar, toSpan));
  for (const comment of dockerfile.getComments()) {
    const span = toSpan(comment.getRange());
    if (instructions.some((i) => i.span.start < span.start && span.start < i.span.end)) continue;
    const lineStart = lines.lineStart(comment.getRange().start.line);
    comments.push({ text: comment.getContent(), span: { start: lineStart, end: span.end }, line: comment.getRange().start.line });
  }
  return { text, lines, escapeChar, directives, instructions, comments };
}

type ToSpan = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => Span;

function readInstruction(instruction: Instruction, index: number, text: string, escapeChar: string, toSpan: ToSpan): InstructionRecord {
  const keyword = instruction.getKeyword();
  const span = toSpan(instruction.getRange());
  const keywordSpan = toSpan(instruction.getInstructionRange());
  const flags = readFlags(instruction, toSpan);
  const args = instruction.getArguments().map((argument) => ({ value: argument.getValue(), span: toSpan(argument.getRange()) }));
  // dockerfile-ast lists flags as arguments for some instructions; arguments start after the last flag.
  const flagsEnd = flags.reduce((end, flag) => Math.max(end, flag.span.end), keywordSpan.end);
  const plainArgs = args.filter((argument) => argument.span.start >= flagsEnd);
  const firstArg = plainArgs[0];
  const argsSpan = firstArg ? { start: firstArg.span.start, end: span.end } : null;
  let exec: JsonStringRecord[] | null = null;
  if (argsSpan && EXEC_FORM_KEYWORDS.has(keyword)) {
    exec = parseExecForm(blankContinuations(text.slice(argsSpan.start, argsSpan.end), escapeChar), argsSpan.start);
  }
  return {
    index,
    keyword,
    keywordText: text.slice(keywordSpan.start, keywordSpan.end),
    span,
    keywordSpan,
    flags,
    args: plainArgs,
    argsSpan,
    exec,
    properties: readProperties(instruction, toSpan),
  };
}

function readFlags(instruction: Instruction, toSpan: ToSpan): FlagRecord[] {
  const withFlags = instruction as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null; getRange(): Parameters<ToSpan>[0] }[] };
  if (typeof withFlags.getFlags !== 'function') return [];
  return withFlags.getFlags().map((flag) => ({ name: flag.getName(), value: flag.getValue(), span: toSpan(flag.getRange()) }));
}

function readProperties(instruction: Instruction, toSpan: ToSpan): PropertyRecord[] {
  const withProperties = instruction as Instruction & {
    getProperties?: () => {
      getName(): string;
      getValue(): string | null;
      getNameRange(): Parameters<ToSpan>[0];
      getValueRange(): Parameters<ToSpan>[0] | null;
    }[];
  };
  if (typeof withProperties.getProperties !== 'function') return [];
  return withProperties.getProperties().map((property) => {
    const valueRange = property.getValueRange();
    return {
      name: property.getName(),
      value: property.getValue(),
      nameSpan: toSpan(property.getNameRange()),
      valueSpan: valueRange ? toSpan(valueRange) : null,
    };
  });
}

/** Exec form may continue over lines; blank the continuation so the JSON reads as one line. */
function blankContinuations(raw: string, escapeChar: string): string {
  const escaped = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return raw.replace(new RegExp(`${escaped}[ \\t]*\\r?\\n`, 'g'), (match) => ' '.repeat(match.length));
}
