import { lint, fixText } from '../server/src/engine/lint';
import { loadEngine } from '../server/src/node/load-engine';
void (async () => { await loadEngine();
const now = new Date();
const cases: Record<string, string> = {
  mbRun: 'FROM a\nRUN ' + 'apt-get install -y x '.repeat(50000) + '\n',
  mbWord: 'FROM a\nRUN ' + 'a'.repeat(1 << 20) + '\n',
  mbLabel: 'FROM a\nLABEL a="' + 'x'.repeat(1 << 20) + '"\n',
  mbComment: '#' + 'x'.repeat(1 << 20) + '\nFROM a\n',
  mbExpose: 'FROM a\nEXPOSE ' + '22 '.repeat(300000) + '\n',
  cont10k: 'FROM a\nRUN apt-get install -y \\\n' + 'pkg \\\n'.repeat(10000) + 'last\n',
  cont10kEmpty: 'FROM a\nRUN \\\n' + '\\\n'.repeat(10000) + '\n',
  cont10kComments: 'FROM a\nRUN apt-get install \\\n' + '# c\n'.repeat(10000) + 'x\n',
  heredocOpen: 'FROM a\nRUN <<EOF\n' + 'apt-get install -y x\n'.repeat(10000),
  heredocMany: 'FROM a\nRUN ' + '<<E '.repeat(5000) + '\n',
  argDoubling: 'FROM a\nARG A0=xxxxxxxx\n' + Array.from({ length: 40 }, (_, i) => `ARG A${i + 1}=\${A${i}}\${A${i}}`).join('\n') + '\nRUN echo $A40\nFROM ${A40}\n',
  envDoubling: 'FROM a\nENV A0=xxxxxxxx\n' + Array.from({ length: 40 }, (_, i) => `ENV A${i + 1}=\${A${i}}\${A${i}}`).join('\n') + '\nRUN echo $A40\n',
  nestedShC: 'FROM a\nRUN ' + 'sh -c "'.repeat(200) + 'x' + '"'.repeat(200) + '\n',
  nestedSubst: 'FROM a\nRUN echo ' + '$('.repeat(2000) + 'x' + ')'.repeat(2000) + '\n',
  nestedArith: 'FROM a\nRUN echo $((' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '))\n',
  brackets: 'FROM a\nCMD ' + '['.repeat(100000) + '\n',
  jsonStr: 'FROM a\nCMD ["' + '\\\\'.repeat(200000) + '"]\n',
  stages: Array.from({ length: 3000 }, (_, i) => `FROM img${i} AS s${i}\nRUN apt-get install -y x${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /b`).join('\n'),
  fromChain: Array.from({ length: 3000 }, (_, i) => i === 0 ? 'FROM a AS s0' : `FROM s${i - 1} AS s${i}`).join('\n'),
  nul: 'FROM a\0b\nRUN \0\0 apt-get install\0 -y x\n\0',
  surrogates: 'FROM \ud800\nRUN apt-get install -y \udfff\ud83d\n',
  bomCrlf: '\ufeffFROM a\r\nRUN apt-get update && apt-get install -y curl\r\n',
  escapeBacktick10k: '# escape=`\nFROM a\nRUN x `\n' + 'y `\n'.repeat(10000) + 'z\n',
  lotsOfVars: 'FROM a\nRUN echo ' + '${a:-${b:-${c:-'.repeat(3000) + '}}}'.repeat(3000) + '\n',
  envVarsInFrom: 'ARG X=' + '${X}'.repeat(1000) + '\nFROM ${X}\n',
};
for (const [name, text] of Object.entries(cases).filter(([n]) => n === process.argv[2])) {
  const t0 = performance.now();
  try {
    const r = lint(text, { now });
    const t1 = performance.now();
    const f = process.env.NOFIX ? { converged: null } : fixText(text, { now }, "unsafe");
    console.log(name.padEnd(18), (t1 - t0).toFixed(0).padStart(6), 'ms lint', (performance.now() - t1).toFixed(0).padStart(6), 'ms fix', r.findings.length, 'findings', f.converged);
  } catch (e) { console.log(name, 'THREW after', (performance.now() - t0).toFixed(0), String(e).slice(0, 200)); }
}
})();
