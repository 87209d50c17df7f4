import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanFromImages } from '../../client/src/imageSize/from-lines';

const summary = (text: string) => scanFromImages(text).map((image) => ({ written: image.written, resolved: image.resolved, kind: image.kind, platform: image.platform, token: text.slice(image.start, image.end) }));

test('images, stages and scratch', () => {
  const text = 'FROM node:22 AS build\nRUN npm ci\nfrom build as test\nFROM scratch\nFROM --platform=linux/arm64 gcr.io/distroless/nodejs22:nonroot\n';
  assert.deepEqual(summary(text), [
    { written: 'node:22', resolved: 'node:22', kind: 'image', platform: null, token: 'node:22' },
    { written: 'build', resolved: 'build', kind: 'stage', platform: null, token: 'build' },
    { written: 'scratch', resolved: 'scratch', kind: 'scratch', platform: null, token: 'scratch' },
    { written: 'gcr.io/distroless/nodejs22:nonroot', resolved: 'gcr.io/distroless/nodejs22:nonroot', kind: 'image', platform: 'linux/arm64', token: 'gcr.io/distroless/nodejs22:nonroot' },
  ]);
});

test('FROM ${ARG} resolves through global ARG defaults only', () => {
  const text = [
    'ARG VERSION=22',
    'ARG VARIANT="slim"',
    'ARG REGISTRY',
    'ARG PLATFORM=linux/amd64',
    'FROM --platform=$PLATFORM node:${VERSION}-${VARIANT} AS base',
    'ARG LATE=3.20',
    'FROM alpine:${LATE}',
    'FROM ${REGISTRY}/app:1',
    'FROM ${REGISTRY:-docker.io}/library/python:${PY:-3.12}',
  ].join('\n');
  assert.deepEqual(
    summary(text).map(({ resolved, kind, platform }) => ({ resolved, kind, platform })),
    [
      { resolved: 'node:22-slim', kind: 'image', platform: 'linux/amd64' },
      { resolved: null, kind: 'unresolved', platform: null },
      { resolved: null, kind: 'unresolved', platform: null },
      { resolved: 'docker.io/library/python:3.12', kind: 'image', platform: null },
    ],
  );
});

test('continuations, comment lines inside them, CRLF and a backtick escape keep document offsets', () => {
  const text = 'FROM \\\n# a comment\n  --platform=linux/arm64 \\\r\n  python:3.12-slim \\\n  AS app\r\nRUN true';
  const [image] = scanFromImages(text);
  assert.equal(image?.resolved, 'python:3.12-slim');
  assert.equal(text.slice(image?.start, image?.end), 'python:3.12-slim');
  assert.equal(image?.platform, 'linux/arm64');
  const backtick = '# escape=`\nFROM `\n  ubuntu:24.04\nRUN echo \\';
  const [ubuntu] = scanFromImages(backtick);
  assert.equal(backtick.slice(ubuntu?.start, ubuntu?.end), 'ubuntu:24.04');
});

test('an alias named like a later image makes that FROM a stage, case-insensitively', () => {
  assert.deepEqual(
    summary('FROM alpine AS Base\nFROM base\nFROM BASE').map((image) => image.kind),
    ['image', 'stage', 'stage'],
  );
});
