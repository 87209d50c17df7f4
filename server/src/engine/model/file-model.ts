import { parseDockerfile, type InstructionRecord, type ParsedDockerfile } from '../parse/dockerfile';
import type { Span } from '../types';
import { readInstructionScript, type DocCommand, type InstructionScript } from './commands';
import { parseImageReference, type ImageReference } from './image-ref';
import { readPackageInstall, type PackageInstall } from './packages';
import { substitute, UNKNOWN, VariableScope, type Scope, type VariableValue } from './variables';

export interface Stage {
  readonly index: number;
  /** The `AS` name, lower-cased; null when unnamed. */
  readonly name: string | null;
  readonly from: InstructionRecord;
  /** The image argument as written and its span. */
  readonly imageText: string;
  readonly imageSpan: Span | null;
  /** The base reference with ARGs substituted; null when it depends on an unknown value. */
  readonly image: ImageReference | null;
  /** Index of the stage this one is built `FROM`, or null for an image. */
  readonly baseStage: number | null;
  readonly platform: string | null;
  /** Indexes into `FileModel.instructions`, the FROM first. */
  readonly instructions: readonly number[];
  /** True for the final stage and the stages it is built `FROM`, transitively. */
  readonly reachesFinalImage: boolean;
}

export interface Mount {
  readonly type: string;
  readonly target: string | null;
  readonly options: ReadonlyMap<string, string>;
}

export interface RunInstruction {
  /** The RUN, or for `ONBUILD RUN` its trigger record. */
  readonly instruction: InstructionRecord;
  /** An `ONBUILD RUN`: it runs when a child image is built, so what it installs ships there. */
  readonly onbuild: boolean;
  readonly stage: number;
  readonly mounts: readonly Mount[];
  /** Commands of the RUN; null when the shell is not a POSIX shell or the RUN is empty. */
  readonly script: InstructionScript | null;
  readonly installs: readonly PackageInstall[];
}

export interface FileModel {
  readonly parsed: ParsedDockerfile;
  readonly text: string;
  readonly instructions: readonly InstructionRecord[];
  readonly stages: readonly Stage[];
  /** Stage index of each instruction; -1 before the first FROM. */
  readonly stageOf: readonly number[];
  /**
   * Whether what a stage installs ships in the final image. Stage -1 holds the instructions before
   * any FROM: it counts as final only in a fragment with no FROM at all (a snippet being written).
   */
  inFinalImage(stage: number): boolean;
  readonly runs: readonly RunInstruction[];
  /** CMD, ENTRYPOINT and HEALTHCHECK scripts by instruction index. */
  readonly startupScripts: readonly InstructionScript[];
  /** ARG/ENV values in scope at each instruction (before it takes effect). */
  scopeAt(instruction: number): Scope;
  /** The SHELL in effect for an instruction (inherited through `FROM <stage>`). */
  shellAt(instruction: number): readonly string[];
  /** An instruction argument with variables substituted; null when it depends on an unknown. */
  resolve(text: string, instruction: number): string | null;
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];
/** BuildKit predefines these for FROM lines (`FROM binaries-$TARGETOS`); their values come from the build. */
const AUTOMATIC_PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

