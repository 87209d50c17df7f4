import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  AUDIT_EXPORT_REQUEST,
  AUDIT_REQUEST,
  DIAGNOSTIC_SOURCE,
  type AuditExportFormat,
  type AuditExportParams,
  type AuditExportResult,
  type AuditFinding,
  type AuditGroup,
  type AuditParams,
  type AuditResult,
} from '../../../protocol/requests';
import { sanitizeSettings } from '../../../protocol/settings';
import { withBaseImageSizes } from './base-image-sizes';
import { exportRoot } from './export-root';
import { AUDIT_COMMAND, DOCKERFILE_GLOB, inSkippedFolder, isDockerfileName } from './names';
import { buildAuditReport, type AuditReport } from './report-model';
import { reportHtml } from './report-html';

/** Files per `bulkhead/audit` request: small enough to show progress and stop quickly. */
const BATCH = 25;

/**
 * "Audit Workspace Containerfiles": finds the Dockerfiles of every workspace folder, has the server
 * lint them in batches, shows the findings in the Problems panel and the report in a webview. The
 * command returns the report (undefined when cancelled or nothing was found), for tests.
 *
 * Findings of files that are not open go into a client-side DiagnosticCollection rather than being
 * published by the server: the server's diagnostics follow the open documents (cleared on close),
 * and the client already holds the findings for the report. An entry is dropped when its file opens,
 * as the server's live diagnostics take over.
 */
export function registerAudit(context: vscode.ExtensionContext, client: Promise<LanguageClient | undefined>): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('bulkhead-audit');
  const view = new ReportView(context);
  context.subscriptions.push(
    diagnostics,
    view,
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.delete(document.uri)),
    vscode.commands.registerCommand(AUDIT_COMMAND, () => runAudit(client, diagnostics, view)),
  );
}

async function runAudit(clientReady: Promise<LanguageClient | undefined>, diagnostics: vscode.DiagnosticCollection, view: ReportView): Promise<AuditReport | undefined> {
  const client = await clientReady;
  if (!client) {
    void vscode.window.showErrorMessage('The Bulkhead language client did not load, so the audit cannot run; see Bulkhead: Show Output.');
    return undefined;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Open a folder or workspace to audit its Dockerfiles and Containerfiles.');
    return undefined;
  }
  const groups: AuditGroup[] = [];
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Bulkhead: auditing Containerfiles', cancellable: true },
    async (progress, token): Promise<AuditReport | undefined> => {
      progress.report({ message: 'finding files…' });
      for (const folder of folders) {
        // `exclude` undefined: `files.exclude` applies, as the brief of the command says.
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, DOCKERFILE_GLOB), undefined, undefined, token);
        const uris = found
          .filter((uri) => isDockerfileName(uri.path.slice(uri.path.lastIndexOf('/') + 1)) && !inSkippedFolder(vscode.workspace.asRelativePath(uri, false)))
          .map((uri) => uri.toString())
          .sort();
        if (uris.length > 0) groups.push({ rules: sanitizeSettings(vscode.workspace.getConfiguration('bulkhead', folder.uri)).settings.rules, uris });
      }
      if (token.isCancellationRequested) return undefined;
      const total = groups.reduce((sum, group) => sum + group.uris.length, 0);
      if (total === 0) {
        void vscode.window.showInformationMessage('No Dockerfiles or Containerfiles were found in the workspace.');
        return undefined;
      }
      const results: AuditResult[] = [];
      let done = 0;
      for (const group of groups) {
        for (let start = 0; start < group.uris.length; start += BATCH) {
          if (token.isCancellationRequested) return undefined;
          const params: AuditParams = { groups: [{ rules: group.rules, uris: group.uris.slice(start, start + BATCH) }] };
          const result = await client.sendRequest<AuditResult>(AUDIT_REQUEST, params, token);
          if (token.isCancellationRequested) return undefined;
          results.push({ ...result, files: result.files.map(withBaseImageSizes) });
          done += params.groups[0]?.uris.length ?? 0;
          progress.report({ increment: (100 * (params.groups[0]?.uris.length ?? 0)) / total, message: `${done} of ${total} files` });
        }
      }
      return buildAuditReport(results, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), folders.length > 1), new Date());
    },
  );
  if (!report) return undefined;
  publish(report, diagnostics);
  view.show(report, { client, groups, root: exportRoot(folders.map((folder) => folder.uri.toString())), saveFolder: folders[0]?.uri.toString() ?? null });
  return report;
}

