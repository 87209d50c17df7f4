import type { Rule } from '../types';
import { programOf, runCommands } from './support/commands';

export const rule: Rule = {
  id: 'sudo-in-run',
  meta: {
    severity: 'warning',
    category: 'security',
    docs: { summary: '`sudo` is used in a `RUN` instruction.' },
    fix: 'never',
    messages: {
      sudo: ({ name }) =>
        `\`${name}\` in \`RUN\` needs sudo installed and configured in the image, which leaves a privilege escalation path behind; switch with \`USER root\` for the steps that need it and back afterwards.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3004', match: 'same' },
      { linter: 'trivy', id: 'DS010', match: 'same' },
    ],
  },
  *check(model) {
    // Every stage: sudo in a builder stage is as needless as in the final one.
    for (const { command, run } of runCommands(model)) {
      if (!run || programOf(command.name) !== 'sudo') continue;
      yield { messageId: 'sudo', data: { name: command.name.value ?? command.name.text }, span: command.name.span, instruction: run.instruction.index, fixes: [] };
    }
  },
};
