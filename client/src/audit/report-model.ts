import type { AuditFileResult, AuditFinding, AuditResult, AuditSeverityCounts } from '../../../protocol/requests';

/** The audit report as the webview shows it and the exports write it; no VS Code types inside. */
export interface AuditReport {
  readonly version: 1;
  /** ISO date-time of the audit. */
  readonly generatedAt: string;
  readonly totals: AuditSeverityCounts & { readonly files: number; readonly findings: number; readonly safelyFixable: number; readonly savingsBytes: number; readonly skipped: number };
  /** How many files have each grade. */
  readonly grades: Readonly<Record<AuditFileResult['grade'], number>>;
  /** Per rule, most findings first. */
  readonly rules: readonly RuleTotal[];
  readonly files: readonly ReportFile[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

export interface RuleTotal {
  readonly rule: string;
  readonly severity: AuditFinding['severity'];
  readonly count: number;
  readonly files: number;
  readonly docsUrl: string;
}

export interface ReportFile extends AuditFileResult {
  /** Workspace-relative path, `/`-separated. */
  readonly path: string;
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Merges the batches' answers into one report; `pathOf` turns a file URI into the path to show. */
export function buildAuditReport(results: readonly AuditResult[], pathOf: (uri: string) => string, now: Date): AuditReport {
  const files: ReportFile[] = results.flatMap((result) => result.files.map((file) => ({ ...file, path: pathOf(file.uri) })));
  files.sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade) || compare(a.path, b.path));
  const skipped = results.flatMap((result) => result.skipped.map((entry) => ({ path: pathOf(entry.uri), reason: entry.reason })));
  const byRule = new Map<string, { severity: AuditFinding['severity']; count: number; files: Set<string>; docsUrl: string }>();
  const counts = { error: 0, warning: 0, info: 0 };
  const grades = { A: 0, B: 0, C: 0, D: 0, F: 0 };
  let safelyFixable = 0;
  for (const file of files) {
    grades[file.grade]++;
    for (const severity of SEVERITIES) counts[severity] += file.counts[severity];
    for (const finding of file.findings) {
      if (finding.safeFix) safelyFixable++;
      const entry = byRule.get(finding.rule) ?? { severity: finding.severity, count: 0, files: new Set<string>(), docsUrl: finding.docsUrl };
      entry.count++;
      entry.files.add(file.uri);
      // A rule configured differently per folder is listed at its most severe.
      if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(entry.severity)) entry.severity = finding.severity;
      byRule.set(finding.rule, entry);
    }
  }
  const rules = [...byRule].map(([rule, entry]) => ({ rule, severity: entry.severity, count: entry.count, files: entry.files.size, docsUrl: entry.docsUrl }));
  rules.sort((a, b) => b.count - a.count || compare(a.rule, b.rule));
  return {
    version: 1,
    generatedAt: now.toISOString(),
    totals: { files: files.length, findings: counts.error + counts.warning + counts.info, ...counts, safelyFixable, savingsBytes: files.reduce((sum, file) => sum + (file.savingsBytes ?? 0), 0), skipped: skipped.length },
    grades,
    rules,
    files,
    skipped,
  };
}

function gradeRank(grade: AuditFileResult['grade']): number {
  return grade.charCodeAt(0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Decimal megabytes, as registries and `docker images` show them: `≈ 412 MB`, `3.8 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
