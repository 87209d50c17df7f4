import type { LineIndex } from '../engine/parse/line-index';
import type { Span } from '../engine/types';

/** A span as the CLI reports it: 1-based lines and columns (UTF-16 code units), end column exclusive. */
export interface CliRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function toCliRange(lines: LineIndex, span: Span): CliRange {
  const start = lines.positionAt(span.start);
  const end = lines.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
