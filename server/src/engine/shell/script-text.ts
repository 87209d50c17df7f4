/**
 * Turns the raw text of a shell-form instruction into a script a shell parser reads, keeping every
 * offset: same-length substitution only (see STYLE "Coordinates").
 * - A continuation (escape char, trailing blanks, optional CR, newline) becomes blanks + `\` + newline.
 * - Inside a continuation, a comment line or a blank line (newline included) becomes blanks, as Docker
 *   drops them before the shell sees the command.
 * - Any other CR becomes a blank.
 */
export function toShellScript(raw: string, escapeChar: string): string {
  const out: string[] = [];
  let inContinuation = false;
  let lineStart = 0;
  while (lineStart <= raw.length) {
    let newline = raw.indexOf('\n', lineStart);
    const hasNewline = newline !== -1;
    if (!hasNewline) newline = raw.length;
    const line = raw.slice(lineStart, newline);
    const trimmed = line.trim();
    if (inContinuation && (trimmed === '' || trimmed.startsWith('#')) && hasNewline) {
      out.push(' '.repeat(line.length + 1));
    } else {
      const contentEnd = trimEndBlanks(line);
      const continues = contentEnd > 0 && line[contentEnd - 1] === escapeChar;
      if (continues) {
        out.push(line.slice(0, contentEnd - 1).replace(/\r/g, ' '));
        out.push(' '.repeat(line.length - contentEnd));
        out.push(hasNewline ? '\\\n' : ' ');
      } else {
        out.push(line.replace(/\r/g, ' '));
        if (hasNewline) out.push('\n');
      }
      inContinuation = continues;
    }
    if (!hasNewline) break;
    lineStart = newline + 1;
  }
  return out.join('');
}

function trimEndBlanks(line: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r')) end--;
  return end;
}

