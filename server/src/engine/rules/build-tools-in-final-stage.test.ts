import { rule } from './build-tools-in-final-stage';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'runtime libraries, not headers', code: 'FROM debian:12-slim\nRUN apt-get install -y libssl3 libpq5 ca-certificates' },
    { name: 'a builder stage', code: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential cmake\nFROM debian:12-slim\nCOPY --from=build /out/app /app' },
    { name: 'purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc libffi-dev && pip install --no-cache-dir cffi && apt-get purge -y gcc libffi-dev' },
    { name: 'the apk virtual build-deps pattern', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg && apk del .build-deps' },
    {
      name: 'the official-image idiom: apt-mark auto, then purge --auto-remove',
      code: 'FROM debian:12-slim\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; \\\n    apt-get install -y --no-install-recommends gcc make libssl-dev; \\\n    make install; \\\n    apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; \\\n    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false',
    },
    { name: 'a name that only contains dev', code: 'FROM debian:12-slim\nRUN apt-get install -y devscripts-notreal udev' },
    { name: 'npm packages are not OS toolchains', code: 'FROM node:22-slim\nRUN npm install --omit=dev make' },
  ],
  invalid: [
    {
      name: 'build-essential with headers, one finding on the first',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    build-essential libpq-dev \\\n && pip install --no-cache-dir psycopg2',
      errors: [{ messageId: 'installed', line: 3, column: 5, endLine: 3, endColumn: 20 }],
      output: null,
    },
    {
      name: 'Alpine toolchain in a stage the final image builds on',
      code: 'FROM alpine:3.24 AS base\nRUN apk add --no-cache curl build-base\nFROM base\nCMD ["/app"]',
      errors: [{ messageId: 'installed', line: 2, column: 29, endLine: 2, endColumn: 39 }],
      output: null,
    },
    {
      name: 'devel RPMs and maven',
      code: 'FROM fedora:44\nRUN dnf install -y openssl-devel maven && dnf clean all',
      errors: [{ messageId: 'installed', line: 2, column: 20, endLine: 2, endColumn: 33 }],
      output: null,
    },
    {
      name: 'purging only some of them',
      code: 'FROM debian:12-slim\nRUN apt-get install -y gcc make && make && apt-get purge -y gcc',
      errors: [{ messageId: 'installed', line: 2, column: 28, endLine: 2, endColumn: 32 }],
      output: null,
    },
  ],
});
