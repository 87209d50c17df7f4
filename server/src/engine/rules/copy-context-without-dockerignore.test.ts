import { rule } from './copy-context-without-dockerignore';
import { runRuleTests } from './tester';

const missing = { buildContext: { hasDockerignore: false } };

/** What the unsafe fix writes beside the Dockerfile, line for line. */
const CREATED = {
  '.dockerignore': [
    '# Created by Bulkhead: keeps these out of every COPY and ADD of the build context.',
    '# Remove a line if the build needs that path.',
    '.git',
    '**/.env',
    '**/.env.local',
    '**/.env.*.local',
    '**/node_modules',
    '**/.venv',
    '**/__pycache__',
    '.idea',
    '.vscode',
    '',
  ].join('\n'),
};

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
      // The Dockerfile stays as it is: the fix only creates the file.
      unsafeOutput: 'FROM node:22\nCOPY . /app',
      unsafeCreated: CREATED,
    },
    {
      name: 'ADD with ./ and flags',
      code: 'FROM python:3.12-slim\nADD --chown=app:app ./ /srv/',
      options: missing,
      errors: [{ messageId: 'noDockerignore', line: 2, column: 21, endLine: 2, endColumn: 23 }],
      output: null,
      unsafeOutput: 'FROM python:3.12-slim\nADD --chown=app:app ./ /srv/',
      unsafeCreated: CREATED,
    },
    {
      name: 'in a builder stage too: the context is sent and cached there',
      code: 'FROM golang:1.23 AS build\nCOPY . .\nFROM scratch\nCOPY --from=build /out /app',
      options: missing,
      errors: [{ messageId: 'noDockerignore', line: 2, column: 6, endLine: 2, endColumn: 7 }],
      output: null,
      unsafeOutput: 'FROM golang:1.23 AS build\nCOPY . .\nFROM scratch\nCOPY --from=build /out /app',
      unsafeCreated: CREATED,
    },
    {
      name: 'two copies of the context: one file is created and ends both findings',
      code: 'FROM node:22 AS deps\nCOPY . /src\nFROM node:22-slim\nCOPY ./ /app',
      options: missing,
      errors: [
        { messageId: 'noDockerignore', line: 2, column: 6, endLine: 2, endColumn: 7 },
        { messageId: 'noDockerignore', line: 4, column: 6, endLine: 4, endColumn: 8 },
      ],
      output: null,
      unsafeOutput: 'FROM node:22 AS deps\nCOPY . /src\nFROM node:22-slim\nCOPY ./ /app',
      unsafeCreated: CREATED,
    },
  ],
});
