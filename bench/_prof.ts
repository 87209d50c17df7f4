import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../server/src/engine/lint';
import { clearShellCache } from '../server/src/engine/shell/cache';
import { loadEngine } from '../server/src/node/load-engine';
const dir = '/work/shared/corpus/real';
const texts = readdirSync(dir).filter((f) => f !== 'INDEX.json').map((f) => readFileSync(join(dir, f), 'utf8'));
void (async () => { await loadEngine();
const now = new Date();
for (let r = 0; r < 20; r++) { clearShellCache(); for (const t of texts) lint(t, { now }); }
})();
