import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseChallenges } from '../../client/src/imageSize/registry/auth';
import { parsePlatform, platformMatches } from '../../client/src/imageSize/registry/platform';
import { formatReference, parseRegistryReference } from '../../client/src/imageSize/registry/reference';

const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;

test('references normalise like docker pull', () => {
  const cases: [string, string, string][] = [
    ['node', 'docker.io/library/node:latest', 'registry-1.docker.io'],
    ['node:22-slim', 'docker.io/library/node:22-slim', 'registry-1.docker.io'],
    ['bitnami/nginx:1.25', 'docker.io/bitnami/nginx:1.25', 'registry-1.docker.io'],
    ['docker.io/library/python:3.12', 'docker.io/library/python:3.12', 'registry-1.docker.io'],
    ['index.docker.io/node', 'docker.io/library/node:latest', 'registry-1.docker.io'],
    ['ghcr.io/owner/tool:v1', 'ghcr.io/owner/tool:v1', 'ghcr.io'],
    ['localhost/app', 'localhost/app:latest', 'localhost'],
    ['localhost:5000/team/app:2', 'localhost:5000/team/app:2', 'localhost:5000'],
    ['registry.example.com:5443/a/b/c', 'registry.example.com:5443/a/b/c:latest', 'registry.example.com:5443'],
    [`node@${digest}`, `docker.io/library/node@${digest}`, 'registry-1.docker.io'],
    [`node:22@${digest}`, `docker.io/library/node:22@${digest}`, 'registry-1.docker.io'],
    ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12:nonroot', 'gcr.io'],
  ];
  for (const [text, canonical, endpoint] of cases) {
    const parsed = parseRegistryReference(text);
    assert.ok(parsed, text);
    assert.equal(formatReference(parsed), canonical, text);
    assert.equal(parsed.endpoint, endpoint, text);
  }
});

test('not references: unresolved variables, scratch, bad names, tags and digests', () => {
  for (const text of ['', '${BASE}', 'node:$VERSION', 'scratch', 'Node:22', 'node:bad tag', 'node@sha256:abc', 'a//b', 'node:-x', '-node']) {
    assert.equal(parseRegistryReference(text), null, text);
  }
});

test('WWW-Authenticate: Docker Hub bearer challenge, quoting and several challenges', () => {
  const [hub] = parseChallenges('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"');
  assert.equal(hub?.scheme, 'bearer');
  assert.equal(hub?.params.get('realm'), 'https://auth.docker.io/token');
  assert.equal(hub?.params.get('service'), 'registry.docker.io');
  assert.equal(hub?.params.get('scope'), 'repository:library/node:pull');
  const both = parseChallenges('Basic realm="a \\"quoted\\" realm", Bearer realm=https://x/token, error=insufficient_scope');
  assert.deepEqual(
    both.map((challenge) => [challenge.scheme, Object.fromEntries(challenge.params)]),
    [
      ['basic', { realm: 'a "quoted" realm' }],
      ['bearer', { realm: 'https://x/token', error: 'insufficient_scope' }],
    ],
  );
});

test('platforms: parsing, host names and variant matching', () => {
  assert.deepEqual(parsePlatform('linux/arm64/v8'), { os: 'linux', architecture: 'arm64', variant: 'v8' });
  assert.deepEqual(parsePlatform('linux/x86_64'), { os: 'linux', architecture: 'amd64' });
  assert.equal(parsePlatform('amd64'), null);
  assert.ok(platformMatches({ os: 'linux', architecture: 'arm64', variant: 'v8' }, { os: 'linux', architecture: 'arm64' }));
  assert.ok(!platformMatches({ os: 'linux', architecture: 'arm', variant: 'v6' }, { os: 'linux', architecture: 'arm', variant: 'v7' }));
  assert.ok(!platformMatches({ os: 'linux', architecture: 'amd64' }, { os: 'windows', architecture: 'amd64' }));
});
