import { rule } from './base-image-not-digest-pinned';
import { runRuleTests } from './tester';

const DIGEST = 'sha256:4f3f1b8e6f3b8c1a7c8e2d1b9a0f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3';

runRuleTests(rule, {
  valid: [
    `FROM node:22@${DIGEST}`,
    { name: 'digest without a tag', code: `FROM gcr.io/distroless/static@${DIGEST}` },
    { name: 'scratch has no digest', code: 'FROM scratch\nCOPY app /app' },
    { name: 'a stage', code: `FROM node:22@${DIGEST} AS build\nFROM build` },
    { name: 'digest through an ARG default', code: `ARG BASE=node:22@${DIGEST}\nFROM \${BASE}` },
    { name: 'unknown ARG', code: 'ARG BASE\nFROM ${BASE}' },
  ],
  invalid: [
    {
      code: 'FROM node:22',
      errors: [{ messageId: 'notDigestPinned', line: 1, column: 6, endLine: 1, endColumn: 13 }],
      output: null,
    },
    {
      name: 'every external base, builder stages too',
      code: `FROM golang:1.23 AS build\nFROM gcr.io/distroless/static@${DIGEST}\nCOPY --from=build /app /app`,
      errors: [{ messageId: 'notDigestPinned', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      output: null,
    },
    {
      name: 'through an ARG default',
      code: 'ARG VERSION=3.20\nFROM alpine:${VERSION}',
      errors: [{ messageId: 'notDigestPinned', line: 2, column: 6, endLine: 2, endColumn: 23 }],
      output: null,
    },
  ],
});
