import type { Span } from '../types';
import type { CommentRecord, InstructionRecord, ParsedDockerfile } from './dockerfile';
import { chunkStarts, clearHeredocMeasures, type ChunkStart, type InstructionsEnd } from './chunk-starts';
import { LineIndex } from './line-index';

/**
 * dockerfile-ast re-parses the whole document on every call, which dominates a keystroke in a long
 * file. Instructions are independent once the escape char is known, so the text is cut at instruction
 * starts and each chunk's records are cached by its text: an edit re-parses only the chunk it touched.
 * A text whose chunks are mostly unseen (a file opened or linted for the first time) is parsed whole
 * in one go, cheaper than many small parses; its records fill the cache when an edit follows. Heredoc
 * bodies stay inside their instruction's chunk. Files this cutting could misread (an escape directive,
 * a BOM, lone CRs, rare escape-char line starts) are parsed whole; tests check over the corpus and
 * fuzzed files that both ways give the same records.
 */
const MAX_ENTRIES = 3000;
/** Below this size (about 250 lines) a whole parse takes well under a millisecond: cutting does not pay. */
const MIN_CHUNKED_LENGTH = 8192;

/** What a chunk contributes, relative to the chunk's start. */
interface ChunkRecords {
  readonly instructions: readonly InstructionRecord[];
  readonly comments: readonly CommentRecord[];
  readonly directives: ReadonlyMap<string, string>;
}

const cache = new Map<string, ChunkRecords>();

/** Empties the cache, so a benchmark pass measures parsing rather than cache hits. */
export function clearParseCache(): void {
  cache.clear();
  recentWhole.length = 0;
  clearHeredocMeasures();
}

export interface ChunkParsers {
  /** Parses a text with dockerfile-ast. */
  readonly parseWhole: (text: string) => ParsedDockerfile;
  readonly instructionsEnd: InstructionsEnd;
}

/** `fresh` parses every chunk on its own, neither reading nor filling the cache (tests compare that with a whole parse). */
export function parseInChunks(text: string, parsers: ChunkParsers, fresh = false): ParsedDockerfile {
  if (!fresh && text.length < MIN_CHUNKED_LENGTH) return parsers.parseWhole(text);
  const starts = chunkStarts(text, parsers.instructionsEnd);
  if (!starts) return parsers.parseWhole(text);
  const texts = starts.map((start) => text.slice(start.offset, start.end));
  const found = texts.map((chunk) => (fresh ? undefined : cached(chunk)));
  if (!fresh && mostlyUnseen(found)) {
    // An edit of a text parsed whole a moment ago: split that parse into the cache, then read it.
    const earlier = takeEarlierVersion(text);
    if (earlier) {
      remember(earlier, parsers.instructionsEnd);
      texts.forEach((chunk, k) => (found[k] ??= cached(chunk)));
    }
  }
  if (!fresh && mostlyUnseen(found)) {
    const whole = parsers.parseWhole(text);
    keepRecent(whole);
    return whole;
  }
  const instructions: InstructionRecord[] = [];
  const comments: CommentRecord[] = [];
  let directives: ReadonlyMap<string, string> | undefined;
  starts.forEach((start, k) => {
    const chunkText = texts[k] ?? '';
    const chunk = found[k] ?? (fresh ? parsers.parseWhole(chunkText) : parseAndStore(detached(chunkText), parsers));
    directives ??= chunk.directives;
    const placed = place(chunk, start, instructions.length);
    for (const record of placed.instructions) instructions.push(record);
    for (const comment of placed.comments) comments.push(comment);
  });
  return { text, lines: new LineIndex(text), escapeChar: '\\', directives: directives ?? new Map(), instructions, comments };
}

/** A chunk's records moved to where it sits in a document. */
interface Placed {
  readonly offset: number;
  readonly line: number;
  readonly index: number;
  readonly instructions: readonly InstructionRecord[];
  readonly comments: readonly CommentRecord[];
}

/**
 * The last placement of each cached chunk. On a keystroke the chunks before the edit stay where they
 * were, so their records are reused instead of copied again (records are never modified).
 */
const placements = new WeakMap<ChunkRecords, Placed>();

function place(chunk: ChunkRecords, start: ChunkStart, index: number): Placed {
  const last = placements.get(chunk);
  if (last && last.offset === start.offset && last.line === start.line && last.index === index) return last;
  const placed: Placed = {
    offset: start.offset,
    line: start.line,
    index,
    instructions: chunk.instructions.map((record, k) => shiftInstruction(record, start.offset, index + k)),
    comments: chunk.comments.map((comment) => shiftComment(comment, start.offset, start.line)),
  };
  placements.set(chunk, placed);
  return placed;
}

