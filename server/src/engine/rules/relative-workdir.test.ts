import { rule } from './relative-workdir';
import { runRuleTests } from './tester';

runRuleTests(rule, {
  valid: [
    'FROM debian:12\nWORKDIR /app',
    { name: 'quoted absolute path', code: 'FROM debian:12\nWORKDIR "/usr/local"' },
    { name: 'built from a variable', code: 'FROM debian:12\nWORKDIR $HOME/app' },
    { name: 'braced variable in quotes', code: 'FROM debian:12\nWORKDIR "${APP_HOME}"' },
    { name: 'Windows drive', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app' },
    { name: 'Windows drive with a forward slash', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR "C:/app"' },
    { name: 'relative after an absolute WORKDIR in the same stage', code: 'FROM node:22\nWORKDIR /app\nWORKDIR frontend' },
    { name: 'relative in a stage built from a stage with an absolute WORKDIR', code: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR web' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nWORKDIR app',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: null,
    },
    {
      name: 'quoted relative path',
      code: "FROM debian:12\nWORKDIR 'relative/dir'",
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'an absolute WORKDIR in another stage does not count',
      code: 'FROM node:22 AS build\nWORKDIR /src\nFROM node:22-slim\nWORKDIR app',
      errors: [{ messageId: 'relative', line: 4, column: 9, endLine: 4, endColumn: 12 }],
      output: null,
    },
    {
      name: 'relative before the absolute one',
      code: 'FROM debian:12\nWORKDIR src\nWORKDIR /app',
      errors: [{ messageId: 'relative', line: 2, column: 9, endLine: 2, endColumn: 12 }],
      output: null,
    },
  ],
});
