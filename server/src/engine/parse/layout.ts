import { scanArguments } from './arguments';

/**
 * Where a Dockerfile's directives, comments and instructions lie, on offsets, read exactly as
 * dockerfile-ast reads them (tests hold the two equal over fixtures, the corpus and fuzzed files).
 * dockerfile-ast builds an object graph with line/character positions for every instruction and
 * rescans each one's arguments several times while doing so: two thirds of our parse time, and
 * seconds on a megabyte instruction. Finding the boundaries is one cheap pass; the records are then
 * built from offsets (see dockerfile.ts).
 */
export interface DockerfileLayout {
  readonly escapeChar: string;
  /** `# name=value` lines at the top, whatever the name (dockerfile-ast's reading). */
  readonly directives: readonly DirectiveExtent[];
  /** `#` to the end of the line, for comment lines outside instructions. */
  readonly comments: readonly { readonly start: number; readonly end: number }[];
  readonly instructions: readonly InstructionExtent[];
}

export interface DirectiveExtent {
  readonly name: string;
  readonly value: string;
  /** The `#` and the end of its line. */
  readonly start: number;
  readonly end: number;
}

export interface InstructionExtent {
  readonly start: number;
  /** End of the keyword as dockerfile-ast measures it. */
  readonly keywordEnd: number;
  /** Heredoc bodies included. */
  readonly end: number;
  /** The keyword's characters as dockerfile-ast collects them (escaped line breaks dropped), as written. */
  readonly keyword: string;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const HEREDOC_KEYWORDS = new Set(['ADD', 'COPY', 'RUN']);

const isBlank = (code: number): boolean => code === SPACE || code === TAB;
const isBreak = (code: number): boolean => code === LF || code === CR;

export function scanDockerfile(text: string): DockerfileLayout {
  return new Scanner(text).scan();
}

class Scanner {
  private escapeChar = '\\';
  private escape = 92;
  /** The first `<<` at or after the instruction being read; -1 when there is none. */
  private nextMarker = 0;
  private readonly directives: DirectiveExtent[] = [];
  private readonly comments: { start: number; end: number }[] = [];
  private readonly instructions: InstructionExtent[] = [];

  constructor(private readonly text: string) {}

  scan(): DockerfileLayout {
    const { text } = this;
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const afterDirectives = this.readDirectives(bom);
    const isEscape = ({ name, value }: DirectiveExtent): boolean => name.toLowerCase() === 'escape' && (value === '\\' || value === '`');
    this.escapeChar = this.directives.find(isEscape)?.value ?? '\\';
    this.escape = this.escapeChar.charCodeAt(0);
    for (let i = this.directives.length > 0 ? afterDirectives : bom; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isBlank(code) || isBreak(code)) continue;
      i = code === HASH ? this.comment(i) : this.instruction(i);
    }
    return { escapeChar: this.escapeChar, directives: this.directives, comments: this.comments, instructions: this.instructions };
  }

