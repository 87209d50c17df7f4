import { DockerfileParser } from 'dockerfile-ast';
import { lint } from '../server/src/engine/lint';
import { clearTextCaches } from '../server/src/engine/caches';
import { clearImageFacts } from '../server/src/knowledge/images';
import { pathologicalCases } from '../test/fuzz/inputs';
import { largeFile, lineCount, median, round, type Input, type Peers } from './support';

/**
 * In-process lint throughput, Bulkhead beside its peers on the same files in the same process:
 * rounds interleave the tools so machine noise falls on all of them, and each figure is the median
 * round. Bulkhead's caches (instruction parses, shell analyses, image facts) are emptied before each
 * of its cold passes, so every instruction and RUN is parsed, as in a CLI run over files it has not
 * seen; the warm figure (caches kept) is what the editor gets on edits.
 */

function clearEngineCaches(): void {
  clearTextCaches();
  clearImageFacts();
}

const NOW = new Date('2026-11-29T12:00:00Z');

interface Tool {
  readonly name: string;
  readonly key: string;
  readonly run: (text: string) => void;
  readonly before?: () => void;
}

export interface ToolFigures {
  readonly median_ms: number;
  readonly files_per_s: number;
  readonly ms_per_1000_lines: number;
  readonly crashes: number;
}

export interface SetFigures {
  readonly files: number;
  readonly lines: number;
  readonly rounds: number;
  readonly tools: Readonly<Record<string, ToolFigures>>;
}

function measure(inputs: readonly Input[], tools: readonly Tool[], rounds: number): SetFigures {
  const lines = inputs.reduce((sum, input) => sum + lineCount(input.text), 0);
  const times = new Map<string, number[]>(tools.map((tool) => [tool.key, []]));
  const crashes = new Map<string, number>(tools.map((tool) => [tool.key, 0]));
  // Round 0 warms the JIT of every tool and is not counted.
  for (let round = 0; round <= rounds; round++) {
    for (const tool of tools) {
      tool.before?.();
      let crashed = 0;
      const start = performance.now();
      for (const input of inputs) {
        try {
          tool.run(input.text);
        } catch {
          crashed++;
        }
      }
      const elapsed = performance.now() - start;
      if (round > 0) times.get(tool.key)?.push(elapsed);
      crashes.set(tool.key, crashed);
    }
  }
  const figures: Record<string, ToolFigures> = {};
  for (const tool of tools) {
    const ms = median(times.get(tool.key) ?? []);
    figures[tool.key] = {
      median_ms: round(ms, 1),
      files_per_s: round((inputs.length / ms) * 1000, 0),
      ms_per_1000_lines: round((ms / lines) * 1000, 2),
      crashes: crashes.get(tool.key) ?? 0,
    };
  }
  return { files: inputs.length, lines, rounds, tools: figures };
}

export function tools(peers: Peers): Tool[] {
  return [
    { name: 'dockerfile-ast parse (floor)', key: 'parse_floor', run: (text) => void DockerfileParser.parse(text) },
    { name: 'Bulkhead lint (cold caches)', key: 'bulkhead', run: (text) => void lint(text, { now: NOW }), before: clearEngineCaches },
    { name: 'Bulkhead lint (warm caches)', key: 'bulkhead_warm', run: (text) => void lint(text, { now: NOW }) },
    { name: 'dockerfile-utils validate()', key: 'dockerfile_utils', run: (text) => void peers.dockerfileUtils(text) },
    { name: 'dockerfilelint run()', key: 'dockerfilelint', run: (text) => void peers.dockerfilelint(text) },
  ];
}

export function realThroughput(corpus: readonly Input[], peers: Peers, rounds: number): SetFigures {
  return measure(corpus, tools(peers), rounds);
}

/** Ten generated 5,000-line files: how each tool scales with file size. */
export function largeThroughput(corpus: readonly Input[], peers: Peers, rounds: number): SetFigures {
  const inputs = Array.from({ length: 10 }, (_, k) => ({ name: `large-${k}`, text: largeFile(corpus, 5000, k * 17) }));
  return measure(inputs, tools(peers), rounds);
}

export interface HardInput {
  readonly name: string;
  readonly chars: number;
  readonly bulkhead_cpu_ms: number;
  readonly parse_floor_cpu_ms: number;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** CPU time of one cold lint per pathological fuzz input, against the one-second target of SPEC §6. */
export function hardInputs(): HardInput[] {
  return pathologicalCases().map((input) => {
    clearEngineCaches();
    const bulkhead = cpuMs(() => void lint(input.text, { now: NOW }));
    const floor = cpuMs(() => void DockerfileParser.parse(input.text));
    return { name: input.name, chars: input.text.length, bulkhead_cpu_ms: round(bulkhead, 0), parse_floor_cpu_ms: round(floor, 0) };
  });
}
