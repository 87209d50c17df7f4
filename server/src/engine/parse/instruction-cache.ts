import { ownCopy } from '../own-copy';
import { trimOldest } from '../trim-oldest';
import type { Span } from '../types';
import type { InstructionRecord } from './dockerfile';

/**
 * Instruction records by instruction text (and escape char), shared by every document: on a
 * keystroke the layout scan finds every instruction again (a millisecond or two for 5,000 lines), but
 * only the instruction the edit touched is read again. Records are kept relative to the instruction's
 * start and placed where the instruction now stands; an instruction that did not move keeps its last
 * placed record, so the instructions before an edit cost nothing (a text that occurs several times
 * keeps one placement, so its copies are placed again). Bounded, first inserted out first: refreshing
 * entries on every hit would cost thousands of map updates per keystroke in a long file.
 */
export const INSTRUCTION_CACHE_SIZE = 20_000;

interface Entry {
  /** The record read from the instruction's text alone: offsets from its start, index 0. */
  readonly relative: InstructionRecord;
  placed: InstructionRecord | null;
}

/** Per escape char, so keys are the instruction texts themselves; each holds at most INSTRUCTION_CACHE_SIZE. */
const caches = new Map<string, Map<string, Entry>>();

/** Empties the cache, so a benchmark pass measures parsing rather than cache hits. */
export function clearInstructionCache(): void {
  caches.clear();
}

/**
 * The record of the instruction `source` (its text alone) at `offset` in a document, with `index`;
 * `read` reads it when the cache does not hold that text.
 */
export function cachedInstruction(source: string, escapeChar: string, offset: number, index: number, read: (own: string) => InstructionRecord): InstructionRecord {
  let cache = caches.get(escapeChar);
  if (!cache) caches.set(escapeChar, (cache = new Map()));
  let entry = cache.get(source);
  if (!entry) {
    // `source` is a slice of the document: an own copy stops the cache holding on to a document per keystroke.
    const own = ownCopy(source);
    entry = { relative: read(own), placed: null };
    cache.set(own, entry);
    trimOldest(cache, INSTRUCTION_CACHE_SIZE);
  }
  const { placed } = entry;
  if (placed && placed.index === index && placed.span.start === offset) return placed;
  entry.placed = shiftInstruction(entry.relative, offset, index);
  return entry.placed;
}

function shift(span: Span, offset: number): Span {
  return { start: span.start + offset, end: span.end + offset };
}

function shiftInstruction(record: InstructionRecord, offset: number, index: number): InstructionRecord {
  // Every record after an edit is placed again on each keystroke: literals rather than spreads, and
  // empty lists shared, keep that allocation (and the GC pauses it causes) small.
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
