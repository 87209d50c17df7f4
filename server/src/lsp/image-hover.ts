import type { FileModel, Stage } from '../engine/model/file-model';

/**
 * Hover lines for the image of a `FROM`. This is the hook for image facts (sizes, variant, default
 * user, smaller alternatives) from `server/src/knowledge/`; until those exist it says what the
 * reference resolves to, which is what an `ARG`-built `FROM` hides.
 */
export function imageHoverLines(model: FileModel, stage: Stage): string[] {
  if (stage.baseStage !== null) {
    const base = model.stages[stage.baseStage];
    return [`Built from stage \`${base?.name ?? stage.imageText}\` of this file.`];
  }
  const image = stage.image;
  if (image?.repository === 'scratch') return [];
  if (!image) return stage.imageText.includes('$') ? [`\`${stage.imageText}\` depends on a value that is not known here.`] : [];
  const lines = [`**Image** \`${image.registry}/${image.repository}\``];
  if (image.text !== stage.imageText) lines.push(`Resolves to \`${image.text}\` through \`ARG\` defaults.`);
  if (image.digest) lines.push(`Pinned to digest \`${image.digest}\`.`);
  else if (image.tag) lines.push(`Tag \`${image.tag}\` (not pinned to a digest).`);
  else lines.push('No tag: the build takes `latest`.');
  return lines;
}
