import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { AUDIT_REQUEST, type AuditFileResult, type AuditGroup, type AuditParams, type AuditResult } from '../../../protocol/requests';
import type { RuleSeverity } from '../../../protocol/settings';
import { lintPaths, type LintedFile } from '../cli/lint-files';
import { displayPath } from '../cli/paths';
import { auditFile } from '../engine/audit-report';
import { ruleDocsUrl } from '../engine/docs-url';
import { lint } from '../engine/lint';

/**
 * `bulkhead/audit`: lints files from disk exactly as `bulkhead audit` does (the CLI's discovery of
 * config files, `ignorePaths` and build contexts, and the shared `auditFile` grading), with the
 * editor's `bulkhead.rules` of each group applied on top, as they are for open documents.
 */
export function registerAuditHandler(connection: Connection): void {
  connection.onRequest(AUDIT_REQUEST, (raw: unknown, token: CancellationToken): AuditResult => {
    try {
      return auditFiles(readAuditParams(raw), () => token.isCancellationRequested);
    } catch (error) {
      connection.console.error(`The workspace audit failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { files: [], skipped: [] };
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
      if (uri.startsWith('file:')) uriByPath.set(fileURLToPath(uri), uri);
      else skipped.push({ uri, reason: 'only files on disk can be audited' });
    }
    const run = lintPaths({ paths: [...uriByPath.keys()], configFile: null });
    const audited = new Set<string>();
    for (const file of run.files) {
      const uri = uriByPath.get(file.absolutePath) ?? pathToFileURL(file.absolutePath).toString();
      audited.add(uri);
      files.push(toResult(uri, withEditorRules(file, group.rules)));
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
