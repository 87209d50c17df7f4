import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { startServer } from './server';

// `bulkhead-language-server --stdio` for any editor; the VS Code client starts it with `--node-ipc`.
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => TRANSPORTS.some((transport) => arg === transport || arg.startsWith(`${transport}=`)))) {
  process.stderr.write('usage: bulkhead-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

// Before the engine compiles tree-sitter's WASM: in the server it stays on V8's baseline compiler.
// With 200 documents open that is about 35 MB less memory and a quarter less time to lint them all,
// for about 1 ms more per keystroke in 1,000–5,000-line files (parsed RUNs are cached). The CLI keeps
// the optimising compiler: over thousands of files warm parses count (bench/README.md, "WASM tiering").
setFlagsFromString('--liftoff-only');

// The bundle lives in dist/server/; the rule docs ship beside dist/ in docs/rules/.
startServer(createConnection(ProposedFeatures.all), { docsDirectory: join(__dirname, '..', '..', 'docs', 'rules'), version });
