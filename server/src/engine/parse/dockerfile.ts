import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Span } from '../types';
import { scanArguments } from './arguments';
import { parseExecForm, type JsonStringRecord } from './exec-form';
import { cachedInstruction, INSTRUCTION_CACHE_SIZE } from './instruction-cache';
import { scanDockerfile, type DockerfileLayout, type InstructionExtent } from './layout';
import { documentOffset, LineIndex } from './line-index';

/** Plain records of a Dockerfile, read as dockerfile-ast reads it; nothing downstream sees a syntax tree. */

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
/** Instructions whose name-value pairs dockerfile-ast reads for us. */
const PROPERTY_KEYWORDS = new Set(['ARG', 'ENV', 'LABEL']);

/** Below this size (about 250 lines) reading every instruction takes well under a millisecond: caching does not pay. */
const MIN_CACHED_LENGTH = 8192;

/**
 * Reads a Dockerfile into plain records; in a long text, only the instructions an edit changed are
 * read again. A text with more instructions than the cache holds is read whole: caching its records
 * would only evict them again.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const layout = scanDockerfile(text);
  const whole = text.length < MIN_CACHED_LENGTH || layout.instructions.length > INSTRUCTION_CACHE_SIZE;
  return readRecords(text, layout, whole ? readFresh(text) : readCached(text));
}

/** Reads every instruction from the text. */
export function parseWhole(text: string): ParsedDockerfile {
  return readRecords(text, scanDockerfile(text), readFresh(text));
}

/** Takes each instruction's records from the cache, reading an instruction's text alone on a miss (tests compare this with `parseWhole`). */
export function parseByInstruction(text: string): ParsedDockerfile {
  return readRecords(text, scanDockerfile(text), readCached(text));
}

type ReadInstruction = (extent: InstructionExtent, index: number, escapeChar: string) => InstructionRecord;

function readFresh(text: string): ReadInstruction {
  return (extent, index, escapeChar) => readInstruction(extent, index, text, escapeChar);
}

function readCached(text: string): ReadInstruction {
  return (extent, index, escapeChar) =>
    cachedInstruction(text.slice(extent.start, extent.end), escapeChar, extent.start, index, (own) =>
      readInstruction({ start: 0, keywordEnd: extent.keywordEnd - extent.start, end: own.length, keyword: extent.keyword }, 0, own, escapeChar),
    );
}

function readRecords(text: string, layout: DockerfileLayout, read: ReadInstruction): ParsedDockerfile {
  const lines = new LineIndex(text);
  const { escapeChar } = layout;
  const directives = new Map<string, string>();
  const comments: CommentRecord[] = [];
  for (const directive of layout.directives) {
    const name = directive.name.toLowerCase();
    // Any `# word...=value` at the top reads as a directive; only these are Docker's.
    if (PARSER_DIRECTIVES.has(name)) {
      directives.set(name, directive.value);
    } else {
      const line = lines.positionAt(directive.start).line;
      comments.push({ text: text.slice(lines.lineStart(line) + 1, lines.lineEnd(line)).trim(), span: documentSpan(directive.start, directive.end, text), line });
    }
  }
  const instructions = layout.instructions.map((extent, index) => read(extent, index, escapeChar));
  for (const comment of layout.comments) {
    const line = lines.positionAt(comment.start).line;
    comments.push({ text: commentContent(text, comment.start, comment.end), span: { start: lines.lineStart(line), end: documentOffset(comment.end, text) }, line });
  }
  return { text, lines, escapeChar, directives, instructions, comments };
}

function readInstruction(extent: InstructionExtent, index: number, text: string, escapeChar: string): InstructionRecord {
  const keyword = extent.keyword.toUpperCase();
  const span = documentSpan(extent.start, extent.end, text);
  const keywordSpan = documentSpan(extent.start, extent.keywordEnd, text);
  // The leading `--name[=value]` arguments of the instructions that take flags are the flags, the rest the arguments.
  const all = scanArguments(text.slice(keywordSpan.end, span.end), keywordSpan.end, escapeChar, text);
  let flagCount = 0;
  if (FLAG_KEYWORDS.has(keyword)) while (all[flagCount]?.value.startsWith('--')) flagCount++;
  const flags = all.slice(0, flagCount).map(readFlag);
  const plainArgs = all.slice(flagCount);
  const firstArg = plainArgs[0];
  const argsSpan = firstArg ? { start: firstArg.span.start, end: span.end } : null;
  let exec: JsonStringRecord[] | null = null;
  if (argsSpan && EXEC_FORM_KEYWORDS.has(keyword) && text[argsSpan.start] === '[') {
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
    properties: PROPERTY_KEYWORDS.has(keyword) ? (plainProperties(text, keywordSpan.end, span.end) ?? readProperties(text, span, escapeChar)) : [],
    trigger: keyword === 'ONBUILD' && firstArg ? readTrigger(firstArg, index, span, text, escapeChar) : null,
  };
}

