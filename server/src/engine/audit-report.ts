import type { LintResult } from './lint';
import type { FileModel } from './model/file-model';
import { rulesById } from './rules';
import type { RuleCategory, Severity } from './types';

/**
 * The data of a workspace audit, computed from lint results with no I/O, so the CLI and the editor's
 * audit view show the same grades and totals.
 *
 * Grade: each file gets a penalty of 10 per error, 3 per warning and 1 per info finding;
 * A ≤ 2 (no error or warning), B ≤ 9, C ≤ 19, D ≤ 39, F above. One error therefore caps a file at C.
 */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export const GRADE_WEIGHTS: Readonly<Record<Severity, number>> = { error: 10, warning: 3, info: 1 };
/** Highest penalty for each grade, in order. */
export const GRADE_LIMITS: readonly (readonly [Grade, number])[] = [
  ['A', 2],
  ['B', 9],
  ['C', 19],
  ['D', 39],
  ['F', Infinity],
];

export type SeverityCounts = Record<Severity, number>;

export interface AuditInput {
  /** How the file is shown (relative path); the report does not touch the file system. */
  readonly path: string;
  readonly result: LintResult;
}

export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based; end column exclusive. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The best fix on offer: `safe` ones are applied by `bulkhead fix`; null when there is none. */
  readonly fix: 'safe' | 'unsafe' | null;
}

export interface FileAudit {
  readonly path: string;
  readonly grade: Grade;
  readonly penalty: number;
  readonly counts: SeverityCounts;
  /** Base image of the final stage (through `FROM <stage>` chains), as resolved or as written; null without FROM. */
  readonly baseImage: string | null;
  /** 1-based line of the final stage's `FROM`, for opening the file there; null without FROM. */
  readonly baseImageLine: number | null;
  readonly findings: readonly AuditFinding[];
}

export interface RuleTotal {
  readonly rule: string;
  readonly category: RuleCategory | null;
  /** The most severe level the rule was reported at. */
  readonly severity: Severity;
  readonly count: number;
  /** How many files it was reported in. */
  readonly files: number;
}

export interface AuditReport {
  readonly files: readonly FileAudit[];
  readonly totals: SeverityCounts & { readonly files: number; readonly findings: number; readonly safelyFixable: number };
  /** How many files have each grade. */
  readonly grades: Readonly<Record<Grade, number>>;
  /** The grade of the mean penalty over all files; null for no files. */
  readonly overallGrade: Grade | null;
  /** One entry per rule reported, most frequent first. */
  readonly rules: readonly RuleTotal[];
}

export function gradeFor(counts: SeverityCounts): { grade: Grade; penalty: number } {
  const penalty = counts.error * GRADE_WEIGHTS.error + counts.warning * GRADE_WEIGHTS.warning + counts.info * GRADE_WEIGHTS.info;
  return { grade: gradeOfPenalty(penalty), penalty };
}

function gradeOfPenalty(penalty: number): Grade {
  return (GRADE_LIMITS.find(([, limit]) => penalty <= limit) ?? ['F', Infinity])[0];
}

export function auditFile(input: AuditInput): FileAudit {
  const { model, findings } = input.result;
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const lines = model.parsed.lines;
  const audited = findings.map((finding): AuditFinding => {
    counts[finding.severity]++;
    const start = lines.positionAt(finding.span.start);
    const end = lines.positionAt(finding.span.end);
    const fix = finding.fixes.some((f) => f.safety === 'safe') ? 'safe' : finding.fixes.length > 0 ? 'unsafe' : null;
    return { rule: finding.rule, severity: finding.severity, message: finding.message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, fix };
  });
  const base = finalBase(model);
  return {
    path: input.path,
    ...gradeFor(counts),
    counts,
    baseImage: base?.image ?? null,
    baseImageLine: base ? lines.positionAt(base.fromStart).line + 1 : null,
    findings: audited,
  };
}

export function auditReport(inputs: readonly AuditInput[]): AuditReport {
  return summarizeAudit(inputs.map(auditFile));
}

/** The report from files audited one by one (a large audit need not keep every model in memory). */
export function summarizeAudit(audited: readonly FileAudit[]): AuditReport {
  const files = [...audited].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totals = { files: files.length, findings: 0, safelyFixable: 0, error: 0, warning: 0, info: 0 };
  const grades: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0, F: 0 };
  const byRule = new Map<string, { severity: Severity; count: number; files: Set<string> }>();
  for (const file of files) {
    grades[file.grade]++;
    for (const finding of file.findings) {
      totals[finding.severity]++;
      totals.findings++;
      if (finding.fix === 'safe') totals.safelyFixable++;
      const entry = byRule.get(finding.rule) ?? { severity: finding.severity, count: 0, files: new Set<string>() };
      entry.count++;
      entry.files.add(file.path);
      if (GRADE_WEIGHTS[finding.severity] > GRADE_WEIGHTS[entry.severity]) entry.severity = finding.severity;
      byRule.set(finding.rule, entry);
    }
  }
  const rules = [...byRule]
    .map(([rule, entry]): RuleTotal => ({ rule, category: rulesById.get(rule)?.meta.category ?? null, severity: entry.severity, count: entry.count, files: entry.files.size }))
    .sort((a, b) => b.count - a.count || GRADE_WEIGHTS[b.severity] - GRADE_WEIGHTS[a.severity] || (a.rule < b.rule ? -1 : 1));
  const meanPenalty = files.length === 0 ? null : files.reduce((sum, file) => sum + file.penalty, 0) / files.length;
  return { files, totals, grades, overallGrade: meanPenalty === null ? null : gradeOfPenalty(Math.round(meanPenalty)), rules };
}

/** The image the final stage is built on, following `FROM <stage>` back to an image. */
function finalBase(model: FileModel): { image: string; fromStart: number } | null {
  const last = model.stages[model.stages.length - 1];
  if (!last) return null;
  let stage = last;
  const seen = new Set<number>();
  while (stage.baseStage !== null && !seen.has(stage.index)) {
    seen.add(stage.index);
    const base = model.stages[stage.baseStage];
    if (!base) break;
    stage = base;
  }
  return { image: stage.image?.text ?? stage.imageText, fromStart: last.from.span.start };
}
