import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, FIX_ALL_KIND, type DisableRuleArguments } from '../../protocol/requests';
import { registerAudit } from './audit';
import { registerImageSize } from './imageSize';
import { StatusBar } from './status-bar';

let client: Promise<LanguageClient | undefined> | undefined;

/**
 * Registers the commands and providers and returns; the language client is loaded and the server
 * started right after, off the activation path (see language-client.ts).
 */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Bulkhead', { log: true });
  const languageClient = startLanguageClient(context, output);
  client = languageClient;

  context.subscriptions.push(
    output,
    new StatusBar(),
    vscode.commands.registerCommand('bulkhead.fixAll', () => fixAll()),
    vscode.commands.registerCommand('bulkhead.showOutput', () => output.show()),
    vscode.commands.registerCommand('bulkhead.restartServer', async () => (await languageClient)?.restart()),
    vscode.commands.registerCommand(DISABLE_RULE_COMMAND, (args: unknown) => disableRule(args)),
  );
  registerImageSize(context, (line) => output.appendLine(line));
  registerAudit(context, languageClient);
}

/** Loads the client bundle on the next turn of the event loop, then starts the server; undefined if the bundle did not load. */
function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<LanguageClient | undefined> {
  return new Promise((resolve) => setImmediate(resolve))
    .then(() => {
      // A path, not a module name, so that esbuild leaves the second bundle out of this one.
      const bundle = context.asAbsolutePath('dist/client/language-client.js');
      const { createLanguageClient } = require(bundle) as typeof import('./language-client');
      const languageClient = createLanguageClient(context, output);
      languageClient.start().catch((error: unknown) => output.error(`The Bulkhead language server did not start: ${String(error)}`));
      return languageClient;
    })
    .catch((error: unknown) => {
      output.error(`The Bulkhead language client did not load: ${String(error)}`);
      return undefined;
    });
}

export function deactivate(): Promise<void> | undefined {
  return client?.then((languageClient) => languageClient?.stop());
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
