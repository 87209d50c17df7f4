import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { startServer } from './server';

// `bulkhead-language-server --stdio` for any editor; the VS Code client starts it with `--node-ipc`.
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`)))) {
  process.stderr.write('usage: bulkhead-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

// The bundle lives in dist/server/; the rule docs ship beside dist/ in docs/rules/.
startServer(createConnection(ProposedFeatures.all), { docsDirectory: join(__dirname, '..', '..', 'docs', 'rules'), version });
