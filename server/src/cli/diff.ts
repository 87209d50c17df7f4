/** Unified diff of two texts by lines (Myers' O(ND) algorithm), as `diff -u` prints it. */

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

const CONTEXT = 3;

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const ops = diffLines(splitLines(oldText), splitLines(newText));
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let index = 0;
  while (index < ops.length) {
    const firstChange = ops.findIndex((op, i) => i >= index && op.kind !== ' ');
    if (firstChange === -1) break;
    const start = Math.max(index, firstChange - CONTEXT);
    // Extend the hunk while the next change is within two contexts of the last one.
    let end = firstChange;
    for (let i = firstChange; i < ops.length; i++) {
      if (ops[i]?.kind !== ' ') end = i;
      else if (i - end > CONTEXT * 2) break;
    }
    const stop = Math.min(ops.length, end + CONTEXT + 1);
    const before = ops.slice(0, start);
    const oldStart = before.filter((op) => op.kind !== '+').length + 1;
    const newStart = before.filter((op) => op.kind !== '-').length + 1;
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const op of hunk) {
      out.push(`${op.kind}${op.text.replace(/\r?\n$/, '')}`);
      if (!op.text.endsWith('\n')) out.push('\\ No newline at end of file');
    }
    index = stop;
  }
  return `${out.join('\n')}\n`;
}

function range(start: number, count: number): string {
  // diff -u names the line before an empty range.
  return count === 1 ? String(start) : `${count === 0 ? start - 1 : start},${count}`;
}

/** Lines with their line breaks kept, so a change of line ending shows as a change. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] ?? [];
    const k = x - y;
    const down = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', text: a[--x] ?? '' });
      y--;
    }
    if (d > 0) {
      if (down) ops.push({ kind: '+', text: b[--y] ?? '' });
      else ops.push({ kind: '-', text: a[--x] ?? '' });
    }
  }
  return ops.reverse();
}
