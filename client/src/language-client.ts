import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DISABLE_RULE_COMMAND, type BulkheadInitializationOptions } from '../../protocol/requests';
import { sanitizeSettings } from '../../protocol/settings';

/**
 * The language client, bundled apart (dist/client/language-client.js) and loaded just after
 * activation: vscode-languageclient is most of the client's code, and loading it inside activate()
 * tripled the activation time (test/e2e measures it).
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
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
  return new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
}
