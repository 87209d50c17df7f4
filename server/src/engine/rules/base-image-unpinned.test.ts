import assert from 'node:assert/strict';
import { recommendedTag } from '../../knowledge/images';
import { rule } from './base-image-unpinned';
import { runRuleTests } from './tester';

// The fix pins to whatever the knowledge base recommends today; the expected text follows that table.
const debian = recommendedTag('debian');
const node = recommendedTag('node');
assert.ok(debian && node, 'the knowledge base recommends tags for debian and node');

runRuleTests(rule, {
  valid: [
    'FROM debian:12',
    { name: 'digest without a tag', code: 'FROM ruby@sha256:4f3f1b8e6f3b8c1a7c8e2d1b9a0f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3' },
    { name: 'latest pinned by digest', code: 'FROM debian:latest@sha256:4f3f1b8e6f3b8c1a7c8e2d1b9a0f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app' },
    { name: 'a stage name', code: 'FROM golang:1.23 AS build\nFROM build AS test\nRUN go test' },
    { name: 'an ARG without default is unknown', code: 'ARG BASE\nFROM ${BASE}' },
    { name: 'a tag through an ARG default', code: 'ARG VERSION=3.20\nFROM alpine:${VERSION}' },
    { name: 'a stage chosen by an automatic platform ARG is unknown', code: 'FROM alpine:3.20 AS binaries-linux\nFROM binaries-$TARGETOS' },
    { name: 'a registry with a port is not a tag', code: 'FROM localhost:5000/team/app:1.4.2' },
  ],
  invalid: [
    {
      code: 'FROM debian\nRUN apt-get update',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12 }],
      output: null,
      unsafeOutput: `FROM debian:${debian}\nRUN apt-get update`,
    },
    {
      name: 'latest, in a builder stage too',
      code: 'FROM node:latest AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app /app',
      errors: [{ messageId: 'latest', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      output: null,
      unsafeOutput: `FROM node:${node} AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12:nonroot\nCOPY --from=build /app /app`,
    },
    {
      name: 'an image the knowledge base does not know gets no fix',
      code: 'FROM example.com/team/app',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 26 }],
      output: null,
    },
    {
      name: 'latest through an ARG default gets no fix: the ARG holds it',
      code: 'ARG TAG=latest\nFROM debian:${TAG}',
      errors: [{ messageId: 'latest', line: 2, column: 6, endLine: 2, endColumn: 19 }],
      output: null,
    },
    {
      name: 'a local registry with a port and no tag',
      code: 'FROM localhost:5000/app',
      errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      output: null,
    },
  ],
});
