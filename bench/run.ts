import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../server/src/node/load-engine';
import { serverFigures, type LatencyOptions, type ServerFigures } from './lsp';
import { auditTree, BENCH, loadPeers, PEERS, realCorpus, round, ROOT } from './support';
import { hardInputs, largeThroughput, realThroughput, type HardInput, type SetFigures } from './throughput';

/**
 * `npm run bench`: every SPEC §5 figure beside the peers, printed as a table and written to
 * bench/results.json. Sections: throughput, lsp, audit, vsix, hard (select with --only=a,b).
 * `--quick` runs fewer rounds and keystrokes, for a smoke run; figures worth keeping come from a full
 * run on a quiet machine (the load average is recorded with them).
 */

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wants = (section: string): boolean => !only || only.includes(section);

const SERVER = join(ROOT, 'dist', 'server', 'server.js');
const CLI = join(ROOT, 'dist', 'cli', 'bulkhead.js');
const RESULTS = join(BENCH, 'results.json');

/** SPEC §5 targets, printed beside each figure. */
const TARGETS = {
  p95_ms_200_lines: 15,
  p95_ms_5000_lines: 60,
  activation_ms: 50,
  initialize_ms: 300,
  vsix_bytes: 3 * 1024 * 1024,
  audit_seconds: 15,
  audit_peak_rss_mb: 400,
  hard_input_ms: 1000,
};

