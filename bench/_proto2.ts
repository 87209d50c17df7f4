import { readdirSync, readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { join } from 'node:path';
import { lint } from '../server/src/engine/lint';
import { buildModel } from '../server/src/engine/model/file-model';
import { parseDockerfile } from '../server/src/engine/parse/dockerfile';
import { clearShellCache } from '../server/src/engine/shell/cache';
import { loadEngine } from '../server/src/node/load-engine';
const dir = '/work/shared/corpus/real';
const texts = readdirSync(dir).filter((f) => f !== 'INDEX.json').map((f) => readFileSync(join(dir, f), 'utf8'));
void (async () => { await loadEngine();
const now = new Date();
const tools: Record<string, (t: string) => void> = {
  floor: (t) => { DockerfileParser.parse(t); },
  parseDockerfile: (t) => { parseDockerfile(t); },
  buildModel: (t) => { buildModel(t); },
  lint: (t) => { lint(t, { now }); },
  lintWarm: (t) => { lint(t, { now }); },
};
const acc: Record<string, number[]> = {};
for (let r = 0; r < 15; r++) {
  for (const [name, fn] of Object.entries(tools)) {
    if (name !== 'lintWarm') clearShellCache();
    const t0 = performance.now();
    for (const t of texts) fn(t);
    (acc[name] ??= []).push(performance.now() - t0);
  }
}
for (const [k, v] of Object.entries(acc)) { v.sort((a, b) => a - b); console.log(k, v[Math.floor(v.length / 2)]!.toFixed(0), 'min', v[0]!.toFixed(0)); }
})();
