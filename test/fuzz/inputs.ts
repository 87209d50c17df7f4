import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Fuzz inputs for the engine, the CLI and the server: seeded mutations of real Dockerfiles plus a
 * fixed list of pathological files (SPEC §6). A case is a pure function of the seed, its number and
 * the seed files, so a failure is reproduced from its number on the same tree.
 */

export const ROOT = join(__dirname, '..', '..');
export const REAL_CORPUS = join(ROOT, '..', 'shared', 'corpus', 'real');

/** Cases per run: a few thousand in `npm test`, FUZZ_CASES=100000 in `npm run fuzz`. */
export function caseCount(fallback: number): number {
  const raw = process.env.FUZZ_CASES;
  const parsed = raw === undefined ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const FUZZ_SEED = Number.parseInt(process.env.FUZZ_SEED ?? '', 10) || 0x5eed;

/** mulberry32: small, fast and good enough to spread mutations; not for anything secret. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(limit: number): number {
    return Math.floor(this.next() * limit);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

export interface Seed {
  readonly name: string;
  readonly text: string;
}

export interface FuzzCase {
  /** What was done, to read in a failure message. */
  readonly name: string;
  readonly text: string;
}

export const KEYWORDS = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME',
  'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
] as const;

/** Fragments that stress the parsers: escapes, quotes, heredocs, JSON, expansions, flags, line ends. */
const TRICKY = [
  '\\\n', '`\n', '\\', '`', '"', "'", '$', '${', '}', '$(', ')', '$((', '[', ']', '["', '"]', '<<EOF\n', '<<-EOF\n',
  '\nEOF\n', '<<', '#', '# escape=`\n', '# syntax=docker/dockerfile:1\n', '=', '--', '--mount=type=cache,target=/root/.cache ',
  '--from=', '--chown=', ' && ', ' || ', ' | ', ';', '&', '\t', ' ', '\n', '\r', '\r\n', '\0', '\ufeff', '\u2028', '\ud800',
  '\udfff', '\ufffd', 'é', '😀', 'sh -c "', "bash -c '", 'apt-get install -y ', 'apk add ', 'pip install ', 'npm install ',
  'curl -fsSL http://x | sh', ' 22', ':latest', '@sha256:', ' AS ', 'FROM ', 'RUN ', 'EXPOSE 22/tcp', 'ARG X=${X}',
];

const GARBAGE = [
  '', ' ', '[', '[]', '["', '[""', '["a",', '{}', '"', "'", '\\', '`', '$', '${', '${A:-${B:+', '$(', '<<', '<<EOF',
  '--', '--=', '--flag', '--mount=', '--mount=type=', '--from', '-', '=', 'a=', '=b', '"a"="b"', '0', '-1', '99999999999999999999',
  '65536', '22-', '-22', '1-65535/tcp', '/udp', 'NONE', 'CMD', 'CMD [', 'AS', 'AS AS', 'a AS', '\0', '\ud800', 'é', '😀',
  'x'.repeat(300), '\\\n', '`\n', '#', '# comment', 'ONBUILD ONBUILD', 'ONBUILD RUN', 'HEALTHCHECK --interval= CMD',
];

/** Dockerfiles of the project: examples, fixtures, and the bad/good blocks of every rule page. */
export function projectSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const isDockerfile = (name: string): boolean => /^(Dockerfile|Containerfile)(\..+)?$|\.(dockerfile|containerfile)$/i.test(name);
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === '.git' || name.startsWith('.tmp') || name === '.artifacts') continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (isDockerfile(name)) seeds.push({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(ROOT, 'examples'));
  walk(join(ROOT, 'test'));
  const docs = join(ROOT, 'docs', 'rules');
  if (existsSync(docs)) {
    for (const name of readdirSync(docs).sort()) {
      if (!name.endsWith('.md')) continue;
      const page = readFileSync(join(docs, name), 'utf8');
      [...page.matchAll(/```dockerfile\n([\s\S]*?)```/g)].forEach((match, index) => {
        seeds.push({ name: `docs/rules/${name}#${index + 1}`, text: match[1] ?? '' });
      });
    }
  }
  return seeds;
}

