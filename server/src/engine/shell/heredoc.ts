/**
 * Dockerfile heredocs (`RUN <<EOF`, `<<-EOF`, `<<"EOF"`, several per RUN), found the way BuildKit
 * reads them: markers on the command line, bodies on the following lines in marker order, each ended
 * by a line holding only the delimiter (leading tabs allowed with `<<-`).
 */
export interface Heredoc {
  /** Offset of the `<<` marker and the end of the marker, relative to the instruction text. */
  readonly markerStart: number;
  readonly markerEnd: number;
  readonly delimiter: string;
  /** The body, without the terminator line. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

export interface HeredocSplit {
  /** The command line with markers, bodies and terminators blanked (same length as the text). */
  readonly command: string;
  readonly heredocs: readonly Heredoc[];
}

const MARKER = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;

export function splitHeredocs(text: string, escapeChar: string): HeredocSplit | null {
  const commandEnd = logicalLineEnd(text, escapeChar);
  const commandLine = text.slice(0, commandEnd);
  const markers = [...commandLine.matchAll(MARKER)].filter((m) => m.index !== undefined && !insideQuotes(commandLine, m.index) && text[m.index - 1] !== '<' && text[m.index + m[0].length] !== '<');
  if (markers.length === 0) return null;
  const heredocs: Heredoc[] = [];
  let cursor = Math.min(commandEnd + 1, text.length);
  for (const marker of markers) {
    const stripTabs = marker[1] === '-';
    const delimiter = marker[3] ?? '';
    const bodyStart = cursor;
    let bodyEnd = text.length;
    let next = text.length;
    for (let lineStart = bodyStart; lineStart < text.length; ) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      let line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      if (stripTabs) line = line.replace(/^\t+/, '');
      if (line === delimiter) {
        bodyEnd = lineStart;
        next = newline === -1 ? text.length : newline + 1;
        break;
      }
      lineStart = newline === -1 ? text.length : newline + 1;
    }
    const index = marker.index ?? 0;
    heredocs.push({ markerStart: index, markerEnd: index + marker[0].length, delimiter, bodyStart, bodyEnd });
    cursor = next;
  }
  let command = commandLine;
  for (const heredoc of [...heredocs].reverse()) {
    command = command.slice(0, heredoc.markerStart) + ' '.repeat(heredoc.markerEnd - heredoc.markerStart) + command.slice(heredoc.markerEnd);
  }
  command += text.slice(commandEnd).replace(/[^\n]/g, ' ');
  return { command, heredocs };
}

/** End of the first line that does not continue with the escape char. */
function logicalLineEnd(text: string, escapeChar: string): number {
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) return text.length;
    if (!text.slice(lineStart, newline).trimEnd().endsWith(escapeChar)) return newline;
    lineStart = newline + 1;
  }
}

function insideQuotes(line: string, at: number): boolean {
  let quote: string | null = null;
  for (let i = 0; i < at; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote !== null;
}
