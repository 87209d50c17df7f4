import { isSshServerPackage } from '../../knowledge/packages';
import { removePackageFixes } from '../fixes/edits';
import type { Rule } from '../types';
import { installsOf, runsReachingFinalImage } from './support/queries';
import { sshDaemonStarts, type SshDaemonStart } from './support/ssh-daemon';

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
      started: ({ name, keyword }) =>
        `\`${name}\` installs an SSH server that the image's \`${keyword}\` starts, a remote login path into the container that needs keys and patching; remove both the package and that start command, and use \`docker exec\` for a shell.`,
    },
    crossRefs: [],
  },
  *check(model) {
    // Removing the package alone would leave a container whose startup fails: no fix then.
    // Looked up only once a package is found: most files install no SSH server.
    let starts: SshDaemonStart[] | undefined;
    for (const { run, install } of installsOf(runsReachingFinalImage(model))) {
      for (const pkg of install.packages) {
        if (!isSshServerPackage(install.manager, pkg.name)) continue;
        starts ??= sshDaemonStarts(model);
        const started = starts[0];
        yield {
          messageId: started ? 'started' : 'installed',
          data: { name: pkg.word.text, ...(started ? { keyword: started.keyword } : {}) },
          span: pkg.word.span,
          instruction: run.instruction.index,
          fixes: started ? [] : removePackageFixes(model.parsed, run, install, pkg),
        };
      }
    }
  },
};
