import { join } from 'node:path';
import { CLI, must } from './buildah';
import { field, list } from './json';

/** Bulkhead's side: what the CLI finds, fixes and predicts for a case. */

function cliJson(commandArgs: readonly string[]): unknown {
  return JSON.parse(must('node', [CLI, ...commandArgs]));
}

interface CliFinding {
  readonly rule: string;
  readonly message: string;
  readonly fixable: boolean;
}

export function lintFindings(dir: string): CliFinding[] {
  return list(field(cliJson(['lint', '--format', 'json', '--fail-on', 'none', join(dir, 'Dockerfile')]), 'files'))
    .flatMap((file) => list(field(file, 'findings')))
    .map((finding) => ({ rule: String(field(finding, 'rule')), message: String(field(finding, 'message')), fixable: list(field(finding, 'fixes')).length > 0 }));
}

export interface AuditSavings {
  readonly reference: string;
  readonly bytes: number;
  readonly approximate: boolean;
}

/** The audit's estimate of moving to a smaller base, the one size figure Bulkhead computes. */
export function auditSavings(dir: string): AuditSavings | null {
  const savings = field(list(field(cliJson(['audit', '--format', 'json', dir]), 'files'))[0], 'savings');
  const reference = field(savings, 'reference');
  const bytes = field(savings, 'bytes');
  return typeof reference === 'string' && typeof bytes === 'number' ? { reference, bytes, approximate: field(savings, 'approximate') === true } : null;
}

export interface FixedFinding {
  readonly rule: string;
  /** The size the finding's message claims the fix saves ("about 20 MB on Debian 12"), when it names one. */
  readonly claim: string | null;
}

/** Findings with a fix before that are gone after, one per occurrence. */
export function fixedFindings(before: readonly CliFinding[], after: readonly CliFinding[]): FixedFinding[] {
  const left = new Map<string, number>();
  for (const finding of after) left.set(finding.rule, (left.get(finding.rule) ?? 0) + 1);
  const fixed: FixedFinding[] = [];
  for (const finding of before) {
    const count = left.get(finding.rule) ?? 0;
    if (count > 0) {
      left.set(finding.rule, count - 1);
      continue;
    }
    if (!finding.fixable) continue;
    fixed.push({ rule: finding.rule, claim: /(?:often|about) [^;,)]*?\b[KMG]B\b[^;,)]*/.exec(finding.message)?.[0] ?? null });
  }
  return fixed;
}
