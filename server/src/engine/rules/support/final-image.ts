import type { DocCommand, InstructionScript } from '../../model/commands';
import type { FileModel, RunInstruction, Stage } from '../../model/file-model';
import type { PackageInstall, PackageManager } from '../../model/packages';
import { replace } from '../../fixes/edits';
import type { Edit } from '../../types';
import { invocation, programOf, SHELLS } from './commands';

/**
 * Queries about the final image for the size rules: which stages it is made of, what it runs at
 * start-up, and what those stages need from their base image.
 */

/** The stages of the final image, the one built FROM an image first and the last stage last. */
export function finalChain(model: FileModel): Stage[] {
  // A stage's base stage comes before it, so one pass gives every stage's depth.
  const depths: number[] = [];
  for (const stage of model.stages) depths.push(stage.baseStage === null ? 0 : (depths[stage.baseStage] ?? 0) + 1);
  return model.stages.filter((stage) => stage.reachesFinalImage).sort((a, b) => (depths[a.index] ?? 0) - (depths[b.index] ?? 0));
}

/**
 * Edit that puts another image on a FROM line: only when the image is written out (not through an
 * ARG), keeping a registry prefix the author wrote (`docker.io/library/`, a Hub mirror) and dropping
 * a digest of the old image.
 */
export function replaceImage(stage: Stage, reference: string): Edit | null {
  if (!stage.imageSpan || stage.imageText.includes('$')) return null;
  // The registry (or Hub mirror) and `library/` the author wrote stay in front of a Hub successor.
  const prefix = /^(?:[^/]+\.[^/]+\/)?(?:library\/)?/i.exec(stage.imageText)?.[0] ?? '';
  const hub = !/^[^/]+\.[^/]+\//.test(reference);
  return replace(stage.imageSpan, `${hub ? prefix : ''}${reference}`);
}

/** Compressed bytes as the messages show them: `≈ 329 MB` (MB = 10^6 bytes, as registries count). */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

export function runsOfStages(model: FileModel, stages: readonly Stage[]): RunInstruction[] {
  const indexes = new Set(stages.map((stage) => stage.index));
  return model.runs.filter((run) => indexes.has(run.stage));
}

export function scriptsOfStages(model: FileModel, stages: readonly Stage[]): InstructionScript[] {
  const indexes = new Set(stages.flatMap((stage) => stage.instructions));
  return model.startupScripts.filter((script) => indexes.has(script.instruction));
}

/**
 * What the container runs when it starts: the last ENTRYPOINT of the chain, else its last CMD.
 * null when the Dockerfile sets neither (the base image's default runs) or its shell is not POSIX.
 */
export function startupScript(model: FileModel, stages: readonly Stage[]): InstructionScript | null {
  const scripts = scriptsOfStages(model, stages);
  const last = (keyword: string): InstructionScript | undefined =>
    scripts.filter((script) => model.instructions[script.instruction]?.keyword === keyword).pop();
  return last('ENTRYPOINT') ?? last('CMD') ?? null;
}

/** Every program the chain runs after FROM: RUN, CMD, ENTRYPOINT and HEALTHCHECK commands (wrappers skipped). */
export function programsRun(model: FileModel, stages: readonly Stage[]): string[] {
  const scripts = [...runsOfStages(model, stages).map((run) => run.script), ...scriptsOfStages(model, stages)];
  const programs: string[] = [];
  for (const script of scripts) {
    for (const command of script?.commands ?? []) {
      const program = invocation(command)?.program ?? programOf(command.name);
      if (program) programs.push(program);
    }
  }
  return programs;
}

/**
 * Whether a stage needs a shell in its image: any RUN, a SHELL instruction, or a CMD / ENTRYPOINT /
 * HEALTHCHECK in shell form or calling a shell.
 */
export function runsShell(model: FileModel, stages: readonly Stage[]): boolean {
  if (runsOfStages(model, stages).length > 0) return true;
  const indexes = new Set(stages.flatMap((stage) => stage.instructions));
  for (const index of indexes) {
    const record = model.instructions[index];
    if (!record) continue;
    if (record.keyword === 'SHELL') return true;
    if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(record.keyword)) {
      const script = model.startupScripts.find((s) => s.instruction === index);
      if (record.keyword === 'HEALTHCHECK' && !script) continue;
      if (!script || script.form === 'shell') return true;
      const first = script.commands[0];
      const program = first ? programOf(first.name) : null;
      if (program === null || SHELLS.has(program)) return true;
    }
  }
  return false;
}

const OS_MANAGERS: ReadonlyMap<string, PackageManager> = new Map([
  ['apt-get', 'apt'],
  ['apt', 'apt'],
  ['dpkg', 'apt'],
  ['apk', 'apk'],
  ['dnf', 'dnf'],
  ['yum', 'dnf'],
  ['microdnf', 'dnf'],
  ['rpm', 'dnf'],
  ['zypper', 'zypper'],
]);

/** The OS package manager the stages call, or null when they call none (or more than one kind). */
export function packageManagerUsed(model: FileModel, stages: readonly Stage[]): PackageManager | 'several' | null {
  const found = new Set<PackageManager>();
  for (const program of programsRun(model, stages)) {
    const manager = OS_MANAGERS.get(program);
    if (manager) found.add(manager);
  }
  if (found.size > 1) return 'several';
  return [...found][0] ?? null;
}

