import type { Edit, Fix } from '../types';

/**
 * Applies whole fixes in document order, skipping any fix that overlaps one already taken (it is
 * retried on the next pass, against the new text). Returns the new text and how many were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const ordered = [...fixes].sort((a, b) => firstStart(a) - firstStart(b));
  const taken: Edit[] = [];
  let applied = 0;
  for (const fix of ordered) {
    if (fix.edits.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fix.edits);
    applied++;
  }
  taken.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of taken) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return { text: result, applied };
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.span.start));
}

/** Edits conflict when their spans intersect, or when both insert at the same point (order unknown). */
function overlaps(a: Edit, b: Edit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
