import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { lint } from '../server/src/engine/lint';
import { clearShellCache } from '../server/src/engine/shell/cache';
import { loadEngine } from '../server/src/node/load-engine';
const dir = '/work/shared/corpus/real';
const texts = readdirSync(dir).filter((f) => f !== 'INDEX.json').map((f) => readFileSync(join(dir, f), 'utf8'));
const req = createRequire('/work/main/bench/package.json');
const du = req('dockerfile-utils');
const dfl = req('dockerfilelint');
void (async () => { await loadEngine();
const now = new Date();
const tools: Record<string, (t: string) => void> = {
  floor: (t) => { DockerfileParser.parse(t); },
  bulkhead: (t) => { lint(t, { now }); },
  du: (t) => { du.validate(t); },
  dfl: (t) => { try { dfl.run('/x', t); } catch {} },
};
for (let r = 0; r < 15; r++) {
  const row: string[] = [];
  clearShellCache();
  for (const [name, fn] of Object.entries(tools)) {
    const t0 = performance.now();
    for (const t of texts) fn(t);
    row.push(`${name}=${(performance.now() - t0).toFixed(0)}`);
  }
  console.log(row.join(' '));
}
})();
