import { RegistryError } from './errors';
import { describe, httpGet, type HttpPolicy } from './http';

export interface Challenge {
  readonly scheme: string;
  readonly params: ReadonlyMap<string, string>;
}

/** Parses a `WWW-Authenticate` header: one or more `Scheme k="v", k2=v2` challenges (RFC 9110 §11.6.1). */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const token = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
  let i = 0;
  const skip = (chars: RegExp) => {
    while (i < header.length && chars.test(header.charAt(i))) i++;
  };
  let current: { scheme: string; params: Map<string, string> } | null = null;
  while (i < header.length) {
    skip(/[\s,]/);
    token.lastIndex = i;
    const word = token.exec(header);
    if (!word) break;
    i = token.lastIndex;
    skip(/[ \t]/);
    if (header.charAt(i) === '=') {
      i++;
      skip(/[ \t]/);
      let value = '';
      if (header.charAt(i) === '"') {
        for (i++; i < header.length && header.charAt(i) !== '"'; i++) {
          if (header.charAt(i) === '\\') i++;
          value += header.charAt(i);
        }
        i++;
      } else {
        // Lenient: registries send unquoted URLs, which are not RFC tokens.
        while (i < header.length && !/[\s,]/.test(header.charAt(i))) value += header.charAt(i++);
      }
      current?.params.set(word[0].toLowerCase(), value);
    } else {
      current = { scheme: word[0].toLowerCase(), params: new Map() };
      challenges.push(current);
    }
  }
  return challenges;
}

interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
}

/**
 * Anonymous bearer tokens (the Docker registry token flow): asks the challenge's realm for a token
 * with the challenge's service and scope, and keeps it until shortly before it expires.
 * Tokens live in memory only and never appear in errors or logs.
 */
export class TokenSource {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly policy: HttpPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  cached(key: string): string | undefined {
    const token = this.tokens.get(key);
    if (token && token.expiresAt > this.now()) return token.value;
    this.tokens.delete(key);
    return undefined;
  }

  /** `registry` is the registry's base URL: a realm on the same host as an insecure registry may use HTTP too. */
  async fetch(key: string, challenge: Challenge, scope: string, registry: URL, signal?: AbortSignal): Promise<string> {
    if (challenge.scheme !== 'bearer') {
      throw new RegistryError('auth', `The registry asks for \`${challenge.scheme}\` credentials; only anonymous bearer tokens are supported.`);
    }
    const realm = challenge.params.get('realm');
    if (!realm) throw new RegistryError('auth', 'The registry sent a bearer challenge without a realm.');
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError('auth', 'The registry sent a bearer challenge with an invalid realm.');
    }
    const service = challenge.params.get('service');
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', challenge.params.get('scope') ?? scope);
    const sameInsecureHost = registry.protocol === 'http:' && url.protocol === 'http:' && url.hostname === registry.hostname;
    const policy = sameInsecureHost ? { ...this.policy, insecureHosts: new Set([...this.policy.insecureHosts, url.host.toLowerCase()]) } : this.policy;
    const response = await httpGet(url, { policy, maxBytes: 64 * 1024, accept: 'application/json', signal });
    if (response.status === 401 || response.status === 403) {
      throw new RegistryError('auth', `The token service at ${describe(url)} refused anonymous access (HTTP ${response.status}); the image may be private.`, response.status);
    }
    if (response.status !== 200) throw new RegistryError('http', `The token service at ${describe(url)} answered HTTP ${response.status}.`, response.status);
    const body = parseJson(response.body, `the token service at ${describe(url)}`);
    const value = readString(body, 'token') ?? readString(body, 'access_token');
    if (!value) throw new RegistryError('invalid', `The token service at ${describe(url)} sent no token.`);
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    // Renew 10 s early so a token never expires between the check and the request.
    this.tokens.set(key, { value, expiresAt: this.now() + Math.max(expiresIn - 10, 1) * 1000 });
    return value;
  }
}

export function parseJson(body: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RegistryError('invalid', `The answer from ${what} is not JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RegistryError('invalid', `The answer from ${what} is not a JSON object.`);
  return value as Record<string, unknown>;
}

function readString(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value ? value : undefined;
}
