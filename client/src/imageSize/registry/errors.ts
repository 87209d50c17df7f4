export type RegistryErrorKind = 'timeout' | 'network' | 'insecure' | 'auth' | 'not-found' | 'http' | 'too-large' | 'invalid';

/** A failed lookup; `message` is safe to show and log (no tokens, no query strings). */
export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
