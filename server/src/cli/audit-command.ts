import type { FailOn } from '../config/bulkhead-config';
import { auditFile, summarizeAudit, type AuditReport, type FileAudit } from '../engine/audit-report';
import type { AuditFormat } from './args';
import type { Palette } from './formats/color';
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
  io.out(formatAudit(command.format, report, linted, { label: command.path, folder: io.cwd }, io.colors));
  reportProblems(io, run);
  if (run.errors.length > 0) return 2;
  // A config's failOn is for lint; an audit fails only when asked on the command line.
  const threshold = command.failOn ?? 'none';
  return report.files.some((file) => file.findings.some((finding) => reaches(finding.severity, threshold))) ? 1 : 0;
}

/** Where an audit ran: the name it is shown under, and the folder its paths are relative to. */
export interface AuditRoot {
  readonly label: string;
  readonly folder: string;
}

/** An audit in one of the CLI's formats; the editor's exports go through here too. SARIF needs `linted`. */
export function formatAudit(format: AuditFormat, report: AuditReport, linted: readonly LintedFile[], root: AuditRoot, colors: Palette): string {
  switch (format) {
    case 'text':
      return formatAuditText(report, root.label, colors);
    case 'json':
      return `${JSON.stringify({ version: 1, root: root.label, ...report }, null, 2)}\n`;
    case 'markdown':
      return formatAuditMarkdown(report, root.label);
    case 'html':
      return formatAuditHtml(report, root.label);
    case 'sarif':
      return formatSarif(linted, root.folder);
  }
}
