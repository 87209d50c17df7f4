import type { Stage } from '../model/file-model';
import { insertAt, replace } from '../fixes/edits';
import type { Fix, Rule } from '../types';
import { recommendedTag } from '../../knowledge/images';

export const rule: Rule = {
  id: 'base-image-unpinned',
  meta: {
    severity: 'warning',
    category: 'reliability',
    docs: { summary: 'A base image has no tag or uses `latest`.' },
    fix: 'sometimes',
    messages: {
      untagged: ({ image, resolved }) =>
        `\`${image}\`${resolved} has no tag, so it means \`latest\` and each build may get a different image; pin a version tag.`,
      latest: ({ image, resolved }) => `\`${image}\`${resolved} uses \`latest\`, so each build may get a different image; pin a version tag.`,
    },
    crossRefs: [
      { linter: 'hadolint', id: 'DL3006', match: 'same' },
      { linter: 'hadolint', id: 'DL3007', match: 'same' },
      { linter: 'trivy', id: 'DS001', match: 'same' },
      { linter: 'checkov', id: 'CKV_DOCKER_7', match: 'same' },
    ],
  },
  *check(model) {
    for (const stage of model.stages) {
      const image = stage.image;
      if (stage.baseStage !== null || !image || !stage.imageSpan || image.digest !== null) continue;
      if (image.repository === 'scratch' && image.registry === 'docker.io') continue;
      if (image.tag !== null && image.tag !== 'latest') continue;
      yield {
        messageId: image.tag === null ? 'untagged' : 'latest',
        // Through an ARG, say what it resolves to.
        data: { image: stage.imageText, resolved: stage.imageText === image.text ? '' : ` (\`${image.text}\`)` },
        span: stage.imageSpan,
        instruction: stage.from.index,
        fixes: pinFix(stage),
      };
    }
  },
};

/** Pins to the knowledge base's recommended tag; only when the image is written literally (not through an ARG). */
function pinFix(stage: Stage): Fix[] {
  const image = stage.image;
  const span = stage.imageSpan;
  if (!image || !span || stage.imageText.includes('$')) return [];
  const name = image.registry === 'docker.io' ? image.repository : `${image.registry}/${image.repository}`;
  const tag = recommendedTag(name);
  if (!tag) return [];
  const edit = image.tag === null ? insertAt(span.end, `:${tag}`) : replace({ start: span.end - 'latest'.length, end: span.end }, tag);
  return [{ title: `Pin to \`${stage.imageText.replace(/:latest$/, '')}:${tag}\``, safety: 'unsafe', edits: [edit] }];
}
