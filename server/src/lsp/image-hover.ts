import type { FileModel, Stage } from '../engine/model/file-model';
import type { ImageReference } from '../engine/model/image-ref';
import { glibcLikely, megabytes, packageManagerUsed, runsShell, usesJdk } from '../engine/rules/support/final-image';
import { imageFacts, isoDate, smallerAlternatives, type ImageFacts, type Platform } from '../knowledge/images';

export interface ImageHoverOptions {
  /** Facts from the knowledge tables; off when the client shows them itself (VS Code's size hover). */
  readonly facts: boolean;
  readonly now: Date;
}

/**
 * Hover lines for the image of a `FROM`: what the reference resolves to and, from
 * `server/src/knowledge/`, sizes per platform, variant, default user, end of life and smaller
 * alternatives that fit what the stage does.
 */
export function imageHoverLines(model: FileModel, stage: Stage, options: ImageHoverOptions): string[] {
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
  const facts = options.facts ? imageFacts(image) : null;
  if (facts) lines.push(...factLines(model, stage, image, facts, options.now));
  return lines;
}

function factLines(model: FileModel, stage: Stage, image: ImageReference, facts: ImageFacts, now: Date): string[] {
  const lines: string[] = [];
  const sizes = (['amd64', 'arm64'] as const).flatMap((platform) => {
    const bytes = facts.sizes[platform];
    return bytes === null ? [] : [`linux/${platform} ≈ ${megabytes(bytes)}`];
  });
  if (sizes.length > 0) {
    const source = facts.approximate ? `figures of the nearest known tag \`${facts.matchedTag ?? '?'}\`` : `recorded ${facts.recorded ?? 'at an unknown date'}`;
    lines.push(`Compressed size: ${sizes.join(' · ')} (${source}).`);
  }
  const user = facts.nonRootUser && facts.nonRootUser !== facts.defaultUser ? `\`${facts.defaultUser}\` (non-root user available: \`${facts.nonRootUser}\`)` : `\`${facts.defaultUser}\``;
  lines.push(`Variant ${facts.variant}, ${facts.libc === 'none' ? 'no libc' : facts.libc}, ${facts.hasShell ? 'with' : 'no'} shell; runs as ${user} by default.`);
  const eol = facts.endOfLife;
  if (eol) {
    const successor = eol.successor ? `; move to \`${eol.successor}\`` : '';
    lines.push(eol.date <= isoDate(now) ? `End of life: ${eol.subject} since ${eol.date}${successor}.` : `Supported until ${eol.date} (${eol.subject}).`);
  }
  const stages = builtOn(model, stage);
  const manager = packageManagerUsed(model, stages);
  if (manager !== 'several') {
    const platform: Platform = stage.platform?.includes('arm64') ? 'arm64' : 'amd64';
    const alternatives = smallerAlternatives(image, {
      platform,
      now,
      runsShell: runsShell(model, stages),
      packageManager: manager,
      needsJdk: usesJdk(model, stages),
      glibcLikely: glibcLikely(model, stages),
    });
    if (alternatives.length > 0) {
      lines.push(
        [
          'Smaller alternatives that fit this stage:',
          ...alternatives.map((alternative) => {
            const saving = alternative.savings !== null ? `, saves ≈ ${megabytes(alternative.savings)}` : '';
            const size = alternative.size !== null ? ` ≈ ${megabytes(alternative.size)}${saving}` : '';
            const caveats = alternative.caveats.map((caveat) => (caveat === 'musl' ? 'musl libc' : 'no shell'));
            return `- \`${alternative.reference}\`${size}${caveats.length > 0 ? ` (${caveats.join(', ')})` : ''}`;
          }),
        ].join('\n'),
      );
    }
  }
  return lines;
}

/** The stage and the stages built `FROM` it: together they decide what the image must provide. */
function builtOn(model: FileModel, stage: Stage): Stage[] {
  return model.stages.filter((candidate) => {
    let current: Stage | undefined = candidate;
    for (let hops = 0; current && hops <= model.stages.length; hops++) {
      if (current.index === stage.index) return true;
      current = current.baseStage === null ? undefined : model.stages[current.baseStage];
    }
    return false;
  });
}