export function buildModel(text: string): FileModel {
  const parsed = parseDockerfile(text);
  const { instructions, escapeChar } = parsed;
  const stageOf: number[] = [];
  const scopes: Scope[] = [];
  const shells: (readonly string[])[] = [];
  /** Per instruction: whether undeclared variables may come from a base image's ENV. */
  const imageEnv: boolean[] = [];
  const stages: MutableStage[] = [];
  const stageByName = new Map<string, number>();
  const runs: RunInstruction[] = [];
  const startupScripts: InstructionScript[] = [];
  let globalScope = VariableScope.of(new Map(AUTOMATIC_PLATFORM_ARGS.map((name) => [name, UNKNOWN])));
  let scope = globalScope;
  let shell: readonly string[] = DEFAULT_SHELL;

  for (const record of instructions) {
    scopes.push(scope);
    shells.push(shell);
    const fromImage = stages[stages.length - 1]?.fromImage ?? false;
    imageEnv.push(fromImage);
    switch (record.keyword) {
      case 'FROM': {
        const stage = readStage(record, stages, stageByName, globalScope);
        stages.push(stage);
        if (stage.name !== null && !stageByName.has(stage.name)) stageByName.set(stage.name, stage.index);
        // ENV carries over from a base stage; ARGs do not.
        scope = stage.env;
        shell = stage.baseStage === null ? DEFAULT_SHELL : (stages[stage.baseStage]?.shell ?? DEFAULT_SHELL);
        break;
      }
      case 'ARG': {
        // BuildKit reads an ARG's pairs in order: a value sees the pairs before it in the same ARG.
        const bindings = new Map<string, VariableValue>();
        const before = scope;
        const sofar: Scope = { get: (name) => bindings.get(name) ?? before.get(name) };
        for (const property of record.properties) {
          const inherited = stages.length > 0 ? globalScope.get(property.name) : undefined;
          bindings.set(property.name, property.value !== null ? (substitute(property.value, sofar, fromImage) ?? UNKNOWN) : (inherited ?? UNKNOWN));
        }
        scope = scope.with(bindings);
        if (stages.length === 0) globalScope = scope;
        break;
      }
      case 'ENV': {
        // Every value of one ENV sees the variables as they were before it (the Dockerfile reference,
        // "Environment replacement": in "ENV abc=bye def=$abc", def gets the earlier abc).
        const bindings = new Map<string, VariableValue>();
        for (const property of record.properties) bindings.set(property.name, property.value === null ? UNKNOWN : (substitute(property.value, scope, fromImage) ?? UNKNOWN));
        scope = scope.with(bindings);
        const stage = stages[stages.length - 1];
        if (stage) stage.env = stage.env.with(bindings);
        break;
      }
      case 'SHELL':
        if (record.exec && record.exec.length > 0) shell = record.exec.map((s) => s.value);
        break;
    }
    const stageIndex = stages.length - 1;
    stageOf.push(stageIndex);
    const current = stages[stageIndex];
    if (current) {
      current.instructions.push(record.index);
      current.shell = shell;
    }
    const run = record.keyword === 'RUN' ? record : record.trigger?.keyword === 'RUN' ? record.trigger : null;
    if (run) {
      const script = readInstructionScript(run, text, escapeChar, shell);
      runs.push({ instruction: run, onbuild: run !== record, stage: stageIndex, mounts: readMounts(run), script, installs: installsOf(script) });
    } else if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(record.keyword)) {
      const script = readInstructionScript(record, text, escapeChar, shell);
      if (script) startupScripts.push(script);
    }
  }
  markReachable(stages);

  return {
    parsed,
    text,
    instructions,
    stages,
    stageOf,
    runs,
    startupScripts,
    inFinalImage: (stage) => (stage === -1 ? stages.length === 0 : (stages[stage]?.reachesFinalImage ?? false)),
    scopeAt: (instruction) => scopes[instruction] ?? VariableScope.EMPTY,
    shellAt: (instruction) => shells[instruction] ?? DEFAULT_SHELL,
    resolve: (value, instruction) => substitute(value, scopes[instruction] ?? VariableScope.EMPTY, imageEnv[instruction] ?? false),
  };
}

interface MutableStage extends Stage {
  instructions: number[];
  reachesFinalImage: boolean;
  shell: readonly string[];
  /** ENV set so far in this stage and its base stages. */
  env: VariableScope;
  /** Built (through its base stages) on an image other than scratch, whose ENV is not known here. */
  fromImage: boolean;
}

/** `stageByName` has the first earlier stage of each name, the one `FROM <name>` refers to. */
function readStage(record: InstructionRecord, previous: readonly MutableStage[], stageByName: ReadonlyMap<string, number>, globalScope: VariableScope): MutableStage {
  const [imageArg, asKeyword, nameArg] = record.args;
  const name = asKeyword?.value.toUpperCase() === 'AS' && nameArg ? nameArg.value.toLowerCase() : null;
  const imageText = imageArg?.value ?? '';
  const resolved = substitute(imageText, globalScope);
  const baseStage = resolved === null ? -1 : (stageByName.get(resolved.toLowerCase()) ?? -1);
  const platformFlag = record.flags.find((flag) => flag.name === 'platform');
  const base = baseStage === -1 ? undefined : previous[baseStage];
  return {
    index: previous.length,
    name,
    from: record,
    imageText,
    imageSpan: imageArg?.span ?? null,
    image: resolved === null || baseStage !== -1 ? null : parseImageReference(resolved),
    baseStage: baseStage === -1 ? null : baseStage,
    platform: platformFlag?.value ?? null,
    instructions: [],
    reachesFinalImage: false,
    shell: DEFAULT_SHELL,
    env: base ? base.env : VariableScope.EMPTY,
    fromImage: base ? base.fromImage : resolved === null || resolved.toLowerCase() !== 'scratch',
  };
}

function markReachable(stages: MutableStage[]): void {
  let stage = stages[stages.length - 1];
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    stage.reachesFinalImage = true;
    stage = stage.baseStage === null ? undefined : stages[stage.baseStage];
  }
}

function readMounts(record: InstructionRecord): Mount[] {
  const mounts: Mount[] = [];
  for (const flag of record.flags) {
    if (flag.name !== 'mount' || !flag.value) continue;
    const options = new Map<string, string>();
    for (const part of flag.value.split(',')) {
      const equals = part.indexOf('=');
      if (equals === -1) options.set(part.trim(), 'true');
      else options.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
    }
    mounts.push({
      type: options.get('type') ?? 'bind',
      target: options.get('target') ?? options.get('dst') ?? options.get('destination') ?? null,
      options,
    });
  }
  return mounts;
}

/** Keyed by the commands list, which an unchanged RUN keeps from one keystroke to the next. */
const installsByCommands = new WeakMap<readonly DocCommand[], readonly PackageInstall[]>();

function installsOf(script: InstructionScript | null): readonly PackageInstall[] {
  if (!script) return [];
  const known = installsByCommands.get(script.commands);
  if (known) return known;
  const installs: PackageInstall[] = [];
  for (const command of script.commands) {
    const install = readPackageInstall(command);
    if (install) installs.push(install);
  }
  installsByCommands.set(script.commands, installs);
  return installs;
}
