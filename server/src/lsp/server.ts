import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadEngine } from '../node/load-engine';
import { FIX_ALL_KIND, type BulkheadInitializationOptions } from '../../../protocol/requests';
import { analyse, fixAllSafe, lintOptions, type Analysis } from './analysis';
import { registerAuditHandlers } from './audit';
import { advertisedKinds, fixAllAction, quickFixes, readCodeActionSupport, wants, type CodeActionSupport } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { hoverAt } from './hover';
import { DOCKERIGNORE_GLOB, ProjectFiles, WATCHED_FILES } from './project-files';
import { RuleDocs } from './rule-docs';
import { SettingsStore } from './settings';

export interface ServerOptions {
  /** Folder of `docs/rules/<id>.md`, for hovers. */
  readonly docsDirectory: string;
  readonly version: string;
}

/** Why a document is linted (`environment`: settings or config files changed); `change` is skipped under `run: onSave`. */
type Trigger = 'open' | 'change' | 'save' | 'environment';

interface LintState {
  running: boolean;
  again: boolean;
  /** Whether a pending run has a trigger other than `change`. */
  forced: boolean;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const docs = new RuleDocs(options.docsDirectory);
  const analyses = new Map<string, Analysis>();
  const lintStates = new Map<string, LintState>();
  let settings: SettingsStore | undefined;
  let support: CodeActionSupport | undefined;
  let engineReady: Promise<void> | undefined;
  let registerConfigurationChanges = false;
  let registerWatchedFiles = false;
  let imageFactsInHover = true;
  const projectFiles = new ProjectFiles((message) => connection.console.warn(message));

