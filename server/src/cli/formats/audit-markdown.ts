import { GRADE_LIMITS, type AuditReport } from '../../engine/audit-report';
import { formatBytes, formatSize } from './bytes';

/** `audit --format markdown`: for a pull request comment or a job summary. */
export function formatAuditMarkdown(report: AuditReport, root: string): string {
  const out = [`# Bulkhead audit of \`${code(root)}\``, ''];
  out.push(`**Overall grade: ${report.overallGrade ?? '-'}** · ${report.totals.files} Dockerfiles · ${report.totals.error} errors · ${report.totals.warning} warnings · ${report.totals.info} info · ${report.totals.safelyFixable} fixable with \`bulkhead fix\``, '');
  out.push('| Grade | File | Errors | Warnings | Info | Base image | Size | Could save |', '|---|---|---:|---:|---:|---|---:|---|');
  for (const file of report.files) {
    const savings = file.savings ? `${formatBytes(file.savings.bytes, file.savings.approximate)} with \`${code(file.savings.reference)}\`` : '-';
    out.push(`| ${file.grade} | ${cell(file.path)} | ${file.counts.error} | ${file.counts.warning} | ${file.counts.info} | ${file.baseImage === null ? '-' : `\`${code(file.baseImage)}\``} | ${formatSize(file.baseImageSize)} | ${savings} |`);
  }
  if (report.totals.savingsBytes > 0) out.push('', `Estimated savings: **${formatBytes(report.totals.savingsBytes)}** compressed (${report.platform}) by moving to the smaller base images listed.`);
  if (report.rules.length > 0) {
    out.push('', '## Findings by rule', '', '| Rule | Severity | Count | Files |', '|---|---|---:|---:|');
    for (const total of report.rules) out.push(`| \`${total.rule}\` | ${total.severity} | ${total.count} | ${total.files} |`);
  }
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    out.push('', `## ${cell(file.path)} (grade ${file.grade})`, '');
    for (const finding of file.findings) out.push(`- ${finding.line}:${finding.column} **${finding.severity}** \`${finding.rule}\`: ${cell(finding.message)}`);
  }
  const limits = GRADE_LIMITS.filter(([, limit]) => Number.isFinite(limit)).map(([grade, limit]) => `${grade} ≤ ${limit}`).join(', ');
  out.push('', `Grades: 10 points per error, 3 per warning, 1 per info; ${limits}, F above.`);
  return `${out.join('\n')}\n`;
}

/**
 * Dockerfile-derived text for a table cell or list item: outside code spans, Markdown and HTML
 * characters are escaped; code spans render literally, so only a pipe needs escaping there (tables).
 */
function cell(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const parts = flat.split('`');
  // Unbalanced backticks: treat the whole text as plain.
  if (parts.length % 2 === 0) return escapePlain(flat).replace(/`/g, '\\`');
  return parts.map((part, i) => (i % 2 === 1 ? `\`${part.replace(/\|/g, '\\|')}\`` : escapePlain(part))).join('');
}

function escapePlain(text: string): string {
  return text.replace(/[\\|*_[\]]/g, (c) => `\\${c}`).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text inside backticks cannot hold a backtick. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\|/g, '\\|');
}