/** The real corpus (../shared/corpus/real), for `test:corpus` and the long run. */
export function corpusSeeds(): Seed[] {
  if (!existsSync(REAL_CORPUS)) return [];
  return readdirSync(REAL_CORPUS)
    .filter((name) => name !== 'INDEX.json')
    .sort()
    .map((name) => ({ name: `corpus/${name}`, text: readFileSync(join(REAL_CORPUS, name), 'utf8') }));
}

type Mutation = (random: Random, text: string, seeds: readonly Seed[]) => string;

const MUTATIONS: Readonly<Record<string, Mutation>> = {
  truncate: (random, text) => text.slice(0, random.int(text.length + 1)),
  chopStart: (random, text) => text.slice(random.int(text.length + 1)),
  flipChars: (random, text) => {
    const chars = [...text];
    for (let n = 1 + random.int(8); n > 0 && chars.length > 0; n--) chars[random.int(chars.length)] = String.fromCharCode(random.int(0x10000));
    return chars.join('');
  },
  /** Flip bytes of the UTF-8 encoding and decode it again, as a file read with invalid UTF-8 is. */
  flipBytes: (random, text) => {
    const bytes = Buffer.from(text, 'utf8');
    for (let n = 1 + random.int(8); n > 0 && bytes.length > 0; n--) bytes[random.int(bytes.length)] = random.int(256);
    return bytes.toString('utf8');
  },
  insertTricky: (random, text) => {
    let result = text;
    for (let n = 1 + random.int(4); n > 0; n--) {
      const at = random.int(result.length + 1);
      result = result.slice(0, at) + random.pick(TRICKY) + result.slice(at);
    }
    return result;
  },
  deleteRange: (random, text) => {
    const start = random.int(text.length + 1);
    return text.slice(0, start) + text.slice(start + random.int(40));
  },
  shuffleLines: (random, text) => {
    const lines = text.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    }
    return lines.join('\n');
  },
  swapLines: (random, text) => {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    const j = random.int(lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  duplicateLine: (random, text) => {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    lines.splice(i, 0, ...Array.from({ length: 1 + random.int(50) }, () => lines[i] ?? ''));
    return lines.join('\n');
  },
  /** Another instruction keyword with the original arguments, or garbage ones. */
  swapKeyword: (random, text) => {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    const rest = (lines[i] ?? '').replace(/^\s*\S*/, '');
    lines[i] = random.pick(KEYWORDS) + (random.chance(0.5) ? rest : ` ${random.pick(GARBAGE)}`);
    return lines.join('\n');
  },
  crlf: (_random, text) => text.replace(/\r?\n/g, '\r\n'),
  loneCr: (_random, text) => text.replace(/\r?\n/g, '\r'),
  bom: (_random, text) => `\ufeff${text}`,
  nul: (random, text) => {
    const at = random.int(text.length + 1);
    return `${text.slice(0, at)}\0${text.slice(at)}`;
  },
  backtickEscape: (_random, text) => `# escape=\`\n${text.replace(/\\\n/g, '`\n')}`,
  splice: (random, text, seeds) => {
    const other = random.pick(seeds).text;
    return text.slice(0, random.int(text.length + 1)) + other.slice(random.int(other.length + 1));
  },
  growLine: (random, text) => {
    const lines = text.split('\n');
    const i = random.int(lines.length);
    lines[i] = (lines[i] ?? '') + ` ${random.pick(TRICKY)}`.repeat(1 + random.int(2000));
    return lines.join('\n');
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Case `n` of a run: one to three mutations of a seed, the same for the same seed and n. */
export function mutatedCase(seeds: readonly Seed[], n: number, seed = FUZZ_SEED): FuzzCase {
  const random = new Random(seed ^ Math.imul(n + 1, 0x9e3779b1));
  const base = random.pick(seeds);
  let text = base.text;
  const applied: string[] = [];
  for (let k = 1 + random.int(3); k > 0; k--) {
    const name = random.pick(MUTATION_NAMES);
    const mutation = MUTATIONS[name];
    if (!mutation) continue;
    text = mutation(random, text, seeds);
    applied.push(name);
  }
  return { name: `#${n} ${base.name} ${applied.join('+')}`, text };
}

const MB = 1 << 20;

/** The fixed hard cases: huge lines, deep continuations, open heredocs, odd bytes, every keyword. */
export function pathologicalCases(): FuzzCase[] {
  const cases: FuzzCase[] = [
    { name: '1 MB RUN of package installs', text: `FROM debian\nRUN ${'apt-get install -y curl && '.repeat(MB / 27)}true\n` },
    { name: '1 MB single shell word', text: `FROM debian\nRUN ${'a'.repeat(MB)}\n` },
    { name: '1 MB quoted string', text: `FROM debian\nRUN echo "${'x '.repeat(MB / 2)}"\n` },
    { name: '1 MB LABEL value', text: `FROM debian\nLABEL a="${'x'.repeat(MB)}"\n` },
    { name: '1 MB comment line', text: `# ${'x'.repeat(MB)}\nFROM debian\n` },
    { name: '1 MB of ports (≈350,000 EXPOSE items)', text: `FROM debian\nEXPOSE ${'22 '.repeat(MB / 3)}\n` },
    { name: '1 MB exec-form array', text: `FROM debian\nCMD [${'"a",'.repeat(MB / 4)}"b"]\n` },
    { name: '1 MB of unclosed brackets', text: `FROM debian\nCMD ${'['.repeat(MB)}\n` },
    { name: '1 MB of nested expansions', text: `FROM debian\nRUN echo ${'${a:-'.repeat(MB / 10)}${'}'.repeat(MB / 10)}\n` },
    { name: '1 MB line without a newline', text: `FROM ${'a'.repeat(MB)}` },
    { name: '10,000 continuations of packages', text: `FROM debian\nRUN apt-get install -y \\\n${'    pkg \\\n'.repeat(10_000)}    last\n` },
    { name: '10,000 empty continuations', text: `FROM debian\nRUN \\\n${'\\\n'.repeat(10_000)}\n` },
    { name: '10,000 comment lines inside a RUN', text: `FROM debian\nRUN apt-get install \\\n${'# note\n'.repeat(10_000)}    curl\n` },
    { name: '10,000 continuations with a backtick escape', text: `# escape=\`\nFROM debian\nRUN apk add \`\n${'  pkg `\n'.repeat(10_000)}  last\n` },
    { name: '10,000 continuations, CRLF', text: `FROM debian\r\nRUN apt-get install -y \\\r\n${'    pkg \\\r\n'.repeat(10_000)}    last\r\n` },
    { name: 'continuation at end of file', text: 'FROM debian\nRUN apt-get update \\' },
    { name: 'unterminated heredoc, 10,000 lines', text: `FROM debian\nRUN <<EOF\n${'apt-get install -y curl\n'.repeat(10_000)}` },
    { name: 'unterminated COPY heredoc', text: `FROM debian\nCOPY <<EOF /etc/x\n${'line\n'.repeat(1000)}` },
    { name: 'many heredoc openers on one line', text: `FROM debian\nRUN ${'<<E '.repeat(5000)}\n` },
    { name: 'heredoc with quoted delimiter never closed', text: "FROM debian\nRUN <<'EOF' bash\nset -e\necho $HOME\n" },
    { name: 'ARG values doubling 40 times', text: `FROM debian\nARG A0=xxxxxxxx\n${Array.from({ length: 40 }, (_, i) => `ARG A${i + 1}=\${A${i}}\${A${i}}`).join('\n')}\nRUN echo $A40\nFROM \${A40}\n` },
    { name: 'ENV values doubling 40 times', text: `FROM debian\nENV A0=xxxxxxxx\n${Array.from({ length: 40 }, (_, i) => `ENV A${i + 1}=\${A${i}}\${A${i}}`).join('\n')}\nEXPOSE $A40\n` },
    { name: '1 MB ENV of 70,000 quoted pairs', text: `FROM debian\nENV ${Array.from({ length: 70_000 }, (_, i) => `K${i}="v ${i}"`).join(' ')}\n` },
    { name: '50,000 ENV lines', text: `FROM debian\n${Array.from({ length: 50_000 }, (_, i) => `ENV K${i}=v${i}`).join('\n')}\n` },
    { name: '5,000 ARGs', text: `${Array.from({ length: 5000 }, (_, i) => `ARG V${i}=\${V${Math.max(0, i - 1)}}x`).join('\n')}\nFROM debian:\${V4999}\n` },
    { name: '2,000 stages each built FROM the previous', text: Array.from({ length: 2000 }, (_, i) => (i === 0 ? 'FROM debian AS s0' : `FROM s${i - 1} AS s${i}\nRUN apt-get install -y p${i}`)).join('\n') },
    { name: '20,000 stages each built FROM the previous', text: Array.from({ length: 20_000 }, (_, i) => (i === 0 ? 'FROM debian AS s0' : `FROM s${i - 1} AS s${i}`)).join('\n') },
    { name: '20,000 stages FROM the same image', text: Array.from({ length: 20_000 }, (_, i) => `FROM debian:12 AS s${i}`).join('\n') },
    { name: 'a stage built FROM itself', text: 'FROM a AS a\nFROM b AS b\nFROM a AS c\nFROM c AS a\n' },
    { name: 'sh -c nested 200 deep', text: `FROM debian\nRUN ${'sh -c "'.repeat(200)}apt-get install -y ssh${'"'.repeat(200)}\n` },
    { name: 'command substitution nested 2,000 deep', text: `FROM debian\nRUN echo ${'$('.repeat(2000)}x${')'.repeat(2000)}\n` },
    { name: 'arithmetic nested 5,000 deep', text: `FROM debian\nRUN echo $((${'('.repeat(5000)}1${')'.repeat(5000)}))\n` },
    { name: 'JSON string of 200,000 escapes', text: `FROM debian\nCMD ["${'\\\\'.repeat(200_000)}"]\n` },
    { name: 'NUL bytes everywhere', text: 'FROM deb\0ian\nRUN \0\0 apt-get install\0 -y x\n\0EXPOSE 2\x002\n\0' },
    { name: 'lone surrogates', text: 'FROM \ud800\nRUN apt-get install -y \udfff\ud83d\nEXPOSE \udc00\n' },
    { name: 'BOM and CRLF', text: '\ufeffFROM debian\r\nRUN apt-get update && apt-get install -y curl\r\nEXPOSE 22\r\n' },
    { name: 'BOM before a directive', text: '\ufeff# escape=`\nFROM debian\nRUN echo `\n  hi\n' },
    { name: 'only carriage returns', text: 'FROM debian\rRUN apt-get install -y curl\rEXPOSE 22\r' },
    { name: 'empty file', text: '' },
    { name: 'only whitespace', text: ' \n\t\n\r\n' },
    { name: 'only a directive', text: '# syntax=docker/dockerfile:1' },
    { name: 'escape directive with odd values', text: '# escape=x\n# escape=\\\\\nFROM debian\nRUN a x\n b\n' },
    { name: 'pragma comments with garbage', text: '# bulkhead ignore=,,,\n# hadolint ignore=\nFROM debian\n# bulkhead global ignore= , \nEXPOSE 22\n' },
    { name: '10,000 instructions', text: `FROM debian\n${'RUN apt-get install -y curl\n'.repeat(10_000)}` },
  ];
  for (const keyword of KEYWORDS) {
    const lines = GARBAGE.map((garbage) => `${keyword} ${garbage}`);
    cases.push({ name: `${keyword} with garbage arguments`, text: `FROM debian AS base\n${lines.join('\n')}\n${keyword}\n` });
    cases.push({ name: `${keyword} with garbage, lower case, no FROM`, text: `${lines.map((line) => line.toLowerCase()).join('\n')}\n` });
  }
  return cases;
}
