import type { ParsedDockerfile } from './parse/dockerfile';

/**
 * Inline suppressions: `# bulkhead ignore=a,b` (and `# hadolint ignore=DL...`) in the comment lines
 * directly above an instruction silence those rules on it; `# bulkhead global ignore=...` silences
 * them in the whole file. Hadolint codes are kept as written and matched through cross-references.
 */
export interface Suppressions {
  readonly global: ReadonlySet<string>;
  /** Codes silenced per instruction index. */
  readonly byInstruction: ReadonlyMap<number, ReadonlySet<string>>;
}

/** Codes are a comma-separated list; anything after them (`# why`) is a comment. */
const PRAGMA = /^#\s*(bulkhead|hadolint)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/;

export function readSuppressions(parsed: ParsedDockerfile): Suppressions {
  const global = new Set<string>();
  const byLine = new Map<number, string[]>();
  for (const comment of parsed.comments) {
    const match = PRAGMA.exec(parsed.text.slice(comment.span.start, comment.span.end).trim());
    if (!match) continue;
    const codes = (match[3] ?? '').split(',').map((code) => code.trim()).filter(Boolean);
    if (match[2]) codes.forEach((code) => global.add(code));
    else byLine.set(comment.line, codes);
  }
  const commentLines = new Set(parsed.comments.map((comment) => comment.line));
  const byInstruction = new Map<number, Set<string>>();
  if (byLine.size > 0) {
    for (const instruction of parsed.instructions) {
      const codes = new Set<string>();
      // Walk up the run of comment lines that sits directly above the instruction.
      for (let line = parsed.lines.positionAt(instruction.span.start).line - 1; commentLines.has(line); line--) {
        byLine.get(line)?.forEach((code) => codes.add(code));
      }
      if (codes.size > 0) byInstruction.set(instruction.index, codes);
    }
  }
  return { global, byInstruction };
}
