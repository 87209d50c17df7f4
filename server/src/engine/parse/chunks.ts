import type { Span } from '../types';
import type { CommentRecord, InstructionRecord, ParsedDockerfile } from './dockerfile';
import { LineIndex } from './line-index';

/**
 * dockerfile-ast re-parses the whole document on every call, which dominates a keystroke in a long
 * file. Instructions are independent once the escape char is known, so the text is cut at instruction
 * starts and each chunk's records are cached by its text: an edit re-parses only the chunk it touched.
 * Files this cutting could misread (heredocs, an escape directive, a BOM, lone CRs) are parsed whole; a test
 * checks over the corpus that both ways give the same records.
 */
const MAX_ENTRIES = 3000;
const cache = new Map<string, ParsedDockerfile>();

export function parseInChunks(text: string, parseWhole: (text: string) => ParsedDockerfile): ParsedDockerfile {
  if (!isChunkable(text)) return parseWhole(text);
  const starts = chunkStarts(text);
  const instructions: InstructionRecord[] = [];
  const comments: CommentRecord[] = [];
  const lines = new LineIndex(text);
  let first: ParsedDockerfile | undefined;
  for (const start of starts) {
    const chunk = cachedParse(text.slice(start.offset, start.end), parseWhole);
    first ??= chunk;
    for (const record of chunk.instructions) instructions.push(shiftInstruction(record, start.offset, instructions.length));
    for (const comment of chunk.comments) comments.push({ ...comment, span: shift(comment.span, start.offset), line: comment.line + start.line });
  }
  return { text, lines, escapeChar: '\\', directives: first?.directives ?? new Map(), instructions, comments };
}

function isChunkable(text: string): boolean {
  if (text.includes('<<') || /\r(?!\n)|\uFEFF/.test(text)) return false;
  // Parser directives sit in the leading comment lines; only the default escape char is cut here.
  const head = /^(?:[ \t]*#[^\n]*\n)*/.exec(text)?.[0] ?? '';
  return !/^[ \t]*#[ \t]*escape[ \t]*=/im.test(head);
}

interface ChunkStart {
  readonly offset: number;
  readonly end: number;
  /** 0-based line of the chunk's first character. */
  readonly line: number;
}

/** Each chunk ends where the next instruction starts; the first one also holds the leading lines. */
function chunkStarts(text: string): ChunkStart[] {
  const starts: { offset: number; line: number }[] = [];
  let inContinuation = false;
  let line = 0;
  for (let offset = 0; offset < text.length; line++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const lineStart = offset;
    const raw = text.slice(offset, end).replace(/\r$/, '');
    offset = end + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) continue;
    if (!inContinuation) starts.push(starts.length === 0 ? { offset: 0, line: 0 } : { offset: lineStart, line });
    inContinuation = content.endsWith('\\');
  }
  if (starts.length === 0) starts.push({ offset: 0, line: 0 });
  return starts.map((start, k) => ({ ...start, end: starts[k + 1]?.offset ?? text.length }));
}

function cachedParse(chunk: string, parseWhole: (text: string) => ParsedDockerfile): ParsedDockerfile {
  const hit = cache.get(chunk);
  if (hit) {
    cache.delete(chunk);
    cache.set(chunk, hit);
    return hit;
  }
  const parsed = parseWhole(chunk);
  cache.set(chunk, parsed);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return parsed;
}

function shift(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

function shiftInstruction(record: InstructionRecord, offset: number, index: number): InstructionRecord {
  return {
    ...record,
    index,
    span: shift(record.span, offset),
    keywordSpan: shift(record.keywordSpan, offset),
    flags: record.flags.map((flag) => ({ ...flag, span: shift(flag.span, offset) })),
    args: record.args.map((arg) => ({ ...arg, span: shift(arg.span, offset) })),
    argsSpan: record.argsSpan && shift(record.argsSpan, offset),
    exec: record.exec && record.exec.map((string) => ({ ...string, span: shift(string.span, offset) })),
    properties: record.properties.map((property) => ({
      ...property,
      nameSpan: shift(property.nameSpan, offset),
      valueSpan: property.valueSpan && shift(property.valueSpan, offset),
    })),
    trigger: record.trigger && shiftInstruction(record.trigger, offset, index),
  };
}