/** The instruction an ONBUILD registers: from its first argument (the keyword, as written) to the ONBUILD's end. */
function readTrigger(keyword: ArgumentRecord, index: number, span: Span, text: string, escapeChar: string): InstructionRecord {
  const extent = { start: keyword.span.start, keywordEnd: keyword.span.end, end: span.end, keyword: text.slice(keyword.span.start, keyword.span.end) };
  return { ...readInstruction(extent, index, text, escapeChar), span };
}

function readFlag(argument: ArgumentRecord): FlagRecord {
  const body = argument.value.slice(2);
  const equals = body.indexOf('=');
  return { name: equals === -1 ? body : body.slice(0, equals), value: equals === -1 ? null : body.slice(equals + 1), span: argument.span };
}

/** Arguments without quotes, escape chars or line breaks: most ARG, ENV and LABEL lines. */
const PLAIN_ARGUMENTS = /^[ \t]*[^ \t\r\n"'\\`]+(?:[ \t]+[^ \t\r\n"'\\`]+)*[ \t]*$/;

/**
 * The pairs of plain arguments, as dockerfile-ast reads them: `NAME=value` words, or `NAME value...`
 * when the first word has no `=`; null for any other text.
 */
function plainProperties(text: string, start: number, end: number): PropertyRecord[] | null {
  const argsText = text.slice(start, end);
  if (!PLAIN_ARGUMENTS.test(argsText)) return null;
  const words = [...argsText.matchAll(/[^ \t]+/g)].map((match) => ({ value: match[0], start: start + match.index }));
  const [first, second] = words;
  const last = words.at(-1);
  if (first && second && last && !first.value.includes('=')) {
    const valueSpan = { start: second.start, end: last.start + last.value.length };
    return [{ name: first.value, value: text.slice(valueSpan.start, valueSpan.end), nameSpan: { start: first.start, end: first.start + first.value.length }, valueSpan }];
  }
  return words.map(({ value, start: at }) => {
    const equals = value.indexOf('=');
    if (equals === -1) return { name: value, value: null, nameSpan: { start: at, end: at + value.length }, valueSpan: null };
    return { name: value.slice(0, equals), value: value.slice(equals + 1), nameSpan: { start: at, end: at + equals }, valueSpan: { start: at + equals + 1, end: at + value.length } };
  });
}

/**
 * ARG, ENV and LABEL pairs (quotes, escapes, `name value` and `name=value` forms), read by
 * dockerfile-ast from the instruction's text alone; its positions are mapped back to the document.
 */
function readProperties(text: string, span: Span, escapeChar: string): PropertyRecord[] {
  const prefix = escapeChar === '\\' ? '' : `# escape=${escapeChar}\n`;
  const source = prefix + text.slice(span.start, span.end);
  const instruction = DockerfileParser.parse(source).getInstructions()[0] as PropertyInstruction | undefined;
  if (!instruction || typeof instruction.getProperties !== 'function') return [];
  const lines = new LineIndex(source);
  const toOffset = (position: Position): number => documentOffset(lines.offsetAt(position.line, position.character) - prefix.length + span.start, text);
  return instruction.getProperties().map((property) => {
    const valueRange = property.getValueRange();
    return {
      name: property.getName(),
      value: property.getValue(),
      nameSpan: { start: toOffset(property.getNameRange().start), end: toOffset(property.getNameRange().end) },
      valueSpan: valueRange ? { start: toOffset(valueRange.start), end: toOffset(valueRange.end) } : null,
    };
  });
}

interface Position {
  line: number;
  character: number;
}

type PropertyInstruction = Instruction & {
  getProperties?: () => {
    getName(): string;
    getValue(): string | null;
    getNameRange(): { start: Position; end: Position };
    getValueRange(): { start: Position; end: Position } | null;
  }[];
};

/** A comment's text without the `#` and surrounding whitespace. */
function commentContent(text: string, start: number, end: number): string {
  return text.slice(start + 1, end).replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

function documentSpan(start: number, end: number, text: string): Span {
  return { start: documentOffset(start, text), end: documentOffset(end, text) };
}

/** Exec form may continue over lines; blank the continuation so the JSON reads as one line. */
function blankContinuations(raw: string, escapeChar: string): string {
  return raw.replace(escapeChar === '`' ? /`[ \t]*\r?\n/g : /\\[ \t]*\r?\n/g, (match) => ' '.repeat(match.length));
}
