import type { AuditReport, Grade } from '../../engine/audit-report';
import { formatBytes, formatSavings, formatSize } from './bytes';
import type { Palette } from './color';
import { paint, plural } from './text';

/** `audit --format text`: a table of files with grades, the totals by rule and a summary. */
export function formatAuditText(report: AuditReport, root: string, colors: Palette): string {
  const out: string[] = [colors.bold(`Bulkhead audit of ${root}: ${plural(report.totals.files, 'Dockerfile')}`), ''];
  if (report.files.length === 0) return `${out.join('\n')}No Dockerfiles found.\n`;
  const rows = report.files.map((file) => [file.grade, file.path, String(file.counts.error), String(file.counts.warning), String(file.counts.info), file.baseImage ?? '-', formatSize(file.baseImageSize), formatSavings(file.savings)]);
  out.push(...table(['Grade', 'File', 'Errors', 'Warnings', 'Info', 'Base image', 'Size', 'Could save'], rows, (row, line) => line.replace(/^\S/, gradeColor(colors, row[0] as Grade))));
  if (report.rules.length > 0) {
    out.push('', colors.bold('Findings by rule'));
    const ruleRows = report.rules.map((total) => [total.rule, total.severity, String(total.count), String(total.files)]);
    out.push(...table(['Rule', 'Severity', 'Count', 'Files'], ruleRows, (row, line) => line.replace(row[1] ?? '', paint(colors, total(row[1]))(row[1] ?? ''))));
  }
  out.push('');
  out.push(
    colors.bold(
      `Overall grade ${report.overallGrade ?? '-'}: ${plural(report.totals.findings, 'finding')} (${plural(report.totals.error, 'error')}, ${plural(report.totals.warning, 'warning')}, ${report.totals.info} info)` +
        `${report.totals.safelyFixable > 0 ? `; ${report.totals.safelyFixable} fixable with \`bulkhead fix\`` : ''}.`,
    ),
  );
  if (report.totals.savingsBytes > 0) out.push(`Estimated savings: ${formatBytes(report.totals.savingsBytes)} compressed (${report.platform}) by moving to the smaller base images listed.`);
  out.push(colors.dim('Grades: 10 points per error, 3 per warning, 1 per info; A ≤ 2, B ≤ 9, C ≤ 19, D ≤ 39, F above.'));
  return `${out.join('\n')}\n`;
}

function total(severity: string | undefined): 'error' | 'warning' | 'info' {
  return severity === 'error' || severity === 'warning' ? severity : 'info';
}

function gradeColor(colors: Palette, grade: Grade): (text: string) => string {
  return grade === 'A' || grade === 'B' ? colors.green : grade === 'C' ? colors.yellow : colors.red;
}

/** Left-aligned columns; `decorate` colours a rendered row (after padding, so widths stay right). */
function table(header: readonly string[], rows: readonly string[][], decorate: (row: readonly string[], line: string) => string): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const render = (row: readonly string[]): string => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [render(header), ...rows.map((row) => decorate(row, render(row)))];
}
