import type { AuditFileResult } from '../../../protocol/requests';
import { offlineFacts } from '../imageSize/offline';
import { parseRegistryReference } from '../imageSize/registry/reference';

/**
 * Fills the size of each file's base image (linux/amd64, knowledge tables) and, where the server gave
 * no estimate, the potential saving of the most compatible smaller image (`node:22` → `node:22-slim`).
 * The engine's audit has no size figures yet; the tables are already in the client bundle.
 */
export function withBaseImageSizes(file: AuditFileResult): AuditFileResult {
  if (!file.baseImage || (file.baseImageBytes !== null && file.savingsBytes !== null)) return file;
  const ref = parseRegistryReference(file.baseImage);
  const facts = ref ? offlineFacts(ref, 'amd64') : null;
  const bytes = facts?.sizes.find((size) => size.platform === 'linux/amd64')?.bytes ?? null;
  // The most compatible smaller image (slim before JRE, Alpine and distroless): a conservative estimate.
  const nearest = facts?.alternatives.find((alternative) => alternative.bytes !== null)?.bytes ?? null;
  return {
    ...file,
    baseImageBytes: file.baseImageBytes ?? bytes,
    savingsBytes: file.savingsBytes ?? (bytes !== null && nearest !== null ? bytes - nearest : null),
  };
}
