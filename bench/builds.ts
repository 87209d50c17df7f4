import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../server/src/node/load-engine';
import { made } from './image-builds/bases';
import { cleanup, DIST, must, requireTools, seconds, STORE, WORK } from './image-builds/buildah';
import { examineExamples, FIXTURE_CASES, runCase, type CaseResult } from './image-builds/cases';
import { print } from './image-builds/report';
import { BENCH, ROOT } from './support';

/**
 * `npm run bench:builds`: real image builds with buildah (vfs storage, chroot isolation, no daemon)
 * before and after `bulkhead fix --unsafe`, sizes measured from an OCI layout, printed beside what the
 * fixes claimed, written to bench/builds.json. The base images are made here from the Debian mirror
 * (there are no base images offline); everything but the cached base rootfs is removed at the end.
 * Each fixed rule is also built alone (the other rules off), to set what it saves beside its claim.
 * Options: --only=case,case builds some cases (builds.json is then left alone); --no-per-fix skips
 * the one-rule builds.
 */

const RESULTS = join(BENCH, 'builds.json');

const args = process.argv.slice(2);
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const perFix = !args.includes('--no-per-fix');

async function main(): Promise<void> {
  requireTools();
  await loadEngine();
  cleanup();
  mkdirSync(WORK, { recursive: true });
  for (const part of ['cli', 'wasm']) cpSync(join(ROOT, 'dist', part), join(DIST, part), { recursive: true });
  const log = join(STORE, 'builds.log');
  writeFileSync(log, '');
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const examined = examineExamples();
  const cases = [...examined.cases, ...FIXTURE_CASES].filter((spec) => !only || only.includes(spec.name));
  const results: CaseResult[] = [];
  for (const spec of cases) results.push(await runCase(spec, log, perFix));
  print(made, results, examined.notBuilt);
  const buildahVersion = must('buildah', ['--version']).trim();
  if (!only) {
    const output = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, node: process.version, kernel: release(), buildah: buildahVersion, storage: 'vfs', isolation: 'chroot' },
      /** One-minute load average at the start and the end: build times taken while other work runs are noisy. */
      loadAverage: { start: Math.round(loadBefore * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      method:
        'buildah bud --layers --no-cache --pull=never; sizes from `buildah push --compression-format gzip` to an OCI layout: compressed = layer blobs + config, uncompressed = gunzipped layer tars + config; added = minus the base image',
      seconds: seconds(performance.now() - started),
      bases: made.map(({ base, size, makeSeconds }) => ({ tag: base.tag, madeFrom: base.madeFrom, makeSeconds, ...size })),
      cases: results,
      notBuilt: examined.notBuilt,
    };
    writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`\nwrote ${relative(ROOT, RESULTS)}`);
  }
  const failed = results.filter((result) => result.error !== null);
  if (failed.length > 0) process.exitCode = 1;
}

process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

main()
  .catch((error: unknown) => {
    console.error(`bench:builds: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
