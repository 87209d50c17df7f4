import { rule } from './large-base-image';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    { name: 'already slim', code: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]' },
    { name: 'alpine', code: 'FROM python:3.12-alpine\nCMD ["python3"]' },
    { name: 'a large builder stage is not the final image', code: 'FROM node:22 AS build\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/main.js"]' },
    { name: 'slim saves less than 50 MB', code: 'FROM debian:bookworm\nRUN apt-get update' },
    { name: 'rust alpine is larger than slim', code: 'FROM rust:1-slim\nRUN cargo build --release' },
    { name: 'an image the tables do not know', code: 'FROM myorg/node:22\nCMD ["node"]' },
    { name: 'an ARG without default', code: 'ARG BASE\nFROM ${BASE}\nCMD ["node"]' },
    { name: 'JDK to JRE is left to jdk-in-runtime-image', code: 'FROM eclipse-temurin:21-jdk-noble\nRUN apt-get update\nCMD ["java", "-jar", "/app.jar"]' },
    { name: 'a stage calling two package managers', code: 'FROM node:22\nRUN apt-get update && apk add curl\nCMD ["node"]' },
    { name: 'the stage uses curl and git from the full image', code: 'FROM node:22\nRUN git clone https://example.com/app.git /app && curl -fsS https://example.com/x -o /x\nCMD ["node", "/app"]' },
    { name: 'gcc from the full image for a native module', code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt && gcc -o /hello hello.c\nCMD ["python"]' },
    {
      name: 'a threshold above every saving (largeBaseImageMinSavingsMB: 400)',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
      options: { settings: { largeBaseImageMinSavingsMB: 400 } },
    },
    { name: 'already distroless', code: 'FROM gcr.io/distroless/nodejs22-debian13\nCOPY . /app\nCMD ["/app/server.js"]' },
  ],
  invalid: [
    {
      name: 'a threshold between the savings (340 MB): slim saves 329 MB, so only alpine (348 MB) is offered',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
      options: { settings: { largeBaseImageMinSavingsMB: 340 } },
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 13, data: { alternative: 'node:22-alpine' } }],
      output: null,
      unsafeOutput: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
    },
    {
      name: 'npm install: slim first, alpine titled with the musl caveat',
      code: 'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 13 }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
    },
    {
      name: 'apt in the stage rules out alpine; the OS in the tag is kept',
      code: 'FROM python:3.12-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD ["python"]',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 24 }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD ["python"]',
    },
    {
      name: 'no shell after FROM: distroless is offered too',
      code: 'FROM docker.io/library/node:22\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 31 }],
      output: null,
      unsafeOutput: 'FROM docker.io/library/node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    },
    {
      name: 'the final image built through a stage chain, with a digest',
      code: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS base\nWORKDIR /app\nFROM base\nCMD node app.js',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 89 }],
      output: null,
      unsafeOutput: 'FROM node:slim AS base\nWORKDIR /app\nFROM base\nCMD node app.js',
    },
    {
      name: 'curl installed by the stage itself still fits slim',
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "-m", "http.server"]',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nCMD ["python", "-m", "http.server"]',
    },
    {
      name: 'a Go toolchain as the final image',
      code: 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
      errors: [{ messageId: 'large', line: 1, column: 6, endLine: 1, endColumn: 17 }],
      output: null,
      unsafeOutput: 'FROM golang:1.27-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]',
    },
    {
      name: 'through an ARG default: reported without fix',
      code: 'ARG PY=3.12\nFROM python:${PY}\nCMD ["python"]',
      errors: [{ messageId: 'large', line: 2, column: 6, endLine: 2, endColumn: 18 }],
      output: null,
    },
  ],
});
