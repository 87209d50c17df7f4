import { rule } from './runs-as-root';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM node:22-slim\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]',
    { name: 'a numeric user', code: 'FROM debian:12\nUSER 10001:10001' },
    { name: 'root for a step, then back', code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app' },
    { name: 'a distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app' },
    { name: 'a Chainguard image runs as nonroot', code: 'FROM cgr.dev/chainguard/static\nCOPY app /app' },
    { name: 'root only in a builder stage', code: 'FROM golang:1.23 AS build\nUSER root\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app\nUSER 65532' },
    { name: 'the user set in the stage the final one is built from', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "app.js"]' },
    { name: 'an unknown user', code: 'FROM debian:12\nARG APP_USER\nUSER ${APP_USER}' },
    { name: 'an unknown base image', code: 'ARG BASE\nFROM ${BASE}\nCOPY app /app' },
    { name: 'Windows images have no root user', code: 'FROM mcr.microsoft.com/dotnet/aspnet:10.0-nanoserver-ltsc2022\nCOPY app /app' },
    { name: 'a user whose name starts with root', code: 'FROM debian:12\nUSER rootless' },
  ],
  invalid: [
    {
      name: 'no fix when the last RUN continues to the end of the file (the USER line would join it)',
      code: 'FROM node:22\nRUN echo hi \\\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 13 }],
      output: null,
    },
    {
      name: 'no fix inside an unterminated heredoc (found by fuzzing)',
      code: 'FROM node:22\nRUN <<EOF\necho hi\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 13 }],
      output: null,
    },
    {
      name: 'last USER is root',
      code: 'FROM ubuntu:24.04\nUSER root\n',
      errors: [{ messageId: 'userRoot', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      name: 'USER 0:0 after an unprivileged user goes back to it',
      code: 'FROM debian:12\nUSER app\nRUN make\nUSER 0:0\nCMD ["app"]',
      errors: [{ messageId: 'userRoot', line: 4, column: 6, endLine: 4, endColumn: 9 }],
      output: null,
      unsafeOutput: 'FROM debian:12\nUSER app\nRUN make\nUSER 0:0\nCMD ["app"]\nUSER app',
    },
    {
      name: 'no USER on node: the image has a node user',
      code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 18 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\nUSER node\n',
    },
    {
      name: 'no USER on a plain distroless tag',
      code: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 39 }],
      output: null,
      unsafeOutput: 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER 65532',
    },
    {
      name: 'no USER on scratch takes a numeric id, after a multi-line last instruction',
      code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build \\\n  /app /app',
      errors: [{ messageId: 'noUser', line: 3, column: 6, endLine: 3, endColumn: 13 }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build \\\n  /app /app\nUSER 65532:65532',
    },
    {
      name: 'no USER on an image the knowledge base does not know: no fix',
      code: 'FROM registry.example.com/team/base:3\nCOPY app /app',
      errors: [{ messageId: 'noUser', line: 1, column: 6, endLine: 1, endColumn: 38 }],
      output: null,
    },
    {
      name: 'root inherited from the base stage is reported on the final FROM',
      code: 'FROM ubuntu:24.04 AS base\nRUN apt-get update\nFROM base\nRUN echo done',
      errors: [{ messageId: 'noUser', line: 3, column: 6, endLine: 3, endColumn: 10 }],
      output: null,
    },
    {
      name: 'USER root in the base stage carries over',
      code: 'FROM debian AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n',
      errors: [{ messageId: 'userRoot', line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
  ],
});
