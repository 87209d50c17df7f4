import type { Finding, Rule } from '../types';
import { sshDaemonStarts } from './support/ssh-daemon';

export const rule: Rule = {
  id: 'ssh-daemon-started',
  meta: {
    severity: 'error',
    category: 'security',
    docs: { summary: 'The container starts an SSH server from `CMD` or `ENTRYPOINT`.' },
    fix: 'never',
    messages: {
      daemon: ({ command, keyword }) =>
        `\`${command}\` in \`${keyword}\` starts an SSH server in the container, a login path with keys or passwords to manage that bypasses the orchestrator's access control; remove it and use \`docker exec\` or \`kubectl exec\` for a shell.`,
    },
    crossRefs: [],
  },
  *check(model): Generator<Finding> {
    for (const start of sshDaemonStarts(model)) {
      yield { messageId: 'daemon', data: { command: start.shown, keyword: start.keyword }, span: start.span, instruction: start.instruction, fixes: [] };
    }
  },
};