function publish(report: AuditReport, diagnostics: vscode.DiagnosticCollection): void {
  diagnostics.clear();
  const open = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
  for (const file of report.files) {
    if (open.has(file.uri)) continue;
    diagnostics.set(vscode.Uri.parse(file.uri), file.findings.map(toDiagnostic));
  }
}

const SEVERITY: Record<AuditFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function toDiagnostic(finding: AuditFinding): vscode.Diagnostic {
  const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(finding.docsUrl) };
  const tags = finding.tags.map((tag) => (tag === 'unnecessary' ? vscode.DiagnosticTag.Unnecessary : vscode.DiagnosticTag.Deprecated));
  if (tags.length > 0) diagnostic.tags = tags;
  return diagnostic;
}

const EXPORTS: Record<AuditExportFormat, { extension: string; label: string }> = {
  sarif: { extension: 'sarif', label: 'SARIF' },
  json: { extension: 'json', label: 'JSON' },
  markdown: { extension: 'md', label: 'Markdown' },
};

/** What an export asks the server for: the audited files again, rendered by the CLI's formatters. */
interface ExportSource {
  readonly client: LanguageClient;
  readonly groups: readonly AuditGroup[];
  /** `file:` URI of the folder exported paths are relative to; null when no workspace folder is on disk. */
  readonly root: string | null;
  /** Where the save dialog starts: the first workspace folder. */
  readonly saveFolder: string | null;
}

/** The report webview: one panel, reused by later audits. */
class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private report: AuditReport | undefined;
  private source: ExportSource | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  show(report: AuditReport, source: ExportSource): void {
    this.report = report;
    this.source = source;
    if (this.panel) {
      this.panel.reveal(undefined, true);
      void this.panel.webview.postMessage({ type: 'report', report });
      return;
    }
    const media = vscode.Uri.joinPath(this.context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('bulkhead.auditReport', 'Bulkhead Audit', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, { enableScripts: true, enableCommandUris: false, localResourceRoots: [media], retainContextWhenHidden: false });
    const nonce = randomBytes(16).toString('base64');
    panel.webview.html = reportHtml({
      cspSource: panel.webview.cspSource,
      nonce,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'audit.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'audit.css')).toString(),
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message));
    panel.onDidDispose(() => (this.panel = undefined));
    this.panel = panel;
  }

  private receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const { type, uri, line, character, format } = message as Record<string, unknown>;
    if (type === 'ready' && this.report) {
      void this.panel?.webview.postMessage({ type: 'report', report: this.report });
    } else if (type === 'open' && typeof uri === 'string' && this.report?.files.some((file) => file.uri === uri)) {
      // Only files of the report are opened: the view cannot ask for anything else.
      const position = new vscode.Position(asIndex(line), asIndex(character));
      void vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
    } else if (type === 'export' && (format === 'sarif' || format === 'json' || format === 'markdown')) {
      void this.export(format);
    }
  }

  /** Asks where, then has the server render the audit as `bulkhead audit --format <format>` would. */
  private async export(format: AuditExportFormat): Promise<void> {
    const source = this.source;
    if (!source) return;
    const { extension, label } = EXPORTS[format];
    const root = source.root;
    if (!root) {
      void vscode.window.showErrorMessage('The audit can only be exported from a workspace folder on disk.');
      return;
    }
    const target = await vscode.window.showSaveDialog({
      title: `Export the Bulkhead audit as ${label}`,
      filters: { [label]: [extension] },
      ...(source.saveFolder ? { defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(source.saveFolder), `bulkhead-audit.${extension}`) } : {}),
    });
    if (!target) return;
    try {
      const params: AuditExportParams = { groups: source.groups, format, root };
      const { text } = await source.client.sendRequest<AuditExportResult>(AUDIT_EXPORT_REQUEST, params);
      await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
      void vscode.window.showInformationMessage(`Audit exported to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (error) {
      void vscode.window.showErrorMessage(`The audit could not be exported as ${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function asIndex(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}
