import { basename, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import {
  AUDIT_EXPORT_REQUEST,
  AUDIT_REQUEST,
  type AuditExportFormat,
  type AuditExportParams,
  type AuditExportResult,
  type AuditFileResult,
  type AuditGroup,
  type AuditParams,
  type AuditResult,
} from '../../../protocol/requests';
import type { RuleSeverity } from '../../../protocol/settings';
import { formatAudit } from '../cli/audit-command';
import { palette } from '../cli/formats/color';
import { lintPaths, type LintedFile } from '../cli/lint-files';
import { displayPath } from '../cli/paths';
import { auditFile, summarizeAudit } from '../engine/audit-report';
import { ruleDocsUrl } from '../engine/docs-url';
import { lint } from '../engine/lint';

/** The workspace audit's requests: the report's data, and its exports. */
export function registerAuditHandlers(connection: Connection): void {
  registerAuditHandler(connection);
  registerAuditExportHandler(connection);
}

/**
 * `bulkhead/audit`: lints files from disk exactly as `bulkhead audit` does (the CLI's discovery of
 * config files, `ignorePaths` and build contexts, and the shared `auditFile` grading), with the
 * editor's `bulkhead.rules` of each group applied on top, as they are for open documents.
 */
function registerAuditHandler(connection: Connection): void {
  connection.onRequest(AUDIT_REQUEST, (raw: unknown, token: CancellationToken): AuditResult => {
    try {
      return auditFiles(readAuditParams(raw), () => token.isCancellationRequested);
    } catch (error) {
      connection.console.error(`The workspace audit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { files: [], skipped: [] };
    }
  });
}

/**
 * `bulkhead/auditExport`: lints the files again from disk and renders them with the CLI's own
 * formatter, paths relative to the root folder, so the export is what `bulkhead audit` prints there.
 */
function registerAuditExportHandler(connection: Connection): void {
  connection.onRequest(AUDIT_EXPORT_REQUEST, (raw: unknown, token: CancellationToken): AuditExportResult | ResponseError => {
    const params = readAuditExportParams(raw);
    if (!params) return new ResponseError(ErrorCodes.InvalidParams, '`bulkhead/auditExport` needs `format` (sarif, json or markdown), a `file:` `root` and `groups`.');
    try {
      const folder = fileURLToPath(params.root);
      const linted: LintedFile[] = [];
      for (const group of params.groups) {
        if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The audit export was cancelled.');
        for (const file of lintGroup(group).files) linted.push({ ...file, path: relative(folder, file.absolutePath).split(sep).join('/') });
      }
      // In the order `bulkhead audit` walks the folder, so SARIF results come out the same.
      linted.sort((a, b) => compareSegments(a.path.split('/'), b.path.split('/')));
      const now = new Date();
      const report = summarizeAudit(linted.map((file) => auditFile({ path: file.path, result: file.result }, { now })));
      return { text: formatAudit(params.format, report, linted, { label: basename(folder), folder }, palette(false)) };
    } catch (error) {
      connection.console.error(`The audit export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError(ErrorCodes.InternalError, `The audit export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function auditFiles(params: AuditParams, isCancelled: () => boolean): AuditResult {
  const files: AuditFileResult[] = [];
  const skipped: { uri: string; reason: string }[] = [];
  for (const group of params.groups) {
    if (isCancelled()) break;
    const uriByPath = new Map<string, string>();
    for (const uri of group.uris) {
      if (isFileUri(uri)) uriByPath.set(fileURLToPath(uri), uri);
      else skipped.push({ uri, reason: 'only files on disk can be audited' });
    }
    const run = lintGroup(group);
    const audited = new Set<string>();
    for (const file of run.files) {
      const uri = uriByPath.get(file.absolutePath) ?? pathToFileURL(file.absolutePath).toString();
      audited.add(uri);
      files.push(toResult(uri, file));
    }
    for (const [path, uri] of uriByPath) {
      if (audited.has(uri)) continue;
      const shown = displayPath(path);
      const reason = run.errors.find((error) => error.includes(shown)) ?? run.errors.find((error) => !group.uris.some((other) => error.includes(displayPath(fileURLToPath(other))))) ?? 'excluded by `ignorePaths`';
      skipped.push({ uri, reason });
    }
  }
  return { files, skipped };
}

const isFileUri = (uri: string): boolean => uri.startsWith('file:');

/** A group's files linted from disk as `bulkhead audit` lints them, with the group's `bulkhead.rules` on top. */
function lintGroup(group: AuditGroup): { files: LintedFile[]; errors: readonly string[] } {
  const run = lintPaths({ paths: group.uris.filter(isFileUri).map((uri) => fileURLToPath(uri)), configFile: null });
  return { files: run.files.map((file) => withEditorRules(file, group.rules)), errors: run.errors };
}

/** The editor's severities win over the config file's, as they do for open documents. */
function withEditorRules(file: LintedFile, rules: Readonly<Record<string, RuleSeverity>>): LintedFile {
  if (Object.keys(rules).length === 0) return file;
  const options = { ...file.options, rules: { ...file.options.rules, ...rules } };
  return { ...file, options, result: lint(file.text, options) };
}

function toResult(uri: string, file: LintedFile): AuditFileResult {
  const audit = auditFile({ path: file.path, result: file.result });
  return {
    uri,
    findings: audit.findings.map((finding, index) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      range: { start: { line: finding.line - 1, character: finding.column - 1 }, end: { line: finding.endLine - 1, character: finding.endColumn - 1 } },
      docsUrl: ruleDocsUrl(finding.rule),
      safeFix: finding.fix === 'safe',
      tags: file.result.findings[index]?.tags ?? [],
    })),
    counts: audit.counts,
    grade: audit.grade,
    baseImage: audit.baseImage,
    baseImageLine: audit.baseImageLine === null ? null : audit.baseImageLine - 1,
    baseImageBytes: null,
    savingsBytes: null,
  };
}

/** Folder walk order: entries sorted by name at each level. */
function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x = '', y = ''] = [a[i], b[i]];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

const EXPORT_FORMATS: readonly AuditExportFormat[] = ['sarif', 'json', 'markdown'];

function readAuditExportParams(raw: unknown): AuditExportParams | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { format, root } = raw as Record<string, unknown>;
  const known = EXPORT_FORMATS.find((candidate) => candidate === format);
  if (!known || typeof root !== 'string' || !root.startsWith('file:')) return null;
  return { ...readAuditParams(raw), format: known, root };
}

/** Params come from any client: keep what has the right shape. */
function readAuditParams(raw: unknown): AuditParams {
  const groups: AuditGroup[] = [];
  const list = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).groups : undefined;
  if (!Array.isArray(list)) return { groups };
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { rules, uris } = item as Record<string, unknown>;
    if (!Array.isArray(uris)) continue;
    const severities: Record<string, RuleSeverity> = {};
    if (typeof rules === 'object' && rules !== null) {
      for (const [id, severity] of Object.entries(rules)) {
        if (severity === 'off' || severity === 'error' || severity === 'warning' || severity === 'info') severities[id] = severity;
      }
    }
    groups.push({ rules: severities, uris: uris.filter((uri): uri is string => typeof uri === 'string') });
  }
  return { groups };
}
