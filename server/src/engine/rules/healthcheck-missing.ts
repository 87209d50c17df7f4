import type { Rule } from '../types';

export const rule: Rule = {
  id: 'healthcheck-missing',
  meta: {
    severity: 'info',
    category: 'reliability',
    docs: { summary: 'The final image exposes a port but defines no `HEALTHCHECK`.' },
    fix: 'never',
    messages: {
      missing: ({ image }) =>
        `The final stage (\`${image}\`) exposes a port but has no \`HEALTHCHECK\`, so Docker cannot tell a hung service from a healthy one; add \`HEALTHCHECK CMD ...\` that probes it.`,
    },
    crossRefs: [
      { linter: 'trivy', id: 'DS026', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_2', match: 'same' },
    ],
  },
  *check(model) {
    const final = model.stages[model.stages.length - 1];
    if (!final || !final.imageSpan) return;
    // EXPOSE and HEALTHCHECK are both inherited from the stages the final one is built FROM.
    const chain = model.stages.filter((stage) => stage.reachesFinalImage);
    const keywords = new Set(chain.flatMap((stage) => stage.instructions.map((index) => model.instructions[index]?.keyword)));
    if (!keywords.has('EXPOSE') || keywords.has('HEALTHCHECK')) return;
    // A digest makes the message unreadable; its first characters are enough to recognise it.
    const image = final.imageText.replace(/@sha256:([0-9a-f]{12})[0-9a-f]{52}/, '@sha256:$1…');
    yield { messageId: 'missing', data: { image }, span: final.imageSpan, instruction: final.from.index, fixes: [] };
  },
};
