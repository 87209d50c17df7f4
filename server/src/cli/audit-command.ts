import type { FailOn } from '../config/bulkhead-config';
import { auditFile, summarizeAudit, type AuditReport, type FileAudit } from '../engine/audit-report';
import type { AuditFormat } from './args';
import { formatAuditHtml } from './formats/audit-html';
import { formatAuditMarkdown } from './formats/audit-markdown';
import { formatAuditText } from './formats/audit-text';
import { formatSarif } from './formats/sarif';
import { reportProblems, type CliIo } from './io';
import { lintEach, reaches, type LintedFile } from './lint-files';

/** Audits every Dockerfile under a folder. Fails only with `--fail-on` (or a config's failOn): it is a report. */
export function runAudit(command: { path: string; format: AuditFormat; config: string | null; failOn: FailOn | null }, io: CliIo): number {
  const options = { paths: [command.path], configFile: command.config };
  // SARIF needs every finding's text positions; the other formats only the per-file summaries.
  const linted: LintedFile[] = [];
  const audited: FileAudit[] = [];
  const now = new Date();
  const run = lintEach(options, (file) => {
    if (command.format === 'sarif') linted.push(file);
    audited.push(auditFile({ path: file.path, result: file.result }, { now }));
  });
  const report = summarizeAudit(audited);
  io.out(render(report, linted, command, io));
  reportProblems(io, run);
  if (run.errors.length > 0) return 2;
  // A config's failOn is for lint; an audit fails only when asked on the command line.
  const threshold = command.failOn ?? 'none';
  return report.files.some((file) => file.findings.some((finding) => reaches(finding.severity, threshold))) ? 1 : 0;
}

function render(report: AuditReport, files: readonly LintedFile[], command: { path: string; format: AuditFormat }, io: CliIo): string {
  switch (command.format) {
    case 'text':
      return formatAuditText(report, command.path, io.colors);
    case 'json':
      return `${JSON.stringify({ version: 1, root: command.path, ...report }, null, 2)}\n`;
    case 'markdown':
      return formatAuditMarkdown(report, command.path);
    case 'html':
      return formatAuditHtml(report, command.path);
    case 'sarif':
      return formatSarif(files, io.cwd);
  }
}
