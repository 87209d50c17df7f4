/** Names both sides use for custom commands, code action kinds and `bulkhead/*` requests. */
import type { RuleSeverity } from './settings';

/** `Diagnostic.source` of everything Bulkhead reports, so other Docker linters' entries stay apart. */
export const DIAGNOSTIC_SOURCE = 'bulkhead';

/** The code action kind of "apply every safe fix"; usable in `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.bulkhead';

/**
 * Client command behind the "Disable `<rule>` in settings" code action. The server only names it in
 * the action; the client runs it and writes `bulkhead.rules`.
 */
export const DISABLE_RULE_COMMAND = 'bulkhead.disableRule';

export interface DisableRuleArguments {
  readonly rule: string;
  /** The document the action came from, to pick the settings scope (its workspace folder). */
  readonly uri: string;
}

/** What the client tells the server in `initialize`; other editors send nothing. */
export interface BulkheadInitializationOptions {
  /** Client-side commands the server may put in code actions (e.g. `DISABLE_RULE_COMMAND`). */
  readonly clientCommands?: readonly string[];
  /** The client shows image facts on `FROM` itself (VS Code's image-size hover): the server's hover leaves them out. */
  readonly imageFactsInClient?: boolean;
}

/**
 * `bulkhead/audit`: lints files that need not be open, for the client's workspace audit. The client
 * finds the files (honouring `files.exclude`), sends them in batches so it can show progress and stop
 * between batches, and cancels the request to stop within one.
 */
export const AUDIT_REQUEST = 'bulkhead/audit';

export interface AuditParams {
  /** Files (`file:` URIs), grouped by the editor's `bulkhead.rules` that apply to them. */
  readonly groups: readonly AuditGroup[];
}

export interface AuditGroup {
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly uris: readonly string[];
}

export interface AuditSeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface AuditFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  /** 0-based, end exclusive, UTF-16: an LSP range. */
  readonly range: { readonly start: AuditPosition; readonly end: AuditPosition };
  readonly docsUrl: string;
  /** Whether a safe fix exists (what Fix All applies). */
  readonly safeFix: boolean;
  readonly tags: readonly ('unnecessary' | 'deprecated')[];
}

export interface AuditPosition {
  readonly line: number;
  readonly character: number;
}

export interface AuditFileResult {
  readonly uri: string;
  readonly findings: readonly AuditFinding[];
  readonly counts: AuditSeverityCounts;
  /** A (clean) to F, as `bulkhead audit` grades it. */
  readonly grade: 'A' | 'B' | 'C' | 'D' | 'F';
  /** The final stage's base image (through `FROM <stage>`), as resolved or as written; null without FROM. */
  readonly baseImage: string | null;
  /** 0-based line of the final stage's `FROM`, where the report opens a file without findings. */
  readonly baseImageLine: number | null;
  /** Compressed size of the base image from the embedded table (linux/amd64); null when not known. */
  readonly baseImageBytes: number | null;
  /** Estimated compressed bytes the suggested fixes would save; null when there is no estimate. */
  readonly savingsBytes: number | null;
}

export interface AuditResult {
  readonly files: readonly AuditFileResult[];
  /** Files that were not audited, with the reason (unreadable, ignored by `ignorePaths`, bad config). */
  readonly skipped: readonly { readonly uri: string; readonly reason: string }[];
}

/**
 * `bulkhead/auditExport`: the audit of the same files written as `bulkhead audit --format <format>`
 * writes it, so an export from the editor and a CI run read the same. Paths are relative to `root`.
 */
export const AUDIT_EXPORT_REQUEST = 'bulkhead/auditExport';

export type AuditExportFormat = 'sarif' | 'json' | 'markdown';

export interface AuditExportParams extends AuditParams {
  readonly format: AuditExportFormat;
  /** `file:` URI of the folder the exported paths are relative to (the first workspace folder). */
  readonly root: string;
}

export interface AuditExportResult {
  readonly text: string;
}
