import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { largeFile, percentile, round, type Input } from './support';

/**
 * Language-server figures with a real LSP client (vscode-languageserver-protocol, the library under
 * VS Code's client) over stdio, for any server started as `node <script> --stdio`: spawn →
 * `initialize` result, RSS with 200 open documents, and `didChange` → `publishDiagnostics` latency
 * while keystrokes arrive in a burst.
 */

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
  },
};

class Session {
  private readonly listeners: ((params: PublishDiagnosticsParams, at: number) => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      for (const listener of [...this.listeners]) listener(params, at);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.listen();
  }

  static async start(script: string): Promise<{ session: Session; initializeMs: number; result: InitializeResult }> {
    const started = performance.now();
    const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    if (!child.stdout || !child.stdin) throw new Error('server stdio not piped');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new Session(child, connection);
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null });
    const initializeMs = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    return { session, initializeMs, result };
  }

  onDiagnostics(listener: (params: PublishDiagnosticsParams, at: number) => void): () => void {
    this.listeners.push(listener);
    return () => this.listeners.splice(this.listeners.indexOf(listener), 1);
  }

  waitFor(test: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 60_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (stop(), reject(new Error('no publishDiagnostics in time'))), timeoutMs);
      const stop = this.onDiagnostics((params) => {
        if (!test(params)) return;
        clearTimeout(timer);
        stop();
        resolve(params);
      });
    });
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  }

  /** Resident set size of the server process, from /proc (Linux). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      await delay(100);
      this.connection.dispose();
      if (this.child.exitCode === null) this.child.kill();
    }
  }
}

export interface ServerFigures {
  readonly initialize_ms: number;
  readonly rss_mb_200_docs: number;
  readonly open_200_docs_ms: number;
  /** Per file size: keystroke → first diagnostics covering it. */
  readonly latency: Readonly<Record<string, { p50_ms: number; p95_ms: number; max_ms: number; keystrokes: number; publishes: number; one_at_a_time_p50_ms: number }>>;
}

export interface LatencyOptions {
  readonly sizes: readonly number[];
  /** Keystrokes per burst, and milliseconds between them (30 ms ≈ key repeat). */
  readonly keystrokes: number;
  readonly intervalMs: number;
  readonly initializeRuns: number;
}

/** Median spawn → initialize result over a few fresh processes. */
async function initializeTime(script: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const { session, initializeMs } = await Session.start(script);
    times.push(initializeMs);
    await session.stop();
  }
  return percentile(times, 50);
}

async function openMany(session: Session, corpus: readonly Input[], count: number): Promise<number> {
  const files = corpus.slice(0, count);
  const pending = new Set(files.map((_, k) => `file:///bench/open/${k}/Dockerfile`));
  const done = new Promise<void>((resolve) => {
    const stop = session.onDiagnostics((params) => {
      pending.delete(params.uri);
      if (pending.size === 0) (stop(), resolve());
    });
  });
  const start = performance.now();
  for (const [k, file] of files.entries()) await session.open(`file:///bench/open/${k}/Dockerfile`, file.text);
  await Promise.race([done, delay(120_000)]);
  return performance.now() - start;
}

/**
 * Types a line into the middle of the file one character at a time, `intervalMs` apart, and times
 * each keystroke to the first publish that covers it: by version when the server sends one (stale
 * versions may be skipped), else in order (one publish per change).
 */
async function keystrokeLatency(session: Session, sync: TextDocumentSyncKind, text: string, size: number, options: LatencyOptions): Promise<ServerFigures['latency'][string]> {
  const uri = `file:///bench/latency/${size}/Dockerfile`;
  let document = TextDocument.create(uri, 'dockerfile', 1, text);
  const opened = session.waitFor((params) => params.uri === uri);
  await session.open(uri, text);
  await opened;

  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line > 0 && (lines[line - 1] ?? '').trimEnd().endsWith('\\')) line--;
  const typed = `RUN apt-get update && apt-get install -y curl wget ca-certificates git openssh-server && echo ${'x'.repeat(200)}`;
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  let publishes = 0;
  const stop = session.onDiagnostics((params, at) => {
    if (params.uri !== uri) return;
    publishes++;
    const covered = params.version ?? Math.min(...sent.keys());
    for (const [version, time] of [...sent]) {
      if (version > covered) continue;
      latencies.push(at - time);
      sent.delete(version);
    }
  });
  const position = document.positionAt(document.offsetAt({ line, character: 0 }));
  const insertLine: TextDocumentContentChangeEvent = { range: { start: position, end: position }, text: '\n' };
  let version = 1;
  const send = async (change: TextDocumentContentChangeEvent): Promise<void> => {
    version++;
    document = TextDocument.update(document, [change], version);
    const contentChanges = sync === TextDocumentSyncKind.Full ? [{ text: document.getText() }] : [change];
    sent.set(version, performance.now());
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  };
  await send(insertLine);
  for (let k = 0; k < options.keystrokes; k++) {
    await delay(options.intervalMs);
    const at = { line, character: k };
    await send({ range: { start: at, end: at }, text: typed[k % typed.length] ?? 'x' });
  }
  for (let waited = 0; sent.size > 0 && waited < 30_000; waited += 20) await delay(20);
  if (sent.size > 0) throw new Error(`${sent.size} keystrokes got no diagnostics within 30 s`);
  const burst = [...latencies];
  // Then one keystroke at a time, each waiting for its diagnostics: the latency without a queue.
  latencies.length = 0;
  for (let k = 0; k < Math.min(20, options.keystrokes); k++) {
    const at = { line, character: options.keystrokes + k };
    await send({ range: { start: at, end: at }, text: 'y' });
    for (let waited = 0; sent.size > 0 && waited < 30_000; waited += 1) await delay(1);
  }
  stop();
  return {
    p50_ms: round(percentile(burst, 50)),
    p95_ms: round(percentile(burst, 95)),
    max_ms: round(Math.max(...burst)),
    keystrokes: burst.length,
    publishes,
    one_at_a_time_p50_ms: round(percentile(latencies, 50)),
  };
}

export async function serverFigures(script: string, corpus: readonly Input[], options: LatencyOptions): Promise<ServerFigures> {
  const initialize_ms = await initializeTime(script, options.initializeRuns);
  const { session, result } = await Session.start(script);
  try {
    const syncOption = result.capabilities.textDocumentSync;
    const sync = typeof syncOption === 'number' ? syncOption : (syncOption?.change ?? TextDocumentSyncKind.Full);
    const open_200_docs_ms = await openMany(session, corpus, 200);
    await delay(500);
    const rss_mb_200_docs = session.rssMb();
    const latency: Record<string, ServerFigures['latency'][string]> = {};
    for (const size of options.sizes) latency[String(size)] = await keystrokeLatency(session, sync, largeFile(corpus, size, size), size, options);
    return { initialize_ms: round(initialize_ms, 1), rss_mb_200_docs: round(rss_mb_200_docs, 1), open_200_docs_ms: round(open_200_docs_ms, 1), latency };
  } finally {
    await session.stop();
  }
}
