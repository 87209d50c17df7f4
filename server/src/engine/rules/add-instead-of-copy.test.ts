import { rule } from './add-instead-of-copy';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app /app',
    { name: 'a remote URL', code: 'FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/' },
    { name: 'a local archive is unpacked', code: 'FROM alpine:3.20\nADD rootfs.tar.xz /' },
    { name: 'a compressed file may be a tar archive', code: 'FROM alpine:3.20\nADD "release.gz" /opt/' },
    { name: 'a git repository', code: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src' },
    { name: 'an ADD-only flag', code: 'FROM alpine:3.20\nADD --checksum=sha256:0123 app.bin /app' },
    { name: 'a source from an unknown build argument', code: 'FROM alpine:3.20\nARG SRC\nADD $SRC /app' },
    { name: 'an archive named through an ARG default', code: 'FROM alpine:3.20\nARG DIST=app.tgz\nADD ${DIST} /opt/' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nADD app /app',
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3.20\nCOPY app /app',
    },
    {
      name: 'several sources and flags COPY shares, lower-case keyword',
      code: 'FROM alpine:3.20\nadd --chown=app:app package.json yarn.lock /app/',
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM alpine:3.20\ncopy --chown=app:app package.json yarn.lock /app/',
    },
    {
      name: 'in a builder stage too',
      code: 'FROM golang:1.23 AS build\nADD . /src\nFROM scratch',
      errors: [{ messageId: 'useCopy', line: 2, column: 1, endLine: 2, endColumn: 4 }],
      output: 'FROM golang:1.23 AS build\nCOPY . /src\nFROM scratch',
    },
  ],
});
