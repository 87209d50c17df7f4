import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sizeView, type OfflineFacts } from '../../client/src/imageSize/size-view';

const AMD64 = { os: 'linux', architecture: 'amd64' };
const ARM64 = { os: 'linux', architecture: 'arm64' };
const offline: OfflineFacts = {
  image: 'node:22',
  approximate: false,
  sizes: [
    { platform: 'linux/amd64', bytes: 408_499_334 },
    { platform: 'linux/arm64', bytes: 399_874_234 },
  ],
  recorded: '2026-09-19',
  variant: 'default (Debian, full)',
  defaultUser: 'root',
  nonRootUser: 'node',
  alternatives: [
    { image: 'node:22-slim', bytes: 79_893_445, note: null },
    { image: 'node:22-alpine', bytes: 60_697_390, note: 'musl libc' },
    { image: 'gcr.io/distroless/nodejs22-debian13', bytes: null, note: 'no shell: exec-form CMD only' },
  ],
};
const lookup = {
  reference: 'docker.io/library/node:22',
  digest: `sha256:${'ab'.repeat(32)}`,
  multiPlatform: true,
  sizes: [
    { platform: 'linux/arm64/v8', digest: `sha256:${'cd'.repeat(32)}`, compressedBytes: 401_000_000, layers: 8 },
    { platform: 'linux/amd64', digest: `sha256:${'ef'.repeat(32)}`, compressedBytes: 412_300_000, layers: 8 },
  ],
  platforms: ['linux/amd64', 'linux/arm64/v8', 'linux/ppc64le'],
  fetchedAt: Date.UTC(2026, 10, 29, 12, 0),
};

test('offline: the table size for the chosen platform, alternatives with savings, why it is offline', () => {
  const view = sizeView({ reference: 'node:22', platform: ARM64, offline, online: { status: 'off', reason: 'Registry lookups are off (`bulkhead.imageSize.online`).' } });
  assert.equal(view.label, '≈ 400 MB');
  assert.equal(view.digest, null);
  assert.match(view.hover, /\| linux\/amd64 \| 408 MB \|/);
  assert.match(view.hover, /`node:22-slim` ≈ 80 MB, saves 320 MB/);
  assert.match(view.hover, /`node:22-alpine` ≈ 61 MB, saves 339 MB \(musl libc\)/);
  assert.match(view.hover, /`gcr\.io\/distroless\/nodejs22-debian13` size not recorded \(no shell: exec-form CMD only\)/);
  assert.match(view.hover, /Default user: `root`; the image has a non-root user `node` for `USER`\./);
  assert.match(view.hover, /recorded 2026-09-19/);
  assert.match(view.hover, /Registry lookups are off/);
});

test('offline nearest tag is marked approximate in the hint and the hover', () => {
  const view = sizeView({ reference: 'node:22.11', platform: AMD64, offline: { ...offline, approximate: true }, online: { status: 'off', reason: 'x' } });
  assert.equal(view.label, '≈ 408 MB (as node:22)');
  assert.match(view.hover, /nearest known tag: `node:22`, approximate/);
});

test('online: the registry size wins, per-platform table, unmeasured platforms, digest for pinning', () => {
  const view = sizeView({ reference: 'node:22', platform: ARM64, offline, online: { status: 'ready', lookup } });
  assert.equal(view.label, '≈ 401 MB');
  assert.equal(view.digest, lookup.digest);
  assert.match(view.hover, /\| linux\/arm64\/v8 \| 401 MB \| 8 \|/);
  assert.match(view.hover, /Also published for linux\/ppc64le\./);
  assert.match(view.hover, /looked up 2026-11-29 12:00 UTC/);
});

test('online: a platform the image does not offer says so; failures keep the offline size and explain', () => {
  assert.equal(sizeView({ reference: 'node:22', platform: { os: 'linux', architecture: 's390x' }, offline, online: { status: 'ready', lookup } }).label, 'no linux/s390x image');
  const failed = sizeView({ reference: 'node:22', platform: AMD64, offline, online: { status: 'failed', message: 'registry-1.docker.io did not answer in time.' } });
  assert.equal(failed.label, '≈ 408 MB');
  assert.match(failed.hover, /Registry lookup failed: registry-1\.docker\.io did not answer in time\./);
});

test('unknown image: no hint, a hover that says so', () => {
  const view = sizeView({ reference: 'example.com/private/app:1', platform: AMD64, offline: null, online: { status: 'pending' } });
  assert.equal(view.label, null);
  assert.match(view.hover, /No size is known for this image offline\./);
  assert.match(view.hover, /Registry lookup in progress/);
});
