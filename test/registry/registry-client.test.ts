// The image-size registry client against a real distribution registry on 127.0.0.1 (Debian's
// `docker-registry`) with the anonymous bearer-token flow; nothing here leaves loopback.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiskCache } from '../../client/src/imageSize/registry/cache';
import { RegistryClient } from '../../client/src/imageSize/registry/client';
import { RegistryError } from '../../client/src/imageSize/registry/errors';
import { OnlineSizes } from '../../client/src/imageSize/registry/online-sizes';
import { parseRegistryReference, type RegistryReference } from '../../client/src/imageSize/registry/reference';
import { anonymousTokenRequests, Pusher, startLocalRegistry, type LocalRegistry, type PushedManifest } from './local-registry';

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64' };

let registry: LocalRegistry;
let single: PushedManifest;
let amd: PushedManifest;
let arm: PushedManifest;
let index: PushedManifest;
let dockerList: PushedManifest;
let dockerAmd: PushedManifest;
let logs: string[];

function ref(text: string): RegistryReference {
  const parsed = parseRegistryReference(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

function client(options: { timeoutMs?: number; maxManifestBytes?: number; insecure?: string[] } = {}): RegistryClient {
  return new RegistryClient({ insecureRegistries: options.insecure ?? [registry.host], timeoutMs: options.timeoutMs ?? 5000, maxManifestBytes: options.maxManifestBytes, log: (line) => logs.push(line) });
}

async function rejectsWith(promise: Promise<unknown>, kind: string): Promise<RegistryError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, `expected a RegistryError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

before(async () => {
  registry = await startLocalRegistry();
  const pusher = new Pusher(registry);
  single = await pusher.pushImage('team/single', '1.0', AMD64, [4096, 10_000]);
  amd = await pusher.pushImage('library/multi', 'amd64-only', AMD64, [20_000, 5000, 700]);
  arm = await pusher.pushImage('library/multi', 'arm64-only', { ...ARM64, variant: 'v8' }, [15_000]);
  const attestation = await pusher.pushImage('library/multi', 'attestation', { os: 'unknown', architecture: 'unknown' }, [300]);
  index = await pusher.pushIndex('library/multi', '2.0', [
    { manifest: amd, platform: AMD64 },
    { manifest: arm, platform: { ...ARM64, variant: 'v8' } },
    { manifest: attestation, platform: { os: 'unknown', architecture: 'unknown' } },
  ]);
  dockerAmd = await pusher.pushImage('legacy/app', 'amd64', AMD64, [1234], 'docker');
  dockerList = await pusher.pushIndex('legacy/app', 'latest', [{ manifest: dockerAmd, platform: AMD64 }], 'docker');
});

after(async () => {
  await registry?.stop();
});

describe('registry client against a local registry', () => {
  test('single-platform image: config plus layers, the manifest digest and the platform from the config', async () => {
    logs = [];
    const lookup = await client().lookup(ref(`${registry.host}/team/single:1.0`), [ARM64]);
    assert.equal(lookup.multiPlatform, false);
    assert.equal(lookup.digest, single.digest);
    assert.deepEqual(lookup.sizes, [{ platform: 'linux/amd64', digest: single.digest, compressedBytes: single.compressedBytes, layers: 2 }]);
    assert.deepEqual(lookup.platforms, ['linux/amd64']);
  });

  test('OCI index: the wanted platform is measured, attestations are not platforms, the index digest pins', async () => {
    logs = [];
    const lookup = await client().lookup(ref(`${registry.host}/library/multi:2.0`), [ARM64]);
    assert.equal(lookup.multiPlatform, true);
    assert.equal(lookup.digest, index.digest);
    assert.deepEqual(lookup.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.deepEqual(lookup.sizes, [{ platform: 'linux/arm64/v8', digest: arm.digest, compressedBytes: arm.compressedBytes, layers: 1 }]);
  });

  test('OCI index: several wanted platforms in order of preference; unknown ones are skipped', async () => {
    const lookup = await client().lookup(ref(`${registry.host}/library/multi:2.0`), [AMD64, { os: 'linux', architecture: 's390x' }, ARM64]);
    assert.deepEqual(
      lookup.sizes.map((size) => [size.platform, size.compressedBytes]),
      [
        ['linux/amd64', amd.compressedBytes],
        ['linux/arm64/v8', arm.compressedBytes],
      ],
    );
  });

  test('Docker manifest list and lookup by digest', async () => {
    const list = await client().lookup(ref(`${registry.host}/legacy/app`), [AMD64]);
    assert.equal(list.digest, dockerList.digest);
    assert.deepEqual(list.sizes, [{ platform: 'linux/amd64', digest: dockerAmd.digest, compressedBytes: dockerAmd.compressedBytes, layers: 1 }]);
    const pinned = await client().lookup(ref(`${registry.host}/library/multi@${index.digest}`), [AMD64]);
    assert.equal(pinned.digest, index.digest);
    assert.equal(pinned.sizes[0]?.compressedBytes, amd.compressedBytes);
  });

  test('anonymous bearer flow: one pull-only token request with service and scope, then reused', async () => {
    const before = anonymousTokenRequests(registry).length;
    const shared = client();
    await shared.lookup(ref(`${registry.host}/team/single:1.0`), [AMD64]);
    await shared.lookup(ref(`${registry.host}/team/single:1.0`), [AMD64]);
    const requests = anonymousTokenRequests(registry).slice(before);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.scope, 'repository:team/single:pull');
    assert.equal(requests[0]?.service, 'bulkhead-test-registry');
  });

  test('no token appears in logs or error messages', async () => {
    logs = [];
    const failure = await rejectsWith(client().lookup(ref(`${registry.host}/team/single:missing`), [AMD64]), 'not-found');
    await client().lookup(ref(`${registry.host}/library/multi:2.0`), [AMD64]);
    const tokens = registry.tokenRequests.map((request) => request.token);
    assert.ok(tokens.length > 0);
    for (const text of [...logs, failure.message]) {
      for (const token of tokens) assert.ok(!text.includes(token), `token leaked into: ${text}`);
    }
    assert.match(failure.message, /team\/single:missing was not found/);
  });

  test('an unknown tag is not-found; a refused token is an auth error naming the repository', async () => {
    await rejectsWith(client().lookup(ref(`${registry.host}/nobody/here:1`), [AMD64]), 'not-found');
    registry.refuseAnonymous = true;
    try {
      const error = await rejectsWith(client().lookup(ref(`${registry.host}/team/single:1.0`), [AMD64]), 'auth');
      assert.match(error.message, /refused anonymous access/);
    } finally {
      registry.refuseAnonymous = false;
    }
  });

  test('a registry not listed as insecure is spoken to over HTTPS only', async () => {
    const before = registry.tokenRequests.length;
    // The local registry speaks plain HTTP, so the TLS handshake fails and no HTTP request is made.
    const error = await rejectsWith(client({ insecure: [] }).lookup(ref(`${registry.host}/team/single:1.0`), [AMD64]), 'network');
    assert.match(error.message, /Could not reach 127\.0\.0\.1/);
    assert.equal(registry.tokenRequests.length, before);
  });

  test('responses over the size limit are cut off', async () => {
    await rejectsWith(client({ maxManifestBytes: 200 }).lookup(ref(`${registry.host}/library/multi:2.0`), [AMD64]), 'too-large');
  });
});

describe('registry client against misbehaving peers on loopback', () => {
  const servers: Server[] = [];
  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('a registry that never answers times out', async () => {
    const host = await serve(() => undefined);
    const started = Date.now();
    await rejectsWith(client({ insecure: [host], timeoutMs: 300 }).lookup(ref(`${host}/slow/image:1`), [AMD64]), 'timeout');
    assert.ok(Date.now() - started < 3000);
  });

  test('a body that streams past the limit without a length is cut off', async () => {
    const host = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const push = () => {
        while (sent < 64 && response.write(chunk)) sent++;
        if (sent < 64) response.once('drain', push);
        else response.end();
      };
      push();
    });
    await rejectsWith(client({ insecure: [host], maxManifestBytes: 100_000 }).lookup(ref(`${host}/big/image:1`), [AMD64]), 'too-large');
  });

  test('a redirect to a plain-HTTP host that is not listed is refused and gets no credentials', async () => {
    const seen: (string | undefined)[] = [];
    const target = await serve((request, response) => {
      seen.push(request.headers.authorization);
      response.writeHead(200).end('{}');
    });
    const host = await serve((_request, response) => {
      response.writeHead(307, { location: `http://${target}/v2/x/manifests/1` }).end();
    });
    await rejectsWith(client({ insecure: [host] }).lookup(ref(`${host}/x:1`), [AMD64]), 'insecure');
    assert.deepEqual(seen, []);
  });

  test('a manifest that does not match its declared digest is rejected', async () => {
    const body = JSON.stringify({ schemaVersion: 2, config: { digest: `sha256:${'a'.repeat(64)}`, size: 1 }, layers: [] });
    const host = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': `sha256:${'b'.repeat(64)}` }).end(body);
    });
    await rejectsWith(client({ insecure: [host] }).lookup(ref(`${host}/tampered:1`), [AMD64]), 'invalid');
  });
});