function mostlyUnseen(found: readonly (ChunkRecords | undefined)[]): boolean {
  let misses = 0;
  for (const records of found) if (!records) misses++;
  return misses * 2 > found.length;
}

/**
 * Texts parsed whole lately. Splitting a whole parse into the cache costs about a quarter of the
 * parse, which a CLI run over many files would pay for nothing, so it is done only when an edited
 * version of the text comes: the first keystroke after a file is opened.
 */
const recentWhole: ParsedDockerfile[] = [];
const MAX_RECENT = 8;

function keepRecent(parsed: ParsedDockerfile): void {
  recentWhole.push(parsed);
  if (recentWhole.length > MAX_RECENT) recentWhole.shift();
}

/** A recent whole parse of a text that shares at least half of `text` as a common prefix and suffix. */
function takeEarlierVersion(text: string): ParsedDockerfile | undefined {
  const index = recentWhole.findIndex((parsed) => sharedEnds(parsed.text, text) * 2 >= Math.max(parsed.text.length, text.length));
  return index === -1 ? undefined : recentWhole.splice(index, 1)[0];
}

function sharedEnds(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return prefix + suffix;
}

function parseAndStore(chunk: string, parsers: ChunkParsers): ChunkRecords {
  return store(chunk, parsers.parseWhole(chunk));
}

/**
 * A copy of a slice that does not keep the whole text alive. V8 keeps a slice as a view of its
 * parent, so a cached chunk (and every string read from it) would hold on to the whole document of
 * the keystroke that produced it: about a document per keystroke retained, and long GC pauses.
 * Flattening a concatenation makes a fresh string.
 */
function detached(slice: string): string {
  return ` ${slice}`.slice(1);
}

function cached(chunk: string): ChunkRecords | undefined {
  const hit = cache.get(chunk);
  if (hit) {
    cache.delete(chunk);
    cache.set(chunk, hit);
  }
  return hit;
}

function store(chunk: string, records: ChunkRecords): ChunkRecords {
  cache.set(chunk, records);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return records;
}

/** Splits a whole parse into the records each chunk alone gives, and caches them. */
function remember(whole: ParsedDockerfile, instructionsEnd: InstructionsEnd): void {
  const starts = chunkStarts(whole.text, instructionsEnd);
  if (!starts) return;
  let instruction = 0;
  let comment = 0;
  starts.forEach((start, k) => {
    const instructions: InstructionRecord[] = [];
    const comments: CommentRecord[] = [];
    for (let record = whole.instructions[instruction]; record && record.span.start < start.end; record = whole.instructions[++instruction]) {
      instructions.push(shiftInstruction(record, -start.offset, instructions.length));
    }
    for (let record = whole.comments[comment]; record && record.span.start < start.end; record = whole.comments[++comment]) {
      comments.push(shiftComment(record, -start.offset, -start.line));
    }
    store(whole.text.slice(start.offset, start.end), { instructions, comments, directives: k === 0 ? whole.directives : new Map() });
  });
}

function shift(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

function shiftComment(comment: CommentRecord, offset: number, lines: number): CommentRecord {
  return { ...comment, span: shift(comment.span, offset), line: comment.line + lines };
}

function shiftInstruction(record: InstructionRecord, offset: number, index: number): InstructionRecord {
  // Every record after an edit is shifted on each keystroke: literals rather than spreads, and empty
  // lists shared, keep that allocation (and the GC pauses it causes) small.
  return {
    index,
    keyword: record.keyword,
    keywordText: record.keywordText,
    span: shift(record.span, offset),
    keywordSpan: shift(record.keywordSpan, offset),
    flags: record.flags.length === 0 ? record.flags : record.flags.map((flag) => ({ name: flag.name, value: flag.value, span: shift(flag.span, offset) })),
    args: record.args.length === 0 ? record.args : record.args.map((arg) => ({ value: arg.value, span: shift(arg.span, offset) })),
    argsSpan: record.argsSpan && shift(record.argsSpan, offset),
    exec: record.exec && record.exec.map((string) => ({ value: string.value, span: shift(string.span, offset), escaped: string.escaped })),
    properties:
      record.properties.length === 0
        ? record.properties
        : record.properties.map((property) => ({
            name: property.name,
            value: property.value,
            nameSpan: shift(property.nameSpan, offset),
            valueSpan: property.valueSpan && shift(property.valueSpan, offset),
          })),
    trigger: record.trigger && shiftInstruction(record.trigger, offset, index),
  };
}
