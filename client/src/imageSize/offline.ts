import type { ImageReference } from '../../../server/src/engine/model/image-ref';
import { imageFacts, smallerAlternatives, type Alternative } from '../../../server/src/knowledge/images';
import { formatReference, type RegistryReference } from './registry/reference';
import type { OfflineFacts } from './size-view';

/**
 * Offline facts from the knowledge tables (`server/src/knowledge/`, sources and dates inside): sizes
 * per platform, variant, default user and the smaller alternatives with what each saves. The table
 * answers a tag it lacks with the nearest known one, marked approximate.
 */
export function offlineFacts(ref: RegistryReference, architecture: string): OfflineFacts | null {
  const imageRef = toImageReference(ref);
  const facts = imageFacts(imageRef);
  if (!facts) return null;
  const platform = architecture === 'arm64' ? 'arm64' : 'amd64';
  // The hover does not know what the stage runs: every kind is listed, with its caveats.
  const alternatives = smallerAlternatives(imageRef, { platform, now: new Date(), runsShell: false, packageManager: null, needsJdk: false, glibcLikely: true });
  return {
    image: facts.matchedTag ? `${facts.repository}:${facts.matchedTag}` : facts.reference,
    approximate: facts.approximate,
    sizes: [
      ...(facts.sizes.amd64 === null ? [] : [{ platform: 'linux/amd64', bytes: facts.sizes.amd64 }]),
      ...(facts.sizes.arm64 === null ? [] : [{ platform: 'linux/arm64', bytes: facts.sizes.arm64 }]),
    ],
    recorded: facts.recorded,
    variant: `${facts.variant}${facts.os ? ` (${facts.os})` : ''}`,
    defaultUser: facts.defaultUser,
    nonRootUser: facts.nonRootUser && facts.nonRootUser !== facts.defaultUser ? facts.nonRootUser : null,
    alternatives: alternatives.map((alternative) => ({ image: alternative.reference, bytes: alternative.size, note: noteFor(alternative) })),
  };
}

/** The knowledge tables name Docker Hub images without `library/`. */
function toImageReference(ref: RegistryReference): ImageReference {
  const repository = ref.registry === 'docker.io' ? ref.repository.replace(/^library\//, '') : ref.repository;
  return { text: formatReference(ref), registry: ref.registry, repository, tag: ref.tag, digest: ref.digest };
}

function noteFor(alternative: Alternative): string | null {
  const notes: string[] = [];
  if (alternative.kind === 'jre') notes.push('runtime only, no compiler');
  if (alternative.caveats.includes('musl')) notes.push('musl libc');
  if (alternative.caveats.includes('no-shell')) notes.push('no shell: exec-form CMD only');
  if (alternative.approximate) notes.push('approximate');
  return notes.length > 0 ? notes.join('; ') : null;
}
