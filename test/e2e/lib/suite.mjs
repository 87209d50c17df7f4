// The extension-host suite, shared by run.mjs (code-server) and run-desktop.mjs (desktop VS Code).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E } from './paths.mjs';

export const SUITE_OUT = join(E2E, '.tmp', 'suite');
/** What the extension host loads as extensionTestsPath. */
export const SUITE_ENTRY = join(SUITE_OUT, 'index.js');

/** Compiles the TypeScript suite for the extension host (vscode and mocha stay external). */
export async function buildSuite() {
  rmSync(SUITE_OUT, { recursive: true, force: true });
  const tests = ['main', 'untrusted', 'activation'].flatMap((folder) =>
    readdirSync(join(E2E, 'suite', folder))
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join(E2E, 'suite', folder, name)),
  );
  await build({
    entryPoints: [join(E2E, 'suite', 'index.ts'), ...tests],
    outbase: join(E2E, 'suite'),
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
