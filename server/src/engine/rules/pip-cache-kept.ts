import type { FileModel, RunInstruction } from '../model/file-model';
import type { PackageInstall } from '../model/packages';
import { addInstallOption, fixesOf } from '../fixes/edits';
import type { Rule } from '../types';
import { mountsOver, removesAfter } from './support/caches';
import { installsOf, runsReachingFinalImage } from './support/queries';

const VARIABLE = 'PIP_NO_CACHE_DIR';
/** pip reads the variable as a boolean; these spellings turn the cache off. */
const TRUTHY = /^(1|true|yes|on)$/i;
const CACHE_DIRS = /(^|\/)\.cache(\/pip)?\/?$/;
const CACHE_CONTENT = /(^|\/)\.cache\/pip(\/\*?)?$/;

export const rule: Rule = {
  id: 'pip-cache-kept',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: '`pip install` without `--no-cache-dir` leaves the wheel cache in the layer.' },
    fix: 'sometimes',
    messages: {
      cacheKept: ({ command }) =>
        `\`${command}\` runs without \`--no-cache-dir\`, which leaves pip's download and wheel cache (often tens of MB) in this layer; add the flag.`,
    },
    crossRefs: [{ linter: 'hadolint', id: 'DL3042', match: 'same' }],
  },
  *check(model) {
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      if (install.manager !== 'pip' || install.options.has('--no-cache-dir')) continue;
      if (cacheDisabled(model, run, install)) continue;
      const command = install.command.exact ? model.text.slice(install.command.name.span.start, install.subcommand.span.end) : `${install.program} install`;
      yield {
        messageId: 'cacheKept',
        data: { command },
        span: { start: install.command.name.span.start, end: install.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: fixesOf('Add `--no-cache-dir`', addInstallOption(run, install, '--no-cache-dir')),
      };
    }
  },
};

function cacheDisabled(model: FileModel, run: RunInstruction, install: PackageInstall): boolean {
  if (mountsOver(run, CACHE_DIRS) || removesAfter(run, install.command.span.start, CACHE_CONTENT)) return true;
  const prefix = install.command.assignments.find((word) => word.value?.startsWith(`${VARIABLE}=`));
  if (prefix?.value) return TRUTHY.test(unquote(prefix.value.slice(VARIABLE.length + 1)));
  // The last `export PIP_NO_CACHE_DIR=...` before the install in the same RUN.
  const exported = (run.script?.commands ?? [])
    .filter((command) => command.name.value === 'export' && command.span.start < install.command.span.start)
    .flatMap((command) => command.args)
    .filter((word) => word.value?.startsWith(`${VARIABLE}=`))
    .pop();
  if (exported?.value) return TRUTHY.test(unquote(exported.value.slice(VARIABLE.length + 1)));
  const value = model.scopeAt(run.instruction.index).get(VARIABLE);
  return typeof value === 'string' && TRUTHY.test(value);
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}