function uptime(): string {
  const run = spawnSync('uptime', { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : `load average: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`;
}

function section<T>(name: string, run: () => Promise<T> | T): Promise<T | null> {
  if (!wants(name)) return Promise.resolve(null);
  process.stderr.write(`bench: ${name}... (${uptime()})\n`);
  return Promise.resolve()
    .then(run)
    .catch((error: unknown) => {
      process.stderr.write(`bench: ${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      return null;
    });
}

/** `/usr/bin/time -f "%e %M"` gives wall seconds and peak RSS of the whole CLI process. */
function auditFigures(dir: string): { seconds_5000_files: number; peak_rss_mb: number; exit_code: number | null } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run node scripts/build.mjs`);
  const run = spawnSync('/usr/bin/time', ['-f', 'BENCH-TIME %e %M', process.execPath, CLI, 'audit', '--format', 'json', dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const match = /BENCH-TIME ([\d.]+) (\d+)/.exec(run.stderr);
  if (!match) throw new Error(`no timing from /usr/bin/time: ${run.stderr.slice(0, 300)}`);
  return { seconds_5000_files: Number(match[1]), peak_rss_mb: round(Number(match[2]) / 1024, 1), exit_code: run.status };
}

/** `npm run package` builds the release bundles and the .vsix; its size is the figure. */
function vsixBytes(): number {
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8' });
  const vsix = join(ROOT, 'bulkhead.vsix');
  if (run.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed: ${(run.stderr || run.stdout).slice(-500)}`);
  return statSync(vsix).size;
}

const ACTIVATION_ARTIFACT_PATH = 'test/e2e/.artifacts/activation.json';
const ACTIVATION_ARTIFACT = join(ROOT, ACTIVATION_ARTIFACT_PATH);

/**
 * Activation needs a real VS Code extension host, which `npm run test:e2e` runs (its activation
 * phase); the bench reports the latest figure that run wrote, with its date, or null and why.
 */
function latestActivation(): { activation_ms: number | null; activation_measured_at: string | null; activation_note: string } {
  const missing = (why: string) => ({ activation_ms: null, activation_measured_at: null, activation_note: `${why}; run \`npm run test:e2e\` (or E2E_ONLY=activation) to measure it in a real extension host.` });
  if (!existsSync(ACTIVATION_ARTIFACT)) return missing(`${ACTIVATION_ARTIFACT_PATH} is missing`);
  const figure: unknown = JSON.parse(readFileSync(ACTIVATION_ARTIFACT, 'utf8'));
  const ms: unknown = typeof figure === 'object' && figure !== null ? Reflect.get(figure, 'activation_ms') : undefined;
  const at: unknown = typeof figure === 'object' && figure !== null ? Reflect.get(figure, 'measured_at') : undefined;
  if (typeof ms !== 'number' || typeof at !== 'string') return missing(`${ACTIVATION_ARTIFACT_PATH} has no activation_ms and measured_at`);
  return { activation_ms: ms, activation_measured_at: at, activation_note: `From the e2e activation phase (${ACTIVATION_ARTIFACT_PATH}, measured ${at}): median over fresh code-server extension hosts of VS Code's own code-loading + activate() marks for the installed .vsix.` };
}

function fmt(value: number | null | undefined, unit = ''): string {
  return value === null || value === undefined || Number.isNaN(value) ? 'n/a' : `${value}${unit}`;
}

function ratio(a: number | undefined, b: number | undefined): number | null {
  return a !== undefined && b !== undefined && b > 0 ? round(a / b, 2) : null;
}

async function main(): Promise<void> {
  await loadEngine();
  const corpus = realCorpus();
  const peers = loadPeers();
  const rounds = quick ? 3 : 15;
  const latencyOptions: LatencyOptions = { sizes: [200, 1000, 5000], keystrokes: quick ? 20 : 80, intervalMs: 30, initializeRuns: quick ? 2 : 5 };
  const loadBefore = uptime();

  const real = await section('throughput', () => realThroughput(corpus, peers, rounds));
  const large = await section('throughput', () => largeThroughput(corpus, peers, Math.max(3, Math.floor(rounds / 3))));
  const hard = await section('hard', hardInputs);
  const ours = await section('lsp', () => {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run node scripts/build.mjs`);
    return serverFigures(SERVER, corpus, latencyOptions);
  });
  const theirs = await section('lsp', () => serverFigures(peers.dockerLangserver, corpus, latencyOptions));
  const audit = await section('audit', () => {
    const dir = auditTree(corpus, 5000);
    try {
      return auditFigures(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const vsix = await section('vsix', vsixBytes);

  const t = real?.tools;
  const results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform },
    load: { before: loadBefore, after: uptime() },
    mode: quick ? 'quick' : 'full',
    peers: versions(),
    throughput: {
      corpus: real ? { files: real.files, lines: real.lines, rounds: real.rounds } : null,
      bulkhead_files_per_s: t?.bulkhead?.files_per_s ?? null,
      bulkhead_warm_cache_files_per_s: t?.bulkhead_warm?.files_per_s ?? null,
      dockerfile_utils_files_per_s: t?.dockerfile_utils?.files_per_s ?? null,
      dockerfilelint_files_per_s: t?.dockerfilelint?.files_per_s ?? null,
      parse_floor_files_per_s: t?.parse_floor?.files_per_s ?? null,
      bulkhead_ms_per_1000_lines: t?.bulkhead?.ms_per_1000_lines ?? null,
      dockerfile_utils_ms_per_1000_lines: t?.dockerfile_utils?.ms_per_1000_lines ?? null,
      dockerfilelint_ms_per_1000_lines: t?.dockerfilelint?.ms_per_1000_lines ?? null,
      parse_floor_ms_per_1000_lines: t?.parse_floor?.ms_per_1000_lines ?? null,
      /** Bulkhead's time divided by the other's: below 1 is faster. */
      ratio_vs_dockerfile_utils: ratio(t?.bulkhead?.median_ms, t?.dockerfile_utils?.median_ms),
      ratio_vs_dockerfilelint: ratio(t?.bulkhead?.median_ms, t?.dockerfilelint?.median_ms),
      ratio_vs_parse_floor: ratio(t?.bulkhead?.median_ms, t?.parse_floor?.median_ms),
      dockerfilelint_crashes: t?.dockerfilelint?.crashes ?? null,
      large_5000_line_files: large,
    },
    lsp: {
      keystroke_interval_ms: latencyOptions.intervalMs,
      keystrokes: latencyOptions.keystrokes,
      p95_ms_200_lines: ours?.latency['200']?.p95_ms ?? null,
      p95_ms_1000_lines: ours?.latency['1000']?.p95_ms ?? null,
      p95_ms_5000_lines: ours?.latency['5000']?.p95_ms ?? null,
      peer_p95_ms_200_lines: theirs?.latency['200']?.p95_ms ?? null,
      peer_p95_ms_1000_lines: theirs?.latency['1000']?.p95_ms ?? null,
      peer_p95_ms_5000_lines: theirs?.latency['5000']?.p95_ms ?? null,
      bulkhead: ours,
      peer_docker_langserver: theirs,
    },
    ...latestActivation(),
    initialize_ms: ours?.initialize_ms ?? null,
    peer_initialize_ms: theirs?.initialize_ms ?? null,
    server_rss_mb_200_docs: ours?.rss_mb_200_docs ?? null,
    peer_server_rss_mb_200_docs: theirs?.rss_mb_200_docs ?? null,
    vsix_bytes: vsix,
    audit: audit ? { ...audit, files: 5000 } : null,
    hard_inputs: hard,
  };
  if (!only) writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  else process.stderr.write('bench: --only given, bench/results.json left as it was\n');
  process.stdout.write(table(results.throughput, real, large, ours, theirs, audit, vsix, hard));
  process.stdout.write(`\nload: ${results.load.before} → ${results.load.after}\n`);
}

function versions(): Record<string, string> {
  const read = (name: string): string => {
    const manifest: unknown = JSON.parse(readFileSync(join(PEERS, 'node_modules', name, 'package.json'), 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
  };
  return Object.fromEntries(['dockerfile-utils', 'dockerfilelint', 'dockerfile-language-server-nodejs', 'dockerfile-ast'].map((name) => [name, read(name)]));
}

function table(
  throughput: { ratio_vs_dockerfile_utils: number | null; ratio_vs_parse_floor: number | null },
  real: SetFigures | null,
  large: SetFigures | null,
  ours: ServerFigures | null,
  theirs: ServerFigures | null,
  audit: { seconds_5000_files: number; peak_rss_mb: number } | null,
  vsix: number | null,
  hard: HardInput[] | null,
): string {
  const rows: string[][] = [['figure', 'Bulkhead', 'peer', 'target (SPEC §5)']];
  const names: Record<string, string> = {
    parse_floor: 'dockerfile-ast parse (floor)',
    bulkhead: 'Bulkhead lint, cold cache',
    bulkhead_warm: 'Bulkhead lint, warm cache',
    dockerfile_utils: 'dockerfile-utils validate()',
    dockerfilelint: 'dockerfilelint run()',
  };
  for (const [label, set] of [['real corpus', real], ['10 × 5,000-line files', large]] as const) {
    if (!set) continue;
    for (const [key, figures] of Object.entries(set.tools)) {
      const crashes = figures.crashes > 0 ? `, ${figures.crashes} crashes` : '';
      rows.push([`${label}: ${names[key] ?? key}`, `${figures.files_per_s} files/s, ${figures.ms_per_1000_lines} ms/1k lines${crashes}`, '', '']);
    }
  }
  rows.push(['lint time ÷ dockerfile-utils', fmt(throughput.ratio_vs_dockerfile_utils), '', '≤ 1']);
  rows.push(['lint time ÷ parse floor', fmt(throughput.ratio_vs_parse_floor), '', '≈ 2']);
  for (const size of ['200', '1000', '5000']) {
    const a = ours?.latency[size];
    const b = theirs?.latency[size];
    const show = (l: typeof a): string => (l ? `p50 ${l.p50_ms} / p95 ${l.p95_ms} / max ${l.max_ms} ms` : 'n/a');
    const target = size === '200' ? `p95 < ${TARGETS.p95_ms_200_lines} ms` : size === '5000' ? `p95 < ${TARGETS.p95_ms_5000_lines} ms` : '';
    rows.push([`didChange → diagnostics, ${size} lines`, show(a), show(b), target]);
  }
  rows.push(['initialize (spawn → result)', fmt(ours?.initialize_ms, ' ms'), fmt(theirs?.initialize_ms, ' ms'), `< ${TARGETS.initialize_ms} ms`]);
  rows.push(['server RSS, 200 open documents', fmt(ours?.rss_mb_200_docs, ' MB'), fmt(theirs?.rss_mb_200_docs, ' MB'), '']);
  rows.push(['open 200 documents → all diagnostics', fmt(ours?.open_200_docs_ms, ' ms'), fmt(theirs?.open_200_docs_ms, ' ms'), '']);
  const activation = latestActivation();
  rows.push(['extension activation (from the e2e run)', activation.activation_ms === null ? 'not measured (run npm run test:e2e)' : `${activation.activation_ms} ms (${activation.activation_measured_at?.slice(0, 10)})`, '', `< ${TARGETS.activation_ms} ms`]);
  rows.push(['VSIX size', vsix === null ? 'n/a' : `${round(vsix / 1024 / 1024, 2)} MB (${vsix} B)`, '', '< 3 MB']);
  rows.push(['audit of 5,000 files', audit ? `${audit.seconds_5000_files} s, peak RSS ${audit.peak_rss_mb} MB` : 'n/a', '', `< ${TARGETS.audit_seconds} s, < ${TARGETS.audit_peak_rss_mb} MB`]);
  if (hard) {
    const over = hard.filter((input) => input.bulkhead_cpu_ms > TARGETS.hard_input_ms);
    const worst = [...hard].sort((a, b) => b.bulkhead_cpu_ms - a.bulkhead_cpu_ms)[0];
    rows.push([`pathological inputs over 1 s CPU`, `${over.length} of ${hard.length}${worst ? ` (worst ${worst.bulkhead_cpu_ms} ms: ${worst.name})` : ''}`, '', '0']);
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]): string => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n') + '\n';
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