describe('disk cache and background lookups', () => {
  test('DiskCache: values until expiry, corrupt files ignored, prune removes stale entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-cache-'));
    try {
      let now = 1_000_000;
      const cache = new DiskCache(dir, () => now);
      await cache.set('a', { n: 1 }, 1000);
      await cache.set('b', { n: 2 }, 10_000);
      assert.deepEqual(await cache.get('a'), { n: 1 });
      now += 1500;
      assert.equal(await cache.get('a'), undefined);
      assert.deepEqual(await cache.get('b'), { n: 2 });
      const files = readdirSync(dir);
      assert.equal(files.length, 2);
      writeFileSync(join(dir, 'garbage.json'), '{not json');
      assert.equal(await cache.prune(), 2);
      assert.deepEqual(await cache.get('b'), { n: 2 });
      assert.equal(readdirSync(dir).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('OnlineSizes: pending while fetching, remembered after, answered from disk by a new instance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-cache-'));
    try {
      const reference = ref(`${registry.host}/library/multi:2.0`);
      const first = new OnlineSizes(client(), new DiskCache(dir));
      assert.equal(first.peek(reference, [AMD64]).status, 'unknown');
      const running = first.lookup(reference, [AMD64]);
      assert.equal(first.peek(reference, [AMD64]).status, 'pending');
      const state = await running;
      assert.equal(state.status, 'ready');
      assert.deepEqual(first.peek(reference, [AMD64]), state);
      // A client that may not reach the registry at all still answers from the disk cache.
      const second = new OnlineSizes(client({ insecure: [] }), new DiskCache(dir));
      const cached = await second.lookup(reference, [AMD64]);
      assert.equal(cached.status, 'ready');
      assert.equal(cached.status === 'ready' ? cached.lookup.digest : '', index.digest);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('OnlineSizes: a failure resolves to a message and is remembered, not retried at once', async () => {
    const sizes = new OnlineSizes(client({ insecure: [] }), undefined);
    const reference = ref(`${registry.host}/team/single:1.0`);
    const state = await sizes.lookup(reference, [AMD64]);
    assert.equal(state.status, 'failed');
    assert.match(state.status === 'failed' ? state.message : '', /Could not reach/);
    assert.deepEqual(sizes.peek(reference, [AMD64]), state);
  });
});
