import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initShellParser } from '../engine/shell/parser';

/**
 * Loads the WASM files the engine needs: from `dist/wasm/` beside a bundle (the extension, the CLI,
 * the packaged server), else from node_modules (tests and development runs).
 */
export async function loadEngine(): Promise<void> {
  await initShellParser({ runtime: readFileSync(locate('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')), bash: readFileSync(locate('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm')) });
}

function locate(bundledName: string, packagePath: string): string {
  const bundled = join(__dirname, '..', 'wasm', bundledName);
  if (existsSync(bundled)) return bundled;
  return require.resolve(packagePath);
}
