import { rule } from './untrusted-registry';
import { runRuleTests } from './tester';

const trusted = (...trustedRegistries: string[]): { settings: { trustedRegistries: string[] } } => ({ settings: { trustedRegistries } });

runRuleTests(rule, {
  valid: [
    { name: 'no registries configured: nothing to check', code: 'FROM random.example.com/debian:12' },
    { name: 'an allowed registry', code: 'FROM registry.example.com/base/debian:12', options: trusted('x.example.com', 'registry.example.com') },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app', options: trusted('registry.example.com') },
    { name: 'every spelling of Docker Hub', code: 'FROM ubuntu:24.04 AS a\nFROM zemanlx/ubuntu:18.04 AS b\nFROM index.docker.io/library/node:22', options: trusted('docker.io') },
    { name: 'earlier stages by name and index', code: 'FROM ghcr.io/o/base:1 AS build\nFROM build AS two\nCOPY --from=0 /a /a\nCOPY --from=build /b /b', options: trusted('ghcr.io') },
    { name: 'a wildcard host', code: 'FROM eu.registry.example.com/debian:12', options: trusted('*.registry.example.com') },
    { name: 'a path prefix', code: 'FROM node:22-slim\nFROM docker.io/library/python:3.13', options: trusted('docker.io/library') },
    { name: 'everything', code: 'FROM quay.io/x/y:1', options: trusted('*') },
    { name: 'an image from an unknown build argument', code: 'ARG BASE\nFROM ${BASE}', options: trusted('registry.example.com') },
  ],
  invalid: [
    {
      name: 'a registry that is not listed',
      code: 'FROM random.example.com/debian:12\n',
      options: trusted('docker.io'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 34 }],
      output: null,
    },
    {
      name: 'Docker Hub is untrusted when not listed, in every stage',
      code: 'FROM ubuntu:18.04 AS builder1\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder2',
      options: trusted('trusted.example.com'),
      errors: [
        { messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 18 },
        { messageId: 'untrusted', line: 2, column: 6, endLine: 2, endColumn: 36 },
      ],
      output: null,
    },
    {
      name: 'a wildcard does not match another domain',
      code: 'FROM x.example.org/debian',
      options: trusted('*.example.com'),
      errors: [{ messageId: 'untrusted', line: 1, column: 6, endLine: 1, endColumn: 26 }],
      output: null,
    },
    {
      name: 'COPY --from and RUN --mount from an image',
      code: 'FROM trusted.example.com/base:1\nCOPY --from=untrusted.example.com/repo/image:tag /foo /bar\nRUN --mount=type=cache,from=other.example.com/img:1,target=/c make',
      options: trusted('trusted.example.com'),
      errors: [
        { messageId: 'untrusted', line: 2, column: 13, endLine: 2, endColumn: 49 },
        { messageId: 'untrusted', line: 3, column: 29, endLine: 3, endColumn: 52 },
      ],
      output: null,
    },
    {
      name: 'resolved through a global ARG',
      code: 'ARG REGISTRY=quay.io\nFROM ${REGISTRY}/org/app:1.0',
      options: trusted('ghcr.io'),
      errors: [{ messageId: 'untrusted', line: 2, column: 6, endLine: 2, endColumn: 29 }],
      output: null,
    },
  ],
});
