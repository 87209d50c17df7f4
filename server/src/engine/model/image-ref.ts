/** A parsed image reference: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  /** The reference as resolved (after ARG substitution). */
  readonly text: string;
  /** Registry host, `docker.io` when none is written. */
  readonly registry: string;
  /** Repository path without registry, `library/` kept implicit: `node`, `bitnami/nginx`. */
  readonly repository: string;
  readonly tag: string | null;
  readonly digest: string | null;
}

export function parseImageReference(text: string): ImageReference | null {
  const trimmed = text.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  let rest = trimmed;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  if (registry === 'docker.io' && rest.startsWith('library/')) rest = rest.slice('library/'.length);
  if (!rest) return null;
  return { text: trimmed, registry, repository: rest.toLowerCase(), tag, digest };
}