const JDK_PROGRAMS = new Set(['javac', 'jar', 'jlink', 'jshell', 'jdeps', 'jmod', 'jpackage', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'lein']);

/** Whether the stages compile Java or run a Java build tool. */
export function usesJdk(model: FileModel, stages: readonly Stage[]): boolean {
  return programsRun(model, stages).some((program) => JDK_PROGRAMS.has(program));
}

const NATIVE_BUILDERS = new Set(['npm', 'yarn', 'pnpm', 'pip', 'pip3', 'gem', 'bundle', 'go', 'cargo', 'curl', 'wget', 'node-gyp']);

/**
 * Whether the stages likely rely on glibc: they install language packages (npm native modules,
 * manylinux wheels), download binaries, or copy files built in a glibc stage.
 */
export function glibcLikely(model: FileModel, stages: readonly Stage[]): boolean {
  if (programsRun(model, stages).some((program) => NATIVE_BUILDERS.has(program))) return true;
  const indexes = new Set(stages.flatMap((stage) => stage.instructions));
  return [...indexes].some((index) => {
    const record = model.instructions[index];
    return (record?.keyword === 'COPY' || record?.keyword === 'ADD') && record.flags.some((flag) => flag.name === 'from');
  });
}

/** Programs the container runs at start-up or in its health check (CMD, ENTRYPOINT, HEALTHCHECK of the stages). */
export function startupPrograms(model: FileModel, stages: readonly Stage[]): string[] {
  const programs: string[] = [];
  for (const script of scriptsOfStages(model, stages)) {
    for (const command of script.commands) {
      const program = invocation(command)?.program ?? programOf(command.name);
      if (program) programs.push(program);
    }
  }
  return programs;
}

const REMOVE_SUBCOMMANDS: ReadonlyMap<PackageManager, ReadonlySet<string>> = new Map([
  ['apt', new Set(['purge', 'remove', 'autoremove'])],
  ['apk', new Set(['del'])],
  ['dnf', new Set(['remove', 'erase', 'autoremove'])],
  ['zypper', new Set(['remove', 'rm'])],
]);

/**
 * Whether a package installed by `install` is removed again later in the same RUN, by name or, for
 * `apk add --virtual NAME`, by its virtual group: then it does not ship.
 */
export function removedInSameRun(run: RunInstruction, install: PackageInstall, name: string): boolean {
  const subcommands = REMOVE_SUBCOMMANDS.get(install.manager);
  if (!subcommands || !run.script) return false;
  const names = new Set([name]);
  const words = install.command.args;
  for (let i = 0; i < words.length; i++) {
    const value = words[i]?.value;
    if (value === '--virtual' || value === '-t') {
      const group = words[i + 1]?.value;
      if (group) names.add(group);
    } else if (value?.startsWith('--virtual=')) names.add(value.slice('--virtual='.length));
  }
  const after = run.script.commands.filter((command) => command.span.start > install.command.span.end);
  if (install.manager === 'apt' && purgesAutoMarked(after)) return true;
  return after.some((command) => {
    const program = programOf(command.name);
    if (!program || OS_MANAGERS.get(program) !== install.manager) return false;
    const args = command.args.map((word) => word.value);
    return args.some((arg) => arg !== null && subcommands.has(arg)) && args.some((arg) => arg !== null && names.has(arg.replace(/[=:].*$/, '')));
  });
}

/**
 * The Docker Official Images idiom: `apt-mark auto '.*'` (then `apt-mark manual` for what was there
 * before) followed by `apt-get purge --auto-remove` or `apt-get autoremove` removes what the RUN installed.
 */
function purgesAutoMarked(commands: readonly DocCommand[]): boolean {
  const marked = commands.findIndex((command) => programOf(command.name) === 'apt-mark' && command.args[0]?.value === 'auto');
  if (marked === -1) return false;
  return commands.slice(marked + 1).some((command) => {
    const program = programOf(command.name);
    if (program !== 'apt-get' && program !== 'apt') return false;
    const args = command.args.map((word) => word.value);
    return args.includes('autoremove') || (args.some((arg) => arg === 'purge' || arg === 'remove') && args.includes('--auto-remove'));
  });
}

/** Packages that provide a program under another name (Debian, Alpine and Fedora spellings). */
const PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  gcc: ['build-essential', 'build-base'],
  'g++': ['build-essential', 'build-base', 'gcc-c++'],
  cc: ['gcc', 'build-essential', 'build-base', 'clang'],
  'c++': ['g++', 'build-essential', 'build-base', 'gcc-c++'],
  make: ['build-essential', 'build-base'],
  ssh: ['openssh-client', 'openssh-clients', 'openssh'],
  scp: ['openssh-client', 'openssh-clients', 'openssh'],
  svn: ['subversion'],
  hg: ['mercurial'],
  ps: ['procps', 'procps-ng'],
};

/** Programs the stages run without installing them: they must come with the base image. */
export function programsFromBase(model: FileModel, stages: readonly Stage[]): string[] {
  const installed = new Set(runsOfStages(model, stages).flatMap((run) => run.installs.flatMap((install) => install.packages.map((pkg) => pkg.name))));
  return programsRun(model, stages).filter(
    (program) => !installed.has(program) && !(PROVIDERS[program] ?? []).some((name) => installed.has(name)),
  );
}
