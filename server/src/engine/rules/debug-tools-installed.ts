import { debugToolOf } from '../../knowledge/packages';
import { removePackageFixes } from '../fixes/edits';
import type { Rule } from '../types';
import { finalChain, removedInSameRun, startupPrograms } from './support/final-image';
import { installsOf, runsReachingFinalImage } from './support/queries';

export const rule: Rule = {
  id: 'debug-tools-installed',
  meta: {
    severity: 'info',
    category: 'size',
    docs: { summary: 'A debugging or network tool is installed in the final image.' },
    fix: 'sometimes',
    messages: {
      installed: ({ name }) =>
        `\`${name}\` is a debugging tool that ships in the final image, where it adds size and hands an intruder a ready toolkit; remove it and attach a debug container (\`docker debug\`, \`kubectl debug\`) when you need one.`,
    },
    crossRefs: [],
  },
  *check(model) {
    // A tool the container itself runs (a HEALTHCHECK with `nc`) is not a debugging leftover.
    const atStartup = new Set(startupPrograms(model, finalChain(model)));
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      for (const pkg of install.packages) {
        const executables = debugToolOf(install.manager, pkg.name);
        if (!executables || executables.some((name) => atStartup.has(name)) || removedInSameRun(run, install, pkg.name)) continue;
        yield {
          messageId: 'installed',
          data: { name: pkg.word.text },
          span: pkg.word.span,
          instruction: run.instruction.index,
          fixes: removePackageFixes(model.parsed, run, install, pkg),
        };
      }
    }
  },
};
