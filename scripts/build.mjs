// Bundles the extension client, the language server and the CLI with esbuild, and copies the
// WASM files the engine loads at run time into dist/wasm/. `--release` minifies.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const release = process.argv.includes('--release');
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'wasm'), { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(dist, 'wasm', 'tree-sitter.wasm'));
copyFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'), join(dist, 'wasm', 'tree-sitter-bash.wasm'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: release,
  logLevel: 'warning',
  absWorkingDir: root,
};

// web-tree-sitter reads `import.meta.url`, which a CommonJS bundle lacks: give the executables one.
const executable = {
  banner: { js: "#!/usr/bin/env node\nvar __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
};

await Promise.all([
  // Two client bundles: the language client loads after activation (client/src/language-client.ts).
  build({ ...common, entryPoints: { 'client/extension': 'client/src/extension.ts', 'client/language-client': 'client/src/language-client.ts' }, outdir: dist, external: ['vscode'] }),
  build({ ...common, ...executable, entryPoints: { 'server/server': 'server/src/lsp/main.ts' }, outdir: dist }),
  build({ ...common, ...executable, entryPoints: { 'cli/bulkhead': 'server/src/cli/main.ts' }, outdir: dist }),
]);
