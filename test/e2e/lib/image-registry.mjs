// The real registry for the online image-size and pin-to-digest tests: Debian's `docker-registry`
// with its token server, from test/registry/local-registry.ts (shared with the Node tests, loaded
// through tsx), filled with two synthetic images. The extension host learns the registry and what
// was pushed from E2E_IMAGE_REGISTRY and E2E_IMAGE_REGISTRY_IMAGES (see suite/helpers.ts).
import { tsImport } from 'tsx/esm/api';

const { Pusher, anonymousTokenRequests, startLocalRegistry } = await tsImport('../../registry/local-registry.ts', import.meta.url);

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64' };
/** What the extension sends as User-Agent; the pusher and the start-up probe send Node's. */
const EXTENSION_AGENT = /"bulkhead-vscode\/[^"]*"$/;

export async function startImageRegistry() {
  const registry = await startLocalRegistry({ accessLog: true });
  try {
    const pusher = new Pusher(registry);
    // Sizes far apart, so the hint's rounded figure tells which manifest was measured.
    const single = await pusher.pushImage('e2e/single', '1.0', AMD64, [1_500_000, 700_000]);
    const amd = await pusher.pushImage('e2e/multi', 'amd64', AMD64, [3_000_000, 1_200_000]);
    const arm = await pusher.pushImage('e2e/multi', 'arm64', ARM64, [600_000]);
    const index = await pusher.pushIndex('e2e/multi', '2.0', [
      { manifest: amd, platform: AMD64 },
      { manifest: arm, platform: ARM64 },
    ]);
    const images = {
      single: { reference: `${registry.host}/e2e/single:1.0`, digest: single.digest, platforms: { amd64: { digest: single.digest, compressedBytes: single.compressedBytes } } },
      index: {
        reference: `${registry.host}/e2e/multi:2.0`,
        digest: index.digest,
        platforms: { amd64: { digest: amd.digest, compressedBytes: amd.compressedBytes }, arm64: { digest: arm.digest, compressedBytes: arm.compressedBytes } },
      },
    };
    const pushed = registry.requests.length;
    return {
      host: registry.host,
      env: { E2E_IMAGE_REGISTRY: registry.host, E2E_IMAGE_REGISTRY_IMAGES: JSON.stringify(images) },
      /** Requests the extension made: to the registry (by user agent) and anonymous ones to its token server. */
      extensionRequests: () => [...registry.requests.slice(pushed).filter((line) => EXTENSION_AGENT.test(line)), ...anonymousTokenRequests(registry).map((request) => `token ${request.scope}`)],
      stop: () => registry.stop(),
    };
  } catch (error) {
    await registry.stop();
    throw error;
  }
}
