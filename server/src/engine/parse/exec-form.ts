import type { Span } from '../types';

export interface JsonStringRecord {
  /** Decoded string value. */
  readonly value: string;
  /** Span of the string including its quotes. */
  readonly span: Span;
  /** True when the source held escapes, so offsets inside the value do not map to the document. */
  readonly escaped: boolean;
}

/**
 * Reads the exec (JSON array) form of an instruction, as Docker does: the whole argument text must
 * be a JSON array of strings, otherwise it is shell form and this returns null.
 * `base` is the document offset of `text`; continuations must already be blanked out.
 */
export function parseExecForm(text: string, base: number): JsonStringRecord[] | null {
  let i = skipBlanks(text, 0);
  if (text[i] !== '[') return null;
  i = skipBlanks(text, i + 1);
  const strings: JsonStringRecord[] = [];
  if (text[i] === ']') return skipBlanks(text, i + 1) === text.length ? strings : null;
  for (;;) {
    if (text[i] !== '"') return null;
    const start = i;
    let value = '';
    let escaped = false;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') return null;
      if (c === '"') break;
      if (c === '\\') {
        escaped = true;
        const decoded = decodeEscape(text, i);
        if (!decoded) return null;
        value += decoded.value;
        i = decoded.next;
        continue;
      }
      value += c;
      i++;
    }
    i++;
    strings.push({ value, span: { start: base + start, end: base + i }, escaped });
    i = skipBlanks(text, i);
    if (text[i] === ',') {
      i = skipBlanks(text, i + 1);
      continue;
    }
    if (text[i] === ']') return skipBlanks(text, i + 1) === text.length ? strings : null;
    return null;
  }
}

const simpleEscapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function decodeEscape(text: string, at: number): { value: string; next: number } | null {
  const kind = text[at + 1];
  if (kind === undefined) return null;
  const simple = simpleEscapes[kind];
  if (simple !== undefined) return { value: simple, next: at + 2 };
  if (kind !== 'u') return null;
  const hex = text.slice(at + 2, at + 6);
  if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
  return { value: String.fromCharCode(parseInt(hex, 16)), next: at + 6 };
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}
