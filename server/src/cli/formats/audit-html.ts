import { GRADE_LIMITS, type AuditReport } from '../../engine/audit-report';
import { formatBytes, formatSavings, formatSize } from './bytes';

/**
 * `audit --format html`: one self-contained page. Everything from Dockerfiles (paths, messages,
 * image names) is escaped, and the page allows no scripts (Content-Security-Policy).
 */
export function formatAuditHtml(report: AuditReport, root: string): string {
  const rows = report.files
    .map(
      (file, index) =>
        `<tr><td class="grade g${file.grade}">${file.grade}</td><td><a href="#f${index}">${html(file.path)}</a></td><td class="n">${file.counts.error}</td><td class="n">${file.counts.warning}</td><td class="n">${file.counts.info}</td><td><code>${html(file.baseImage ?? '-')}</code></td><td class="n">${html(formatSize(file.baseImageSize))}</td><td>${html(formatSavings(file.savings))}</td></tr>`,
    )
    .join('\n');
  const rules = report.rules.map((total) => `<tr><td><code>${html(total.rule)}</code></td><td class="${total.severity}">${total.severity}</td><td class="n">${total.count}</td><td class="n">${total.files}</td></tr>`).join('\n');
  const details = report.files
    .map((file, index) => {
      if (file.findings.length === 0) return '';
      const items = file.findings
        .map((finding) => `<li><span class="pos">${finding.line}:${finding.column}</span> <span class="${finding.severity}">${finding.severity}</span> <code>${html(finding.rule)}</code> ${html(finding.message)}</li>`)
        .join('\n');
      return `<section id="f${index}"><h3>${html(file.path)} <span class="grade g${file.grade}">${file.grade}</span></h3><ul>${items}</ul></section>`;
    })
    .filter(Boolean)
    .join('\n');
  const limits = GRADE_LIMITS.filter(([, limit]) => Number.isFinite(limit)).map(([grade, limit]) => `${grade} ≤ ${limit}`).join(', ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Bulkhead audit of ${html(root)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ddd;padding:.3em .6em;text-align:left}.n{text-align:right}
.grade{font-weight:bold}.gA,.gB{color:#1a7f37}.gC{color:#9a6700}.gD,.gF{color:#cf222e}
.error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}.pos{color:#666;font-family:monospace}
</style>
</head>
<body>
<h1>Bulkhead audit of <code>${html(root)}</code></h1>
<p><strong>Overall grade: ${report.overallGrade ?? '-'}</strong> · ${report.totals.files} Dockerfiles · ${report.totals.error} errors · ${report.totals.warning} warnings · ${report.totals.info} info · ${report.totals.safelyFixable} fixable with <code>bulkhead fix</code></p>
<table>
<thead><tr><th>Grade</th><th>File</th><th>Errors</th><th>Warnings</th><th>Info</th><th>Base image</th><th>Size</th><th>Could save</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${report.totals.savingsBytes > 0 ? `<p>Estimated savings: <strong>${html(formatBytes(report.totals.savingsBytes))}</strong> compressed (${html(report.platform)}) by moving to the smaller base images listed.</p>` : ''}
<h2>Findings by rule</h2>
<table>
<thead><tr><th>Rule</th><th>Severity</th><th>Count</th><th>Files</th></tr></thead>
<tbody>
${rules}
</tbody>
</table>
<h2>Findings by file</h2>
${details}
<p>Grades: 10 points per error, 3 per warning, 1 per info; ${limits}, F above.</p>
</body>
</html>
`;
}

export function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
