import type { Rule } from '../types';

export const rule: Rule = {
  id: 'base-image-not-digest-pinned',
  meta: {
    severity: 'off',
    category: 'security',
    docs: { summary: 'A base image is referenced by tag only, not pinned by digest.' },
    fix: 'never',
    messages: {
      notDigestPinned: ({ image }) =>
        `\`${image}\` is not pinned by digest, so the tag can be moved to a different image without the Dockerfile changing; pin it as \`${image}@sha256:...\`.`,
    },
    crossRefs: [],
  },
  *check(model) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (stage.baseStage !== null || !image || !stage.imageSpan || image.digest !== null) continue;
      if (image.repository === 'scratch' && image.registry === 'docker.io') continue;
      yield { messageId: 'notDigestPinned', data: { image: stage.imageText }, span: stage.imageSpan, instruction: stage.from.index, fixes: [] };
    }
  },
};
