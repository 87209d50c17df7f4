// A real CNCF distribution registry (Debian's `docker-registry`) on 127.0.0.1 with token auth served by
// a small token server in this process, plus a pusher that fills it over the HTTP API.
// Everything listens on loopback and is torn down by `stop()`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_BINARY = process.env.BULKHEAD_REGISTRY_BINARY ?? '/usr/bin/docker-registry';
const SERVICE = 'bulkhead-test-registry';
const ISSUER = 'bulkhead-test-issuer';
const PUSHER = `Basic ${Buffer.from('pusher:push-secret').toString('base64')}`;

export interface TokenRequest {
  readonly service: string | null;
  readonly scope: string | null;
  readonly authorization: string | undefined;
  readonly token: string;
}

export interface LocalRegistry {
  /** `127.0.0.1:port` — list it as insecure to reach it over HTTP. */
  readonly host: string;
  readonly tokenRequests: TokenRequest[];
  /** Makes the token server answer 401 to anonymous requests while true. */
  refuseAnonymous: boolean;
  /** The registry's access log (`"GET /v2/... HTTP/1.1" 200 ... "user-agent"` lines); empty unless started with `accessLog`. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

/** `accessLog`: keep every request the registry serves in `requests` (the end-to-end tests check who asked). */
export async function startLocalRegistry(options: { accessLog?: boolean } = {}): Promise<LocalRegistry> {
  if (!existsSync(REGISTRY_BINARY)) throw new Error(`${REGISTRY_BINARY} is missing: apt-get install docker-registry (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'bulkhead-registry-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=bulkhead-test-token-signer', '-days', '1'], { stdio: 'ignore' });
  const key = createPrivateKey(readFileSync(join(dir, 'key.pem')));
  const certDer = pemToDer(readFileSync(join(dir, 'cert.pem'), 'utf8'));

  const state = { tokenRequests: [] as TokenRequest[], refuseAnonymous: false, requests: [] as string[] };
  const tokenServer = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const scope = url.searchParams.get('scope');
    const isPusher = request.headers.authorization === PUSHER;
    if (!isPusher && state.refuseAnonymous) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const access = scope ? [parseScope(scope, isPusher)] : [];
    const token = signToken(key, certDer, access);
    state.tokenRequests.push({ service: url.searchParams.get('service'), scope, authorization: request.headers.authorization, token });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  const tokenPort = await listen(tokenServer);
  const port = await freePort();
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      `    disabled: ${options.accessLog ? 'false' : 'true'}`,
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      'auth:',
      '  token:',
      `    realm: http://127.0.0.1:${tokenPort}/token`,
      `    service: ${SERVICE}`,
      `    issuer: ${ISSUER}`,
      `    rootcertbundle: ${join(dir, 'cert.pem')}`,
      '',
    ].join('\n'),
  );
  // The access log goes to stdout, one line per request.
  const child = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', options.accessLog ? 'pipe' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    state.requests.push(...lines.filter(Boolean));
  });
  const host = `127.0.0.1:${port}`;
  try {
    await waitForRegistry(host, child, () => stderr);
  } catch (error) {
    child.kill();
    tokenServer.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host,
    get tokenRequests() {
      return state.tokenRequests;
    },
    get refuseAnonymous() {
      return state.refuseAnonymous;
    },
    set refuseAnonymous(value: boolean) {
      state.refuseAnonymous = value;
    },
    get requests() {
      return state.requests;
    },
    async stop() {
      await stopChild(child);
      await new Promise<void>((resolve) => tokenServer.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function parseScope(scope: string, isPusher: boolean): { type: string; name: string; actions: string[] } {
  // `repository:name:actions`; the name itself may not contain a colon here.
  const [type = '', name = '', actions = ''] = scope.split(':');
  const requested = actions.split(',').filter(Boolean);
  return { type, name, actions: isPusher ? requested : requested.filter((action) => action === 'pull') };
}

function signToken(key: KeyObject, certDer: Buffer, access: unknown[]): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', typ: 'JWT', x5c: [certDer.toString('base64')] };
  const claims = { iss: ISSUER, sub: '', aud: SERVICE, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access };
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), key))}`;
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function waitForRegistry(host: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}: ${stderr()}`);
    try {
      const response = await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not start on ${host}: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

// ---- pushing synthetic images over the HTTP API ----

export interface PushedManifest {
  readonly digest: string;
  /** Config plus layers, as the manifest declares them. */
  readonly compressedBytes: number;
  readonly mediaType: string;
}

export class Pusher {
  private readonly tokens = new Map<string, string>();
  /** Byte length of each pushed manifest, for the descriptors of an index. */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly registry: LocalRegistry) {}

  /** An image manifest with a config for `platform` and layers of the given byte counts. */
  async pushImage(repository: string, reference: string, platform: { os: string; architecture: string; variant?: string }, layerSizes: readonly number[], mediaType: 'oci' | 'docker' = 'oci'): Promise<PushedManifest> {
    const layers = [];
    for (const size of layerSizes) {
      const blob = randomBytes(size);
      layers.push({ mediaType: mediaType === 'oci' ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: await this.pushBlob(repository, blob), size });
    }
    const config = Buffer.from(JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.digest) }, config: {} }));
    const manifest = {
      schemaVersion: 2,
      mediaType: mediaType === 'oci' ? 'application/vnd.oci.image.manifest.v1+json' : 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: mediaType === 'oci' ? 'application/vnd.oci.image.config.v1+json' : 'application/vnd.docker.container.image.v1+json', digest: await this.pushBlob(repository, config), size: config.length },
      layers,
    };
    const pushed = await this.pushManifest(repository, reference, manifest.mediaType, manifest);
    return { ...pushed, compressedBytes: config.length + layerSizes.reduce((sum, size) => sum + size, 0) };
  }

  async pushIndex(repository: string, tag: string, entries: readonly { manifest: PushedManifest; platform: Record<string, string> }[], mediaType: 'oci' | 'docker' = 'oci'): Promise<PushedManifest> {
    const index = {
      schemaVersion: 2,
      mediaType: mediaType === 'oci' ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: entries.map((entry) => ({ mediaType: entry.manifest.mediaType, digest: entry.manifest.digest, size: this.sizes.get(entry.manifest.digest), platform: entry.platform })),
    };
    const pushed = await this.pushManifest(repository, tag, index.mediaType, index);
    return { ...pushed, compressedBytes: 0 };
  }

  private async pushManifest(repository: string, reference: string, mediaType: string, manifest: unknown): Promise<{ digest: string; mediaType: string }> {
    const body = Buffer.from(JSON.stringify(manifest, null, 2));
    const digest = sha256(body);
    const response = await this.request(repository, 'PUT', `/v2/${repository}/manifests/${reference}`, body, mediaType);
    if (response.status !== 201) throw new Error(`manifest push failed: ${response.status} ${await response.text()}`);
    this.sizes.set(digest, body.length);
    return { digest, mediaType };
  }

  private async pushBlob(repository: string, blob: Buffer): Promise<string> {
    const digest = sha256(blob);
    const start = await this.request(repository, 'POST', `/v2/${repository}/blobs/uploads/`);
    await start.body?.cancel();
    const location = start.headers.get('location');
    if (start.status !== 202 || !location) throw new Error(`upload start failed: ${start.status}`);
    const url = new URL(location, `http://${this.registry.host}`);
    url.searchParams.set('digest', digest);
    const done = await this.request(repository, 'PUT', `${url.pathname}${url.search}`, blob, 'application/octet-stream');
    if (done.status !== 201) throw new Error(`blob push failed: ${done.status} ${await done.text()}`);
    return digest;
  }

  private async request(repository: string, method: string, path: string, body?: Buffer, contentType?: string): Promise<Response> {
    const send = (token: string | undefined) =>
      fetch(`http://${this.registry.host}${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body ? { body } : {}),
      });
    let response = await send(this.tokens.get(repository));
    if (response.status !== 401) return response;
    await response.body?.cancel();
    const challenge = response.headers.get('www-authenticate') ?? '';
    const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
    const service = /service="([^"]+)"/.exec(challenge)?.[1];
    if (!realm || !service) throw new Error(`unexpected challenge: ${challenge}`);
    const tokenUrl = new URL(realm);
    tokenUrl.searchParams.set('service', service);
    tokenUrl.searchParams.set('scope', `repository:${repository}:pull,push`);
    const tokenResponse = await fetch(tokenUrl, { headers: { authorization: PUSHER } });
    const { token } = (await tokenResponse.json()) as { token: string };
    this.tokens.set(repository, token);
    response = await send(token);
    return response;
  }
}

export function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Requests made by the pusher also reach the token server; tests look only at anonymous ones. */
export function anonymousTokenRequests(registry: LocalRegistry): TokenRequest[] {
  return registry.tokenRequests.filter((request) => request.authorization === undefined);
}