  /**
   * Reads `# name=value` comments from the top until a line that is not one. As in dockerfile-ast, a
   * value ends at its first blank and reading goes on from there, on the same line; instructions
   * start on the line after as many lines as directives were found.
   */
  private readDirectives(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (isBlank(code)) {
        i++;
        continue;
      }
      if (code !== HASH) break;
      const lineEnd = this.lineEnd(i);
      const equals = text.indexOf('=', i);
      if (equals === -1 || equals > lineEnd) break;
      const name = /^[ \t]*([^ \t]*)/.exec(text.slice(i + 1, equals))?.[1] ?? '';
      if (name === '') break;
      let valueStart = equals + 1;
      while (valueStart < lineEnd && isBlank(text.charCodeAt(valueStart))) valueStart++;
      let valueEnd = valueStart;
      while (valueEnd < lineEnd && !isBlank(text.charCodeAt(valueEnd))) valueEnd++;
      // A blank value is everything after the `=`.
      if (valueStart === lineEnd) [valueStart, valueEnd] = [equals + 1, lineEnd];
      this.directives.push({ name, value: text.slice(valueStart, valueEnd), start: i, end: lineEnd });
      // Reading goes on after the value's end, even on the same line; after a CR, one character further.
      i = valueEnd + (text.charCodeAt(valueEnd) === CR ? 2 : 1);
    }
    return this.lineStartOf(this.directives.length);
  }

  private comment(start: number): number {
    const end = this.lineEnd(start);
    this.comments.push({ start, end });
    return end;
  }

  /** Reads the keyword, then the arguments; returns where the instruction ends. */
  private instruction(start: number): number {
    const { text, escape } = this;
    let keyword = text[start] ?? '';
    let keywordEnd = -1;
    let continued = false;
    for (let i = start + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === escape) {
        continued = true;
        const next = text.charCodeAt(i + 1);
        if (isBreak(next)) {
          if (keywordEnd === -1) keywordEnd = i;
          i++;
        } else if (isBlank(next)) {
          let j = i + 2;
          while (j < text.length && isBlank(text.charCodeAt(j))) j++;
          if (j >= text.length) return this.add(start, i + 1, text.length, keyword + this.escapeChar);
          if (isBreak(text.charCodeAt(j))) {
            i = j;
          } else {
            // An escaped blank followed by a word: the keyword ends with the escape char.
            keywordEnd = i + 1;
            keyword += this.escapeChar;
            i = j - 2;
          }
        } else {
          keywordEnd = i + 1;
          keyword += this.escapeChar;
          continued = false;
        }
      } else if (isBlank(code)) {
        if (continued) {
          let j = i + 1;
          while (j < text.length && isBlank(text.charCodeAt(j))) j++;
          if (j < text.length && isBreak(text.charCodeAt(j))) {
            i = j;
            continue;
          }
          continued = false;
        }
        if (keywordEnd === -1) keywordEnd = i;
        return this.add(start, keywordEnd, this.argumentsEnd(keywordEnd, keyword, i), keyword);
      } else if (isBreak(code)) {
        if (continued) continue;
        return this.add(start, keywordEnd === -1 ? i : keywordEnd, i, keyword);
      } else if (!(code === HASH && continued)) {
        keywordEnd = i + 1;
        keyword += text[i];
        continued = false;
      }
    }
    return this.add(start, keywordEnd === -1 ? text.length : keywordEnd, text.length, keyword);
  }

  private add(start: number, keywordEnd: number, end: number, keyword: string): number {
    this.instructions.push({ start, keywordEnd, end, keyword });
    return end;
  }

  /** From the blank after the keyword: the end of the last line, then of any heredoc bodies. */
  private argumentsEnd(keywordEnd: number, keyword: string, from: number): number {
    const { text, escape } = this;
    let continued = false;
    for (let i = from + 1; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isBreak(code)) {
        if (continued) continue;
        return this.heredocsEnd(keywordEnd, keyword, i);
      }
      if (code === escape) {
        const next = text.charCodeAt(i + 1);
        if (isBreak(next)) {
          continued = true;
          i++;
        } else if (isBlank(next)) {
          let j = i + 2;
          while (j < text.length && isBlank(text.charCodeAt(j))) j++;
          if (j >= text.length) return text.length;
          // dockerfile-ast moves past the character after the blanks, whatever it is.
          if (isBreak(text.charCodeAt(j))) continued = true;
          i = j;
        }
      } else if (code === HASH) {
        // A comment line inside a continued instruction belongs to it.
        if (continued) i = this.lineEnd(i);
      } else if (!isBlank(code)) {
        continued = false;
      }
    }
    return text.length;
  }

  /**
   * An ADD, COPY or RUN (or an ONBUILD of one) whose arguments on the line ending at `lineEnd` open
   * heredocs takes their bodies: each ends at a line holding only its name.
   */
  private heredocsEnd(keywordEnd: number, keyword: string, lineEnd: number): number {
    const { text } = this;
    // Most instructions hold no `<<`: the next one in the text is found once, not per instruction.
    if (this.nextMarker !== -1 && this.nextMarker < keywordEnd) this.nextMarker = text.indexOf('<<', keywordEnd);
    if (this.nextMarker === -1 || this.nextMarker > lineEnd) return lineEnd;
    let args = scanArguments(text.slice(keywordEnd, lineEnd), keywordEnd, this.escapeChar, text);
    let command = keyword.toUpperCase();
    if (command === 'ONBUILD') {
      const trigger = args[0];
      if (!trigger) return lineEnd;
      command = text.slice(trigger.span.start, trigger.span.end).toUpperCase();
      args = scanArguments(text.slice(trigger.span.end, lineEnd), trigger.span.end, this.escapeChar, text);
    }
    if (!HEREDOC_KEYWORDS.has(command)) return lineEnd;
    let tabbed = false;
    const names: string[] = [];
    for (const { value } of args) {
      if (!value.startsWith('<<') || value.length <= 2) continue;
      if (value.startsWith('<<-')) tabbed = true;
      const name = heredocName(value);
      if (name !== null) names.push(name);
    }
    let end = lineEnd;
    for (const name of names) end = this.heredocEnd(name, end, tabbed);
    return end;
  }

  /** The line break after the line holding only `name` (tabs before it allowed for `<<-`), or the end of the text. */
  private heredocEnd(name: string, from: number, tabbed: boolean): number {
    const { text } = this;
    let word = -1;
    let lineStart = true;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === SPACE || (code === TAB && !tabbed)) {
        lineStart = false;
      } else if (isBreak(code)) {
        if (word !== -1 && text.slice(word, i) === name) return i;
        word = -1;
        lineStart = true;
      } else if (code !== TAB && lineStart) {
        word = i;
        lineStart = false;
      }
    }
    return text.length;
  }

  private lineEnd(from: number): number {
    const { text } = this;
    for (let i = from; i < text.length; i++) if (isBreak(text.charCodeAt(i))) return i;
    return text.length;
  }

  /** Where 0-based line `line` starts (CRLF, LF and a lone CR break lines); the text's end past the last line. */
  private lineStartOf(line: number): number {
    const { text } = this;
    let at = 0;
    for (let k = 0; k < line; k++) {
      const end = this.lineEnd(at);
      if (end >= text.length) return text.length;
      at = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    }
    return at;
  }
}

/** The delimiter a `<<NAME`, `<<-NAME`, `<<"NAME"` or `<<'NAME'` argument opens; null when it opens none. */
function heredocName(argument: string): string | null {
  let name = argument.slice(argument.startsWith('<<-') ? 3 : 2);
  for (const quote of ['"', "'"]) {
    if (!name.startsWith(quote)) continue;
    if (!name.endsWith(quote)) return null;
    name = name.slice(1, -1);
  }
  return name.startsWith('<') ? null : name;
}
