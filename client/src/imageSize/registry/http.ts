import { RegistryError } from './errors';

export interface HttpPolicy {
  /** Hosts (`host` or `host:port`) reached over plain HTTP; every other host needs HTTPS. */
  readonly insecureHosts: ReadonlySet<string>;
  readonly timeoutMs: number;
  readonly userAgent: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  /** The URL that answered, after redirects. */
  readonly url: URL;
}

const MAX_REDIRECTS = 3;

/** `https://host/...` for every registry except the ones the user listed as insecure. */
export function baseUrl(host: string, policy: HttpPolicy): URL {
  return new URL(`${policy.insecureHosts.has(host.toLowerCase()) ? 'http' : 'https'}://${host}/`);
}

/**
 * GET with a deadline for the whole exchange (redirects and body included), a cap on the body size,
 * and redirects followed by hand so that none leads to plain HTTP on a host not listed as insecure.
 * `authorization` is sent only to `authorizedHost`, never to a host a redirect points at.
 */
export async function httpGet(
  url: URL,
  options: { policy: HttpPolicy; maxBytes: number; accept?: string; authorization?: string; authorizedHost?: string; signal?: AbortSignal },
): Promise<HttpResponse> {
  const deadline = AbortSignal.timeout(options.policy.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let current = url;
  for (let hop = 0; ; hop++) {
    checkScheme(current, options.policy);
    const headers: Record<string, string> = { 'user-agent': options.policy.userAgent };
    if (options.accept) headers.accept = options.accept;
    if (options.authorization && current.host === options.authorizedHost) headers.authorization = options.authorization;
    let response: Response;
    try {
      response = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (error) {
      throw fetchFailure(error, current, deadline);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new RegistryError('http', `Too many redirects from ${describe(url)}.`);
      current = new URL(location, current);
      continue;
    }
    const body = await readCapped(response, options.maxBytes, current, deadline);
    return { status: response.status, headers: response.headers, body, url: current };
  }
}

function checkScheme(url: URL, policy: HttpPolicy): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && policy.insecureHosts.has(url.host.toLowerCase())) return;
  throw new RegistryError('insecure', `Refused plain HTTP to ${url.host}; add it to \`bulkhead.imageSize.insecureRegistries\` only if it is a registry you trust.`);
}

async function readCapped(response: Response, maxBytes: number, url: URL, deadline: AbortSignal): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooLarge(url, maxBytes);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof RegistryError) throw error;
    throw fetchFailure(error, url, deadline);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(url: URL, maxBytes: number): RegistryError {
  return new RegistryError('too-large', `The response from ${describe(url)} exceeds ${maxBytes} bytes.`);
}

function fetchFailure(error: unknown, url: URL, deadline: AbortSignal): RegistryError {
  if (deadline.aborted) return new RegistryError('timeout', `${url.host} did not answer in time.`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new RegistryError('network', `Could not reach ${url.host} (${cause}).`);
}

/** Host and path only: query strings may carry scopes or tokens. */
export function describe(url: URL): string {
  return `${url.host}${url.pathname}`;
}
