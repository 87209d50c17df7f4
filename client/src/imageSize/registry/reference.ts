/**
 * Image references as the distribution registry understands them (the grammar of
 * distribution/reference, normalised like `docker pull`): `[host[:port]/]path[:tag][@digest]`.
 */
export interface RegistryReference {
  /** Registry as written, normalised: `docker.io` when none is written (`index.docker.io` too). */
  readonly registry: string;
  /** Host and port to talk to: `registry-1.docker.io` for Docker Hub. */
  readonly endpoint: string;
  /** Repository path, `library/` added for single-component Docker Hub names. */
  readonly repository: string;
  /** `latest` when neither tag nor digest is written. */
  readonly tag: string | null;
  readonly digest: string | null;
}

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]{1,5})?$/;

/** Parses a resolved reference; null when it is not one (unresolved `$VAR`, bad syntax, `scratch`). */
export function parseRegistryReference(text: string): RegistryReference | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 512 || /[\s$]/.test(trimmed)) return null;
  let rest = trimmed;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let registry = DOCKER_HUB;
  const firstSlash = rest.indexOf('/');
  if (firstSlash !== -1) {
    const head = rest.slice(0, firstSlash);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head.startsWith('[')) {
      if (!HOST.test(head)) return null;
      registry = head.toLowerCase() === 'index.docker.io' ? DOCKER_HUB : head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  const components = rest.split('/');
  if (!components.every((part) => COMPONENT.test(part))) return null;
  if (registry === DOCKER_HUB && components.length === 1) components.unshift('library');
  const repository = components.join('/');
  if (repository === 'library/scratch' && registry === DOCKER_HUB) return null;
  return {
    registry,
    endpoint: registry === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry,
    repository,
    tag: tag ?? (digest ? null : 'latest'),
    digest,
  };
}

/** The canonical form, e.g. `docker.io/library/node:22@sha256:...`. */
export function formatReference(ref: RegistryReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
