import type { BuildContextSnapshot, Edit, FileCreation, Fix } from '../types';

export interface AppliedFixes {
  readonly text: string;
  readonly applied: number;
  /** Files the applied fixes create, one per path. */
  readonly created: readonly FileCreation[];
}

/**
 * Applies whole fixes in document order, skipping any fix that overlaps one already taken, or
 * creates a file one already taken creates (it is retried on the next pass, against the new text).
 * Linear in the number of edits apart from sorting: a file can carry hundreds of thousands of fixes.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  /** Taken edits, pairwise disjoint, sorted by start then end: their ends never decrease. */
  const taken: Edit[] = [];
  const created = new Map<string, FileCreation>();
  let applied = 0;
  for (const fix of ordered) {
    const creates = fix.creates ?? [];
    if (creates.some((file) => created.has(file.path)) || fix.edits.some((edit) => conflicts(taken, edit))) continue;
    for (const edit of fix.edits) taken.splice(upperBound(taken, edit), 0, edit);
    for (const file of creates) created.set(file.path, file);
    applied++;
  }
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of taken) {
    parts.push(text.slice(cursor, edit.span.start), edit.newText);
    cursor = edit.span.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied, created: [...created.values()] };
}

/**
 * The build context once the files are created. Of created files, only `.dockerignore` is a fact
 * rules read; a fix that creates it removes the findings about its absence.
 */
export function withCreatedFiles(context: BuildContextSnapshot, files: readonly FileCreation[]): BuildContextSnapshot {
  return files.some((file) => file.path === '.dockerignore') ? { ...context, hasDockerignore: true } : context;
}

/** Where a fix starts in the document; fixes that only create files come last. */
function firstStart(fix: Fix): number {
  return fix.edits.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...fix.edits.map((edit) => edit.span.start));
}

/** Index after every taken edit ordered before or equal to `edit` (by start, then end). */
function upperBound(taken: readonly Edit[], edit: Edit): number {
  let low = 0;
  let high = taken.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const other = taken[mid]?.span;
    if (other && (other.start < edit.span.start || (other.start === edit.span.start && other.end <= edit.span.end))) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first taken edit starting at or after `offset`. */
function lowerBound(taken: readonly Edit[], offset: number): number {
  let low = 0;
  let high = taken.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const other = taken[mid]?.span;
    if (other && other.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Edits conflict when their spans intersect, or when both insert at the same point (order unknown).
 * Taken edits are disjoint and sorted, so only the last one starting before `edit` ends can reach
 * into it, plus an insertion at the very point of an insertion.
 */
function conflicts(taken: readonly Edit[], edit: Edit): boolean {
  const { start, end } = edit.span;
  if (start === end) {
    const at = lowerBound(taken, start);
    const same = taken[at]?.span;
    if (same && same.start === start && same.end === start) return true;
    const before = taken[at - 1]?.span;
    return before !== undefined && before.end > start;
  }
  const before = taken[lowerBound(taken, end) - 1]?.span;
  return before !== undefined && before.end > start;
}
