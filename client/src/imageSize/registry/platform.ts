/** `os/architecture[/variant]`, as in `docker --platform`. */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export function parsePlatform(text: string): Platform | null {
  const parts = text.trim().toLowerCase().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9_.-]+$/.test(part))) return null;
  const [os = '', architecture = '', variant] = parts;
  return variant ? { os, architecture: normaliseArchitecture(architecture), variant } : { os, architecture: normaliseArchitecture(architecture) };
}

export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`;
}

/** The platform of this machine in OCI terms (Node's `x64` is `amd64`). */
export function hostPlatform(arch: string = process.arch): Platform {
  return { os: 'linux', architecture: normaliseArchitecture(arch) };
}

function normaliseArchitecture(arch: string): string {
  switch (arch) {
    case 'x64':
    case 'x86_64':
      return 'amd64';
    case 'aarch64':
      return 'arm64';
    case 'ia32':
      return '386';
    default:
      return arch;
  }
}

/**
 * Whether a manifest's platform serves the wanted one. A missing variant matches any variant, and
 * arm64 images usually say `v8`, which is what an `arm64` request means.
 */
export function platformMatches(candidate: Platform, wanted: Platform): boolean {
  if (candidate.os !== wanted.os || candidate.architecture !== wanted.architecture) return false;
  if (!wanted.variant || !candidate.variant) return true;
  return candidate.variant === wanted.variant;
}
