import { lint } from '../server/src/engine/lint';
import { buildModel } from '../server/src/engine/model/file-model';
import { DockerfileParser } from 'dockerfile-ast';
import { loadEngine } from '../server/src/node/load-engine';
void (async () => { await loadEngine();
for (const n of [2000, 4000, 8000]) {
  const text = 'FROM a\nEXPOSE ' + (process.argv[2] ?? '22 ').repeat(n) + '\n';
  let t = performance.now(); DockerfileParser.parse(text); const a = performance.now() - t;
  t = performance.now(); buildModel(text); const b = performance.now() - t;
  t = performance.now(); lint(text, { now: new Date() }); const c = performance.now() - t;
  console.log(n, a.toFixed(0), b.toFixed(0), c.toFixed(0));
}
})();
