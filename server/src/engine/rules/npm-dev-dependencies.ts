import type { FileModel, RunInstruction } from '../model/file-model';
import type { PackageInstall } from '../model/packages';
import { insertAt } from '../fixes/edits';
import type { Rule } from '../types';
import { installsOf, runsReachingFinalImage } from './support/queries';

/** Flags that leave devDependencies out (`--omit dev` is read from the words, as the model takes its value). */
const OMITS_DEV = /^(--omit=dev|--production|--production=true|--only=prod(uction)?)$/;
/** npm reads these from the environment; `NODE_ENV=production` makes it omit devDependencies too. */
const ENVIRONMENT: ReadonlyMap<string, RegExp> = new Map([
  ['NODE_ENV', /^production$/],
  ['NPM_CONFIG_PRODUCTION', /^true$/i],
  ['npm_config_production', /^true$/i],
  ['NPM_CONFIG_OMIT', /(^|\s)dev(\s|$)/],
  ['npm_config_omit', /(^|\s)dev(\s|$)/],
]);

export const rule: Rule = {
  id: 'npm-dev-dependencies',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: '`npm install`/`npm ci` in the final image installs devDependencies too.' },
    fix: 'sometimes',
    messages: {
      devDependencies: ({ command }) =>
        `\`${command}\` installs devDependencies (test runners, bundlers, type definitions) into the final image; add \`--omit=dev\`, or build in an earlier stage.`,
    },
    crossRefs: [],
  },
  *check(model) {
    const runs = [...runsReachingFinalImage(model)];
    for (const { run, install } of installsOf(runs)) {
      if (install.manager !== 'npm' || !installsProject(install) || omitsDev(model, run, install)) continue;
      if (prunedLater(runs, run, install)) continue;
      const command = `${install.command.name.text} ${install.subcommand.text}`;
      const canFix = install.command.exact && run.script?.form === 'shell';
      yield {
        messageId: 'devDependencies',
        data: { command },
        span: { start: install.command.name.span.start, end: install.subcommand.span.end },
        instruction: run.instruction.index,
        fixes: canFix
          ? [{
              // The command stays as written: turning `npm install` into `npm ci` would need a lock file.
              title: `Add \`--omit=dev\` to \`${command}\``,
              safety: 'unsafe',
              edits: [insertAt(install.subcommand.span.end, ' --omit=dev')],
            }]
          : [],
      };
    }
  },
};

/** `npm install` of the project itself: no package arguments and not global. */
function installsProject(install: PackageInstall): boolean {
  return install.packages.length === 0 && !install.hasUnknownArguments && !install.options.has('-g') && !install.options.has('--global');
}

function omitsDev(model: FileModel, run: RunInstruction, install: PackageInstall): boolean {
  const words = install.command.args.map((word) => word.value);
  if (words.some((value, k) => (value !== null && OMITS_DEV.test(value)) || (value === '--omit' && words[k + 1] === 'dev'))) return true;
  const scope = model.scopeAt(run.instruction.index);
  for (const [name, pattern] of ENVIRONMENT) {
    const prefix = install.command.assignments.find((word) => word.value?.startsWith(`${name}=`))?.value?.slice(name.length + 1);
    const value = prefix ?? scope.get(name);
    if (typeof value === 'string' && pattern.test(value.replace(/^(["'])(.*)\1$/, '$2'))) return true;
  }
  return false;
}

/** `npm prune --omit=dev` (or `--production`) after the install removes the devDependencies again. */
function prunedLater(runs: readonly RunInstruction[], run: RunInstruction, install: PackageInstall): boolean {
  return runs.some((other) =>
    (other.script?.commands ?? []).some(
      (command) =>
        (other !== run || command.span.start > install.command.span.start) &&
        other.instruction.index >= run.instruction.index &&
        command.name.value === 'npm' &&
        command.args[0]?.value === 'prune' &&
        command.args.some((arg, k) => (arg.value !== null && OMITS_DEV.test(arg.value)) || (arg.value === '--omit' && command.args[k + 1]?.value === 'dev')),
    ),
  );
}
