/** Where the instructions of a text that start before `before` end, heredoc bodies included: the furthest end. */
export type InstructionsEnd = (text: string, before: number) => number;

/**
 * Where a Dockerfile can be cut into chunks that dockerfile-ast parses alone exactly as inside the
 * whole text: at instruction starts where it stands between instructions. Null for texts this scan
 * could misread.
 */
export function chunkStarts(text: string, instructionsEnd: InstructionsEnd): ChunkStart[] | null {
  return isChunkable(text) ? scan(text, instructionsEnd) : null;
}

/** Empties the heredoc measures (for a benchmark's cold pass). */
export function clearHeredocMeasures(): void {
  measures.clear();
}

function isChunkable(text: string): boolean {
  if (/\r(?!\n)|\uFEFF/.test(text)) return false;
  // On a continued line, escape chars first then `#` (a comment to dockerfile-ast) or blanks and a
  // word (it skips that word) keep the continuation going on a line that does not end with the escape
  // char: such rare files are parsed whole.
  if (/^[ \t]*\\+(?:#|[ \t]+[^ \t\r\n])/m.test(text)) return false;
  // Parser directives sit in the leading comment lines; only the default escape char is cut here.
  const head = /^(?:[ \t]*#[^\n]*\n)*/.exec(text)?.[0] ?? '';
  return !/^[ \t]*#[ \t]*escape[ \t]*=/im.test(head);
}

export interface ChunkStart {
  readonly offset: number;
  readonly end: number;
  /** 0-based line of the chunk's first character. */
  readonly line: number;
}

/**
 * Each chunk ends where the next instruction starts; the first one also holds the leading lines. An
 * instruction that may open a heredoc (`<<` anywhere in it) is measured by dockerfile-ast itself, so
 * its body lines are never taken for instruction starts; null when that measure is not clear-cut.
 */
function scan(text: string, instructionsEnd: InstructionsEnd): ChunkStart[] | null {
  const starts: { offset: number; line: number }[] = [];
  let inContinuation = false;
  let instructionStart = 0;
  // The next `<<` at or after the instruction being read, found once per marker, not per instruction.
  let marker = text.indexOf('<<');
  let line = 0;
  for (let offset = 0; offset < text.length; line++) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const lineStart = offset;
    // trim() also drops the CR of a CRLF line break.
    const content = text.slice(offset, end).trim();
    offset = end + 1;
    if (content === '' || content.startsWith('#')) continue;
    if (!inContinuation) {
      starts.push(starts.length === 0 ? { offset: 0, line: 0 } : { offset: lineStart, line });
      instructionStart = lineStart;
    }
    inContinuation = content.endsWith('\\');
    if (marker !== -1 && marker < instructionStart) marker = text.indexOf('<<', instructionStart);
    if (inContinuation || marker === -1 || marker >= end) continue;
    const instructionEnd = heredocInstructionEnd(text, instructionStart, end, instructionsEnd);
    if (instructionEnd === null) return null;
    // Resume after the line the instruction ends on: its heredoc bodies are part of this chunk.
    const resume = instructionEnd >= text.length ? text.length : text.indexOf('\n', instructionEnd) + 1 || text.length;
    for (let k = text.indexOf('\n', offset); k !== -1 && k < resume; k = text.indexOf('\n', k + 1)) line++;
    offset = Math.max(offset, resume);
  }
  if (starts.length === 0) starts.push({ offset: 0, line: 0 });
  return starts.map((start, k) => ({ ...start, end: starts[k + 1]?.offset ?? text.length }));
}

/** Size of the first window read after a heredoc instruction's first line; doubled until the instruction ends inside it. */
const HEREDOC_WINDOW = 512;
/** A heredoc instruction longer than this (an unterminated one, say) makes the file parse whole: measuring costs as much. */
const MAX_HEREDOC_WINDOW = 65_536;

/**
 * Where the instructions that start between `start` and `lineEnd` (the lines read as one instruction)
 * end, heredoc bodies included, as dockerfile-ast reads them. dockerfile-ast scans left to right, so
 * an instruction that ends before the last line of a window of the text ends at the same place in the
 * whole text. Null when the end is not at a line break or the instruction is longer than the largest window.
 */
function heredocInstructionEnd(text: string, start: number, lineEnd: number, instructionsEnd: InstructionsEnd): number | null {
  let size = lineEnd - start + HEREDOC_WINDOW;
  for (;;) {
    const windowEnd = lineBoundaryAfter(text, start + size);
    const window = text.slice(start, windowEnd);
    const end = Math.max(measured(window, lineEnd - start, instructionsEnd), lineEnd - start);
    const complete = windowEnd >= text.length || end < window.lastIndexOf('\n', window.length - 2) + 1;
    if (complete) {
      const at = start + end;
      return at >= text.length || text[at] === '\n' || text[at] === '\r' ? at : null;
    }
    if (size > MAX_HEREDOC_WINDOW) return null;
    size *= 2;
  }
}

/** Heredoc measures by window text and first-line length: on a keystroke elsewhere they are read again, not parsed. */
const measures = new Map<string, number>();
const MAX_MEASURES = 500;

function measured(window: string, before: number, instructionsEnd: InstructionsEnd): number {
  const key = `${before}:${window}`;
  let end = measures.get(key);
  if (end === undefined) {
    end = instructionsEnd(window, before);
    if (measures.size >= MAX_MEASURES) measures.clear();
    // A fresh copy of the key: the window is a view of the whole document, which it would keep alive.
    measures.set(` ${key}`.slice(1), end);
  }
  return end;
}

/** The offset just after the line break that ends the line holding `offset`. */
function lineBoundaryAfter(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}
