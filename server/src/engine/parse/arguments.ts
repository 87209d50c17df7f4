import type { ArgumentRecord } from './dockerfile';
import { documentOffset } from './line-index';

/**
 * Splits an instruction's arguments the way dockerfile-ast's `getArguments` does, but on offsets:
 * its own scan builds line/character positions that we then turned back into offsets, and took
 * about half the time of reading an instruction. `argsText` starts right after the keyword,
 * at document offset `base`. Escaped newlines join lines; a `#` line inside a continuation is a
 * comment; the escape char drops out of values (kept before `$`); an escape char followed by blanks
 * and a word ends the argument before it (dockerfile-ast's reading, which a test holds this to).
 */
export function scanArguments(argsText: string, base: number, escapeChar: string, text: string): ArgumentRecord[] {
  const args: ArgumentRecord[] = [];
  // A value is built from runs of plain characters taken as slices (most values are one run): a
  // string grown a character at a time is a chain of one node per character, slow and large.
  let value = '';
  let run = -1;
  let start = -1;
  /** Where the escape char of a continuation inside the current argument sits; -1 when none. */
  let marker = -1;
  let continued = false;
  let blankAfterContinuation = false;
  let lineStart = false;
  let comment = false;
  const flush = (at: number): void => {
    if (run === -1) return;
    value += argsText.slice(run, at);
    run = -1;
  };
  const push = (end: number): void => {
    args.push({ value, span: { start: documentOffset(base + start, text), end: documentOffset(base + end, text) } });
    value = '';
    start = -1;
    marker = -1;
  };
  for (let i = 0; i < argsText.length; i++) {
    const char = argsText[i];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      flush(i);
      if (continued) {
        blankAfterContinuation = char === ' ' || char === '\t';
        if (!blankAfterContinuation && comment) {
          comment = false;
          lineStart = true;
        }
      } else if (start !== -1) {
        push(marker === -1 ? i : marker);
      }
    } else if (char === escapeChar) {
      flush(i);
      const next = argsText[i + 1];
      if (next === ' ' || next === '\t') {
        let j = i + 2;
        while (j < argsText.length && (argsText[j] === ' ' || argsText[j] === '\t')) j++;
        if (j < argsText.length) {
          if (argsText[j] === '\r' || argsText[j] === '\n') {
            comment = false;
            continued = true;
            lineStart = true;
            if (start !== -1) marker = i;
            i = argsText[j] === '\r' ? j + 1 : j;
          } else {
            marker = i;
            if (start === -1) i = j - 1;
          }
        }
      } else if (next === '\r' || next === '\n') {
        comment = false;
        continued = true;
        lineStart = true;
        if (start !== -1 && marker === -1) marker = i;
        i += next === '\r' ? 2 : 1;
      } else {
        if (blankAfterContinuation && marker !== -1) push(marker);
        marker = -1;
        blankAfterContinuation = false;
        continued = false;
        if (next === undefined) break;
        value += next === '$' ? char + next : next;
        if (start === -1) start = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && char === '#') {
        comment = true;
      } else {
        if (blankAfterContinuation && marker !== -1) push(marker);
        blankAfterContinuation = false;
        continued = false;
        marker = -1;
        if (run === -1) run = i;
        if (start === -1) start = i;
      }
      lineStart = false;
    }
  }
  flush(argsText.length);
  if (start !== -1) push(marker === -1 ? argsText.length : marker);
  return args;
}
