import assert from 'node:assert/strict';
import { test } from 'node:test';
import table from '../../server/src/knowledge/images.json';
import { withBaseImageSizes } from '../../client/src/audit/base-image-sizes';
import { offlineFacts } from '../../client/src/imageSize/offline';
import { parseRegistryReference } from '../../client/src/imageSize/registry/reference';

const facts = (text: string, arch = 'amd64') => {
  const ref = parseRegistryReference(text);
  assert.ok(ref, text);
  return offlineFacts(ref, arch);
};
const row = (image: string, tag: string) => (table.tags as unknown as Record<string, Record<string, [number, number | null, string]>>)[image]?.[tag];

test('an exact tag: sizes per platform from the table, users, smaller alternatives with notes', () => {
  const node = facts('node:22');
  const expected = row('node', '22');
  assert.ok(node && expected);
  assert.equal(node.image, 'node:22');
  assert.equal(node.approximate, false);
  assert.deepEqual(node.sizes, [
    { platform: 'linux/amd64', bytes: expected[0] },
    { platform: 'linux/arm64', bytes: expected[1] },
  ]);
  assert.equal(node.recorded, expected[2]);
  assert.equal(node.defaultUser, 'root');
  assert.equal(node.nonRootUser, 'node');
  const images = node.alternatives.map((alternative) => alternative.image);
  assert.ok(images.includes('node:22-slim'), images.join());
  assert.equal(node.alternatives[0]?.image, 'node:22-slim', 'the most compatible first');
  assert.equal(node.alternatives[0]?.bytes, row('node', '22-slim')?.[0]);
  const alpine = node.alternatives.find((alternative) => alternative.image.startsWith('node:22-alpine'));
  assert.match(alpine?.note ?? '', /musl libc/);
  assert.equal(facts('docker.io/library/node:22')?.image, 'node:22');
});

test('arm64 figures for arm64; a tag the table lacks takes the nearest one, marked approximate', () => {
  const arm = facts('node:22', 'arm64');
  assert.equal(arm?.alternatives[0]?.bytes, row('node', '22-slim')?.[1]);
  const near = facts('node:22.99-slim');
  assert.equal(near?.approximate, true);
  assert.match(near?.image ?? '', /^node:22/);
});

test('images the tables do not cover have no offline facts', () => {
  assert.equal(facts('ghcr.io/owner/node:22'), null);
  assert.equal(facts('bitnami/node:22'), null);
  assert.equal(facts('no-such-official-image:1'), null);
});

test('audit rows get the base image size and the saving of the most compatible smaller image', () => {
  const node = facts('node:22');
  assert.ok(node);
  const base = { uri: 'file:///w/Dockerfile', findings: [], counts: { error: 0, warning: 0, info: 0 }, grade: 'A' as const, baseImage: 'node:22', baseImageLine: 0, baseImageBytes: null, savingsBytes: null };
  const filled = withBaseImageSizes(base);
  assert.equal(filled.baseImageBytes, row('node', '22')?.[0]);
  assert.equal(filled.savingsBytes, (row('node', '22')?.[0] ?? 0) - (row('node', '22-slim')?.[0] ?? 0));
  assert.deepEqual(withBaseImageSizes({ ...base, baseImage: 'ghcr.io/x/y:1' }), { ...base, baseImage: 'ghcr.io/x/y:1' });
  assert.equal(withBaseImageSizes({ ...base, savingsBytes: 7 }).savingsBytes, 7);
});
