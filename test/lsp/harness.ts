import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server', 'server.js');

/** What VS Code 1.91 declares for the parts the server reads. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: {
      dataSupport: true,
      isPreferredSupport: true,
      codeActionLiteralSupport: {
        codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] },
      },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** The `bulkhead` settings section answered to `workspace/configuration`, per scope URI. */
  readonly settings?: (scopeUri: string | undefined) => unknown;
}

/** A real LSP client over the server's stdio, recording what the server pushes. */
export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly configurationRequests: string[] = [];
  settings: (scopeUri: string | undefined) => unknown;
  private readonly waiters: {
    test: (params: PublishDiagnosticsParams) => boolean;
    resolve: (params: PublishDiagnosticsParams) => void;
    reject: (error: Error) => void;
  }[] = [];
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    // A server that dies fails the waiting test at once instead of leaving it pending.
    child.once('exit', (code, signal) => {
      const error = new Error(`server exited (code ${code}, signal ${signal}): ${this.stderr}`);
      for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item.scopeUri ?? '');
        return item.section === 'bulkhead' ? this.settings(item.scopeUri) : null;
      }),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<{ client: TestClient; result: InitializeResult }> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('server stdio not piped');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(child, connection, options);
    try {
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: options.capabilities ?? VSCODE_LIKE_CAPABILITIES,
        initializationOptions: options.initializationOptions,
        workspaceFolders: null,
      });
      await connection.sendNotification(InitializedNotification.type, {});
      return { client, result };
    } catch (error) {
      client.kill();
      throw error;
    }
  }

  /** Resolves with the next publish (or one already received since `from`) that passes `test`. */
  nextDiagnostics(test: (params: PublishDiagnosticsParams) => boolean, from = this.published.length, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const seen = this.published.slice(from).find(test);
    if (seen) return Promise.resolve(seen);
    if (this.child.exitCode !== null) return Promise.reject(new Error(`server exited (code ${this.child.exitCode}): ${this.stderr}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching publishDiagnostics in time')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (params) => (clearTimeout(timer), resolve(params)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  diagnosticsFor(uri: string, version: number, from?: number): Promise<PublishDiagnosticsParams> {
    return this.nextDiagnostics((params) => params.uri === uri && params.version === version, from);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    return this.exited;
  }

  kill(): void {
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** The edits of one document from a workspace edit, whichever form the server used. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): { version: number | null; edits: TextEdit[] } {
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) {
      return { version: change.textDocument.version, edits: change.edits.filter((e): e is TextEdit => 'newText' in e && !('annotationId' in e)) };
    }
  }
  return { version: null, edits: edit?.changes?.[uri] ?? [] };
}

/** Applies LSP text edits (non-overlapping) to a string, the way an editor does. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsetAt = (line: number, character: number): number => {
    let offset = 0;
    for (let current = 0; current < line; current++) {
      const next = text.indexOf('\n', offset);
      if (next === -1) return text.length;
      offset = next + 1;
    }
    return offset + character;
  };
  const resolved = edits
    .map((edit) => ({ start: offsetAt(edit.range.start.line, edit.range.start.character), end: offsetAt(edit.range.end.line, edit.range.end.character), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of resolved) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