  const logRuleError = (ruleId: string, error: unknown): void => {
    connection.console.error(`Rule ${ruleId} failed and was skipped: ${describe(error)}`);
  };

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    engineReady ??= loadEngine();
    await engineReady;
    const capabilities = params.capabilities;
    const initOptions = readInitializationOptions(params.initializationOptions);
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    support = readCodeActionSupport(capabilities, initOptions.clientCommands ?? []);
    imageFactsInHover = initOptions.imageFactsInClient !== true;
    registerConfigurationChanges = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    registerWatchedFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const kinds = advertisedKinds(support);
    // Files the client creates itself (a quick fix's `CreateFile`) are announced even without a file watcher.
    const didCreate = capabilities.workspace?.fileOperations?.didCreate === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(kinds.length > 0 ? { codeActionProvider: { codeActionKinds: kinds, resolveProvider: false } } : {}),
        hoverProvider: true,
        ...(didCreate ? { workspace: { fileOperations: { didCreate: { filters: [{ scheme: 'file', pattern: { glob: DOCKERIGNORE_GLOB } }] } } } } : {}),
      },
      serverInfo: { name: 'bulkhead-language-server', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (registerConfigurationChanges) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'bulkhead' }).catch((error: unknown) => {
        connection.console.error(`Registering for configuration changes failed: ${String(error)}`);
      });
    }
    if (registerWatchedFiles) {
      const watchers = WATCHED_FILES.map((globPattern) => ({ globPattern }));
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((error: unknown) => {
        connection.console.error(`Watching config files failed: ${String(error)}`);
      });
    }
  });

  /** Queue per document: one run at a time, and a run always lints the latest version. */
  function requestLint(uri: string, trigger: Trigger): void {
    let state = lintStates.get(uri);
    if (!state) {
      state = { running: false, again: false, forced: false };
      lintStates.set(uri, state);
    }
    state.forced ||= trigger !== 'change';
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void drain(uri, state);
  }

  async function drain(uri: string, state: LintState): Promise<void> {
    try {
      do {
        await settleChanges(uri);
        state.again = false;
        const forced = state.forced;
        state.forced = false;
        // A run dropped as stale hands its trigger on, so an open under `run: onSave` is still linted.
        if ((await lintDocument(uri, forced)) === 'stale') state.forced ||= forced;
      } while (state.again);
    } finally {
      state.running = false;
      if (!documents.get(uri)) lintStates.delete(uri);
    }
  }

  /**
   * vscode-jsonrpc applies one received message per event-loop turn, and a lint runs synchronously in
   * a turn: linting right away would lint every version of a burst. Let the turns go by until the
   * document stops changing, so the lint runs once, on the latest text, without a fixed delay.
   */
  async function settleChanges(uri: string): Promise<void> {
    let version: number | undefined;
    do {
      version = documents.get(uri)?.version;
      await nextTurn();
      await nextTurn();
    } while (documents.get(uri)?.version !== version);
  }

  async function lintDocument(uri: string, forced: boolean): Promise<'done' | 'stale'> {
    try {
      const document = documents.get(uri);
      if (!document || !settings) return 'done';
      const version = document.version;
      const current = await settings.get(uri);
      // A newer version arrived while the settings were on their way: its own run follows.
      if (documents.get(uri)?.version !== version) return 'stale';
      if (current.run === 'onSave' && !forced) return 'done';
      if (!current.enable) {
        analyses.delete(uri);
        await connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return 'done';
      }
      const project = projectFiles.forUri(uri);
      if (project.ignored) {
        analyses.delete(uri);
        await connection.sendDiagnostics({ uri, version, diagnostics: [] });
        return 'done';
      }
      const analysis = analyse(document.getText(), version, lintOptions(current, project, logRuleError));
      analyses.set(uri, analysis);
      const diagnostics = analysis.findings.map((finding, index) => toDiagnostic(analysis.lines, finding, { version, index }));
      await connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`Linting ${uri} failed: ${describe(error)}`);
    }
    return 'done';
  }

  const opened = new Set<string>();
  // TextDocuments reports an open as a content change too: the first one per URI is the open.
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    requestLint(uri, opened.has(uri) ? 'change' : 'open');
    opened.add(uri);
  });
  documents.onDidSave((event) => requestLint(event.document.uri, 'save'));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    opened.delete(uri);
    analyses.delete(uri);
    settings?.forget(uri);
    connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => connection.console.error(`Clearing diagnostics of ${uri} failed: ${describe(error)}`));
  });

  connection.onDidChangeConfiguration((params) => {
    try {
      settings?.changed(params.settings);
      analyses.clear();
      for (const document of documents.all()) requestLint(document.uri, 'environment');
    } catch (error) {
      connection.console.error(`Applying changed settings failed: ${describe(error)}`);
    }
  });

  function projectFilesChanged(): void {
    try {
      projectFiles.reset();
      analyses.clear();
      for (const document of documents.all()) requestLint(document.uri, 'environment');
    } catch (error) {
      connection.console.error(`Applying changed config files failed: ${describe(error)}`);
    }
  }
  connection.onDidChangeWatchedFiles(projectFilesChanged);
  connection.workspace.onDidCreateFiles(projectFilesChanged);

  connection.onCodeAction(async (params) => {
    try {
      const document = documents.get(params.textDocument.uri);
      if (!document || !settings || !support) return [];
      const version = document.version;
      const current = await settings.get(document.uri);
      if (!current.enable || documents.get(document.uri)?.version !== version) return [];
      const actions: CodeAction[] = [];
      const only = params.context.only;
      if (support.quickFix && wants(only, 'quickfix')) {
        const analysis = analyses.get(document.uri);
        // Fixes are offered for the version the diagnostics were computed on, never for stale ones.
        if (analysis && analysis.version === version) actions.push(...quickFixes(document, analysis, params.context, support, (uri, path) => projectFiles.newFileUri(uri, path)));
      }
      if (support.fixAll && only && wants(only, FIX_ALL_KIND)) {
        const project = projectFiles.forUri(document.uri);
        const fixed = project.ignored ? document.getText() : fixAllSafe(document.getText(), lintOptions(current, project, logRuleError));
        const action = fixAllAction(document, version, fixed, support);
        if (action) actions.push(action);
      }
      return actions;
    } catch (error) {
      connection.console.error(`Code actions for ${params.textDocument.uri} failed: ${describe(error)}`);
      return [];
    }
  });

  connection.onHover((params) => {
    try {
      const document = documents.get(params.textDocument.uri);
      const analysis = analyses.get(params.textDocument.uri);
      if (!document || !analysis || analysis.version !== document.version) return null;
      return hoverAt(analysis, document.offsetAt(params.position), docs, { facts: imageFactsInHover, now: new Date() });
    } catch (error) {
      connection.console.error(`Hover in ${params.textDocument.uri} failed: ${describe(error)}`);
      return null;
    }
  });

  registerAuditHandlers(connection);
  documents.listen(connection);
  connection.listen();
}

function readInitializationOptions(raw: unknown): BulkheadInitializationOptions {
  if (typeof raw !== 'object' || raw === null) return {};
  const { clientCommands, imageFactsInClient } = raw as Record<string, unknown>;
  return {
    ...(Array.isArray(clientCommands) ? { clientCommands: clientCommands.filter((command): command is string => typeof command === 'string') } : {}),
    ...(imageFactsInClient === true ? { imageFactsInClient } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
