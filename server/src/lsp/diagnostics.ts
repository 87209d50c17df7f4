import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import { ruleDocsUrl } from '../engine/docs-url';
import type { LineIndex } from '../engine/parse/line-index';
import { DIAGNOSTIC_SOURCE } from '../../../protocol/requests';
import type { FindingTag, ReportedFinding, Severity, Span } from '../engine/types';

/** The one place where engine findings become LSP diagnostics. */

/** Carried in `Diagnostic.data`: which finding of which linted version this diagnostic is. */
export interface DiagnosticData {
  readonly version: number;
  readonly index: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const TAG: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toDiagnostic(lines: LineIndex, finding: ReportedFinding, data: DiagnosticData): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(lines, finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    data,
  };
  if (finding.tags.length > 0) diagnostic.tags = finding.tags.map((tag) => TAG[tag]);
  return diagnostic;
}

/** Reads `Diagnostic.data` back from a client, which may have dropped or mangled it. */
export function readDiagnosticData(data: unknown): DiagnosticData | null {
  if (typeof data !== 'object' || data === null) return null;
  const { version, index } = data as Record<string, unknown>;
  if (typeof version !== 'number' || typeof index !== 'number' || !Number.isInteger(index) || index < 0) return null;
  return { version, index };
}
