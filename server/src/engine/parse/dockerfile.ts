import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Span } from '../types';
import { scanArguments } from './arguments';
import { parseExecForm, type JsonStringRecord } from './exec-form';
import { parseInChunks } from './chunks';
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
  /**
   * For ONBUILD, the instruction it registers for images built FROM this one. Its index and span are
   * the ONBUILD's (pragmas and removals apply to the whole line); its other fields are the trigger's.
   */
  readonly trigger: InstructionRecord | null;
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
/** Instructions whose leading `--name[=value]` arguments are flags, as BuildKit reads them. */
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const EXEC_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK']);

/** Reads a Dockerfile into plain records, re-parsing only the instructions an edit changed. */
export function parseDockerfile(text: string): ParsedDockerfile {
  return parseInChunks(text, { parseWhole, instructionsEnd });
}

/** Parses each chunk on its own, without the cache: what edits rely on, for tests to compare with `parseWhole`. */
export function parseChunkByChunk(text: string): ParsedDockerfile {
  return parseInChunks(text, { parseWhole, instructionsEnd }, true);
}

/** The furthest end of the instructions that start before `before` (heredoc bodies included); 0 when none does. */
function instructionsEnd(text: string, before: number): number {
  const lines = new LineIndex(text);
  let end = 0;
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    const range = instruction.getRange();
    if (lines.offsetAt(range.start.line, range.start.character) >= before) break;
    end = Math.max(end, lines.offsetAt(range.end.line, range.end.character));
  }
  return end;
}

/** Parses the whole text with dockerfile-ast in one go. */
export function parseWhole(text: string): ParsedDockerfile {
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
  // Comments come in document order: one sweep finds those inside an instruction (continuations).
  let enclosing = 0;
  for (const comment of dockerfile.getComments()) {
    const span = toSpan(comment.getRange());
    while (enclosing < instructions.length && (instructions[enclosing]?.span.end ?? 0) <= span.start) enclosing++;
    const instruction = instructions[enclosing];
    if (instruction && instruction.span.start < span.start) continue;
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
  // One scan of the arguments (dockerfile-ast rescans on every getter): the leading `--name[=value]`
  // arguments of the instructions that take flags are the flags, the rest the arguments.
  const all = scanArguments(text.slice(span.start + keywordSpan.end - keywordSpan.start, span.end), keywordSpan.end, escapeChar, text);
  let flagCount = 0;
  if (FLAG_KEYWORDS.has(keyword)) while (all[flagCount]?.value.startsWith('--')) flagCount++;
  const flags = all.slice(0, flagCount).map(readFlag);
  const plainArgs = all.slice(flagCount);
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
    trigger: keyword === 'ONBUILD' ? readTrigger(instruction, index, span, text, escapeChar, toSpan) : null,
  };
}

function readTrigger(onbuild: Instruction, index: number, span: Span, text: string, escapeChar: string, toSpan: ToSpan): InstructionRecord | null {
  const trigger = (onbuild as Instruction & { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
  return trigger ? { ...readInstruction(trigger, index, text, escapeChar, toSpan), span } : null;
}

function readFlag(argument: ArgumentRecord): FlagRecord {
  const body = argument.value.slice(2);
  const equals = body.indexOf('=');
  return { name: equals === -1 ? body : body.slice(0, equals), value: equals === -1 ? null : body.slice(equals + 1), span: argument.span };
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
