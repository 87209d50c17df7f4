import { rule } from './copy-context-without-dockerignore';
import { runRuleTests } from './tester';

const missing = { buildContext: { hasDockerignore: false } };

runRuleTests(rule, {
  valid: [
    { name: 'a .dockerignore exists', code: 'FROM node:22\nCOPY . /app', options: { buildContext: { hasDockerignore: true } } },
    { name: 'unknown build context', code: 'FROM node:22\nCOPY . /app' },
    { name: 'named files only', code: 'FROM node:22\nCOPY package.json package-lock.json ./', options: missing },
    { name: 'a subfolder', code: 'FROM node:22\nCOPY ./src /app/src', options: missing },
    { name: 'dot as the destination', code: 'FROM node:22\nWORKDIR /app\nCOPY app.js .', options: missing },
    { name: 'copy from a stage', code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build . /app', options: missing },
    { name: 'a hidden file', code: 'FROM node:22\nCOPY .npmrc.example /app/', options: missing },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY . /app',
      options: missing,
      errors: [{ messageId: 'noDockerignore', line: 2, column: 6, endLine: 2, endColumn: 7 }],
      output: null,
    },
    {
      name: 'ADD with ./ and flags',
      code: 'FROM python:3.12-slim\nADD --chown=app:app ./ /srv/',
      options: missing,
      errors: [{ messageId: 'noDockerignore', line: 2, column: 21, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'in a builder stage too: the context is sent and cached there',
      code: 'FROM golang:1.23 AS build\nCOPY . .\nFROM scratch\nCOPY --from=build /out /app',
      options: missing,
      errors: [{ messageId: 'noDockerignore', line: 2, column: 6, endLine: 2, endColumn: 7 }],
      output: null,
    },
  ],
});
