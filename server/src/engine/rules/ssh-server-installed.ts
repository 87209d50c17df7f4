import { isSshServerPackage } from '../../knowledge/packages';
import { removePackageFixes } from '../fixes/edits';
import type { Rule } from '../types';
import { installsOf, runsReachingFinalImage } from './support/queries';

export const rule: Rule = {
  id: 'ssh-server-installed',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'An SSH server package is installed in the final image.' },
    fix: 'sometimes',
    messages: {
      installed: ({ name }) =>
        `\`${name}\` installs an SSH server, a remote login path into the container that needs keys and patching; remove it and use \`docker exec\` for a shell.`,
    },
    crossRefs: [],
  },
  *check(model) {
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      for (const pkg of install.packages) {
        if (!isSshServerPackage(install.manager, pkg.name)) continue;
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
