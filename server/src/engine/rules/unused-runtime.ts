import { installedSize, runtimeOfExecutable, runtimeOfPackage, runtimesUsedIndirectly, type Runtime } from '../../knowledge/packages';
import { removePackageFixes } from '../fixes/edits';
import type { FileModel, Stage } from '../model/file-model';
import type { Rule } from '../types';
import { invocation, SHELLS } from './support/commands';
import { finalChain, megabytes, removedInSameRun, runsOfStages, scriptsOfStages, startupScript } from './support/final-image';

const RUNTIME_NAMES: Readonly<Record<Runtime, string>> = {
  java: 'Java',
  python: 'Python',
  node: 'Node.js',
  ruby: 'Ruby',
  php: 'PHP',
  go: 'Go',
  dotnet: '.NET',
};

/** Script extensions that name their interpreter. */
const EXTENSIONS: Readonly<Record<string, Runtime>> = { py: 'python', js: 'node', mjs: 'node', cjs: 'node', rb: 'ruby', php: 'php', jar: 'java' };

export const rule: Rule = {
  id: 'unused-runtime',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: 'A language runtime is installed in the final image but nothing runs it.' },
    fix: 'sometimes',
    messages: {
      unused: ({ name, runtime }) =>
        `\`${name}\` installs the ${runtime} runtime, but nothing in the final image runs it, so it only adds size and patches; remove it.`,
    },
    crossRefs: [],
  },
  *check(model, ctx) {
    const chain = finalChain(model);
    // Without CMD/ENTRYPOINT the image's use is unknown (a base for other images, or run by hand).
    if (!startupScript(model, chain)) return;
    const used = runtimesUsed(model, chain, ctx.buildContext.files);
    if (used === null) return;
    for (const run of runsOfStages(model, chain)) {
      for (const install of run.installs) {
        for (const pkg of install.packages) {
          const runtime = runtimeOfPackage(install.manager, pkg.name);
          if (!runtime || used.has(runtime) || removedInSameRun(run, install, pkg.name)) continue;
          // Debian metadata with the dependencies a slim image lacks: an upper estimate, hence "up to".
          const size = installedSize(install.manager, pkg.name);
          const saving = size === null ? '' : ` (up to ≈ ${megabytes(size)} installed)`;
          yield {
            messageId: 'unused',
            data: { name: pkg.word.text, runtime: RUNTIME_NAMES[runtime] },
            span: pkg.word.span,
            instruction: run.instruction.index,
            tags: ['unnecessary'],
            fixes: removePackageFixes(model.parsed, run, install, pkg, saving),
          };
        }
      }
    }
  },
};

/**
 * The runtimes the stages run: in RUN, CMD, ENTRYPOINT, HEALTHCHECK and SHELL, and inside scripts
 * they execute when the build context has them. null when something runs that cannot be read (a
 * dynamic command, a script not in the context): then nothing is reported.
 */
function runtimesUsed(model: FileModel, chain: readonly Stage[], files: ReadonlyMap<string, string> | undefined): Set<Runtime> | null {
  const used = new Set<Runtime>();
  const scripts = [...runsOfStages(model, chain).map((run) => run.script), ...scriptsOfStages(model, chain)];
  const indexes = new Set(chain.flatMap((stage) => stage.instructions));
  for (const index of indexes) {
    const record = model.instructions[index];
    const shell = record?.keyword === 'SHELL' ? record.exec?.[0]?.value : undefined;
    const runtime = shell ? runtimeOfExecutable(shell) : null;
    if (runtime) used.add(runtime);
  }
  for (const script of scripts) {
    if (!script) continue;
    for (const command of script.commands) {
      const run = invocation(command);
      if (!run) return null;
      const program = run.program;
      for (const indirect of runtimesUsedIndirectly(program)) used.add(indirect);
      const runtime = runtimeOfExecutable(program);
      if (runtime) {
        used.add(runtime);
        continue;
      }
      const target = scriptRun(run.name.value, program, run.args[0]?.value);
      if (target === null) continue;
      const fromScript = scriptRuntimes(target, files);
      if (fromScript === null) return null;
      for (const r of fromScript) used.add(r);
    }
  }
  return used;
}

/**
 * The script a command runs, if any: `./start.sh`, `/app/run`, `app.py`, or the operand of
 * `bash run.sh`. A bare program on PATH (`nginx`) is not a script of the image's own.
 */
function scriptRun(written: string | null, program: string, first: string | null | undefined): string | null {
  if (SHELLS.has(program)) return first && !first.startsWith('-') ? first : null;
  return written !== null && (written.includes('/') || written.includes('.')) ? written : null;
}

/** Runtimes a script uses: by its extension, else by reading it from the build context (matched by file name). */
function scriptRuntimes(path: string, files: ReadonlyMap<string, string> | undefined): Runtime[] | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const extension = EXTENSIONS[name.slice(name.lastIndexOf('.') + 1)];
  if (name.includes('.') && extension) return [extension];
  const text = [...(files ?? new Map<string, string>()).entries()].find(([file]) => file === name || file.endsWith(`/${name}`))?.[1];
  if (text === undefined) return null;
  const runtimes = new Set<Runtime>();
  for (const word of text.match(/[A-Za-z0-9_.+-]+/g) ?? []) {
    const runtime = runtimeOfExecutable(word);
    if (runtime) runtimes.add(runtime);
  }
  return [...runtimes];
}
