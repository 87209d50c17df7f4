import { isBuildToolPackage } from '../../knowledge/packages';
import type { Rule } from '../types';
import { removedInSameRun } from './support/final-image';
import { installsOf, runsReachingFinalImage } from './support/queries';

export const rule: Rule = {
  id: 'build-tools-in-final-stage',
  meta: {
    severity: 'warning',
    category: 'size',
    docs: { summary: 'Compilers or build toolchains are installed in the final image.' },
    fix: 'never',
    messages: {
      installed: ({ name, others }) =>
        `\`${name}\`${others} is a build toolchain that ships in the final image, where it adds size and lets an intruder compile code; build in a builder stage and \`COPY --from\` only the result.`,
    },
    crossRefs: [],
  },
  *check(model) {
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      const tools = install.packages.filter((pkg) => isBuildToolPackage(install.manager, pkg.name) && !removedInSameRun(run, install, pkg.name));
      const [first, ...rest] = tools;
      if (!first) continue;
      // One finding per install command, on its first build tool: a list of -dev packages is one problem.
      const others = rest.length === 0 ? '' : ` (with ${rest.map((pkg) => `\`${pkg.word.text}\``).join(', ')})`;
      yield { messageId: 'installed', data: { name: first.word.text, others }, span: first.word.span, instruction: run.instruction.index, fixes: [] };
    }
  },
};
