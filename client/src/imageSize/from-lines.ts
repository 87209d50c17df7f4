/**
 * A cheap scan of a Dockerfile's FROM instructions for the image-size hints: the client may not use
 * the engine, and all it needs is where each image reference ends and what it resolves to through
 * global `ARG` defaults (the only ARGs a FROM can see).
 */
export interface FromImage {
  /** Document offsets of the image token as written. */
  readonly start: number;
  readonly end: number;
  readonly written: string;
  /** The reference after substituting ARG defaults; null when a variable has no known value. */
  readonly resolved: string | null;
  readonly kind: 'image' | 'stage' | 'scratch' | 'unresolved';
  /** `--platform=` after substitution, when written and known. */
  readonly platform: string | null;
}

interface LogicalLine {
  readonly text: string;
  /** Document offset of each character of `text`. */
  readonly offsets: readonly number[];
}

export function scanFromImages(document: string): FromImage[] {
  const escape = escapeChar(document);
  const globals = new Map<string, string | null>();
  const stages = new Set<string>();
  const images: FromImage[] = [];
  let seenFrom = false;
  for (const line of logicalLines(document, escape)) {
    const match = /^\s*([A-Za-z]+)(\s+|$)/.exec(line.text);
    if (!match?.[1]) continue;
    const keyword = match[1].toUpperCase();
    const rest = line.text.slice(match[0].length);
    const restStart = match[0].length;
    if (keyword === 'ARG' && !seenFrom) {
      for (const [name, value] of parseArgs(rest)) globals.set(name, value === null ? null : substitute(value, globals));
    } else if (keyword === 'FROM') {
      seenFrom = true;
      const words = splitWords(rest, restStart);
      let platform: string | null = null;
      let index = 0;
      while (words[index]?.text.startsWith('--')) {
        const flag = /^--platform=(.*)$/i.exec(words[index]?.text ?? '');
        if (flag?.[1] !== undefined) platform = substitute(flag[1], globals);
        index++;
      }
      const image = words[index];
      if (!image) continue;
      const alias = words[index + 1]?.text.toUpperCase() === 'AS' ? words[index + 2]?.text.toLowerCase() : undefined;
      const resolved = substitute(image.text, globals);
      const kind = resolved === null ? 'unresolved' : stages.has(resolved.toLowerCase()) ? 'stage' : resolved.toLowerCase() === 'scratch' ? 'scratch' : 'image';
      const start = line.offsets[image.start] ?? 0;
      const end = (line.offsets[image.start + image.text.length - 1] ?? start) + 1;
      images.push({ start, end, written: image.text, resolved, kind, platform });
      if (alias) stages.add(alias);
    }
  }
  return images;
}

/** `# escape=` in the leading parser directives; a backslash otherwise. */
function escapeChar(document: string): string {
  for (const line of document.split(/\r?\n/)) {
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(\S*)\s*$/.exec(line);
    if (!directive) break;
    if (directive[1]?.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}

/** Instructions with their continuation lines joined; comment lines inside a continuation dropped. */
function* logicalLines(document: string, escape: string): Generator<LogicalLine> {
  let text = '';
  let offsets: number[] = [];
  let continuing = false;
  let position = 0;
  for (const raw of document.split('\n')) {
    const lineStart = position;
    position += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (continuing && /^\s*#/.test(line)) continue;
    if (!continuing && (/^\s*#/.test(line) || !line.trim())) continue;
    const trimmed = line.replace(/\s+$/, '');
    const continues = trimmed.endsWith(escape);
    const body = continues ? trimmed.slice(0, -1) : line;
    for (let i = 0; i < body.length; i++) offsets.push(lineStart + i);
    text += body;
    if (continues) {
      continuing = true;
      continue;
    }
    yield { text, offsets };
    text = '';
    offsets = [];
    continuing = false;
  }
  if (text) yield { text, offsets };
}

function splitWords(text: string, base: number): { text: string; start: number }[] {
  const words: { text: string; start: number }[] = [];
  const pattern = /\S+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) words.push({ text: match[0], start: base + match.index });
  return words;
}

/** `ARG A=1 B="two words" C` → [A, 1], [B, two words], [C, null]. */
function parseArgs(text: string): [string, string | null][] {
  const result: [string, string | null][] = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [, name, value] = match;
    if (!name) continue;
    result.push([name, value === undefined ? null : unquote(value)]);
  }
  return result;
}

function unquote(value: string): string {
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) return value.slice(1, -1);
  return value;
}

/** `$A`, `${A}`, `${A:-default}`, `${A:+alt}`; null when a variable without a known value is used. */
function substitute(text: string, vars: ReadonlyMap<string, string | null>): string | null {
  let unknown = false;
  const result = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced: string | undefined, operator: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = braced ?? plain ?? '';
    const value = vars.get(name);
    const known = value !== undefined && value !== null;
    if (operator === '-') return known && value !== '' ? value : (word ?? '');
    if (operator === '+') return known && value !== '' ? (word ?? '') : '';
    if (!known) unknown = true;
    return value ?? '';
  });
  return unknown ? null : result;
}
