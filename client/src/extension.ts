import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, FIX_ALL_KIND, type BulkheadInitializationOptions, type DisableRuleArguments } from '../../protocol/requests';
import { sanitizeSettings } from '../../protocol/settings';
import { registerAudit } from './audit';
import { registerImageSize } from './imageSize';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;

/** Starts the bundled server and registers the commands; nothing else runs at activation. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Bulkhead', { log: true });
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const initializationOptions: BulkheadInitializationOptions = { clientCommands: [DISABLE_RULE_COMMAND], imageFactsInClient: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile', scheme: 'file' },
      { language: 'dockerfile', scheme: 'untitled' },
    ],
    outputChannel: output,
    initializationOptions,
    middleware: {
      workspace: {
        // The server gets typed settings; a bad value is reported here and replaced by its default.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((raw: unknown, index) => {
            if (params.items[index]?.section !== 'bulkhead') return raw;
            const { settings, problems } = sanitizeSettings(raw);
            for (const problem of problems) output.warn(problem);
            return settings;
          });
        },
      },
    },
  };
  const languageClient = new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    output,
    new StatusBar(),
    vscode.commands.registerCommand('bulkhead.fixAll', () => fixAll()),
    vscode.commands.registerCommand('bulkhead.showOutput', () => output.show()),
    vscode.commands.registerCommand('bulkhead.restartServer', () => languageClient.restart()),
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, (args: unknown) => disableRule(args)),
  );
  languageClient.start().catch((error: unknown) => output.error(`The Bulkhead language server did not start: ${String(error)}`));
  registerImageSize(context, languageClient);
  registerAudit(context, languageClient);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

/** Applies the server's `source.fixAll.bulkhead` action to the active editor; true when it changed the text. */
async function fixAll(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'dockerfile') {
    void vscode.window.showInformationMessage('Open a Dockerfile or Containerfile to fix its problems.');
    return false;
  }
  const document = editor.document;
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, range, FIX_ALL_KIND);
  const edit = actions?.find((action) => action.kind?.value === FIX_ALL_KIND)?.edit;
  return edit ? vscode.workspace.applyEdit(edit) : false;
}

/** Turns a rule off in `bulkhead.rules` of the document's workspace folder (user settings outside one). */
async function disableRule(raw: unknown): Promise<void> {
  const args = readDisableRuleArguments(raw);
  if (!args) return;
  const uri = vscode.Uri.parse(args.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const configuration = vscode.workspace.getConfiguration('bulkhead', uri);
  const inspected = configuration.inspect<Record<string, string>>('rules');
  const current = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  await configuration.update('rules', { ...current, [args.rule]: 'off' }, target);
}

function readDisableRuleArguments(raw: unknown): DisableRuleArguments | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { rule, uri } = raw as Record<string, unknown>;
  return typeof rule === 'string' && typeof uri === 'string' ? { rule, uri } : null;
}
